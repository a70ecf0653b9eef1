"""The meeting packet: the agenda PDF followed by every attachment, with one bookmark per part.

Each attachment starts on a divider page ("Bilaga N", its file name and the item it belongs to),
and each of its pages carries a "Bilaga N" stamp in the top right corner. Word, OpenDocument and
RTF files are converted to PDF with LibreOffice (samverkan.core.office), once per file content:
the PDF is kept in the default storage as `converted/<sha256>.pdf`. What cannot be included
(a spreadsheet, a missing or broken file, a failed conversion) is said on its divider page.
"""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass
from pathlib import PurePath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.html import escape
from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.errors import PyPdfError

from samverkan.core.office import ConversionError, convertible, office_to_pdf
from samverkan.core.rendering import html_to_pdf
from samverkan.meetings.models import AgendaItem, Attachment, Meeting

from .agenda import agenda_pdf
from .layout import attachment_name, subitems_of, top_items

logger = logging.getLogger(__name__)

CONVERTED_DIRECTORY = "converted"

TYPE_NAMES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PPTX",
    "application/msword": "DOC",
    "application/vnd.ms-excel": "XLS",
    "application/vnd.ms-powerpoint": "PPT",
    "application/vnd.oasis.opendocument.text": "ODT",
    "application/rtf": "RTF",
}

PACKET_CSS = """
@page { size: A4; margin: 30mm 25mm; }
html { font-family: 'DejaVu Sans', sans-serif; font-size: 13pt; }
section { break-after: page; } section:last-child { break-after: auto; }
.divider h1 { font-size: 28pt; margin: 60mm 0 8mm; }
.divider .file { font-size: 15pt; font-weight: bold; margin: 0 0 4mm; overflow-wrap: anywhere; }
.divider .notice { margin-top: 14mm; }
.stamp { margin: 0; padding: 0; }
.stamp p { margin: 0; padding: 5mm 5mm 0 0; text-align: right; }
.stamp span { display: inline-block; padding: 1mm 2.5mm; font-size: 10pt; font-weight: bold;
              background: #fff; border: 0.6pt solid #333; color: #000; }
"""


@dataclass
class PacketPart:
    """One attachment in the packet: its label, bookmark, divider lines and PDF pages or a notice."""

    label: str
    title: str
    name: str = ""
    item_line: str = ""
    pdf: PdfReader | None = None
    notice: str = ""


def meeting_packet_pdf(meeting: Meeting) -> bytes:
    """The agenda PDF and all attachments in agenda order, bookmarked 'Kallelse' and 'Bilaga N – name'."""
    parts = [attachment_part(a) for a in attachments_in_order(meeting)]
    seen_sizes = [(part.label, _seen_size(page)) for part in parts if part.pdf is not None for page in part.pdf.pages]
    dividers, stamps = extra_pages(parts, seen_sizes)
    writer = PdfWriter()
    _append(writer, PdfReader(io.BytesIO(agenda_pdf(meeting))), "Kallelse")
    stamp_pages = iter(stamps)
    for part, divider in zip(parts, dividers, strict=True):
        writer.add_page(divider)
        writer.add_outline_item(title=part.title, page_number=len(writer.pages) - 1)
        for page in part.pdf.pages if part.pdf is not None else []:
            added = writer.add_page(page)
            added.transfer_rotation_to_content()  # upright, so the stamp sits where the reader sees the top
            box = added.cropbox
            added.merge_transformed_page(next(stamp_pages),
                                         Transformation().translate(float(box.left), float(box.bottom)))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def attachments_in_order(meeting: Meeting) -> list[Attachment]:
    """Attachments of all items and sub-items in agenda order (each with its item and the item's parent)."""
    found: list[Attachment] = []

    def collect(items, parent=None) -> None:
        for item in items:
            if parent is not None:
                item.parent = parent
            for attachment in sorted(item.attachments.all(), key=lambda a: a.position):
                attachment.item = item
                found.append(attachment)
            collect(subitems_of(item), item)

    collect(top_items(meeting))
    return found


def item_line(item: AgendaItem) -> str:
    """'Hör till punkt 6: Kalendarium 2024', 'Hör till punkt 4 a: Välfärdsrådet'."""
    number = f"{item.parent.number} {item.number}" if item.parent_id else item.number
    return f"Hör till punkt {number}: {item.title}"


def attachment_part(attachment: Attachment) -> PacketPart:
    """PDF pages of the attachment (converted when it is a Word document), or a notice saying why not."""
    name = attachment_name(attachment)
    part = PacketPart(label=attachment.label, title=f"{attachment.label} – {name}" if name else attachment.label,
                      name=name, item_line=item_line(attachment.item))
    data = _read_file(attachment)
    if data is None:
        part.notice = f"{name or 'Ingen fil'} – filen saknas och kunde inte tas med."
        return part
    if not data.startswith(b"%PDF"):
        if not convertible(name):
            part.notice = f"{name} finns som separat fil ({file_type(attachment)})."
            return part
        try:
            data = converted_pdf(data, PurePath(name).suffix)
        except ConversionError as error:
            logger.warning("Bilaga %s (%s) kunde inte omvandlas till PDF: %s", attachment.pk, name, error.reason)
            part.notice = (f"{name} kunde inte omvandlas till PDF och finns som separat fil "
                           f"({file_type(attachment)}). Orsak: {error.reason}.")
            return part
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted or not reader.pages:
            raise PyPdfError("krypterad eller utan sidor")
        part.pdf = reader
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        part.notice = f"{name} – PDF-filen är trasig och kunde inte tas med."
    return part


def converted_pdf(data: bytes, suffix: str) -> bytes:
    """The document as PDF, converted once per content and then read from `converted/<sha256>.pdf`."""
    path = f"{CONVERTED_DIRECTORY}/{hashlib.sha256(data).hexdigest()}.pdf"
    if default_storage.exists(path):
        with default_storage.open(path, "rb") as handle:
            return handle.read()
    pdf = office_to_pdf(data, suffix)
    if not default_storage.exists(path):  # another request may have converted it meanwhile
        default_storage.save(path, ContentFile(pdf))
    return pdf


def file_type(attachment: Attachment) -> str:
    """'DOCX', 'XLSX', 'PPTX' … from the content type or the file name."""
    if attachment.content_type in TYPE_NAMES:
        return TYPE_NAMES[attachment.content_type]
    suffix = PurePath(attachment_name(attachment)).suffix.lstrip(".")
    return suffix.upper() or attachment.content_type or "okänd filtyp"


def extra_pages(parts: list[PacketPart], stamps: list[tuple[str, tuple[float, float]]]):
    """(one divider page per part, one stamp page per attachment page), rendered in one go.

    A stamp page has the size of the page it goes on, blank but for 'Bilaga N' in its top right corner.
    """
    sections, page_rules, sizes = [], [], {}
    for part in parts:
        lines = [f"<h1>{escape(part.label)}</h1>"]
        if part.name:
            lines.append(f'<p class="file">{escape(part.name)}</p>')
        lines.append(f"<p>{escape(part.item_line)}</p>")
        if part.notice:
            lines.append(f'<p class="notice">{escape(part.notice)}</p>')
        sections.append(f'<section class="divider">{"".join(lines)}</section>')
    for label, (width, height) in stamps:
        key = (round(width, 2), round(height, 2))
        if key not in sizes:
            sizes[key] = f"s{len(sizes)}"
            page_rules.append(f"@page {sizes[key]} {{ size: {key[0]}pt {key[1]}pt; margin: 0; }}"
                              f" .{sizes[key]} {{ page: {sizes[key]}; }}")
        sections.append(f'<section class="stamp {sizes[key]}"><p><span>{escape(label)}</span></p></section>')
    if not sections:
        return [], []
    html = ("<!DOCTYPE html><html lang='sv'><head><meta charset='utf-8'><style>"
            f"{PACKET_CSS}{''.join(page_rules)}</style></head><body>{''.join(sections)}</body></html>")
    pages = list(PdfReader(io.BytesIO(html_to_pdf(html))).pages)
    return pages[:len(parts)], pages[len(parts):]


def _seen_size(page: PageObject) -> tuple[float, float]:
    """The page's visible width and height as shown, its rotation applied."""
    box = page.cropbox
    width, height = float(box.width), float(box.height)
    return (height, width) if page.rotation % 180 == 90 else (width, height)


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
