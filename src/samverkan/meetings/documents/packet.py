"""The meeting packet: the agenda PDF followed by every attachment, with one bookmark per part."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from pathlib import PurePath

from django.utils.html import escape
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError

from samverkan.core.rendering import html_to_pdf
from samverkan.meetings.models import Attachment, Meeting

from .agenda import agenda_pdf
from .layout import attachment_name, subitems_of, top_items

logger = logging.getLogger(__name__)

TYPE_NAMES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PPTX",
    "application/msword": "DOC",
    "application/vnd.ms-excel": "XLS",
    "application/vnd.ms-powerpoint": "PPT",
}


@dataclass
class PacketPart:
    """One attachment in the packet: its bookmark title and either PDF pages or a notice page."""

    title: str
    pdf: PdfReader | None = None
    notice: str = ""


def meeting_packet_pdf(meeting: Meeting) -> bytes:
    """The agenda PDF and all attachments in agenda order, bookmarked 'Kallelse' and 'Bilaga N – name'."""
    parts = [attachment_part(a) for a in attachments_in_order(meeting)]
    notices = notice_pages([part.notice for part in parts if part.notice])
    writer = PdfWriter()
    _append(writer, PdfReader(io.BytesIO(agenda_pdf(meeting))), "Kallelse")
    for part in parts:
        if part.pdf is not None:
            _append(writer, part.pdf, part.title)
        else:
            writer.add_page(notices.pop(0))
            writer.add_outline_item(title=part.title, page_number=len(writer.pages) - 1)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def attachments_in_order(meeting: Meeting) -> list[Attachment]:
    """Attachments of all items and sub-items in agenda order."""
    found: list[Attachment] = []

    def collect(items) -> None:
        for item in items:
            found.extend(sorted(item.attachments.all(), key=lambda a: a.position))
            collect(subitems_of(item))

    collect(top_items(meeting))
    return found


def attachment_part(attachment: Attachment) -> PacketPart:
    """PDF pages of the attachment, or a notice saying it is a separate file, missing or broken."""
    name = attachment_name(attachment)
    title = f"{attachment.label} – {name}" if name else attachment.label
    data = _read_file(attachment)
    if data is None:
        missing = f"{attachment.label}: {name or 'ingen fil'} – filen saknas och kunde inte tas med."
        return PacketPart(title, notice=missing)
    if not data.startswith(b"%PDF"):
        kind = file_type(attachment)
        return PacketPart(title, notice=f"{attachment.label}: {name} – finns som separat fil ({kind}).")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted or not reader.pages:
            raise PyPdfError("krypterad eller utan sidor")
        return PacketPart(title, pdf=reader)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        return PacketPart(title, notice=f"{attachment.label}: {name} – PDF-filen är trasig och kunde inte tas med.")


def file_type(attachment: Attachment) -> str:
    """'DOCX', 'XLSX', 'PPTX' … from the content type or the file name."""
    if attachment.content_type in TYPE_NAMES:
        return TYPE_NAMES[attachment.content_type]
    suffix = PurePath(attachment_name(attachment)).suffix.lstrip(".")
    return suffix.upper() or attachment.content_type or "okänd filtyp"


def notice_pages(notices: list[str]) -> list:
    """One generated A4 page per notice, rendered in one go."""
    if not notices:
        return []
    pages = "".join(f'<section class="notice"><p>{escape(text)}</p></section>' for text in notices)
    html = (
        "<!DOCTYPE html><html lang='sv'><head><meta charset='utf-8'><style>"
        "@page { size: A4; margin: 30mm 25mm; }"
        "html { font-family: 'DejaVu Sans', sans-serif; font-size: 13pt; }"
        ".notice { break-after: page; } .notice:last-child { break-after: auto; }"
        f"</style></head><body>{pages}</body></html>"
    )
    return list(PdfReader(io.BytesIO(html_to_pdf(html))).pages)


def _read_file(attachment: Attachment) -> bytes | None:
    if not attachment.file:
        return None
    try:
        with attachment.file.open("rb") as handle:
            data = handle.read()
    except (OSError, ValueError):
        logger.warning("Bilaga %s (%s) saknar sin fil %s; handlingarna får en sida om det.",
                       attachment.pk, attachment.original_name, attachment.file.name)
        return None
    return data or None


def _append(writer: PdfWriter, reader: PdfReader, title: str) -> None:
    first = len(writer.pages)
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    for page in reader.pages:
        writer.add_page(page)
    writer.add_outline_item(title=title, page_number=first)
