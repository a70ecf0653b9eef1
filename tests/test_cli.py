"""The `samverkan` command as a user runs it."""

import json
import subprocess
import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "archive"


def samverkan(*args):
    return subprocess.run([sys.executable, "-m", "samverkan.cli", *args], capture_output=True, text=True, timeout=60)


def test_parse_prints_the_document_as_json():
    result = samverkan("parse", str(SAMPLES / "001_73dc00971b4a7cc9.txt"))
    assert result.returncode == 0
    document = json.loads(result.stdout)
    assert document["meeting_date"] == "2023-11-09"
    assert len(document["items"]) == 12


def test_parse_names_a_bad_file_and_fails(tmp_path):
    empty = tmp_path / "tom.docx"
    empty.write_bytes(b"")
    result = samverkan("parse", str(empty))
    assert result.returncode == 1
    assert "tom.docx" in result.stderr and "tom" in result.stderr
    assert result.stdout == ""


def test_parse_without_a_file_is_a_usage_error():
    assert samverkan("parse").returncode == 2
