"""Parse speed on real text: the development corpus and the seeds, as text and as PDF.

    .venv/bin/python bench/parse.py [--rounds 3] [--seeds DIR]

Text: read_text over every corpus text (tests/fixtures/corpus) and seed (samples/archive, or --seeds),
docs/s and MB/s, best of the rounds. PDF: each of those texts written as a plain text PDF (Helvetica,
pages of 50 lines, made here by hand, no PDF library needed), then extracted two ways, by the import's
PDF extractor (samverkan.archive.extract.pdf) and by plain pypdf (PdfReader, extract_text per page);
docs/s, MB/s of PDF and the ratio extractor / plain are printed (issue 11: a layout-aware extractor
should stay within 3x of plain pypdf). Reports, never fails on a timing.
"""

from __future__ import annotations

import argparse
import io
import logging
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if (ROOT / "src").is_dir():
    sys.path.insert(1, str(ROOT / "src"))

CORPUS = ROOT / "tests" / "fixtures" / "corpus"
SEEDS = ROOT / "samples" / "archive"
LINES_PER_PAGE = 50
TEXT_TARGET = 200  # docs/s on 2 cores (issue 11)
PDF_RATIO_TARGET = 3.0


def documents(seeds: Path) -> list[tuple[str, str]]:
    """(name, text) of every corpus text and seed text."""
    paths = sorted(CORPUS.glob("*.txt")) + sorted(seeds.glob("*.txt"))
    return [(path.name, path.read_text(encoding="utf-8")) for path in paths]


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text_pdf(text: str) -> bytes:
    """A PDF of the text in Helvetica (WinAnsi, so å ä ö survive), LINES_PER_PAGE lines a page."""
    lines = [part for line in text.splitlines() for part in (textwrap.wrap(line, 95) or [""])]
    pages = [lines[i : i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)] or [[""]]
    objects: list[bytes] = [b"", b""]  # catalog and page tree, written last
    font = len(objects) + 1
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for page in pages:
        stream = ("BT /F1 10 Tf 50 800 Td 14 TL " + " ".join(f"({_escape(line)}) '" for line in page) + " ET")
        data = stream.encode("cp1252", errors="replace")
        objects.append(b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")
        contents = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >>"
            b" /Contents %d 0 R >>" % (font, contents)
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def _best(rounds: int, work) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Parse speed over the corpus and seeds (reports only).")
    parser.add_argument("--rounds", type=int, default=3, help="best of this many rounds (default 3)")
    parser.add_argument("--seeds", type=Path, default=SEEDS, help=f"folder of seed texts (default {SEEDS})")
    args = parser.parse_args(argv)

    from pypdf import PdfReader

    from samverkan.archive.extract.pdf import pdf_text_and_pages
    from samverkan.archive.reader import read_text

    docs = documents(args.seeds)
    if not docs:
        print("no documents found")
        return 1
    text_bytes = sum(len(text.encode("utf-8")) for _, text in docs)
    seconds = _best(args.rounds, lambda: [read_text(text, name) for name, text in docs])
    rate = len(docs) / seconds
    print(f"documents: {len(docs)} ({text_bytes / 1e6:.2f} MB of text)")
    print(f"text parse: {rate:,.0f} docs/s, {text_bytes / 1e6 / seconds:,.2f} MB/s "
          f"(best of {args.rounds}; target ≥ {TEXT_TARGET} docs/s: {'met' if rate >= TEXT_TARGET else 'NOT met'})")

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    pdfs = [(Path(name).with_suffix(".pdf"), text_pdf(text)) for name, text in docs]
    pdf_bytes = sum(len(data) for _, data in pdfs)

    def plain():
        for _, data in pdfs:
            reader = PdfReader(io.BytesIO(data))
            "\n".join(page.extract_text() or "" for page in reader.pages)

    def extractor():
        for path, data in pdfs:
            pdf_text_and_pages(data, path)

    plain_seconds = _best(args.rounds, plain)
    extractor_seconds = _best(args.rounds, extractor)
    ratio = extractor_seconds / plain_seconds
    print(f"PDF: {len(pdfs)} files, {pdf_bytes / 1e6:.2f} MB")
    for label, took in (("plain pypdf", plain_seconds), ("pdf extractor", extractor_seconds)):
        print(f"PDF {label}: {len(pdfs) / took:,.0f} docs/s, {pdf_bytes / 1e6 / took:,.2f} MB/s")
    print(f"PDF extractor / plain pypdf: {ratio:.2f}x "
          f"(target ≤ {PDF_RATIO_TARGET:.0f}x: {'met' if ratio <= PDF_RATIO_TARGET else 'NOT met'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
