"""Hostile and broken inputs in one batch: one clear line each, no traceback, the rest extracted.

Table-driven: each row builds one input and states what the user must see for it.  ``OK`` rows
must produce an output; the others must produce exactly one ``cchc-extract: error: <path>: <reason>``
line whose reason matches the row's pattern.  The whole batch runs once (-j 2) through the CLI.
"""

from __future__ import annotations

import io
import os
import random
import shutil
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from .batch_helpers import DOCS, run_cli, tree_digest, write_docs

OK = None
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                 'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def pdf_bytes(text: str | None, password: str | None = None) -> bytes:
    from fpdf import FPDF
    from fpdf.enums import EncryptionMethod

    pdf = FPDF()
    pdf.add_page()
    if text is None:  # a scan: one image, no text layer
        from PIL import Image, ImageDraw

        img = Image.new("L", (400, 120), 255)
        ImageDraw.Draw(img).rectangle((20, 20, 380, 100), outline=0, width=4)
        pdf.image(img, x=10, y=10, w=150)
    else:
        pdf.add_font("DejaVu", fname=FONT)
        pdf.set_font("DejaVu", size=11)
        pdf.multi_cell(0, 6, text)
    if password:
        pdf.set_encryption(owner_password="owner-" + password, user_password=password,
                           encryption_method=EncryptionMethod.RC4)
    return bytes(pdf.output())


def docx_bytes(document_xml: str | bytes, compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compress) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", document_xml)
    return buf.getvalue()


def word_bytes(text: str) -> bytes:
    import docx

    doc = docx.Document()
    doc.add_paragraph(text)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def body(text: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>'
            f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>")


def billion_laughs() -> str:
    ents = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return (f'<?xml version="1.0"?><!DOCTYPE w:document [{"".join(ents)}]>'
            f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')


def long_line() -> bytes:
    words = ["trên", "95,5%", "từ", "1.000.000", "đến", "2.000,75", "không thấp hơn", "3/4", "-", "7-7,5%",
             "≥", "..", ",", "1,000,000,000", "0,", "phần trăm", "trở lên", "9" * 40, ".", "/", "%"]
    rng = random.Random(5)
    out, size = [], 0
    while size < 2_000_000:
        w = rng.choice(words)
        out.append(w)
        size += len(w.encode()) + 1
    return " ".join(out).encode()


def make_unreadable(path: Path) -> None:
    path.write_text(DOCS["cong-van"], encoding="utf-8")
    path.chmod(0)


@dataclass
class Case:
    name: str  # file name created in the batch folder
    make: Callable[[Path], object]  # writes the input at the given path
    expect: str | None  # regex the reason must match; None: extracted


def w(data: bytes | str) -> Callable[[Path], object]:
    return lambda p: p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def rnd(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


CASES = [
    Case("good-plan.txt", w(DOCS["ke-hoach"]), OK),
    Case("good-report.pdf", w(pdf_bytes(DOCS["bao-cao"])), OK),
    Case("good-letter.docx", w(word_bytes("Đề nghị đảm bảo tỷ lệ hồ sơ đúng hạn không thấp hơn 98%.")), OK),
    Case("empty.txt", w(b""), r"empty|no text"),
    Case("whitespace.txt", w(b"  \n\t\r\n   \n"), r"no text"),
    Case("random.txt", w(rnd(8192, 1)), r"binary|not text|not a document|unsupported|cannot"),
    Case("random.pdf", w(rnd(8192, 2)), r"binary|not text|not a document|unsupported|cannot"),
    Case("random.docx", w(rnd(8192, 3)), r"binary|not text|not a document|unsupported|cannot"),
    Case("truncated.pdf", w(pdf_bytes(DOCS["bao-cao"])[:900]), r"damaged|truncated"),
    Case("encrypted.pdf", w(pdf_bytes(DOCS["bao-cao"], password="secret")), r"password"),
    Case("scan.pdf", w(pdf_bytes(None)), r"no text layer and OCR is not available"),
    Case("text-named.docx", w(DOCS["cong-van"]), OK),
    Case("zip-bomb.docx", w(docx_bytes(body(" " * 60_000_000))), r"zip bomb|expands"),
    Case("billion-laughs.docx", w(docx_bytes(billion_laughs())), r"DTD|entit"),
    Case("deep.html", w("<html><body>" + "<div>" * 100_000 + "Tỷ lệ đạt 95%." + "</div>" * 100_000
                        + "</body></html>"), r"no main text|nested too deeply"),
    Case("long-line.txt", w(long_line()), OK),
    Case("huge.txt", lambda p: os.truncate(p.open("wb").name, 51 * 2**20), r"too large .*--max-size"),
    Case("missing.txt", lambda p: None, r"^no such file or folder$"),
    Case("dangling.txt", lambda p: p.symlink_to(p.parent / "nowhere.txt"), r"broken symbolic link"),
    Case("folder", lambda p: write_docs(p, {"inside": DOCS["bao-cao"]}), OK),
    Case("empty-folder", lambda p: p.mkdir(), r"folder holds no files"),
    Case("unreadable.txt", make_unreadable, r"^permission denied$"),
]


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    src = root / "in"
    src.mkdir()
    for case in CASES:
        case.make(src / case.name)
    before = tree_digest(src)
    prefix: list[str] = []
    if os.geteuid() == 0:  # root reads any file: drop the capabilities that let it
        setpriv = shutil.which("setpriv")
        if not setpriv:
            pytest.skip("running as root without setpriv: cannot make a file unreadable")
        prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--"]
    no_ocr = root / "bin"  # a PATH without Tesseract: "OCR not installed"
    no_ocr.mkdir()
    start = time.monotonic()
    res = run_cli("extract", *(src / c.name for c in CASES), "-o", root / "out", "-j", "2", "--timeout", "50",
                  prefix=prefix, env={"PATH": str(no_ocr)}, timeout=300)
    elapsed = time.monotonic() - start
    print(f"\nhostile batch: {len(CASES)} inputs in {elapsed:.1f} s")
    return {"root": root, "src": src, "out": root / "out", "res": res, "before": before, "elapsed": elapsed}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(batch, case):
    path = str(batch["src"] / case.name)
    lines = [line for line in batch["res"].errors if line.startswith(f"cchc-extract: error: {path}: ")]
    if case.expect is OK:
        assert lines == []
        stem = Path(case.name).stem
        outputs = [batch["out"] / f"{stem}.json"] if case.name != "folder" else [batch["out"] / "inside.json"]
        for out in outputs:
            assert out.is_file(), f"no output for {case.name}: {batch['res'].stderr}"
        check = run_cli("validate", *outputs)
        assert check.code == 0, check.stderr
    else:
        assert len(lines) == 1, f"{case.name}: {batch['res'].stderr}"
        reason = lines[0][len(f"cchc-extract: error: {path}: "):]
        import re

        assert re.search(case.expect, reason), reason
        assert not (batch["out"] / f"{Path(case.name).stem}.json").exists()


def test_batch_status_summary_and_no_traceback(batch):
    res = batch["res"]
    failed = sum(c.expect is not OK for c in CASES)
    ok = sum(c.expect is OK for c in CASES)
    assert res.code == 1
    assert res.summary.startswith(f"cchc-extract: {ok} ok, {failed} failed, 0 skipped;")
    assert "Traceback" not in res.stderr
    assert len(res.errors) == failed
    assert res.stdout == ""


def test_inputs_unchanged_and_nothing_written_outside_output(batch):
    assert tree_digest(batch["src"]) == batch["before"]
    assert sorted(p.name for p in batch["root"].iterdir()) == ["bin", "in", "out"]
    assert all(p.suffix == ".json" and not p.name.startswith(".") for p in batch["out"].iterdir())


def test_encrypted_pdf_opens_with_password(batch, tmp_path):
    res = run_cli("extract", batch["src"] / "encrypted.pdf", "-o", tmp_path, "--password", "secret")
    assert res.code == 0, res.stderr
    assert (tmp_path / "encrypted.json").is_file()
