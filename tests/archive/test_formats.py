"""Word and PDF files import like their text; broken ones are refused whole."""

import pytest
from docx import Document
from pypdf import PdfWriter

from samverkan.archive.services import ImportFailed, import_file
from samverkan.meetings.models import Meeting

pytestmark = pytest.mark.django_db


def write_docx(path, text):
    document = Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(path)
    return path


def test_a_word_document_imports_like_its_text(tmp_path, seed_text):
    import_file(write_docx(tmp_path / "minnesanteckningar.docx", seed_text("001")))
    meeting = Meeting.objects.get()
    assert meeting.date.isoformat() == "2023-11-09"
    assert meeting.items.filter(parent=None).count() == 12
    assert meeting.attendances.count() >= 25


def test_a_pdf_without_text_is_refused(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "skannad.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    with pytest.raises(ImportFailed, match="skannad.pdf"):
        import_file(path)
    assert Meeting.objects.count() == 0


def test_a_password_protected_pdf_is_refused(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt("hemligt")
    path = tmp_path / "last.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    with pytest.raises(ImportFailed, match="last.pdf"):
        import_file(path)
    assert Meeting.objects.count() == 0


@pytest.mark.parametrize("name", ["trasig.pdf", "trasig.docx"])
def test_a_broken_file_is_refused(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50 if name.endswith(".pdf") else b"PK\x03\x04broken")
    with pytest.raises(ImportFailed, match=name):
        import_file(path)
    assert Meeting.objects.count() == 0
