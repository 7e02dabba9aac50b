"""Build realistic TargetSet objects for the output tests (diff, table, export, review).

Offsets are computed from the text, so every set satisfies text[start:end] == evidence.
"""

from __future__ import annotations

from cchc_extract.models import Document, Reference, Source, Target, TargetSet


def T(evidence: str, indicator: str, comparator: str, value: float, unit: str | None = "%", *,
      kind: str = "target", value_max: float | None = None, year: int | None = None,
      section: list[str] | None = None, role: str | None = None, denominator: float | None = None) -> dict:
    return dict(evidence=evidence, indicator=indicator, comparator=comparator, value=value, unit=unit,
                kind=kind, value_max=value_max, year=year, section=section or [], role=role,
                denominator=denominator)


def R(evidence: str, ref: str, doc_type: str | None = None, date: str | None = None) -> dict:
    return dict(evidence=evidence, ref=ref, doc_type=doc_type, date=date)


def make_set(text: str, targets: list[dict], *, references: list[dict] = (), path: str = "doc.txt",
             **document) -> TargetSet:
    def span(evidence: str, after: int = 0) -> tuple[int, int]:
        start = text.index(evidence, after)
        return start, start + len(evidence)

    made, cursor = [], 0
    for spec in targets:
        start, end = span(spec["evidence"], cursor if spec["evidence"] in text[cursor:] else 0)
        cursor = end
        made.append(Target(**{**spec, "start": start, "end": end, "rule": "test"}))
    refs = []
    for spec in references:
        start, end = span(spec["evidence"])
        refs.append(Reference(**spec, start=start, end=end))
    return TargetSet(tool_version="0.1.0",
                     source=Source(path=path, sha256="0" * 64, format="text", encoding="utf-8"),
                     document=Document(**document), references=refs, targets=made, text=text)


PLAN_2023_TEXT = """ỦY BAN NHÂN DÂN QUẬN TÂN BÌNH
Số: 16/KH-UBND
Tân Bình, ngày 03 tháng 3 năm 2023
KẾ HOẠCH
Cải cách hành chính trên địa bàn quận Tân Bình năm 2023
Thực hiện Quyết định số 15/QĐ-UBND ngày 02 tháng 3 năm 2023 của Ủy ban nhân dân quận.
II. CHỈ TIÊU
1. Tỷ lệ hồ sơ TTHC giải quyết đúng hạn từ 95% trở lên.
2. Tỷ lệ hài lòng của người dân đạt trên 90%.
3. Tỷ lệ hài lòng khi giải quyết TTHC:
a) Lĩnh vực nhà đất đạt 98% trở lên;
b) Các lĩnh vực còn lại đạt 100%.
4. Số lần phải đi lại để bổ sung hồ sơ không quá 1 lần.
5. Tỷ lệ hồ sơ tiếp nhận trực tuyến từ 30% đến 40%.
6. Tỷ lệ văn bản điện tử được ký số đạt 80%.
III. KẾT QUẢ NĂM 2022
Đã giải quyết 12.450 hồ sơ, đạt tỷ lệ đúng hạn 97,5%.
"""

PLAN_2024_TEXT = """ỦY BAN NHÂN DÂN QUẬN TÂN BÌNH
Số: 21/KH-UBND
Tân Bình, ngày 05 tháng 3 năm 2024
KẾ HOẠCH
Cải cách hành chính trên địa bàn quận Tân Bình năm 2024
Căn cứ Kế hoạch số 16/KH-UBND ngày 03 tháng 3 năm 2023 của Ủy ban nhân dân quận.
II. CHỈ TIÊU
1. Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn trên 97%.
2. Tỷ lệ hài lòng của người dân đạt trên 85%.
3. Tỷ lệ hài lòng khi giải quyết thủ tục hành chính:
a) Các lĩnh vực còn lại đạt 100%;
b) Lĩnh vực nhà đất đạt trên 98%.
4. Số lần phải đi lại để bổ sung hồ sơ không quá 1 lần.
5. Tỷ lệ hồ sơ tiếp nhận trực tuyến từ 40% đến 50%.
6. Tỷ lệ thanh toán trực tuyến phí, lệ phí đạt 50%.
III. KẾT QUẢ NĂM 2023
Đã giải quyết 13.020 hồ sơ, đạt tỷ lệ đúng hạn 98,2%.
"""


def plan_2023() -> TargetSet:
    return make_set(PLAN_2023_TEXT, [
        T("từ 95% trở lên", "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", "gte", 95, year=2023,
          section=["II", "1"]),
        T("trên 90%", "Tỷ lệ hài lòng của người dân", "gt", 90, year=2023, section=["II", "2"]),
        T("nhà đất đạt 98% trở lên", "Tỷ lệ hài lòng khi giải quyết TTHC trong lĩnh vực nhà đất", "gte", 98,
          year=2023, section=["II", "3", "a"]),
        T("còn lại đạt 100%", "Tỷ lệ hài lòng khi giải quyết TTHC trong các lĩnh vực còn lại", "eq", 100,
          year=2023, section=["II", "3", "b"]),
        T("không quá 1 lần", "Số lần phải đi lại để bổ sung hồ sơ", "lte", 1, "lần", year=2023,
          section=["II", "4"]),
        T("từ 30% đến 40%", "Tỷ lệ hồ sơ tiếp nhận trực tuyến", "range", 30, value_max=40, year=2023,
          section=["II", "5"]),
        T("đạt 80%", "Tỷ lệ văn bản điện tử được ký số", "eq", 80, year=2023, section=["II", "6"]),
        T("12.450 hồ sơ", "Số hồ sơ đã giải quyết", "eq", 12450, "hồ sơ", kind="result", year=2022,
          section=["III"]),
        T("97,5%", "Tỷ lệ hồ sơ giải quyết đúng hạn", "eq", 97.5, kind="result", year=2022, section=["III"]),
    ], references=[R("15/QĐ-UBND", "15/QĐ-UBND", "quyet_dinh", "2023-03-02")],
        path="ke-hoach-2023.txt", doc_type="ke_hoach", number="16", symbol="KH-UBND",
        issuer="Ủy ban nhân dân quận Tân Bình", place="Tân Bình", date="2023-03-03", year=2023,
        subject="Cải cách hành chính trên địa bàn quận Tân Bình năm 2023")


def plan_2024() -> TargetSet:
    return make_set(PLAN_2024_TEXT, [
        T("trên 97%", "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn", "gt", 97, year=2024,
          section=["II", "1"]),
        T("trên 85%", "Tỷ lệ hài lòng của người dân", "gt", 85, year=2024, section=["II", "2"]),
        T("còn lại đạt 100%", "Tỷ lệ hài lòng khi giải quyết thủ tục hành chính trong các lĩnh vực còn lại",
          "eq", 100, year=2024, section=["II", "3", "a"]),
        T("nhà đất đạt trên 98%", "Tỷ lệ hài lòng khi giải quyết thủ tục hành chính trong lĩnh vực nhà đất",
          "gt", 98, year=2024, section=["II", "3", "b"]),
        T("không quá 1 lần", "Số lần phải đi lại để bổ sung hồ sơ", "lte", 1, "lần", year=2024,
          section=["II", "4"]),
        T("từ 40% đến 50%", "Tỷ lệ hồ sơ tiếp nhận trực tuyến", "range", 40, value_max=50, year=2024,
          section=["II", "5"]),
        T("đạt 50%", "Tỷ lệ thanh toán trực tuyến phí, lệ phí", "eq", 50, year=2024, section=["II", "6"]),
        T("13.020 hồ sơ", "Số hồ sơ đã giải quyết", "eq", 13020, "hồ sơ", kind="result", year=2023,
          section=["III"]),
        T("98,2%", "Tỷ lệ hồ sơ giải quyết đúng hạn", "eq", 98.2, kind="result", year=2023, section=["III"]),
    ], references=[R("16/KH-UBND", "16/KH-UBND", "ke_hoach", "2023-03-03")],
        path="ke-hoach-2024.txt", doc_type="ke_hoach", number="21", symbol="KH-UBND",
        issuer="Ủy ban nhân dân quận Tân Bình", place="Tân Bình", date="2024-03-05", year=2024,
        subject="Cải cách hành chính trên địa bàn quận Tân Bình năm 2024")
