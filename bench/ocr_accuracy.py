"""OCR accuracy on a rendered scan: render a document to PDF, rasterise it, OCR it, compare.

Usage:
  python bench/ocr_accuracy.py DOC.txt [--dpi 300]
Prints character and word accuracy (1 - edit distance / length) of the OCR text against the text
layer of the same PDF, after whitespace folding.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)  # bench.py here would shadow the bench/ package

from bench.render_formats import render_pdf  # noqa: E402
from cchc_extract.readers import read_bytes  # noqa: E402


def scan(pdf: bytes, dpi: int) -> bytes:
    """Replace every page by a grey image of itself, as a scanner would."""
    import pypdfium2 as pdfium
    from fpdf import FPDF

    out = FPDF(format="A4")
    for page in pdfium.PdfDocument(pdf):
        img = page.render(scale=dpi / 72).to_pil().convert("L")
        buf = io.BytesIO()
        img.save(buf, format="PNG")
        out.add_page()
        out.image(io.BytesIO(buf.getvalue()), x=0, y=0, w=210, h=297)
    return bytes(out.output())


def distance(a: list, b: list) -> int:
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y))
        prev = cur
    return prev[-1]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("doc", type=Path)
    ap.add_argument("--dpi", type=int, default=300)
    a = ap.parse_args(argv)
    pdf = render_pdf(a.doc.read_text(encoding="utf-8"))
    truth = " ".join(read_bytes(pdf, "x.pdf").text.split())
    t0 = time.perf_counter()
    got = " ".join(read_bytes(scan(pdf, a.dpi), "scan.pdf").text.split())
    took = time.perf_counter() - t0
    cer = distance(list(truth), list(got)) / max(len(truth), 1)
    wer = distance(truth.split(), got.split()) / max(len(truth.split()), 1)
    print(f"{a.doc.name}: character accuracy {1 - cer:.4f}, word accuracy {1 - wer:.4f}, "
          f"{len(truth)} characters, OCR {took:.1f} s")


if __name__ == "__main__":
    main()
