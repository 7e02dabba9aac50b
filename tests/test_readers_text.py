"""Text, sniffing and hostile input: content decides the reader, errors are one clear line."""

from __future__ import annotations

import os
import random

import pytest

from cchc_extract.errors import CorruptDocument, EmptyDocument, ExtractError, UnsupportedFormat
from cchc_extract.readers import read_bytes
from cchc_extract.readers.sniff import sniff

from .readers_helpers import render

SAMPLE = "Số: 15/KH-UBND\r\nTỷ lệ hồ sơ giải quyết đúng hạn đạt từ 98% trở lên.\r\n"


@pytest.mark.parametrize(("data", "encoding"), [
    (SAMPLE.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8-sig"),
    (SAMPLE.encode("utf-16"), "utf-16"),
    (SAMPLE.encode("utf-16-le"), "utf-16-le"),
])
def test_unicode_encodings(data, encoding):
    src = read_bytes(data, "x.txt")
    assert src.text == SAMPLE and src.encoding == encoding and src.format == "text"


def test_windows_1258_combining_tones_come_back_nfc():
    data = render(SAMPLE, "cp1258")
    assert b"\xcc" in data or b"\xec" in data or b"\xd2" in data  # tone marks stored as combining bytes
    src = read_bytes(data, "x.txt")
    assert src.encoding == "cp1258" and src.text == SAMPLE


def test_legacy_bytes_file_is_decoded_and_repaired():
    src = read_bytes(render(SAMPLE, "tcvn3"), "x.txt")
    assert src.text == SAMPLE.replace("\r\n", "\n")
    assert {r.kind for r in src.repairs} == {"legacy:tcvn3"}


def test_viscii_file_is_read_byte_by_byte_with_its_toned_capitals():
    text = "ỦY BAN NHÂN DÂN HUYỆN KỲ ANH\nNGUYỄN VĂN Ỷ, LÊ THỊ Ỹ, VÕ ĐÌNH ẪN\nTỷ lệ hồ sơ đúng hạn đạt trên 95%.\n"
    src = read_bytes(render(text, "viscii"), "x.txt")
    assert src.encoding == "viscii" and src.text == text and src.repairs == []


def test_cp1258_file_is_not_mistaken_for_viscii():
    assert read_bytes(render(SAMPLE * 20, "cp1258"), "x.txt").encoding == "cp1258"


def test_text_named_docx_is_read_as_text():
    assert read_bytes(SAMPLE.encode("utf-8"), "bao_cao.docx").format == "text"


def test_docx_named_txt_is_read_as_docx():
    assert read_bytes(render(SAMPLE, "docx"), "bao_cao.txt").format == "docx"


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_are_unsupported(seed):
    data = random.Random(seed).randbytes(4096)
    with pytest.raises(UnsupportedFormat) as err:
        read_bytes(data, "x.pdf")
    assert "\n" not in str(err.value)


def test_empty_and_blank_files():
    with pytest.raises(EmptyDocument):
        read_bytes(b"", "x.txt")
    with pytest.raises(EmptyDocument):
        read_bytes(b"  \r\n \n", "x.txt")


def test_zip_that_is_not_word():
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.txt", "xin chào")
    with pytest.raises(UnsupportedFormat, match="ZIP"):
        read_bytes(buf.getvalue(), "x.docx")


def test_damaged_old_binary_doc_without_libreoffice(monkeypatch):
    from cchc_extract.readers import convert

    monkeypatch.setattr(convert, "libreoffice", lambda: None)
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(2000)
    with pytest.raises(CorruptDocument, match="damaged"):
        read_bytes(ole, "cu.doc")


@pytest.mark.parametrize(("head", "kind"), [
    (b"%PDF-1.7\n", "pdf"), (b"<!DOCTYPE html><html>", "html"), (b"\xef\xbb\xbf<html lang=vi>", "html"),
    (b"  <div>", "html"), (b"{\\rtf1\\ansi", "rtf"), (b"\x89PNG\r\n\x1a\n\x00\x00", "image"), (b"Xin chao", "text"),
])
def test_sniff(head, kind):
    assert sniff(head) == kind


def test_every_error_is_one_line():
    bad_inputs = [b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>", b"PK\x03\x04garbage", bytes(range(256)) * 8]
    for data in bad_inputs:
        with pytest.raises(ExtractError) as err:
            read_bytes(data, "x")
        assert str(err.value) and "\n" not in str(err.value) and "Traceback" not in str(err.value)
