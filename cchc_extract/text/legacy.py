"""Repair Vietnamese typed in legacy 8-bit fonts or code pages (TCVN3/ABC, VNI, VISCII) and read as
Windows-1252.

Old documents were typed with .VnTime (TCVN3) or VNI-Times fonts, or saved in VISCII: the bytes are
not Unicode Vietnamese, so once decoded as Latin-1/Windows-1252 "Chủ tịch" shows as "Chñ tÞch"
(TCVN3), "Chuû tòch" (VNI) or "Chü t¸ch" (VISCII). The mapping tables are data
(``lang/vi/legacy_*.json``); this module holds the mechanism: find lines that are legacy text and
decode them word by word.

The rule that keeps correct text safe: a word is only counted as legacy evidence when it is *not* a
valid Vietnamese syllable as it stands and *becomes* one once decoded. Correct Unicode Vietnamese is
made of valid syllables, so it never reaches the decoder. A line whose words all fit Windows-1252 (a
file typed wholly in a legacy font) is decoded entirely, because there words such as "cã" (có) are
valid both ways; a line that also holds genuine Unicode letters (ă, ư, ạ...) only has its invalid
words repaired.
"""

from __future__ import annotations

import bisect
import json
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import regex

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_SAC_NANG = {"\u0301", "\u0323"}
MIN_LINE_EVIDENCE = 2  # invalid-but-decodable words a line needs before it is touched
DOC_EVIDENCE = 4  # ... and a document, to treat every Windows-1252-only line as legacy


class LegacyDataError(ValueError):
    """A legacy mapping file is malformed (caught by the data tests and at load time)."""


@dataclass(frozen=True)
class Scheme:
    name: str
    encode_map: dict[str, str]  # Unicode letter -> legacy character(s)
    decode_map: dict[str, str]  # legacy character(s) -> Unicode letter
    has_toned_capitals: bool
    longest: int
    byte_letters: dict[int, str]  # letters stored at bytes a Windows-1252 reading cannot carry

    @property
    def legacy_chars(self) -> frozenset[str]:
        return frozenset("".join(self.decode_map))


def _load_json(name: str) -> dict:
    path = resources.files("cchc_extract") / "lang" / "vi" / name
    return json.loads(path.read_text(encoding="utf-8"))


def _validate_scheme(data: dict, name: str) -> Scheme:
    if not isinstance(data, dict) or not isinstance(data.get("map"), dict) or "scheme" not in data:
        raise LegacyDataError(f"{name}: needs 'scheme' and a 'map' object")
    enc: dict[str, str] = {}
    for letter, code in data["map"].items():
        if len(letter) != 1 or unicodedata.normalize("NFC", letter) != letter:
            raise LegacyDataError(f"{name}: key {letter!r} is not one NFC letter")
        if not isinstance(code, str) or not 1 <= len(code) <= 2:
            raise LegacyDataError(f"{name}: {letter!r} maps to {code!r}, expected 1-2 characters")
        if any(ord(c) > 0xFF and c.encode("cp1252", "ignore") == b"" or c.isspace() for c in code):
            raise LegacyDataError(f"{name}: {letter!r} maps outside Windows-1252")
        if code.isascii():
            raise LegacyDataError(f"{name}: {letter!r} maps to plain ASCII {code!r}")
        enc[letter] = code
    dec = {code: letter for letter, code in enc.items()}
    if len(dec) != len(enc):
        raise LegacyDataError(f"{name}: two letters share one legacy code")
    if data.get("uppercase", True):
        # Typists mixed capital bases with small modifiers ("Uû"); read both the way the font shows them.
        for code, letter in list(dec.items()):
            if len(code) == 2:
                alias = code[0] + code[1].swapcase()
                dec.setdefault(alias, letter)
    byte_letters: dict[int, str] = {}
    for byte, letter in data.get("bytes", {}).items():
        if not regex.fullmatch(r"[0-9A-F]{2}", byte) or len(letter) != 1 or letter in enc:
            raise LegacyDataError(f"{name}: 'bytes' entry {byte!r}: {letter!r} must be a hex byte and a new letter")
        byte_letters[int(byte, 16)] = letter
    return Scheme(data["scheme"], enc, dec, bool(data.get("uppercase", True)), max(map(len, dec)), byte_letters)


@cache
def schemes() -> tuple[Scheme, ...]:
    """The legacy schemes, loaded and validated once."""
    names = ("vni", "tcvn3", "viscii")
    return tuple(_validate_scheme(_load_json(f"legacy_{n}.json"), f"legacy_{n}.json") for n in names)


def scheme(name: str) -> Scheme:
    for s in schemes():
        if s.name == name:
            return s
    raise KeyError(name)


def windows_1252(data: bytes) -> str:
    """Decode as Windows-1252 without losing a byte: the five it leaves undefined become Latin-1's C1
    characters (as browsers read them), so legacy codes stored there survive for ``repair``."""
    return data.decode("latin-1").translate(_WINDOWS_1252)


_WINDOWS_1252 = {b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def byte_table(name: str) -> dict[int, str] | None:
    """For a one-byte scheme (VISCII), byte -> Unicode letter, to decode a file in it directly (which
    also recovers the letters a Windows-1252 reading loses); None for the font schemes whose letters
    take two bytes or whose capitals share codes."""
    s = scheme(name)
    if not s.has_toned_capitals or s.longest != 1:
        return None
    table = {_byte_of(code): letter for letter, code in s.encode_map.items()}
    table.update(s.byte_letters)
    return table


def _byte_of(code: str) -> int:
    """The byte a one-character code is read from (the inverse of ``windows_1252``)."""
    try:
        return code.encode("cp1252")[0]
    except UnicodeEncodeError:
        return ord(code)  # a C1 character: a byte Windows-1252 leaves undefined


@dataclass(frozen=True)
class _Syllables:
    initials: tuple[str, ...]  # longest first
    rimes: frozenset[str]
    stop_finals: tuple[str, ...]
    front_only: frozenset[str]  # initials written only before a front vowel (gh, ngh, k)
    front_starts: tuple[str, ...]


@cache
def _syllable_data() -> _Syllables:
    data = _load_json("syllables.json")
    return _Syllables(tuple(sorted(data["initials"], key=len, reverse=True)), frozenset(data["rimes"]),
                      tuple(data["stop_finals"]), frozenset(data["front_only_initials"]),
                      tuple(data["front_rime_starts"]))


_VOWELS = frozenset("aeiouy")
_VOWEL_MODIFIERS = frozenset("\u0302\u0306\u031b")  # circumflex, breve, horn


def _tone_on_vowel(decomposed: str) -> bool:
    """Every tone mark follows a vowel (perhaps with its circumflex, breve or horn): 'ñ' is not 'n' + ngã."""
    for i, c in enumerate(decomposed):
        if c in _TONES:
            j = i - 1
            while j >= 0 and decomposed[j] in _VOWEL_MODIFIERS:
                j -= 1
            if j < 0 or decomposed[j] not in _VOWELS:
                return False
    return True


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """True when ``word`` is a well-formed Vietnamese syllable (any case, one tone mark at most).

    >>> is_syllable("Nguyễn"), is_syllable("người"), is_syllable("nhaân"), is_syllable("tòch")
    (True, True, False, False)
    >>> is_syllable("nghị"), is_syllable("nghò"), is_syllable("ñôn")
    (True, False, False)
    """
    if not word or not word.isalpha():
        return False
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in decomposed if c in _TONES]
    if len(tones) > 1 or tones and not _tone_on_vowel(decomposed):
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    data = _syllable_data()
    candidates = [i for i in data.initials if bare.startswith(i)] + [""]
    for ini in candidates:
        rime = bare[len(ini):]
        if rime in data.rimes:
            if tones and rime.endswith(data.stop_finals) and tones[0] not in _SAC_NANG:
                continue
            if ini in data.front_only and not rime.startswith(data.front_starts):
                continue
            return True
    return False


def encode(text: str, name: str) -> str:
    """Write Unicode Vietnamese the way a legacy font stores it (for tests and test documents)."""
    s = scheme(name)
    out = []
    for ch in unicodedata.normalize("NFC", text):
        code = s.encode_map.get(ch)
        if code is None and not s.has_toned_capitals and ch.lower() != ch:
            code = s.encode_map.get(ch.lower())  # .VnTimeH: a toned capital is typed with the small code
        out.append(code if code is not None else ch)
    return "".join(out)


def decode_word(word: str, s: Scheme, line_upper: bool = False) -> str:
    """Decode one word, longest legacy sequence first; characters outside the table stay.

    ``line_upper`` says the word sits in an all-capitals line, which decides the case of letters a
    caseless scheme (TCVN3) cannot tell.
    """
    out: list[str] = []
    i = 0
    caseless = False
    while i < len(word):
        for n in range(min(s.longest, len(word) - i), 0, -1):
            letter = s.decode_map.get(word[i:i + n])
            if letter is not None:
                out.append(letter)
                caseless |= not s.has_toned_capitals and letter.upper() not in s.encode_map
                i += n
                break
        else:
            out.append(word[i])
            i += 1
    result = "".join(out)
    if caseless:
        # .VnTimeH capitals share the small codes: restore capitals where the rest of the word is capital.
        cased = [c for c, o in zip(result, _origin_flags(word, s), strict=True) if c.isalpha() and not o]
        if cased and all(c.isupper() for c in cased) and (len(cased) >= 2 or line_upper):
            result = result.upper()
    return result


def _origin_flags(word: str, s: Scheme) -> list[bool]:
    """For a single-code scheme, which decoded letters came from a caseless legacy code."""
    return [c in s.decode_map and s.decode_map[c].upper() not in s.encode_map for c in word]


# A word: letters and the symbol characters a scheme uses for letters (TCVN3's ©, ¸, soft hyphen;
# VISCII's ÷, “, –...). Each scheme reads words with its own symbols only: a dash or a quote is a
# letter in VISCII and punctuation in every other text.
@cache
def _word_re(scheme_name: str) -> regex.Pattern:
    extra = "".join(sorted(c for c in scheme(scheme_name).legacy_chars if not c.isalpha()))
    return regex.compile(r"[\p{L}\p{M}" + regex.escape(extra) + r"]+")


_CP1252_ONLY = regex.compile(r"^[\x00-\xff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                             r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]*$")


@dataclass
class _LineStats:
    evidence: int  # words invalid as they stand, valid once decoded
    unicode_words: int  # words holding letters Windows-1252 cannot hold: genuine Unicode


@lru_cache(maxsize=131072)
def _word_verdict(w: str, scheme_name: str) -> tuple[bool, bool]:
    """(holds letters Windows-1252 cannot, is invalid as written but valid once decoded); words recur
    across lines and documents, so the verdict is cached."""
    is_unicode = not _CP1252_ONLY.match(w)
    if w.isascii() or is_syllable(w):
        return is_unicode, False
    s = scheme(scheme_name)
    return is_unicode, any(c.isascii() and c.isalpha() for c in w) and is_syllable(decode_word(w, s))


# Whitespace-separated chunks ("tịch,", "15/QĐ-UBND") already seen to hold no legacy evidence. Documents
# share most of their chunks, so a document of known chunks is cleared by one set difference instead of
# a word scan and a verdict per word. Bounded: emptied when it grows past the limit.
_CLEAN_CHUNKS: set[str] = set()
CLEAN_CHUNKS_LIMIT = 200_000


def _has_evidence(text: str) -> bool:
    """Exact shortcut: True when some word of ``text`` is invalid as written but valid once decoded.

    Without such a word no line can be repaired. Words never span whitespace (no letter, mark or legacy
    symbol is a space), so the words of the text are the words of its distinct chunks, and a chunk
    found clean once is clean in every document.
    """
    chunks = set(text.split())
    chunks.difference_update(_CLEAN_CHUNKS)
    if not chunks:
        return False
    joined = " ".join(chunks)
    for s in schemes():
        if any(_word_verdict(w, s.name)[1] for w in _word_re(s.name).findall(joined) if not w.isascii()):
            return True
    if len(_CLEAN_CHUNKS) + len(chunks) > CLEAN_CHUNKS_LIMIT:
        _CLEAN_CHUNKS.clear()
    _CLEAN_CHUNKS.update(chunks)
    return False


@dataclass(frozen=True)
class Repair:
    kind: str  # "legacy:vni" / "legacy:tcvn3"
    start: int  # in the repaired text
    end: int
    original: str


@dataclass(frozen=True)
class Repaired:
    text: str
    repairs: list[Repair]
    anchors: tuple[tuple[int, int], ...]  # (old offset, new offset) pairs where lengths changed

    def map_offset(self, old: int) -> int:
        """Where an offset of the input text lands in the repaired text."""
        if not self.anchors:
            return old
        i = bisect.bisect_right(self.anchors, (old, float("inf"))) - 1
        if i < 0:
            return old
        o, n = self.anchors[i]
        return n + (old - o)


def repair(text: str) -> Repaired:
    """Find legacy-font lines and decode them; correct Unicode text comes back unchanged."""
    if text.isascii():
        return Repaired(text, [], ())
    if not _has_evidence(text):
        return Repaired(text, [], ())
    line_starts = []
    pos = 0
    raw_lines = text.split("\n")
    for line in raw_lines:
        line_starts.append(pos)
        pos += len(line) + 1
    best: Scheme | None = None
    best_stats: list[_LineStats] = []
    best_total = 0
    for s in schemes():
        # Statistics need the words only; their positions are found again for the few lines repaired.
        word_re = _word_re(s.name)
        line_words = [[] if line.isascii() else [w for w in word_re.findall(line) if not w.isascii()]
                      for line in raw_lines]
        # Verdicts are looked up once per distinct word, then summed line by line with C-level maps.
        verdicts = {w: _word_verdict(w, s.name) for words in line_words for w in words}
        evidence = [sum(verdicts[w][1] for w in words) for words in line_words]
        total = sum(evidence)
        if total > best_total:
            best, best_total = s, total
            best_stats = [_LineStats(ev, sum(verdicts[w][0] for w in words))
                          for ev, words in zip(evidence, line_words, strict=True)]
    if best is None or best_total < MIN_LINE_EVIDENCE:
        return Repaired(text, [], ())
    word_re = _word_re(best.name)
    unicode_total = sum(st.unicode_words for st in best_stats)
    whole_doc = best_total >= DOC_EVIDENCE and unicode_total * 3 <= best_total
    pieces: list[str] = []
    repairs: list[Repair] = []
    anchors: list[tuple[int, int]] = []
    done = 0  # old offset copied so far
    new_len = 0
    for lstart, _line, st in zip(line_starts, raw_lines, best_stats, strict=True):
        legacy_line = st.unicode_words == 0 and (whole_doc or st.evidence >= MIN_LINE_EVIDENCE)
        if not legacy_line and st.evidence < (1 if whole_doc else MIN_LINE_EVIDENCE):
            continue
        first_new = None
        last_old = None
        upper = _mostly_upper(word_re.findall(_line), best)
        line_original_start = None
        words = [(m.start() + lstart, m.group()) for m in word_re.finditer(_line) if not m.group().isascii()]
        for wstart, w in words:
            if not legacy_line and (is_syllable(w) or not any(c.isascii() and c.isalpha() for c in w)):
                continue
            dec = decode_word(w, best, upper)
            if dec == w or not (is_syllable(dec) or (legacy_line and _all_vietnamese_letters(dec))):
                continue
            if (legacy_line and not best.has_toned_capitals and _origin_flags(w, best)[0]
                    and _sentence_start(text, wstart, lstart)):
                dec = dec[0].upper() + dec[1:]
            pieces.append(text[done:wstart])
            new_len += wstart - done
            anchors.append((wstart, new_len))
            if first_new is None:
                first_new, line_original_start = new_len, wstart
            pieces.append(dec)
            new_len += len(dec)
            done = wstart + len(w)
            anchors.append((done, new_len))
            last_old = done
        if first_new is not None and last_old is not None and line_original_start is not None:
            repairs.append(Repair(f"legacy:{best.name}", first_new, new_len,
                                  text[line_original_start:last_old]))
    if not repairs:
        return Repaired(text, [], ())
    pieces.append(text[done:])
    return Repaired("".join(pieces), repairs, tuple(anchors))


def _sentence_start(text: str, i: int, line_start: int) -> bool:
    """A caseless legacy letter opening a line or a sentence was almost surely a capital."""
    before = text[line_start:i].rstrip()
    return before == "" or before.endswith((".", "!", "?")) or bool(_LABEL_ONLY.fullmatch(before))


_LABEL_ONLY = regex.compile(r"[-+•*]|\d{1,3}[.)]|[a-zđ]\)|[IVXL]{1,5}\.")


_VI_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzđ" + "".join(
    unicodedata.normalize("NFC", b + m)
    for b in ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y") for m in ("",) + tuple(_TONES)))


def _all_vietnamese_letters(word: str) -> bool:
    """Abbreviations and list letters ("QĐ", "đ") are not syllables but are still Vietnamese words."""
    return all(c.lower() in _VI_LETTERS for c in word)


def _mostly_upper(words: list[str], s: Scheme) -> bool:
    """An all-capitals line (a heading), judged on letters whose case the scheme keeps.

    Abbreviations ("KH-UBND", "QĐ") say nothing about the line: "Sè: 15/QĐ-UBND" is "Số", not "SỐ".
    """
    known = [[c for c, o in zip(w, _origin_flags(w, s), strict=True) if c.isalpha() and not o] for w in words]
    if any(c.islower() for k in known for c in k):
        return False
    legacy_words = [k for w, k in zip(words, known, strict=True)
                    if not w.isascii() and k and _has_vowel(decode_word(w, s))]
    return len(legacy_words) >= 2


def _has_vowel(word: str) -> bool:
    return any(c in "aeiouy" for c in unicodedata.normalize("NFD", word.lower()))
