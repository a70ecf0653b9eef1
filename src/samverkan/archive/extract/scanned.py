"""Scanned PDFs (pages that are only images) through OCR: pdftoppm renders, Tesseract reads Swedish."""

from __future__ import annotations

import tempfile
from contextlib import contextmanager
from pathlib import Path

from samverkan.archive.reader.limits import Deadline

from .tools import run_tool

DPI = "300"
PAGE_IMAGE_DPI = 110  # a page about 900 pixels wide: readable beside the text, small to keep
LANGUAGE = "swe"


@contextmanager
def _rendered(data: bytes, path: Path, pages: int, what: str, *options: str):
    """The PNG images of the first `pages` pages, in order (pdftoppm numbers them with leading zeros)."""
    with tempfile.TemporaryDirectory() as work:
        pdf = Path(work) / "dokument.pdf"
        pdf.write_bytes(data)
        run_tool("pdftoppm", "poppler-utils", [*options, "-png", "-l", str(pages), str(pdf), f"{work}/sida"],
                 path, what)
        yield sorted(Path(work).glob("sida*.png"))


def page_images(data: bytes, path: Path, pages: int, dpi: int = PAGE_IMAGE_DPI) -> list[bytes]:
    """Each page as a PNG image to look at beside its text (the review of a scanned document)."""
    with _rendered(data, path, pages, "Sidbilder av en PDF", "-r", str(dpi)) as images:
        return [image.read_bytes() for image in images]


def ocr_text(data: bytes, path: Path, pages: int, deadline: Deadline) -> str:
    with _rendered(data, path, pages, "Textigenkänning (OCR) av en inskannad PDF", "-r", DPI, "-gray") as images:
        texts = []
        for image in images:
            deadline.check()
            output = run_tool("tesseract", "tesseract-ocr-swe", [str(image), "-", "-l", LANGUAGE, "--psm", "4"],
                              path, "Textigenkänning (OCR) av en inskannad PDF")
            texts.append(output.decode("utf-8", "replace"))
    return "\n".join(texts)
