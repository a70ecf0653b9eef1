"""Scanned PDFs (pages that are only images) through OCR: pdftoppm renders, Tesseract reads Swedish."""

from __future__ import annotations

import tempfile
from pathlib import Path

from samverkan.archive.reader.limits import Deadline

from .tools import run_tool

DPI = "300"
LANGUAGE = "swe"


def ocr_text(data: bytes, path: Path, pages: int, deadline: Deadline) -> str:
    with tempfile.TemporaryDirectory() as work:
        pdf = Path(work) / "dokument.pdf"
        pdf.write_bytes(data)
        run_tool("pdftoppm", "poppler-utils", ["-r", DPI, "-gray", "-png", "-l", str(pages), str(pdf),
                                               f"{work}/sida"], path, "Textigenkänning (OCR) av en inskannad PDF")
        texts = []
        for image in sorted(Path(work).glob("sida*.png")):
            deadline.check()
            output = run_tool("tesseract", "tesseract-ocr-swe", [str(image), "-", "-l", LANGUAGE, "--psm", "4"],
                              path, "Textigenkänning (OCR) av en inskannad PDF")
            texts.append(output.decode("utf-8", "replace"))
    return "\n".join(texts)
