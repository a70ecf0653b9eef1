"""Damaged, hostile and special files: each one a clear ExtractError or LimitExceeded, never a crash."""

import os
import threading

import pytest

from samverkan.archive.extract import ExtractError, extract_text
from samverkan.archive.reader import LimitExceeded, Limits
from tests.fuzz.damage import (
    Damaged,
    docx_with_flipped_deflate,
    docx_with_numbering_level,
    docx_with_paragraphs,
    docx_without_body,
    encrypted_pdf,
    pdf_with_content,
    text_docx,
    text_pdf,
    zip_bomb,
)

AGENDA = ["Dagordning", "1. Mötets öppnande", "2. Övriga frågor"]


def write(tmp_path, name, data=b"", special=""):
    return Damaged(name, data, special).write(tmp_path)


def test_docx_whose_deflate_stream_is_damaged_is_broken(tmp_path):
    path = write(tmp_path, "flip.docx", docx_with_flipped_deflate(text_docx(AGENDA)))
    with pytest.raises(ExtractError, match=r"^flip\.docx: Word-/zipfilen är trasig och kan inte öppnas$"):
        extract_text(path)


@pytest.mark.parametrize("level", ["9", "12", "-1", "x", "", "99999999999"])
def test_numbering_level_outside_0_to_8_gets_no_number(tmp_path, level):
    path = write(tmp_path, "nivå.docx", docx_with_numbering_level(level))
    assert extract_text(path).text.splitlines() == ["Dagordning", "Mötets öppnande"]


def test_docx_without_body_is_refused(tmp_path):
    path = write(tmp_path, "tom.docx", docx_without_body())
    with pytest.raises(ExtractError, match=r"^tom\.docx: Word-filen har inget dokumentinnehåll \(w:body saknas\)$"):
        extract_text(path)


def test_docx_that_unpacks_beyond_the_limit_is_refused_before_unpacking(tmp_path):
    path = write(tmp_path, "bomb.docx", zip_bomb(size=3_000_000))
    with pytest.raises(ExtractError, match=r"^bomb\.docx: Word-filen blir 3 000 0[0-9][0-9] byte uppackad, mer än gränsen 1 000 000 byte \(SAMVERKAN_MAX_UNPACKED_BYTES\)$"):
        extract_text(path, limits=Limits(max_unpacked_bytes=1_000_000))


def test_zip_that_understates_its_sizes_is_broken(tmp_path):
    path = write(tmp_path, "lögn.docx", zip_bomb(declared_honestly=False, size=3_000_000))
    with pytest.raises(ExtractError, match="trasig"):
        extract_text(path)


def test_docx_with_too_many_paragraphs_is_refused(tmp_path):
    path = write(tmp_path, "stycken.docx", docx_with_paragraphs(5_000))
    with pytest.raises(ExtractError, match=r"^stycken\.docx: Word-dokumentet har fler stycken \(5 00[0-9]\) än gränsen 1 000 \(SAMVERKAN_MAX_LINES\)$"):
        extract_text(path, limits=Limits(max_lines=1_000))


@pytest.mark.parametrize("stream_dict", ["/Filter /Foo", "/Filter /LZWDecode", "/Filter [/A /B]"])
def test_pdf_with_unsupported_filter_is_broken(tmp_path, stream_dict):
    path = write(tmp_path, "filter.pdf", pdf_with_content(b"BT ET", stream_dict))
    with pytest.raises(ExtractError, match=r"^filter\.pdf: PDF-filen (är trasig|har ingen text)"):
        extract_text(path)


def test_pdf_stream_beyond_pypdfs_output_limit_is_broken(tmp_path):
    import zlib

    path = write(tmp_path, "stor.pdf", pdf_with_content(zlib.compress(b" " * 120_000_000, 9), "/Filter /FlateDecode"))
    with pytest.raises(ExtractError, match=r"^stor\.pdf: PDF-filen är trasig och kan inte läsas \(LimitReachedError"):
        extract_text(path)


def test_aes_pdf_with_empty_user_password_is_read(tmp_path):
    path = write(tmp_path, "aes.pdf", encrypted_pdf(text_pdf(AGENDA), ""))
    assert "1. Mötets öppnande" in extract_text(path).text


@pytest.mark.parametrize("algorithm", ["AES-256", "AES-128", "RC4-128"])
def test_pdf_with_a_real_password_is_refused_in_swedish(tmp_path, algorithm):
    path = write(tmp_path, "hemlig.pdf", encrypted_pdf(text_pdf(AGENDA), "hemligt", algorithm))
    with pytest.raises(ExtractError, match=r"^hemlig\.pdf: PDF-filen är lösenordsskyddad; spara den utan lösenord och importera den igen$"):
        extract_text(path)


def test_pdf_with_more_pages_than_the_limit_is_refused(tmp_path):
    path = write(tmp_path, "sidor.pdf", pdf_with_content(b"", pages=6))
    with pytest.raises(LimitExceeded, match=r"^sidor\.pdf: dokumentet har fler sidor \(6\) än gränsen 5 \(SAMVERKAN_MAX_PDF_PAGES\)$"):
        extract_text(path, limits=Limits(max_pdf_pages=5))


def test_a_folder_named_like_a_document_is_refused(tmp_path):
    with pytest.raises(ExtractError, match=r"^mapp\.txt: är en mapp, inte en fil$"):
        extract_text(write(tmp_path, "mapp.txt", special="dir"))


def test_a_broken_symlink_is_refused(tmp_path):
    with pytest.raises(ExtractError, match=r"^länk\.txt: filen finns inte \(eller är en genväg till en fil som inte finns\)$"):
        extract_text(write(tmp_path, "länk.txt", special="broken_link"))


def test_an_unreadable_file_is_refused(tmp_path):
    path = write(tmp_path, "låst.txt", b"1. Punkt\n")
    path.chmod(0)
    if os.access(path, os.R_OK):
        pytest.skip("running as root: every file is readable")
    with pytest.raises(ExtractError, match=r"^låst\.txt: filen får inte läsas \(behörighet saknas\)$"):
        extract_text(path)


def test_a_fifo_is_refused_without_blocking(tmp_path):
    path = write(tmp_path, "fifo.txt", special="fifo")
    outcome = []
    reader = threading.Thread(target=lambda: outcome.append(_error_of(path)), daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():  # unblock the reader so the test run can end
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("reading a FIFO blocked")
    assert outcome == ["fifo.txt: är ingen vanlig fil (utan t.ex. en FIFO eller en enhet) och läses inte"]


def _error_of(path):
    try:
        extract_text(path)
    except ExtractError as error:
        return str(error)
    return None
