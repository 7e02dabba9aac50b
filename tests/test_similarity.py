"""Indicator similarity and the language data behind it (abbreviations, indicator words)."""

from __future__ import annotations

import pytest
import yaml

from cchc_extract.diff import DEFAULT_THRESHOLD
from cchc_extract.lang import vocab
from cchc_extract.similarity import IndicatorScorer, similarity, unit_key, words

SAME = [  # the same indicator, worded differently in another year's document
    ("Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn"),
    ("Tỷ lệ hồ sơ giải quyết đúng hạn", "giải quyết đúng hạn hồ sơ TTHC"),  # word order, qualifier
    ("Ty le ho so giai quyet dung han", "Tỷ lệ hồ sơ giải quyết đúng hạn"),  # diacritics lost
    ("Tỷ lệ TTHC cung cấp DVC trực tuyến toàn trình",
     "Tỷ lệ thủ tục hành chính được cung cấp dịch vụ công trực tuyến toàn trình"),
    ("Tỷ lệ DVCTT mức độ 4", "Tỷ lệ dịch vụ công trực tuyến mức độ 4"),
    ("Tỷ lệ hài lòng của người dân", "Tỷ lệ hài lòng của người dân, doanh nghiệp"),
    ("Số lần phải đi lại để bổ sung hồ sơ",
     "Số lần tổ chức, cá nhân phải đi lại để bổ sung hồ sơ giải quyết thủ tục hành chính"),
    ("Tỷ lệ CBCCVC được bồi dưỡng về CĐS",
     "Tỷ lệ cán bộ, công chức, viên chức được bồi dưỡng về chuyển đổi số"),
]
DIFFERENT = [
    ("Tỷ lệ hồ sơ giải quyết đúng hạn", "Tỷ lệ hài lòng của người dân"),
    ("Tỷ lệ hồ sơ giải quyết trực tuyến", "Tỷ lệ hồ sơ giải quyết đúng hạn"),
    ("Tỷ lệ văn bản điện tử được ký số", "Tỷ lệ thanh toán trực tuyến phí, lệ phí"),
    ("Tỷ lệ hài lòng của người dân",
     "Mức độ hài lòng của người dân, doanh nghiệp đối với sự phục vụ của cơ quan hành chính nhà nước"),
    # opposite measures (lang/vi/indicator_words.yaml: opposites)
    ("Tỷ lệ hồ sơ giải quyết đúng hạn", "Tỷ lệ hồ sơ giải quyết trễ hạn"),
    ("Tỷ lệ hồ sơ TTHC quá hạn", "Tỷ lệ hồ sơ thủ tục hành chính đúng hạn"),
    ("Tỷ lệ người dân hài lòng", "Tỷ lệ người dân không hài lòng"),
]


@pytest.mark.parametrize("a,b", SAME)
def test_same_indicator_reworded_pairs(a, b):
    assert similarity(a, b) >= DEFAULT_THRESHOLD
    assert similarity(a, b) == pytest.approx(similarity(b, a))


@pytest.mark.parametrize("a,b", DIFFERENT)
def test_different_indicators_do_not(a, b):
    assert similarity(a, b) < DEFAULT_THRESHOLD


def test_list_header_words_weigh_less_among_siblings():
    """Siblings under one list header differ in their tail: learnt weights make the tail count."""
    siblings = ["Tỷ lệ hài lòng khi giải quyết TTHC trong lĩnh vực nhà đất",
                "Tỷ lệ hài lòng khi giải quyết TTHC trong lĩnh vực tư pháp",
                "Tỷ lệ hài lòng khi giải quyết TTHC trong lĩnh vực xây dựng",
                "Tỷ lệ hài lòng khi giải quyết TTHC trong các lĩnh vực còn lại"]
    a, b = siblings[0], siblings[1]
    assert IndicatorScorer(siblings).similarity(a, b) < similarity(a, b)
    assert IndicatorScorer(siblings).similarity(a, a) == pytest.approx(1.0)


def test_phrases_count_once():
    assert words("Tỷ lệ TTHC của UBND") == ("ty", "le", "thu_tuc_hanh_chinh", "uy_ban_nhan_dan")
    assert words("hồ sơ DVCTT") == words("hồ sơ dịch vụ công trực tuyến") == \
        ("ho", "so", "dich_vu_cong", "truc", "tuyen")


def test_units():
    assert unit_key("TTHC") == unit_key("thủ tục hành chính")
    assert unit_key("%") != unit_key("hồ sơ") and unit_key("  ") is None


def test_abbreviation_data():
    table = vocab.abbreviations()
    assert table["TTHC"] == "thủ tục hành chính" and table["UBND"] == "Ủy ban nhân dân"
    assert table["DVCTT"].startswith(table["DVC"]) and table["KT-XH"] == "kinh tế - xã hội"
    assert "KH" not in table and "CP" not in table  # ambiguous: left out on purpose
    assert vocab.expand_abbreviations("KT-XH và CNTT; TTHCX") == \
        "kinh tế - xã hội và công nghệ thông tin; TTHCX"


def test_indicator_words_do_not_collide_when_folded():
    words_ = vocab.indicator_words()
    assert "ty" in words_["generic"] and "cua" in words_["stopwords"]
    assert "do" not in words_["stopwords"]  # "độ" folds to "do": "mức độ" must survive


def test_opposite_measures_data() -> None:
    pairs = vocab.opposite_measures()
    assert ("dung han", "tre han") in pairs
    assert all(a != b for a, b in pairs)


def test_loader_rejects_bad_data(monkeypatch):
    with pytest.raises(ValueError, match="duplicate key 'TTHC'"):
        yaml.load("TTHC: a\nTTHC: b\n", Loader=vocab._UniqueKeyLoader)  # noqa: S506
    bad = {"abbreviations.yaml": {"tthc": "thủ tục hành chính"},
           "indicator_words.yaml": {"stopwords": ["của"], "generic": ["tỷ lệ"]}}
    monkeypatch.setattr(vocab, "_load", lambda name: bad[name])
    vocab.abbreviations.cache_clear()
    vocab.indicator_words.cache_clear()
    try:
        with pytest.raises(ValueError, match="capitals"):
            vocab.abbreviations()
        with pytest.raises(ValueError, match="one syllable"):
            vocab.indicator_words()
    finally:
        vocab.abbreviations.cache_clear()
        vocab.indicator_words.cache_clear()


@pytest.mark.parametrize("name", ["cchc_extract.similarity", "cchc_extract.lang.vocab",
                                  "cchc_extract.formatting", "cchc_extract.kpi"])
def test_doctests_of_output_modules(name: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
