"""Word page headers and footers: the letterhead is read as header lines before the body, not body."""

from datetime import date

import docx

from samverkan.archive.extract import extract_text
from samverkan.archive.parse import read_file


def _minutes_with_letterhead(path, first_page: bool):
    document = docx.Document()
    section = document.sections[0]
    if first_page:
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].text = "Kommunstyrelsens arbetsutskott"
        section.first_page_header.add_paragraph("Datum 2024-03-05")
        section.first_page_header.add_paragraph("Dnr KS 2024/17")
        section.header.paragraphs[0].text = "Kommunstyrelsens arbetsutskott"  # later pages: the name only
    else:
        section.header.paragraphs[0].text = "Kommunstyrelsens arbetsutskott"
        section.header.add_paragraph("Datum 2024-03-05")
        section.header.add_paragraph("Dnr KS 2024/17")
    section.footer.paragraphs[0].text = "Postadress Box 12, 123 45 Storby"
    document.add_paragraph("Protokoll")
    document.add_paragraph("Sammanträdesdatum 2024-03-04")
    document.add_paragraph("1. Mötets öppnande")
    document.add_paragraph("Ordföranden öppnade mötet.")
    document.save(path)
    return path


def test_page_header_and_footer_lines_come_before_the_body_text(tmp_path):
    path = _minutes_with_letterhead(tmp_path / "protokoll.docx", first_page=False)
    assert extract_text(path).text.splitlines() == [
        "Kommunstyrelsens arbetsutskott", "Datum 2024-03-05", "Dnr KS 2024/17",
        "Postadress Box 12, 123 45 Storby", "",
        "Protokoll", "Sammanträdesdatum 2024-03-04", "1. Mötets öppnande", "Ordföranden öppnade mötet.",
    ]


def test_the_first_pages_own_header_is_read_and_a_repeated_line_once(tmp_path):
    path = _minutes_with_letterhead(tmp_path / "protokoll.docx", first_page=True)
    lines = extract_text(path).text.splitlines()
    assert lines[:4] == ["Kommunstyrelsens arbetsutskott", "Datum 2024-03-05", "Dnr KS 2024/17",
                         "Postadress Box 12, 123 45 Storby"]
    assert lines.count("Kommunstyrelsens arbetsutskott") == 1


def test_the_letterheads_date_and_dnr_are_read_and_are_no_item_text(tmp_path):
    document = read_file(_minutes_with_letterhead(tmp_path / "protokoll.docx", first_page=True))
    assert (document.registry_number, document.document_date, document.meeting_date) == (
        "KS 2024/17", date(2024, 3, 5), date(2024, 3, 4),
    )
    assert [(item.number, item.title) for item in document.items] == [("1", "Mötets öppnande")]
    assert document.body == "Kommunstyrelsens arbetsutskott"


def test_a_document_without_headers_reads_as_before(tmp_path):
    document = docx.Document()
    document.add_paragraph("Dagordning")
    document.add_paragraph("1. Mötets öppnande")
    path = tmp_path / "dagordning.docx"
    document.save(path)
    assert extract_text(path).text.splitlines() == ["Dagordning", "1. Mötets öppnande"]
