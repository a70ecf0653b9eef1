"""The meeting packet: divider pages, 'Bilaga N' stamps, Word attachments converted by LibreOffice."""

import io
import os
from pathlib import Path

import docx
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from pypdf import PageObject, PdfReader, PdfWriter

from samverkan.core import office
from samverkan.core.rendering import html_to_pdf
from samverkan.meetings.documents.agenda import agenda_pdf
from samverkan.meetings.documents.packet import meeting_packet_pdf
from samverkan.meetings.models import AgendaItem, Attachment, Meeting

pytestmark = pytest.mark.django_db

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def require_libreoffice():
    """Skip without soffice on a laptop; in CI (SAMVERKAN_E2E_REQUIRED=1) it must be there."""
    if office.soffice_path() is None:
        if os.environ.get("SAMVERKAN_E2E_REQUIRED", "").strip() == "1":
            pytest.fail("SAMVERKAN_E2E_REQUIRED=1 but soffice (libreoffice-writer-nogui) is missing", pytrace=False)
        pytest.skip("soffice is missing (apt-get install libreoffice-writer-nogui)")


def word_document(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def two_page_pdf() -> bytes:
    return html_to_pdf("<p>Minnesanteckningar 22 september</p><p style='break-before: page'>Sida två</p>")


@pytest.fixture
def small_meeting(body, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    meeting = Meeting.objects.create(body=body, registry_number="HSN 2023/78")
    AgendaItem.objects.create(meeting=meeting, number="1", title="Mötets öppnande", position=0)
    AgendaItem.objects.create(meeting=meeting, number="3", title="Föregående minnesanteckningar", position=1)
    AgendaItem.objects.create(meeting=meeting, number="6", title="Kalendarium 2024", position=2,
                              type=AgendaItem.Type.DECISION)
    return meeting


def attach(meeting, number, label, name, data, content_type):
    item = meeting.items.get(number=number)
    attachment = Attachment(item=item, label=label, original_name=name, content_type=content_type,
                            position=item.attachments.count())
    attachment.file.save(name, ContentFile(data), save=True)
    return attachment


@pytest.fixture
def pdf_and_word(small_meeting):
    attach(small_meeting, "3", "Bilaga 1", "minnesanteckningar.pdf", two_pages := two_page_pdf(), "application/pdf")
    attach(small_meeting, "6", "Bilaga 2", "kalendarium_2024.docx", word := word_document("Förslag till kalendarium"),
           DOCX_TYPE)
    return two_pages, word


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def outline(data: bytes) -> list[tuple[str, int]]:
    reader = PdfReader(io.BytesIO(data))
    return [(entry.title, reader.get_destination_page_number(entry)) for entry in reader.outline]


def fake_soffice(monkeypatch, pages: int = 1, code: int = 0, errors: str = ""):
    """LibreOffice replaced by a runner that writes an A4 PDF of `pages` pages; returns its calls."""
    calls = []

    def run(arguments, timeout):
        calls.append(arguments)
        if code == 0:
            outdir = Path(arguments[arguments.index("--outdir") + 1])
            outdir.mkdir(parents=True, exist_ok=True)
            pages_html = "".join(f"<p style='break-before: page'>Omvandlad sida {n + 1}</p>" for n in range(pages))
            (outdir / (Path(arguments[-1]).stem + ".pdf")).write_bytes(html_to_pdf(pages_html))
        return code, errors

    monkeypatch.setattr(office, "soffice_path", lambda: "/usr/bin/soffice")
    monkeypatch.setattr(office, "run_program", run)
    return calls


def test_a_word_attachment_is_converted_and_every_attachment_has_a_divider_and_stamps(small_meeting, pdf_and_word):
    require_libreoffice()
    agenda_pages = len(PdfReader(io.BytesIO(agenda_pdf(small_meeting))).pages)
    packet = meeting_packet_pdf(small_meeting)
    texts = page_texts(packet)
    # agenda, divider + 2 PDF pages, divider + 1 converted Word page
    assert len(texts) == agenda_pages + 3 + 2
    assert outline(packet) == [
        ("Kallelse", 0),
        ("Bilaga 1 – minnesanteckningar.pdf", agenda_pages),
        ("Bilaga 2 – kalendarium_2024.docx", agenda_pages + 3),
    ]
    first_divider, first_pages = texts[agenda_pages], texts[agenda_pages + 1:agenda_pages + 3]
    second_divider, word_page = texts[agenda_pages + 3], texts[agenda_pages + 4]
    assert first_divider.split("\n") == ["Bilaga 1", "minnesanteckningar.pdf",
                                         "Hör till punkt 3: Föregående minnesanteckningar"]
    assert second_divider.split("\n") == ["Bilaga 2", "kalendarium_2024.docx", "Hör till punkt 6: Kalendarium 2024"]
    assert "Minnesanteckningar 22 september" in first_pages[0] and "Sida två" in first_pages[1]
    assert all("Bilaga 1" in text for text in first_pages)
    assert "Förslag till kalendarium" in word_page and "Bilaga 2" in word_page
    assert "finns som separat fil" not in "".join(texts)


def test_a_converted_word_file_is_kept_and_not_converted_again(small_meeting, pdf_and_word, monkeypatch):
    import hashlib

    calls = fake_soffice(monkeypatch, pages=2)
    first = meeting_packet_pdf(small_meeting)
    second = meeting_packet_pdf(small_meeting)
    assert len(calls) == 1
    assert default_storage.exists(f"converted/{hashlib.sha256(pdf_and_word[1]).hexdigest()}.pdf")
    assert page_texts(first) == page_texts(second)
    assert "Omvandlad sida 2" in page_texts(second)[-1] and "Bilaga 2" in page_texts(second)[-1]


def test_each_conversion_has_its_own_libreoffice_profile_and_a_time_limit(small_meeting, pdf_and_word, monkeypatch):
    calls = fake_soffice(monkeypatch)
    other = attach(small_meeting, "6", "Bilaga 3", "annat.docx", word_document("Annat"), DOCX_TYPE)
    assert other.pk
    meeting_packet_pdf(small_meeting)
    profiles = [argument for call in calls for argument in call if argument.startswith("-env:UserInstallation=")]
    assert len(profiles) == 2 and profiles[0] != profiles[1]
    assert all(call[2:4] == ["--headless", "--norestore"] and "--convert-to" in call for call in calls)


def test_without_libreoffice_the_divider_says_so_and_names_the_file(small_meeting, pdf_and_word, monkeypatch):
    monkeypatch.setattr(office, "soffice_path", lambda: None)
    texts = page_texts(meeting_packet_pdf(small_meeting))
    assert " ".join(texts[-1].split()).replace("writer- nogui", "writer-nogui") == (
        "Bilaga 2 kalendarium_2024.docx Hör till punkt 6: Kalendarium 2024 "
        "kalendarium_2024.docx kunde inte omvandlas till PDF och finns som separat fil (DOCX). "
        "Orsak: LibreOffice (programmet soffice) saknas på servern: installera Debian-paketet "
        "libreoffice-writer-nogui.")
    assert not default_storage.exists("converted")


def test_a_failed_conversion_is_said_on_the_divider_and_not_kept(small_meeting, pdf_and_word, monkeypatch):
    calls = fake_soffice(monkeypatch, code=1, errors="Error: source file could not be loaded\n")
    texts = page_texts(meeting_packet_pdf(small_meeting))
    assert "Orsak: LibreOffice kunde inte läsa filen (Error: source file could not be loaded)." in " ".join(
        texts[-1].split())
    meeting_packet_pdf(small_meeting)
    assert len(calls) == 2


def test_a_conversion_that_takes_too_long_is_stopped(monkeypatch):
    import subprocess

    def slow(arguments, timeout):
        raise subprocess.TimeoutExpired(arguments, timeout)

    monkeypatch.setattr(office, "soffice_path", lambda: "/usr/bin/soffice")
    monkeypatch.setattr(office, "run_program", slow)
    with pytest.raises(office.ConversionError) as raised:
        office.office_to_pdf(b"PK", ".docx", timeout=5)
    assert raised.value.reason == "LibreOffice tog mer än 5 sekunder och avbröts"


def test_run_program_kills_a_program_that_hangs():
    import subprocess

    with pytest.raises(subprocess.TimeoutExpired):
        office.run_program(["sleep", "30"], timeout=0.2)


def stamp_position(page: PageObject) -> tuple[float, float]:
    """Where on the page, as seen, the text 'Bilaga' is drawn (x, y from the lower left)."""
    found = []

    def visit(text, cm, tm, font, size):
        if "Bilaga" in text:
            found.append((tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))

    page.extract_text(visitor_text=visit)
    assert found, "no stamp on the page"
    return found[0]


def test_rotated_and_odd_sized_pages_keep_their_size_and_get_the_stamp_top_right(small_meeting):
    source = PdfReader(io.BytesIO(html_to_pdf(
        "<style>@page { size: A4 } @page small { size: 148mm 105mm } .small { page: small }</style>"
        "<p>Liggande sida</p><p class='small' style='break-before: page'>Vykort</p>")))
    writer = PdfWriter()
    writer.add_page(source.pages[0]).rotate(90)
    writer.add_page(source.pages[1])
    buffer = io.BytesIO()
    writer.write(buffer)
    attach(small_meeting, "3", "Bilaga 1", "blandat.pdf", buffer.getvalue(), "application/pdf")
    reader = PdfReader(io.BytesIO(meeting_packet_pdf(small_meeting)))
    rotated, small = reader.pages[-2], reader.pages[-1]
    assert rotated.rotation == 0  # turned into its content: landscape as it was seen
    assert (round(float(rotated.mediabox.width)), round(float(rotated.mediabox.height))) == (842, 595)
    assert (round(float(small.mediabox.width)), round(float(small.mediabox.height))) == (420, 298)
    for page in (rotated, small):
        x, y = stamp_position(page)
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert x > width * 0.6 and y > height - 60
    assert "Liggande sida" in rotated.extract_text() and "Vykort" in small.extract_text()


FORMATS = Path(__file__).parent.parent / "fixtures" / "formats"


@pytest.mark.parametrize(("name", "kind"), [
    ("kallelse-2021-11-19.doc", ("doc", "application/msword")),
    ("kallelse-2021-11-19.odt", ("odt", "application/vnd.oasis.opendocument.text")),
    ("kallelse-2021-11-19.rtf", ("rtf", "application/rtf")),
    ("kallelse-2021-11-19.docx", ("docx", DOCX_TYPE)),
])
def test_word_97_opendocument_and_rtf_files_are_accepted_as_attachments(name, kind):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from samverkan.meetings.attachments import detect_kind

    assert detect_kind(SimpleUploadedFile(name, (FORMATS / name).read_bytes())) == kind


def test_an_old_excel_file_is_not_taken_for_word():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from samverkan.meetings.attachments import AttachmentRejected, detect_kind

    old_excel = SimpleUploadedFile("budget.xls", (FORMATS / "kallelse-2021-11-19.doc").read_bytes())
    with pytest.raises(AttachmentRejected) as rejected:
        detect_kind(old_excel)
    assert rejected.value.message == ("budget.xls: filen är inte PDF, Word (.docx, .doc), OpenDocument-text (.odt), "
                                      "RTF, Excel (.xlsx) eller PowerPoint (.pptx).")


def test_an_rtf_attachment_is_converted_into_the_packet(small_meeting):
    require_libreoffice()
    attach(small_meeting, "6", "Bilaga 1", "kallelse.rtf", (FORMATS / "kallelse-2021-11-19.rtf").read_bytes(),
           "application/rtf")
    packet = meeting_packet_pdf(small_meeting)
    divider = outline(packet)[1][1]
    texts = [" ".join(text.split()) for text in page_texts(packet)]
    assert texts[divider] == "Bilaga 1 kallelse.rtf Hör till punkt 6: Kalendarium 2024"
    converted = texts[divider + 1:]
    assert converted and "Mötets öppnande" in " ".join(converted)
    assert all(text.endswith("Bilaga 1") for text in converted)
