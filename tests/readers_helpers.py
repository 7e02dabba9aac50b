"""Helpers for the reader tests: render documents into other containers and compare extractions."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.render_formats import render  # noqa: E402,F401  (re-exported for the tests)


def signature(target_set) -> dict:
    """What must not depend on the container: targets, references and document fields."""
    doc = target_set.document.model_dump(mode="json")
    doc.pop("recipients", None)  # a list of lines: compared separately where it matters
    return {
        "targets": sorted(((t.value, t.value_max, t.comparator, t.unit, t.kind) for t in target_set.targets),
                          key=lambda k: tuple("" if v is None else str(v) for v in k)),
        "references": sorted(r.ref for r in target_set.references),
        "document": doc,
    }
