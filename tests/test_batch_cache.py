"""Up-to-date check: by input sha256 and tool version recorded in the existing output."""

from __future__ import annotations

import hashlib
import json

from cchc_extract.batch.cache import recorded, up_to_date


def write_output(path, version: str, sha: str) -> None:
    data = {"schema_version": "1.0", "tool_version": version,
            "source": {"path": "x", "sha256": sha, "format": "text"}, "text": "t" * 100_000}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def test_up_to_date_needs_same_bytes_and_version(tmp_path):
    src = tmp_path / "a.txt"
    src.write_bytes(b"hello")
    out = tmp_path / "a.json"
    assert not up_to_date(out, str(src), "0.1.0")
    write_output(out, "0.1.0", hashlib.sha256(b"hello").hexdigest())
    assert recorded(out) == ("0.1.0", hashlib.sha256(b"hello").hexdigest())
    assert up_to_date(out, str(src), "0.1.0")
    assert not up_to_date(out, str(src), "0.2.0")
    src.write_bytes(b"hello!")
    assert not up_to_date(out, str(src), "0.1.0")


def test_truncated_or_foreign_output_is_not_up_to_date(tmp_path):
    src = tmp_path / "a.txt"
    src.write_bytes(b"hello")
    out = tmp_path / "a.json"
    out.write_text('{"tool_version": "0.1.0"', encoding="utf-8")
    assert recorded(out) is None and not up_to_date(out, str(src), "0.1.0")
