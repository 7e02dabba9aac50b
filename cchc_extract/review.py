"""A self-contained HTML page to review a target set against the text it was read from.

The page has no network dependency (all CSS and JS inline) and treats the document as hostile:
every piece of document text is HTML-escaped, the item data is embedded as JSON that cannot close
its ``<script>`` element, and a Content-Security-Policy allows only this page's own style and
script (by hash), so even a missed escape could not load or run anything.

Highlights come from ``start``/``end`` of targets and references. Overlapping spans are nested;
when two spans cross, the inner one is closed at the outer one's end and reopened after it, so one
item may be drawn as several ``<mark>`` pieces that share ``data-i`` (the first has ``id``).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from dataclasses import dataclass
from typing import Any

from .formatting import document_label, requirement
from .models import Reference, Target, TargetSet


@dataclass(frozen=True)
class Item:
    """One highlight: a target, a result or a reference."""

    kind: str  # "target", "result" or "reference"
    start: int
    end: int
    fields: dict[str, Any]
    population: bool = False


def items_of(ts: TargetSet) -> list[Item]:
    """All items in text order; their position in this list is their number on the page."""
    items = [_target_item(t) for t in ts.targets] + [_reference_item(r) for r in ts.references]
    return sorted(items, key=lambda it: (it.start, -it.end, it.kind))


def _target_item(t: Target) -> Item:
    fields = {"kind": t.kind, "indicator": t.indicator, "requirement": requirement(t, with_unit=False),
              "comparator": t.comparator, "value": t.value, "value_max": t.value_max,
              "denominator": t.denominator, "unit": t.unit, "year": t.year, "role": t.role,
              "section": ".".join(t.section) or None, "evidence": t.evidence, "rule": t.rule,
              "start": t.start, "end": t.end}
    return Item(t.kind, t.start, t.end, fields, population=t.role == "population")


def _reference_item(r: Reference) -> Item:
    fields = {"kind": "reference", "ref": r.ref, "doc_type": r.doc_type, "date": r.date, "issuer": r.issuer,
              "evidence": r.evidence, "start": r.start, "end": r.end}
    return Item("reference", r.start, r.end, fields)


def highlighted_text(text: str, items: list[Item]) -> str:
    """``text`` escaped, with a ``<mark>`` per item (pieces when items cross)."""
    opens: dict[int, list[int]] = {}
    empties: dict[int, list[int]] = {}
    for i, it in enumerate(items):
        start, end = max(0, min(it.start, len(text))), max(0, min(it.end, len(text)))
        (empties if end <= start else opens).setdefault(start, []).append(i)
    ends = {i: max(0, min(items[i].end, len(text))) for i in range(len(items))}
    bounds = sorted({0, len(text), *opens, *empties, *ends.values()})
    out: list[str] = []
    stack: list[int] = []
    started: set[int] = set()

    def open_mark(i: int) -> None:
        it = items[i]
        classes = f"hl k-{it.kind}" + (" pop" if it.population else "")
        anchor = "" if i in started else f' id="item-{i}"'
        started.add(i)
        out.append(f'<mark class="{classes}" data-i="{i}"{anchor}>')

    for pos, nxt in zip(bounds, bounds[1:] + [None], strict=True):
        if any(ends[i] == pos for i in stack):
            reopen: list[int] = []
            while any(ends[i] == pos for i in stack):
                top = stack.pop()
                out.append("</mark>")
                if ends[top] != pos:
                    reopen.append(top)
            for i in reversed(reopen):
                open_mark(i)
                stack.append(i)
        for i in empties.get(pos, []):
            open_mark(i)
            out.append("</mark>")
        for i in sorted(opens.get(pos, []), key=lambda i: (-ends[i], i)):
            open_mark(i)
            stack.append(i)
        if nxt is not None:
            out.append(html.escape(text[pos:nxt], quote=False))
    out.extend("</mark>" for _ in stack)
    return "".join(out)


def _table(items: list[Item]) -> str:
    head = [("#", "num"), ("kind", "text"), ("indicator / reference", "text"), ("value", "num"),
            ("unit", "text"), ("year", "num"), ("section", "text"), ("evidence", "text")]
    ths = "".join(f'<th data-type="{t}" scope="col">{html.escape(h)}</th>' for h, t in head)
    rows = []
    for i, it in enumerate(items):
        f = it.fields
        what = f.get("indicator") or f.get("ref") or ""
        value = f.get("requirement", "")
        cells = [(str(i + 1), str(i)), (it.kind + (" (population)" if it.population else ""), None),
                 (what, None), (value, "" if f.get("value") is None else repr(f["value"])),
                 (f.get("unit") or "", None), (str(f.get("year") or f.get("date") or ""), None),
                 (f.get("section") or "", None), (f["evidence"], None)]
        tds = "".join(f'<td data-v="{html.escape(v)}">{html.escape(c)}</td>' if v is not None
                      else f"<td>{html.escape(c)}</td>" for c, v in cells)
        rows.append(f'<tr data-i="{i}" class="k-{it.kind}" tabindex="0">{tds}</tr>')
    return (f'<table id="items-table"><thead><tr>{ths}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _json_for_script(data: Any) -> str:
    """JSON that cannot end its ``<script>`` element or open a comment in it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


def build_page(ts: TargetSet, *, fallback_name: str = "") -> str:
    """The complete page as a string (deterministic for a given target set)."""
    items = items_of(ts)
    doc = ts.document
    label = document_label(doc, fallback_name or ts.source.path)
    counts = {k: sum(it.kind == k for it in items) for k in ("target", "result", "reference")}
    meta = [("type", doc.doc_type), ("number", "/".join(p for p in (doc.number, doc.symbol) if p) or None),
            ("issuer", doc.issuer), ("date", doc.date), ("year", doc.year), ("subject", doc.subject),
            ("signer", doc.signer), ("source", ts.source.path)]
    meta_html = "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(str(v))}</dd>" for k, v in meta if v)
    legend = "".join(f'<span class="legend"><span class="swatch k-{k}"></span> {k}: {counts[k]}</span>'
                     for k in counts)
    csp = (f"default-src 'none'; style-src {_csp_hash(CSS)}; script-src {_csp_hash(JS)}; "
           "img-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'")
    data = [it.fields for it in items]
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{html.escape(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(label)} - cchc-extract review</title>
<style>{CSS}</style>
</head>
<body>
<header>
<h1>{html.escape(doc.subject or label)}</h1>
<dl class="meta">{meta_html}</dl>
<p class="legends">{legend}</p>
</header>
<main>
<section class="text-pane" aria-label="document text">
<pre id="text">{highlighted_text(ts.text, items)}</pre>
</section>
<section class="table-pane" aria-label="extracted items">{_table(items)}</section>
</main>
<div id="tip" role="tooltip" hidden></div>
<script type="application/json" id="items">{_json_for_script(data)}</script>
<script>{JS}</script>
</body>
</html>
"""


CSS = """
:root { --target: #fde68a; --target-b: #d97706; --result: #bbf7d0; --result-b: #15803d;
  --reference: #bfdbfe; --reference-b: #1d4ed8; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1f2937;
  display: flex; flex-direction: column; height: 100vh; }
header { padding: 10px 16px; border-bottom: 1px solid #e5e7eb; background: #f9fafb; }
h1 { font-size: 17px; margin: 0 0 4px; }
dl.meta { display: flex; flex-wrap: wrap; gap: 2px 14px; margin: 0; font-size: 12px; }
dl.meta dt { color: #6b7280; } dl.meta dt::after { content: ":"; }
dl.meta dd { margin: 0 0 0 -10px; }
.legends { margin: 6px 0 0; display: flex; gap: 14px; font-size: 12px; }
main { flex: 1; display: flex; min-height: 0; }
.text-pane { flex: 1 1 55%; overflow: auto; padding: 12px 16px; border-right: 1px solid #e5e7eb; }
.table-pane { flex: 1 1 45%; overflow: auto; }
pre#text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; max-width: 60em;
  font: 14px/1.7 "Noto Sans", "DejaVu Sans", "Segoe UI", Roboto, Arial, sans-serif; }
mark.hl { background: transparent; color: inherit; border-radius: 2px; padding: 1px 0; cursor: pointer; }
.hl.k-target, .swatch.k-target { background: var(--target); box-shadow: inset 0 -2px var(--target-b); }
.hl.k-result, .swatch.k-result { background: var(--result); box-shadow: inset 0 -2px var(--result-b); }
.hl.k-reference, .swatch.k-reference { background: var(--reference);
  box-shadow: inset 0 -2px var(--reference-b); }
.swatch { display: inline-block; width: 14px; height: 12px; border-radius: 2px; vertical-align: -1px; }
mark.hl mark.hl { padding: 0; outline: 1px dashed rgba(0, 0, 0, .45); outline-offset: -1px; }
mark.hl.pop { background: repeating-linear-gradient(135deg, var(--target), var(--target) 4px, #fff7d6 4px,
  #fff7d6 8px); }
mark.flash { outline: 3px solid #ef4444; outline-offset: 1px; }
table { border-collapse: collapse; width: 100%; font-size: 12px; }
th, td { border-bottom: 1px solid #e5e7eb; padding: 4px 6px; text-align: left; vertical-align: top; }
th { position: sticky; top: 0; background: #f3f4f6; cursor: pointer; user-select: none; white-space: nowrap; }
th[aria-sort="ascending"]::after { content: " \\25B2"; }
th[aria-sort="descending"]::after { content: " \\25BC"; }
tbody tr { cursor: pointer; } tbody tr:hover { background: #f9fafb; }
tbody tr.selected { background: #fee2e2; }
tr.k-target td:nth-child(2) { border-left: 4px solid var(--target-b); }
tr.k-result td:nth-child(2) { border-left: 4px solid var(--result-b); }
tr.k-reference td:nth-child(2) { border-left: 4px solid var(--reference-b); }
#tip { position: fixed; z-index: 10; max-width: 420px; background: #111827; color: #f9fafb; font-size: 12px;
  padding: 8px 10px; border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.25); pointer-events: none; }
#tip dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 1px 8px; }
#tip dt { color: #9ca3af; } #tip dd { margin: 0; }
"""

JS = """
(function () {
  "use strict";
  var items = JSON.parse(document.getElementById("items").textContent);
  var text = document.getElementById("text");
  var table = document.getElementById("items-table");
  var tip = document.getElementById("tip");
  var ORDER = ["kind", "indicator", "ref", "requirement", "unit", "year", "role", "section", "doc_type",
               "date", "issuer", "evidence", "rule", "start", "end"];

  function showTip(mark, x, y) {
    var item = items[Number(mark.dataset.i)];
    var dl = document.createElement("dl");
    ORDER.forEach(function (key) {
      var v = item[key];
      if (v === null || v === undefined || v === "") { return; }
      var dt = document.createElement("dt"); dt.textContent = key;
      var dd = document.createElement("dd"); dd.textContent = String(v);
      dl.appendChild(dt); dl.appendChild(dd);
    });
    tip.replaceChildren(dl);
    tip.hidden = false;
    var left = Math.min(x + 14, window.innerWidth - tip.offsetWidth - 8);
    var top = y + 16 + tip.offsetHeight > window.innerHeight ? y - tip.offsetHeight - 10 : y + 16;
    tip.style.left = Math.max(4, left) + "px";
    tip.style.top = Math.max(4, top) + "px";
  }

  text.addEventListener("mouseover", function (e) {
    var mark = e.target.closest("mark.hl");
    if (mark) { showTip(mark, e.clientX, e.clientY); }
  });
  text.addEventListener("mouseout", function (e) {
    var to = e.relatedTarget;
    if (!to || !to.closest || !to.closest("mark.hl")) { tip.hidden = true; }
  });

  function select(i, scrollText, scrollRow) {
    document.querySelectorAll("mark.flash").forEach(function (m) { m.classList.remove("flash"); });
    document.querySelectorAll("tr.selected").forEach(function (r) { r.classList.remove("selected"); });
    document.querySelectorAll('mark.hl[data-i="' + i + '"]').forEach(function (m) {
      m.classList.add("flash");
    });
    var row = table.querySelector('tbody tr[data-i="' + i + '"]');
    if (row) { row.classList.add("selected"); }
    var first = document.getElementById("item-" + i);
    if (scrollText && first) { first.scrollIntoView({block: "center"}); }
    if (scrollRow && row) { row.scrollIntoView({block: "nearest"}); }
  }

  table.tBodies[0].addEventListener("click", function (e) {
    var row = e.target.closest("tr");
    if (row) { select(row.dataset.i, true, false); }
  });
  table.tBodies[0].addEventListener("keydown", function (e) {
    var row = e.target.closest("tr");
    if (row && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      select(row.dataset.i, true, false);
    }
  });
  text.addEventListener("click", function (e) {
    var mark = e.target.closest("mark.hl");
    if (mark) { select(mark.dataset.i, false, true); }
  });

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
    th.addEventListener("click", function () {
      var asc = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) {
        h.removeAttribute("aria-sort");
      });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      var numeric = th.dataset.type === "num";
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      function key(row) {
        var cell = row.cells[col];
        var v = cell.dataset.v !== undefined ? cell.dataset.v : cell.textContent;
        if (!numeric) { return v; }
        var n = parseFloat(v);
        return isNaN(n) ? Infinity : n;
      }
      rows.sort(function (a, b) {
        var ka = key(a), kb = key(b);
        var c = numeric ? ka - kb : String(ka).localeCompare(String(kb), "vi");
        if (c !== c) { c = 0; }
        return (asc ? c : -c) || (Number(a.dataset.i) - Number(b.dataset.i));
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
})();
"""
