#!/usr/bin/env python3
"""Validate the gold annotations in gold/ against the documents in docs/.

Checks, per gold file: JSON shape (ANNOTATION.md), the doc file exists and is NFC,
each anchor is a one-line verbatim substring occurring exactly once in the document
(also after whitespace folding and casefolding, as score.py compares), the numbers
(value, value_max, denominator) appear as written in the anchor, and references are
unique and not the document's own number. Exit status 1 on any problem.

Usage: python3 check_gold.py [CORPUS_DIR]
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

DOC_TYPES = {
    "cong_van",
    "ke_hoach",
    "quyet_dinh",
    "thong_bao",
    "bao_cao",
    "chi_thi",
    "nghi_quyet",
    "nghi_dinh",
    "thong_tu",
    "huong_dan",
    "chuong_trinh",
    "to_trinh",
    "cong_dien",
    "luat",
    "tin_bai",
}
DOC_FIELDS = ("doc_type", "number", "symbol", "issuer", "place", "date", "subject", "signer", "year")
COMPARATORS = {"gt", "gte", "eq", "lte", "lt", "range"}
KINDS = {"target", "result"}
TARGET_KEYS = {"anchor", "value", "value_max", "comparator", "unit", "kind", "indicator"}
OPTIONAL_KEYS = {"denominator", "role"}
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NUM_RE = re.compile(r"\d+(?:[.,]\d+)*")


def fold(text: str) -> str:
    """Fold like score.py: NFC, dashes to '-', whitespace runs to one space, casefold."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[\u2013\u2014\u2012\u2212]", "-", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


def count(haystack: str, needle: str) -> int:
    """Count possibly overlapping occurrences of needle in haystack."""
    n, start = 0, haystack.find(needle)
    while start != -1:
        n += 1
        start = haystack.find(needle, start + 1)
    return n


def numbers_in(anchor: str) -> set[float]:
    """Numbers written Vietnamese-style in the anchor (dot = thousands, comma = decimal)."""
    found: set[float] = set()
    for tok in NUM_RE.findall(anchor):
        found.add(float(tok.replace(".", "").replace(",", ".")))
        if "," not in tok:
            found.add(float(tok.replace(",", "")))
    return found


def has_number(anchor: str, value: float) -> bool:
    """True when value is written in the anchor."""
    return any(abs(v - value) < 1e-9 for v in numbers_in(anchor))


def check_target(t: dict[str, Any], doc: str, doc_folded: str, where: str) -> list[str]:
    """Problems with one gold target entry."""
    errs: list[str] = []
    keys = set(t)
    if not TARGET_KEYS <= keys:
        errs.append(f"{where}: missing keys {sorted(TARGET_KEYS - keys)}")
        return errs
    if keys - TARGET_KEYS - OPTIONAL_KEYS:
        errs.append(f"{where}: unknown keys {sorted(keys - TARGET_KEYS - OPTIONAL_KEYS)}")
    anchor = t["anchor"]
    if not isinstance(anchor, str) or not anchor.strip():
        return [*errs, f"{where}: empty anchor"]
    if "\n" in anchor:
        errs.append(f"{where}: anchor spans lines: {anchor!r}")
    if unicodedata.normalize("NFC", anchor) != anchor:
        errs.append(f"{where}: anchor not NFC: {anchor!r}")
    raw = count(doc, anchor)
    folded = count(doc_folded, fold(anchor))
    if raw != 1 or folded != 1:
        errs.append(f"{where}: anchor occurs {raw}x raw / {folded}x folded: {anchor!r}")
    for field in ("value", "value_max", "denominator"):
        v = t.get(field)
        if v is None:
            if field == "value":
                errs.append(f"{where}: value is null")
            continue
        if not isinstance(v, (int, float)) or isinstance(v, bool):
            errs.append(f"{where}: {field} not a number: {v!r}")
        elif not has_number(anchor, float(v)):
            errs.append(f"{where}: {field} {v} not written in anchor {anchor!r}")
    if t["comparator"] not in COMPARATORS:
        errs.append(f"{where}: bad comparator {t['comparator']!r}")
    if (t["comparator"] == "range") != (t["value_max"] is not None):
        errs.append(f"{where}: value_max must be set exactly for comparator 'range'")
    if t["kind"] not in KINDS:
        errs.append(f"{where}: bad kind {t['kind']!r}")
    if not isinstance(t["unit"], str) or not t["unit"]:
        errs.append(f"{where}: empty unit")
    if not isinstance(t["indicator"], str) or not t["indicator"]:
        errs.append(f"{where}: empty indicator")
    if "role" in t and t["role"] != "population":
        errs.append(f"{where}: role must be 'population'")
    return errs


def check_file(path: Path, docs_dir: Path) -> tuple[list[str], dict[str, int]]:
    """Problems with one gold file, and its counts of targets/results/references."""
    errs: list[str] = []
    gold = json.loads(path.read_text(encoding="utf-8"))
    stats = {"target": 0, "result": 0, "population": 0, "references": 0}
    if set(gold) != {"doc", "document", "references", "targets"}:
        errs.append(f"{path.name}: top-level keys {sorted(gold)}")
        return errs, stats
    if gold["doc"] != path.with_suffix(".txt").name:
        errs.append(f"{path.name}: doc field {gold['doc']!r} does not match file name")
    doc_path = docs_dir / gold["doc"]
    if not doc_path.is_file():
        return [*errs, f"{path.name}: missing document {doc_path}"], stats
    doc = doc_path.read_text(encoding="utf-8")
    if unicodedata.normalize("NFC", doc) != doc:
        errs.append(f"{gold['doc']}: document is not NFC")
    meta = gold["document"]
    if set(meta) != set(DOC_FIELDS):
        errs.append(f"{path.name}: document keys {sorted(meta)}")
    if meta.get("doc_type") not in DOC_TYPES:
        errs.append(f"{path.name}: bad doc_type {meta.get('doc_type')!r}")
    if meta.get("date") is not None and not DATE_RE.match(meta["date"]):
        errs.append(f"{path.name}: bad date {meta['date']!r}")
    if meta.get("year") is not None and not isinstance(meta["year"], int):
        errs.append(f"{path.name}: year must be an int")
    own = f"{meta.get('number')}/{meta.get('symbol')}"
    seen: set[str] = set()
    for r in gold["references"]:
        ref = r.get("ref", "")
        if set(r) != {"ref", "doc_type", "date"}:
            errs.append(f"{path.name}: reference keys {sorted(r)}")
        if re.search(r"\s", ref):
            errs.append(f"{path.name}: reference with spaces {ref!r}")
        if ref in seen:
            errs.append(f"{path.name}: duplicate reference {ref!r}")
        if ref == own:
            errs.append(f"{path.name}: reference is the document's own number {ref!r}")
        if r.get("doc_type") not in DOC_TYPES:
            errs.append(f"{path.name}: reference {ref!r} bad doc_type {r.get('doc_type')!r}")
        if r.get("date") is not None and not DATE_RE.match(r["date"]):
            errs.append(f"{path.name}: reference {ref!r} bad date {r['date']!r}")
        number = ref.split("/")[0]
        if number not in doc:
            errs.append(f"{path.name}: reference number {number!r} not in document")
        seen.add(ref)
    stats["references"] = len(seen)
    doc_folded = fold(doc)
    for i, t in enumerate(gold["targets"]):
        errs += check_target(t, doc, doc_folded, f"{path.name}#{i}")
        if t.get("role") == "population":
            stats["population"] += 1
        elif t.get("kind") in KINDS:
            stats[t["kind"]] += 1
    return errs, stats


def main(argv: list[str]) -> int:
    """Check every gold file and print a per-document summary."""
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    gold_dir, docs_dir = root / "gold", root / "docs"
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        print(f"no gold files in {gold_dir}")
        return 1
    problems: list[str] = []
    for path in files:
        errs, s = check_file(path, docs_dir)
        problems += errs
        print(
            f"{path.stem:40s} targets={s['target']:3d} results={s['result']:3d} "
            f"population={s['population']:2d} refs={s['references']:2d}"
        )
    orphans = {p.stem for p in docs_dir.glob("*.txt")} - {p.stem for p in files}
    problems += [f"document without gold: {o}.txt" for o in sorted(orphans)]
    for p in problems:
        print("ERROR", p)
    print(f"{len(files)} gold files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
