"""OCR through the Tesseract command-line tool with its Vietnamese model (optional extra).

Tesseract is called as a program (no Python binding needed). Its TSV output gives every line with
its box, so scanned pages go through the same paragraph rebuilding as a PDF text layer.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache

from ..errors import CorruptDocument, EmptyDocument, LimitExceeded, MissingDependency
from .base import Origin, RepairNote, SourceText

OCR_TIMEOUT = 300  # seconds per page
OCR_DPI = 300
NO_OCR = "no text layer and OCR is not available: install tesseract-ocr and tesseract-ocr-vie"


@dataclass
class OcrLine:
    text: str
    left: float
    top: float
    right: float
    bottom: float


@lru_cache(maxsize=1)
def tesseract_vie() -> str | None:
    """Path of a Tesseract that has the Vietnamese model, else None."""
    exe = shutil.which("tesseract")
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    return exe if "vie" in out.split() else None


def require_tesseract() -> str:
    exe = tesseract_vie()
    if exe is None:
        raise MissingDependency(NO_OCR)
    return exe


def ocr_lines(png: bytes, scale: float = 1.0) -> list[OcrLine]:
    """Run Tesseract on one image; return its text lines with boxes multiplied by ``scale``."""
    exe = require_tesseract()
    try:
        proc = subprocess.run([exe, "stdin", "stdout", "-l", "vie", "--psm", "3", "tsv"], input=png,
                              capture_output=True, timeout=OCR_TIMEOUT, check=False)
    except subprocess.TimeoutExpired as err:
        raise LimitExceeded(f"OCR took more than {OCR_TIMEOUT} s on one page") from err
    rows = csv.DictReader(io.StringIO(proc.stdout.decode("utf-8", "replace")), delimiter="\t",
                          quoting=csv.QUOTE_NONE)
    lines: dict[tuple[str, str, str, str], list[dict]] = {}
    for row in rows:
        if row.get("level") != "5" or not (row.get("text") or "").strip():
            continue
        try:
            if float(row.get("conf") or -1) < 0:
                continue
        except ValueError:
            continue
        key = (row["page_num"], row["block_num"], row["par_num"], row["line_num"])
        lines.setdefault(key, []).append(row)
    out = []
    for words in lines.values():
        left = min(int(w["left"]) for w in words)
        top = min(int(w["top"]) for w in words)
        right = max(int(w["left"]) + int(w["width"]) for w in words)
        bottom = max(int(w["top"]) + int(w["height"]) for w in words)
        out.append(OcrLine(" ".join(w["text"] for w in words), left * scale, top * scale, right * scale,
                           bottom * scale))
    return out


def read_image(data: bytes, *, ocr: bool = True) -> SourceText:
    """A scanned page sent as an image file."""
    if not ocr:
        raise MissingDependency("the file is an image and OCR is turned off")
    from PIL import Image

    require_tesseract()
    try:
        with Image.open(io.BytesIO(data)) as img:
            buf = io.BytesIO()
            img.convert("RGB").save(buf, format="PNG")
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as err:
        raise CorruptDocument(f"the image cannot be decoded ({err.__class__.__name__})") from err
    lines = ocr_lines(buf.getvalue())
    text = "\n".join(line.text for line in lines)
    if not text.strip():
        raise EmptyDocument("OCR found no text in the image")
    return SourceText(text=text, format="image", encoding=None, origins=[Origin(0, len(text), "image")],
                      repairs=[RepairNote("ocr", 0, len(text), "image")])
