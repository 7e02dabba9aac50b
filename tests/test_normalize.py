"""Normalisation keeps an exact offset map; the fast path for NFC text equals the general path."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from cchc_extract.text.normalize import _normalize_nfc, normalize, normalize_clusters

SAMPLES = [
    "Tỷ lệ  hồ sơ\u00a0đạt 95%\r\n\r\n\r\n- Trên 70% – mục tiêu",
    "  \ufeffSố: 473 /VHTT \n\n\n\nV/v\u200b tăng cường\t\tnăm 2020  ",
    "a\u2014b\u2212c\n\u2028d",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_fast_path_equals_general_path(text: str) -> None:
    a, b = _normalize_nfc(text), normalize_clusters(text)
    assert (a.text, a.offsets) == (b.text, b.offsets)


def test_corpus_fast_path(corpus_docs: list[Path]) -> None:
    for doc in corpus_docs:
        text = doc.read_text(encoding="utf-8")
        assert _normalize_nfc(text) == normalize_clusters(text)


def test_decomposed_input_is_composed_and_mapped() -> None:
    source = unicodedata.normalize("NFD", "Chủ tịch Ủy ban: đạt 98,5%")
    norm = normalize(source)
    assert norm.text == "Chủ tịch Ủy ban: đạt 98,5%"
    i = norm.text.index("98,5%")
    assert source[norm.to_source(i):].startswith("98,5%")
    assert len(norm.offsets) == len(norm.text) + 1
