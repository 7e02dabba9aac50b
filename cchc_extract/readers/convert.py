"""Old binary Word (.doc) and RTF files: converted to DOCX by LibreOffice when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import CorruptDocument, LimitExceeded, MissingDependency
from .base import SourceText

CONVERT_TIMEOUT = 120  # seconds LibreOffice may take for one file


def libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_via_libreoffice(data: bytes, kind: str) -> SourceText:
    """Convert with ``soffice --headless --convert-to docx`` and read the result as DOCX."""
    exe = libreoffice()
    label = "an old binary Word (.doc) file" if kind == "ole" else "an RTF file"
    if exe is None:
        raise MissingDependency(f"{label} needs LibreOffice to convert it: install libreoffice-writer "
                                "or save the file as .docx")
    from .docx import read_docx

    with tempfile.TemporaryDirectory(prefix="cchc-lo-") as tmp:
        src = Path(tmp) / ("input.doc" if kind == "ole" else "input.rtf")
        src.write_bytes(data)
        cmd = [exe, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/profile",
               "--convert-to", "docx", "--outdir", tmp, str(src)]
        try:
            subprocess.run(cmd, capture_output=True, timeout=CONVERT_TIMEOUT, check=False)
        except subprocess.TimeoutExpired as err:
            raise LimitExceeded(f"LibreOffice took more than {CONVERT_TIMEOUT} s to convert {label}") from err
        out = src.with_suffix(".docx")
        if not out.exists():
            raise CorruptDocument(f"LibreOffice could not convert {label}; the file may be damaged")
        source = read_docx(out.read_bytes())
    source.format = "doc" if kind == "ole" else "rtf"
    return source
