"""File to text: formats are recognised by content and problems are named plainly."""

import os

import docx
import pytest
from pypdf import PdfWriter

from samverkan.archive.extract import ExtractError, extract_text
from samverkan.archive.parse import read_file
from samverkan.archive.parse_cli import run_parse


def _minimal_text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with Helvetica text, written by hand."""
    stream = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) '" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def _blank_pdf(path, password=None):
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if password:
        writer.encrypt(user_password=password, owner_password=password)
    with open(path, "wb") as handle:
        writer.write(handle)


def test_utf8_text_with_bom(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeff1. Mötets öppnande\n".encode("utf-8"))
    extracted = extract_text(path)
    assert extracted.text.startswith("1. Mötets öppnande") and extracted.warnings == []


def test_windows_1252_text_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("1. Mötets öppnande – Välkommen\n".encode("cp1252"))
    extracted = extract_text(path)
    assert "Mötets öppnande" in extracted.text
    assert "Windows-1252" in extracted.warnings[0]


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(ExtractError, match="empty.txt: filen är tom"):
        extract_text(path)


def test_random_bytes_are_refused_whatever_the_extension(tmp_path):
    path = tmp_path / "agenda.pdf.txt"
    path.write_bytes(os.urandom(4000))
    with pytest.raises(ExtractError, match="agenda.pdf.txt"):
        extract_text(path)


def test_oversized_file_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("x" * 200)
    with pytest.raises(ExtractError, match="större än gränsen"):
        extract_text(path, max_bytes=100)


def test_pdf_with_text_is_read(tmp_path):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(_minimal_text_pdf(["Protokoll", "1. Motets oppnande", "2. Ovriga fragor"]))
    assert "1. Motets oppnande" in extract_text(path).text
    assert [i.number for i in read_file(path).items] == ["1", "2"]


def test_pdf_without_text_is_called_scanned(tmp_path):
    path = tmp_path / "scan.pdf"
    _blank_pdf(path)
    with pytest.raises(ExtractError, match="har ingen text"):
        extract_text(path)


def test_password_protected_pdf_is_refused(tmp_path):
    path = tmp_path / "secret.pdf"
    _blank_pdf(path, password="hemligt")
    with pytest.raises(ExtractError, match="lösenordsskyddad"):
        extract_text(path)


def test_broken_pdf_is_refused(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
    with pytest.raises(ExtractError, match="broken.pdf"):
        extract_text(path)


def test_docx_paragraphs_and_two_column_table_in_body_order(tmp_path):
    document = docx.Document()
    document.add_paragraph("Minnesanteckningar")
    document.add_paragraph("Närvarande:")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Kommun"
    table.cell(0, 1).text = "Region Dalarna"
    table.cell(1, 0).text = "Carina Johansson Avesta"
    table.cell(1, 1).text = "Åsa Dedering Hälso- och sjukvårdsdirektör"
    document.add_paragraph("1. Mötets öppnande")
    path = tmp_path / "minutes.docx"
    document.save(path)
    text = extract_text(path).text
    assert text.splitlines() == [
        "Minnesanteckningar", "Närvarande:", "Kommun Region Dalarna",
        "Carina Johansson Avesta Åsa Dedering Hälso- och sjukvårdsdirektör", "1. Mötets öppnande",
    ]
    attendees = read_file(path).attendees
    assert [(a.name, a.organization) for a in attendees] == [
        ("Carina Johansson", "Avesta"), ("Åsa Dedering", "Region Dalarna"),
    ]


def test_docx_automatic_numbering_becomes_item_numbers(tmp_path):
    document = docx.Document()
    document.add_paragraph("Dagordning")
    document.add_paragraph("Mötets öppnande", style="List Number")
    document.add_paragraph("Övriga frågor", style="List Number")
    path = tmp_path / "agenda.docx"
    document.save(path)
    assert [(i.number, i.title) for i in read_file(path).items] == [("1", "Mötets öppnande"), ("2", "Övriga frågor")]


def test_zip_that_is_not_docx_is_refused(tmp_path):
    import zipfile

    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hej")
    with pytest.raises(ExtractError, match="inte ett Word-dokument"):
        extract_text(path)


def test_cli_prints_json_and_reports_errors(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Dagordning\n\n1. Mötets öppnande\n", encoding="utf-8")
    assert run_parse([str(path)]) == 0
    assert '"title": "Mötets öppnande"' in capsys.readouterr().out
    assert run_parse([str(path), "--format", "text"]) == 0
    assert "1. Mötets öppnande [formalia]" in capsys.readouterr().out
    empty = tmp_path / "tom.txt"
    empty.write_bytes(b"")
    assert run_parse([str(empty)]) == 1
    assert "tom.txt" in capsys.readouterr().err
    assert run_parse([]) == 2
