"""`cchc-extract export FILES --format csv|xlsx|yaml|jsonl -o PATH`: target sets for other tools."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ._common import guarded, load_all, output_format, write_output

FORMATS = ("csv", "xlsx", "yaml", "jsonl")


def add_parser(sub: argparse._SubParsersAction, name: str, help_text: str) -> None:
    p = sub.add_parser(
        name, help=help_text, formatter_class=argparse.RawDescriptionHelpFormatter,
        description=help_text + ".\n\n"
        "csv    one row per target/result with its document's metadata (UTF-8 with BOM, for Excel)\n"
        "xlsx   sheets targets, documents, references (frozen header, filters, typed cells)\n"
        "yaml   a KPI configuration for dashboards (schemas/kpi-config.schema.json); targets only\n"
        "jsonl  one JSON object per target/result, same columns as csv\n\n"
        "FILES are target-set JSON files or documents (extracted on the fly).\n\n"
        "Example:\n  cchc-extract export out/*.json --format xlsx -o targets.xlsx")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=FORMATS, help="default: from the suffix of PATH")
    p.add_argument("-o", "--output", required=True, metavar="PATH")
    p.set_defaults(command=name)


@guarded
def run(args: argparse.Namespace) -> int:
    from .. import export, kpi

    out = Path(args.output)
    fmt = output_format(out, args.format, FORMATS, {".yml": "yaml"})
    if fmt is None:
        return 2
    sets = load_all(args.files)
    if sets is None:
        return 2
    if fmt == "csv":
        data: bytes | str = export.to_csv(export.target_rows(sets), export.TARGET_COLUMNS)
    elif fmt == "xlsx":
        data = export.to_xlsx(sets)
    elif fmt == "jsonl":
        data = export.to_jsonl(export.target_rows(sets))
    else:
        config = kpi.build(sets)
        errors = kpi.validation_errors(config.model_dump(mode="json"))
        if errors:  # a bug, but say so rather than write a file the schema rejects
            print(f"cchc-extract: error: {out}: KPI configuration fails its schema: {errors[0]}",
                  file=sys.stderr)
            return 2
        data = kpi.to_yaml(config)
    if not write_output(out, data):
        return 2
    count = f"{len(config.kpis)} KPI(s)" if fmt == "yaml" else \
        f"{sum(len(s.targets) for s in sets)} target(s)/result(s)"
    print(f"cchc-extract: wrote {out} ({fmt}, {len(sets)} document(s), {count})", file=sys.stderr)
    return 0
