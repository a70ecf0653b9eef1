"""Every format an archive holds reads like the original: one notice saved by LibreOffice as .doc, .odt,
.rtf and .html, and scanned to an image-only PDF (tests/fixtures/formats/make.py says how), each read
to the same header and items as the text it was made from."""

import os
import shutil
from pathlib import Path

import pytest

from samverkan.archive.extract import ExtractError, extract_data, extract_text
from samverkan.archive.parse import read_file
from tests.conftest import SAMPLES

FORMATS = Path(__file__).parents[1] / "fixtures" / "formats"
ORIGINAL = SAMPLES / "000_e9a5e7628d4b2bbf.txt"
SAVED_BY_LIBREOFFICE = ["kallelse-2021-11-19.docx", "kallelse-2021-11-19.doc", "kallelse-2021-11-19.odt",
                        "kallelse-2021-11-19.rtf", "kallelse-2021-11-19.html"]
TOOLS = {".doc": ["antiword"], ".pdf": ["pdftoppm", "tesseract"]}


def needs_tools(name: str):
    """Skip on a laptop without the Debian tool; CI installs them and must run the test."""
    missing = [tool for tool in TOOLS.get(Path(name).suffix, []) if shutil.which(tool) is None]
    if missing and os.environ.get("SAMVERKAN_E2E_REQUIRED", "").strip() != "1":
        pytest.skip(f"{', '.join(missing)} is not installed (see README: Importing documents)")


def header(document) -> tuple:
    return document.kind, document.meeting_date, document.start_time, document.end_time, document.location


def item_titles(document) -> list[tuple[str, str]]:
    return [(item.number, " ".join(item.title.split())) for item in document.items]


@pytest.fixture(scope="module")
def original():
    return read_file(ORIGINAL)


@pytest.mark.parametrize("name", SAVED_BY_LIBREOFFICE)
def test_a_saved_file_reads_like_the_text_it_was_made_from(name, original):
    needs_tools(name)
    document = read_file(FORMATS / name)
    assert header(document) == header(original)
    assert item_titles(document) == item_titles(original)
    assert [len(item.proposals) for item in document.items] == [len(item.proposals) for item in original.items]


def test_a_scanned_pdf_is_read_through_ocr(original):
    needs_tools("skannad.pdf")
    extracted = extract_text(FORMATS / "kallelse-2021-11-19-skannad.pdf")
    assert extracted.warnings == ["kallelse-2021-11-19-skannad.pdf: texten är framtagen med textigenkänning (OCR) "
                                  "av inskannade sidor; kontrollera namn och siffror"]
    document = read_file(FORMATS / "kallelse-2021-11-19-skannad.pdf")
    assert header(document)[:2] == header(original)[:2]
    scanned = item_titles(document)
    # Two pages were scanned: their items are found in order, each title as printed (OCR keeps no
    # paragraph spacing, so a title may run on into the line after it).
    assert len(scanned) >= 4
    for (number, title), (expected_number, expected_title) in zip(scanned, item_titles(original), strict=False):
        assert (number, title[:len(expected_title)]) == (expected_number, expected_title)


def test_a_missing_tool_is_named_with_its_debian_package(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda program: None)
    with pytest.raises(ExtractError) as refused:
        extract_text(FORMATS / "kallelse-2021-11-19.doc")
    assert str(refused.value) == (
        "kallelse-2021-11-19.doc: Att läsa en Word 97–2003-fil (.doc) behöver programmet antiword, som saknas "
        "här: installera Debian-paketet antiword (apt-get install antiword)")


def test_a_damaged_opendocument_file_is_named(tmp_path):
    data = (FORMATS / "kallelse-2021-11-19.odt").read_bytes()
    with pytest.raises(ExtractError) as refused:
        extract_data(data[: len(data) // 2], tmp_path / "trasig.odt")
    assert str(refused.value) == "trasig.odt: Word-/zipfilen är trasig och kan inte öppnas"


def test_a_web_page_keeps_its_table_rows_and_drops_scripts(tmp_path):
    page = ("<!DOCTYPE html><html><head><title>Protokoll</title><style>p{}</style></head><body>"
            "<h1>Protokoll</h1><script>var x = 1;</script><p>Datum: 3&nbsp;mars 2015</p>"
            "<table><tr><td>Anna Berg</td><td>ordförande</td></tr><tr><td>Per Ek</td><td>ledamot</td></tr></table>"
            "</body></html>")
    text = extract_data(page.encode(), tmp_path / "protokoll.html").text
    assert text.splitlines() == ["Protokoll", "Datum: 3\xa0mars 2015", "Anna Berg\tordförande", "Per Ek\tledamot"]
