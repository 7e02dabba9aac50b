"""Strict target F1 per input format: render each document, extract it, score against the gold.

Usage:
  python bench/format_f1.py --docs DIR --gold DIR [--out OUTDIR] [--formats text,docx,pdf,...]
Prints one line per format with the scorer's strict target F1 (and metadata/reference scores).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the script's own folder holds bench.py, which would shadow the bench/ package: put the repo first instead
sys.path[0] = str(ROOT)

from bench.render_formats import EXTENSIONS, FORMATS, render  # noqa: E402
from cchc_extract.api import extract_bytes, to_json  # noqa: E402

SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def run(docs: Path, gold: Path, out: Path, formats: list[str], scorer: Path) -> dict[str, dict]:
    results = {}
    for fmt in formats:
        pred = out / fmt
        pred.mkdir(parents=True, exist_ok=True)
        for doc in sorted(docs.glob("*.txt")):
            text = doc.read_text(encoding="utf-8")
            data = text.encode("utf-8") if fmt == "text" else render(text, fmt)
            ext = "txt" if fmt == "text" else EXTENSIONS[fmt]
            try:
                result = to_json(extract_bytes(data, f"{doc.stem}.{ext}"))
            except Exception as err:  # a failure is a missing prediction, and is reported
                print(f"{fmt} {doc.name}: {type(err).__name__}: {err}", file=sys.stderr)
                continue
            (pred / f"{doc.stem}.json").write_text(result, encoding="utf-8")
        proc = subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--pred", str(pred), "--json"],
                              capture_output=True, text=True, check=True)
        results[fmt] = json.loads(proc.stdout)
    return results


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=Path, required=True)
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--scorer", type=Path, default=SCORER)
    ap.add_argument("--formats", default="text," + ",".join(FORMATS))
    a = ap.parse_args(argv)
    out = a.out or Path(tempfile.mkdtemp(prefix="cchc-f1-"))
    results = run(a.docs, a.gold, out, a.formats.split(","), a.scorer)
    base = results.get("text", {}).get("target_strict", {}).get("f1")
    for fmt, r in results.items():
        f1 = r["target_strict"]["f1"]
        rel = f" ({(f1 - base) / base * 100:+.1f}% vs text)" if base else ""
        meta_acc = r.get("metadata_accuracy")
        print(f"{fmt:8} strict target F1 {f1:.4f}{rel}  refs F1 {r['references']['f1']:.4f}"
              + (f"  metadata {meta_acc}" if meta_acc is not None else ""))


if __name__ == "__main__":
    main()
