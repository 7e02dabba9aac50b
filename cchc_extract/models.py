"""The output contract: pydantic models of a target set.

These models are the single source of the JSON Schema committed in ``schemas/`` and of the
keys read by ``../shared/eval/score.py``.  Offsets are character offsets into ``TargetSet.text``
(the normalised text), ``end`` exclusive, so ``text[start:end] == evidence`` always holds.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

DocType = Literal[
    "cong_van", "ke_hoach", "quyet_dinh", "thong_bao", "bao_cao", "chi_thi", "nghi_quyet",
    "nghi_dinh", "thong_tu", "huong_dan", "chuong_trinh", "to_trinh", "cong_dien", "luat",
    "tin_bai", "ket_luan", "de_an", "quy_che", "quy_dinh", "phap_lenh", "van_ban",
]
Comparator = Literal["gt", "gte", "eq", "lte", "lt", "range"]
Kind = Literal["target", "result"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Repair(_Strict):
    """One repair applied while reading, e.g. a paragraph typed in a legacy font."""

    kind: str = Field(description="what was repaired, e.g. 'legacy:vni', 'legacy:tcvn3', 'mojibake:cp1252'")
    start: int = Field(ge=0, description="start offset of the repaired text in the normalised text")
    end: int = Field(ge=0, description="end offset (exclusive) in the normalised text")
    original: str = Field(description="the text before repair (truncated to 200 characters)")


class Source(_Strict):
    path: str
    sha256: str
    format: str = Field(description="detected container: text, pdf, docx, html, doc, image")
    encoding: str | None = Field(default=None, description="text encoding detected for text and html input")
    repairs: list[Repair] = Field(default_factory=list)


class Document(_Strict):
    doc_type: DocType | None = None
    number: str | None = Field(default=None, description="part of Số/ký hiệu before the first '/'")
    symbol: str | None = Field(default=None, description="part of Số/ký hiệu after the first '/'")
    issuer: str | None = None
    place: str | None = None
    date: str | None = Field(default=None, description="ISO date YYYY-MM-DD")
    subject: str | None = Field(default=None, description="trích yếu without 'V/v' and quotes")
    signer: str | None = None
    signer_title: str | None = Field(default=None, description="e.g. 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH'")
    recipients: list[str] = Field(default_factory=list, description="Kính gửi and Nơi nhận entries")
    year: int | None = Field(default=None, description="the year the targets apply to")


class Reference(_Strict):
    ref: str = Field(description="NUMBER/SYMBOL as printed, spaces around '/' and '-' removed")
    doc_type: DocType | None = None
    date: str | None = None
    issuer: str | None = None
    evidence: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Target(_Strict):
    indicator: str
    comparator: Comparator
    value: float
    value_max: float | None = None
    denominator: float | None = None
    unit: str | None = None
    kind: Kind
    role: Literal["population"] | None = None
    year: int | None = None
    section: list[str] = Field(default_factory=list, description="section path, e.g. ['II', '1', 'e']")
    evidence: str = Field(description="verbatim source text: text[start:end]")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    rule: str = Field(description="ids of the rules that produced this target (trace)")


class TargetSet(_Strict):
    schema_version: str = SCHEMA_VERSION
    tool_version: str
    source: Source
    document: Document
    references: list[Reference] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    text: str = Field(description="the normalised text all offsets point into")
