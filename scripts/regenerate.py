"""Regenerate the committed generated files: schemas/*.json and extract/*.json (the corpus outputs).

Run from the repository root:  python scripts/regenerate.py
Every behaviour change then shows as a reviewable diff under extract/.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cchc_extract.api import extract_file, to_json  # noqa: E402
from cchc_extract.output import write_atomic  # noqa: E402
from cchc_extract.schema import schema_json, validator_source  # noqa: E402


def generated_files() -> dict[Path, str]:
    """Path -> content of every generated file, computed from the current code and corpus."""
    files = {ROOT / "schemas" / "target-set.schema.json": schema_json(),
             ROOT / "cchc_extract" / "_target_set_validator.py": validator_source()}
    for extra in _extra_schemas():
        files.update(extra)
    for doc in sorted((ROOT / "corpus" / "docs").glob("*.txt")):
        rel = doc.relative_to(ROOT).as_posix()
        files[ROOT / "extract" / f"{doc.stem}.json"] = to_json(extract_file(rel))
    return files


def _extra_schemas() -> list[dict[Path, str]]:
    try:
        from cchc_extract.kpi import kpi_schema_json
    except ImportError:
        return []
    return [{ROOT / "schemas" / "kpi-config.schema.json": kpi_schema_json()}]


def main() -> int:
    import os

    os.chdir(ROOT)
    files = generated_files()
    for path, content in files.items():
        write_atomic(path, content)
    stale = [p for p in (ROOT / "extract").glob("*.json") if p not in files]
    for p in stale:
        p.unlink()
    print(f"wrote {len(files)} files, removed {len(stale)} stale outputs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
