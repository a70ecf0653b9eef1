"""Document writers without a domain: HTML to PDF and A4 Word documents."""

from __future__ import annotations

import io
import logging

from django.template.loader import render_to_string
from docx import Document
from docx.shared import Mm, Pt

FONT = "Arial"  # Liberation Sans on Linux has the same metrics


def render_html(template: str, context: dict) -> str:
    """A document template rendered to a string."""
    return render_to_string(template, context)


ARCHIVAL_PDF = "pdf/a-2u"  # PDF/A-2u: fonts embedded, Unicode text, sRGB output intent, XMP metadata


def html_to_pdf(html: str, *, archival: bool = False) -> bytes:
    """PDF bytes from a standalone HTML document (WeasyPrint, A4 from the print CSS); `archival` makes it
    PDF/A-2u, the form documents are kept in for the long term. Title, author, description and the
    dcterms.created date of the HTML head become the PDF's metadata."""
    # Loaded when first needed: WeasyPrint loads Pango and fonts, which slows every start-up.
    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return HTML(string=html).write_pdf(pdf_variant=ARCHIVAL_PDF if archival else None)


# --- Word ---------------------------------------------------------------------------------

def new_docx() -> Document:
    """An A4 Word document with readable default fonts."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(22)
    section.top_margin, section.bottom_margin = Mm(25), Mm(20)
    for style_name in ("Normal", "Heading 1", "Heading 2", "Heading 3"):
        document.styles[style_name].font.name = FONT
    document.styles["Normal"].font.size = Pt(10.5)
    return document


def docx_bytes(document: Document) -> bytes:
    """The Word document as bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
