"""How alike two indicators are, in the way a Vietnamese administrative reader would judge it.

The same indicator is reworded from year to year: "TTHC" becomes "thủ tục hành chính", words move
("hồ sơ giải quyết đúng hạn" / "giải quyết đúng hạn hồ sơ"), diacritics get lost in web copies and
function words come and go. So indicators are compared as bags of folded syllables (abbreviations
expanded, lower case, no diacritics, function words dropped) plus syllable bigrams, which stand in
for Vietnamese multi-syllable words ("hồ sơ", "hài lòng") and keep some order information.

Words shared by many indicators of the documents being compared -- "tỷ lệ", and the list header
that the extractor puts in front of every item of a list ("Tỷ lệ hài lòng khi giải quyết TTHC trong
lĩnh vực ...") -- say little about which indicator is which. ``IndicatorScorer`` weighs them down with
a smoothed inverse document frequency over those documents, so the distinctive tail of a list item
("nhà đất", "còn lại") decides the pairing.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import pairwise
from typing import Any

import regex

_WORD = regex.compile(r"[\p{L}\p{N}]+")
GENERIC_WEIGHT = 0.3  # weight of a word from the ``generic`` list relative to an ordinary word
BIGRAM_SHARE = 0.25  # share of the bigram score in the similarity; the rest is the word score
EXTRA_COST = 0.5  # cost of a word only one indicator has, relative to a shared word
SWAP_COST = 1.0  # cost of a word one indicator has in place of a word of the other


def fold(text: str) -> str:
    """Lower case without diacritics; ``đ`` becomes ``d``.

    >>> fold("Tỷ lệ Hồ sơ ĐÚNG HẠN")
    'ty le ho so dung han'
    """
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=4096)
def syllables(indicator: str) -> tuple[str, ...]:
    """The folded syllables that carry meaning, in order, abbreviations expanded.

    >>> syllables("Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn")
    ('ty', 'le', 'ho', 'so', 'thu', 'tuc', 'hanh', 'chinh', 'giai', 'quyet', 'dung', 'han')
    """
    from .lang.vocab import expand_abbreviations, indicator_words

    stop = indicator_words()["stopwords"]
    text = fold(expand_abbreviations(unicodedata.normalize("NFC", indicator)))
    return tuple(w for w in _WORD.findall(text) if w not in stop)


@lru_cache(maxsize=1)
def _phrases() -> dict[tuple[str, ...], str]:
    """Folded expansions of the abbreviations, each to one word ("thu_tuc_hanh_chinh").

    An expansion that contains another one ("dịch vụ công trực tuyến" contains "dịch vụ công") is
    left out, so "DVCTT" and "DVC trực tuyến" give the same words.
    """
    from .lang.vocab import abbreviations

    seqs = {tuple(_WORD.findall(fold(e))) for e in abbreviations().values()}
    seqs = {s for s in seqs if len(s) > 1}

    def contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
        return big != small and any(big[i:i + len(small)] == small for i in range(len(big)))

    return {s: "_".join(s) for s in seqs if not any(contains(s, o) for o in seqs)}


@lru_cache(maxsize=4096)
def words(indicator: str) -> tuple[str, ...]:
    """Syllables with each known administrative phrase joined into one word.

    A phrase such as "thủ tục hành chính" then counts once, not four times, so adding or dropping
    "TTHC" is a small change, as it is for a reader.

    >>> words("Tỷ lệ DVCTT của UBND")
    ('ty', 'le', 'dich_vu_cong', 'truc', 'tuyen', 'uy_ban_nhan_dan')
    """
    syl, phrases = syllables(indicator), _phrases()
    longest = max(map(len, phrases), default=1)
    out: list[str] = []
    i = 0
    while i < len(syl):
        for n in range(min(longest, len(syl) - i), 1, -1):
            joined = phrases.get(syl[i:i + n])
            if joined:
                out.append(joined)
                i += n
                break
        else:
            out.append(syl[i])
            i += 1
    return tuple(out)


class IndicatorScorer:
    """Similarity in [0, 1] with word weights learnt from the indicators being compared."""

    def __init__(self, corpus: Iterable[str] = ()) -> None:
        from .lang.vocab import indicator_words

        self._generic = indicator_words()["generic"]
        bags = [set(words(text)) | set(syllables(text)) for text in corpus]
        self._df = Counter(w for bag in bags for w in bag)
        self._n = len(bags)

    def weight(self, word: str) -> float:
        base = GENERIC_WEIGHT if word in self._generic else 1.0
        if not self._n:
            return base
        return base * (1.0 + math.log((self._n + 1) / (self._df.get(word, 0) + 1)))

    def similarity(self, a: str, b: str) -> float:
        """Contrast of shared and unshared words, blended with the same over syllable bigrams.

        Identical indicators score 1.0, even when the weights are learnt.
        """
        wa, wb = words(a), words(b)
        if not wa or not wb:
            return 1.0 if fold(a).strip() == fold(b).strip() else 0.0
        if opposed(a, b):
            return 0.0
        uni = _contrast(set(wa), set(wb), self.weight)
        sa, sb = syllables(a), syllables(b)
        ba, bb = set(pairwise(sa)), set(pairwise(sb))
        if not ba or not bb:
            return uni
        bi = _contrast(ba, bb, lambda g: (self.weight(g[0]) + self.weight(g[1])) / 2)
        return (1 - BIGRAM_SHARE) * uni + BIGRAM_SHARE * bi


def opposed(a: str, b: str) -> bool:
    """True when one indicator names a measure and the other its opposite ("đúng hạn" / "trễ hạn").

    >>> opposed("Tỷ lệ hồ sơ giải quyết đúng hạn", "Tỷ lệ hồ sơ giải quyết trễ hạn")
    True
    >>> opposed("Tỷ lệ hồ sơ đúng hạn", "Tỷ lệ hồ sơ TTHC đúng hạn")
    False
    """
    from .lang.vocab import opposite_measures

    fa, fb = f" {fold(a)} ", f" {fold(b)} "
    for x, y in opposite_measures():
        x, y = f" {x} ", f" {y} "
        # the longer phrase may hold the shorter ("không hài lòng" / "hài lòng"): look for it first
        longer, shorter = (x, y) if len(x) >= len(y) else (y, x)
        a_long, b_long = longer in fa, longer in fb
        a_short, b_short = shorter in fa.replace(longer, " "), shorter in fb.replace(longer, " ")
        if (a_long and b_short and not a_short and not b_long) or (b_long and a_short and not b_short and not a_long):
            return True
    return False


def _contrast(a: set, b: set, weight: Callable[[Any], float]) -> float:
    """Shared weight against unshared weight, where unshared words on both sides cost more.

    Words only one side has are usually a qualifier added or dropped ("hồ sơ" / "hồ sơ TTHC"):
    they cost ``EXTRA_COST`` each. Words both sides have instead of each other are a different
    thing being measured ("giải quyết đúng hạn" / "giải quyết trực tuyến"): they cost
    ``SWAP_COST``.
    """
    shared = sum(map(weight, a & b))
    only_a, only_b = sum(map(weight, a - b)), sum(map(weight, b - a))
    swapped = min(only_a, only_b)
    extra = max(only_a, only_b) - swapped
    denominator = shared + SWAP_COST * 2 * swapped + EXTRA_COST * extra
    return shared / denominator if denominator else 0.0


def similarity(a: str, b: str) -> float:
    """Similarity of two indicators on their own (no corpus weights).

    >>> round(similarity("Tỷ lệ hồ sơ TTHC giải quyết đúng hạn",
    ...                  "tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn"), 3)
    1.0
    >>> similarity("Tỷ lệ hồ sơ giải quyết đúng hạn", "Tỷ lệ hài lòng của người dân") < 0.3
    True
    """
    return IndicatorScorer().similarity(a, b)


def unit_key(unit: str | None) -> str | None:
    """A unit in comparable form: ``TTHC`` and ``thủ tục hành chính`` are the same unit.

    >>> unit_key("TTHC") == unit_key("Thủ tục hành chính"), unit_key(" % ")
    (True, '%')
    """
    if unit is None or not unit.strip():
        return None
    from .lang.vocab import expand_abbreviations

    return " ".join(fold(expand_abbreviations(unit.strip())).split())
