"""Property-based: random and mutated Vietnamese text never breaks the number parser or the pipeline.

Every quantity and every target must point into the text it came from (``text[start:end]`` is its
evidence), whatever digits, separators, comparator words and stray characters are thrown at it.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_extract.api import extract_bytes, extract_text
from cchc_extract.errors import ExtractError
from cchc_extract.parse.numbers import find_quantities
from cchc_extract.schema import validation_errors

from .batch_helpers import DOCS

WORDS = ["tỷ lệ", "hồ sơ", "đạt", "trên", "dưới", "từ", "đến", "trở lên", "không thấp hơn", "không quá",
         "tối thiểu", "ít nhất", "phấn đấu", "năm", "2024", "Quý", "6 tháng", "%", "phần trăm", "100%",
         "95,5%", "1.000", "3.450", "7-7,5%", "55/89", "1,000,000", "Số:", "12/KH-UBND", "ngày", "tháng",
         "Kế hoạch", "I.", "1.", "a)", "-", "–", "≥", "≤", ">", "<", "=", ".", ",", ";", ":", "(", ")", "|",
         "\n", "\n\n", " ", "\t", "\u00a0", "\u0301", "\u200b", "\ufeff", "\r\n", "Ð", "đ", "Đ"]

fragments = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=60).map(" ".join)


@st.composite
def mutated_document(draw) -> str:
    """A real-looking document with random cuts, insertions and swaps."""
    text = draw(st.sampled_from(list(DOCS.values())))
    for _ in range(draw(st.integers(0, 8))):
        i = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "delete", "swap"]))
        if op == "insert":
            text = text[:i] + draw(st.one_of(st.sampled_from(WORDS), st.text(max_size=4))) + text[i:]
        elif op == "delete":
            text = text[:i] + text[i + draw(st.integers(0, 20)):]
        else:
            j = draw(st.integers(0, len(text)))
            a, b = sorted((i, j))
            text = text[b:] + text[a:b] + text[:a]
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(fragments, mutated_document()))
def test_quantities_point_into_the_text(text):
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.value == q.value  # not NaN


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(fragments, mutated_document()))
def test_pipeline_never_raises_and_offsets_hold(text):
    result = extract_text(text)
    data = result.model_dump(mode="json")
    assert validation_errors(data) == []
    for item in [*result.targets, *result.references]:
        assert 0 <= item.start <= item.end <= len(result.text)
        assert result.text[item.start:item.end] == item.evidence
    for repair in result.source.repairs:
        assert 0 <= repair.start <= repair.end <= len(result.text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=3000), fragments.map(lambda t: t.encode("utf-8")),
                 mutated_document().map(lambda t: t.encode("cp1258", errors="ignore"))))
def test_any_bytes_give_a_target_set_or_a_clear_error(data):
    try:
        result = extract_bytes(data, "x.txt")
    except ExtractError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    for item in result.targets:
        assert result.text[item.start:item.end] == item.evidence
