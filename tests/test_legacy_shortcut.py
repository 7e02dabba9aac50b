"""The legacy-repair shortcut (known clean chunks, one word scan) decides exactly as a word-by-word check."""

from __future__ import annotations

import unicodedata

import pytest

from cchc_extract.text import legacy

from .conftest import CORPUS_DOCS

DOCS = sorted(CORPUS_DOCS.glob("*.txt"))


def _evidence_word_by_word(text: str) -> bool:
    return any(legacy._word_verdict(w, s.name)[1] for s in legacy.schemes()
               for w in legacy._word_re(s.name).findall(text) if not w.isascii())


def _texts() -> list[str]:
    texts = [unicodedata.normalize("NFC", p.read_text(encoding="utf-8")) for p in DOCS[:12]]
    garbled = [legacy.encode(t, name) for t in texts[:3] for name in ("vni", "tcvn3", "viscii")]
    half = [t[: len(t) // 2] + legacy.encode(t[len(t) // 2:], "vni") for t in texts[:3]]
    return texts + garbled + half + ["Chñ tÞch", "Chuû tòch UÛy ban", "nhaân\u00a0daân", "a\u00adb ©",
                                     "Chü t¸ch œy ban"]


@pytest.mark.parametrize("clean_cache", [True, False])
def test_shortcut_agrees_with_word_by_word_check(clean_cache: bool) -> None:
    if clean_cache:
        legacy._CLEAN_CHUNKS.clear()
    for text in _texts():
        for _ in range(2):  # the second time the chunks may come from the cache
            assert legacy._has_evidence(text) == _evidence_word_by_word(text), text[:80]


def test_cache_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(legacy, "CLEAN_CHUNKS_LIMIT", 50)
    legacy._CLEAN_CHUNKS.clear()
    for text in _texts()[:5]:
        legacy._has_evidence(text)
        assert len(legacy._CLEAN_CHUNKS) <= max(50, len(set(text.split())))
    legacy._CLEAN_CHUNKS.clear()
