"""Normalisation keeps an exact offset map; the fast path for NFC text equals the general path."""

from __future__ import annotations

import bisect
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


SPACES_AND_BREAKS = [" ", "  ", "\t", "\u00a0", "\u2003", "\x0b", "\u00ad", "\u200b", "\ufeff", "\x00", "\n", "\r",
                     "\r\n", "\u2028", "\u0085", "\u2013", "\u2212", "a", "đạ", "x\u0301\u0323", "-"]


def _check_run_map(source: str) -> None:
    """The run-length map answers exactly what the per-character map (and a binary search on it) would."""
    norm = normalize(source)
    offs = norm.offsets
    assert len(offs) == len(norm.text) + 1 and offs[-1] == len(source)
    assert list(offs) == sorted(offs)
    for i in range(-2, len(norm.text) + 3):
        assert norm.to_source(i) == offs[min(max(i, 0), len(offs) - 1)]
    for j in range(-2, len(source) + 3):
        assert norm.from_source(j) == min(bisect.bisect_left(offs, j), len(norm.text))


@pytest.mark.parametrize("text", SAMPLES + ["", " ", "\n\n", "a", " a ", "\u200b", "a\u200b\u200bb"])
def test_run_map_equals_per_character_map(text: str) -> None:
    _check_run_map(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SPACES_AND_BREAKS), max_size=40).map("".join))
def test_run_map_properties(text: str) -> None:
    _check_run_map(text)
    if unicodedata.is_normalized("NFC", text):
        assert _normalize_nfc(text) == normalize_clusters(text)
