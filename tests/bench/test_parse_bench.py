"""The parse benchmark's hand-made PDFs hold the text they were made from (no timings here)."""

from pathlib import Path

from bench.parse import LINES_PER_PAGE, documents, text_pdf
from samverkan.archive.extract.pdf import pdf_text_and_pages


def test_a_text_pdf_keeps_swedish_letters_and_pages_of_fifty_lines():
    text = "\n".join(f"{n}. Mötets öppnande (Åsa Älv)" for n in range(1, LINES_PER_PAGE + 2))
    extracted, pages = pdf_text_and_pages(text_pdf(text), Path("bench.pdf"))
    assert pages == 2
    assert "1. Mötets öppnande (Åsa Älv)" in extracted.splitlines()


def test_the_bench_reads_the_corpus_and_the_seeds(tmp_path):
    (tmp_path / "000_seed.txt").write_text("Dagordning\n", encoding="utf-8")
    names = [name for name, _ in documents(tmp_path)]
    assert "000_seed.txt" in names and len(names) > 30
