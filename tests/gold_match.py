"""A small strict matcher for corpus-vs-gold tests (the same rules as ../shared/eval/score.py:
equal value, gold anchor inside the evidence, then comparator, unit, value_max and kind agree)."""

from __future__ import annotations

import re
import unicodedata


def norm(s: str | None) -> str:
    s = unicodedata.normalize("NFC", s or "")
    s = re.sub(r"[\u2013\u2014\u2012\u2212]", "-", s)
    return re.sub(r"\s+", " ", s).strip().casefold()


def strict_counts(golds: list[dict], preds: list[dict]) -> tuple[int, int, int]:
    """(tp, fp, fn) over target and result entries; population gold entries are neither."""
    used: set[int] = set()
    tp = fn = 0
    matched_population: set[int] = set()
    for g in golds:
        hit = None
        for i, p in enumerate(preds):
            if i in used or abs(float(p["value"]) - float(g["value"])) > 1e-6:
                continue
            if norm(g["anchor"]) in norm(p["evidence"]):
                hit = i
                break
        if g.get("role") == "population":
            if hit is not None:
                used.add(hit)
                matched_population.add(hit)
            continue
        if hit is None:
            fn += 1
            continue
        used.add(hit)
        p = preds[hit]
        ok = (p["kind"] == g["kind"] and norm(p["comparator"]) == norm(g["comparator"])
              and norm(p["unit"]) == norm(g["unit"])
              and (p.get("value_max") or None) == (g.get("value_max") or None))
        if ok:
            tp += 1
        else:
            fn += 1
    fp = len(preds) - tp - len(matched_population)
    return tp, fp, fn


def f1(tp: int, fp: int, fn: int) -> float:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0
