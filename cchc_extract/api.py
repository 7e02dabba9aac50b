"""Runs the stages in order: read -> normalise -> segment -> metadata -> citations -> targets -> validate.

No language rules live here; each stage is a module with one job.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from . import __version__
from .errors import InvalidOutput
from .models import Document, Repair, Source, TargetSet
from .readers import SourceText, read_bytes
from .text.normalize import Normalized, normalize


def extract_file(path: str | Path) -> TargetSet:
    """Extract the target set of one document file (text, PDF, DOCX, HTML; told by content)."""
    data = Path(path).read_bytes()
    return extract_bytes(data, str(path))


def extract_bytes(data: bytes, path: str, *, password: str | None = None) -> TargetSet:
    """Extract from a document's bytes; ``path`` is recorded as given; ``password`` opens encrypted PDFs."""
    source = read_bytes(data, path, password=password)
    return extract_source(source, path=path, sha256=hashlib.sha256(data).hexdigest())


def extract_text(text: str, *, path: str = "<text>") -> TargetSet:
    """Extract the target set of a document given as a string."""
    source = SourceText(text=text, format="text", encoding=None)
    return extract_source(source, path=path, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())


def extract_source(source: SourceText, *, path: str, sha256: str) -> TargetSet:
    from .parse.citations import find_references
    from .parse.metadata import read_metadata
    from .parse.targets import find_targets
    from .text.gap_tables import find_gaps
    from .text.segment import segment

    norm = normalize(source.text)
    layout = segment(norm.text, find_gaps(source.text, norm))
    document: Document = read_metadata(layout)
    references = find_references(layout, document)
    targets = find_targets(layout, document, references)
    result = TargetSet(
        tool_version=__version__,
        source=Source(path=path, sha256=sha256, format=source.format, encoding=source.encoding,
                      repairs=_repairs(source, norm)),
        document=document,
        references=references,
        targets=targets,
        text=norm.text,
    )
    check(result)
    return result


def _repairs(source: SourceText, norm: Normalized) -> list[Repair]:
    if not source.repairs:
        return []
    inverse = _inverse_offsets(norm)
    return [Repair(kind=r.kind, start=inverse(r.start), end=inverse(r.end), original=r.original[:200])
            for r in source.repairs]


def _inverse_offsets(norm: Normalized):
    """Reader-text offset -> normalised offset: the first normalised character at or after it."""
    return norm.from_source


def to_json(target_set: TargetSet) -> str:
    """Deterministic JSON: field order from the models, UTF-8, two-space indent, final newline.

    pydantic's own serialiser writes the same text as ``json.dumps(indent=2, ensure_ascii=False)``
    (whose indenting encoder is pure Python) several times faster."""
    return target_set.model_dump_json(indent=2) + "\n"


def check(target_set: TargetSet) -> None:
    from .schema import first_violation

    error = first_violation(target_set.model_dump(mode="json"))
    if error:
        raise InvalidOutput(f"output failed schema validation: {error}")
