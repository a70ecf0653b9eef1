"""Importing damaged files: each fails alone, named with its reason; every good file is imported."""

import logging
import os
import shutil

import pytest
from django.core.management import CommandError, call_command

from samverkan.archive.models import SourceDocument
from samverkan.archive.services import INTERNAL_ERROR, ImportFailed, import_file
from samverkan.meetings.models import AgendaItem, Meeting
from tests.fuzz.damage import (
    Damaged,
    docx_with_flipped_deflate,
    docx_with_numbering_level,
    docx_without_body,
    encrypted_pdf,
    pdf_with_content,
    text_docx,
    text_pdf,
    zip_bomb,
)

pytestmark = pytest.mark.django_db

AGENDA = ["Dagordning", "1. Mötets öppnande", "2. Övriga frågor"]


def _fail(path) -> ImportFailed:
    with pytest.raises(ImportFailed) as error:
        import_file(path)
    return error.value


def test_a_bug_in_the_reader_is_one_files_internal_error_logged_with_traceback(tmp_path, seed_text, monkeypatch, caplog):
    path = tmp_path / "bugg.txt"
    path.write_text(seed_text("000"), encoding="utf-8")

    def broken_reader(*args, **kwargs):
        raise KeyError("hemlig intern detalj")

    monkeypatch.setattr("samverkan.archive.services.read_text", broken_reader)
    with caplog.at_level(logging.ERROR, logger="samverkan.archive.services"):
        error = _fail(path)
    assert str(error) == f"{path}: {INTERNAL_ERROR}"
    assert error.reason.startswith("internt fel vid läsning") and "hemlig" not in str(error)
    assert [r.exc_info[0] for r in caplog.records] == [KeyError] and "bugg.txt" in caplog.records[0].getMessage()
    assert SourceDocument.objects.count() == 0


@pytest.mark.parametrize("special", ["dir", "fifo", "broken_link"])
def test_special_files_fail_with_a_reason(tmp_path, special):
    error = _fail(Damaged("konstig.txt", special=special).write(tmp_path))
    assert "konstig.txt" in str(error)
    assert error.reason in {
        "är en mapp, inte en fil",
        "är ingen vanlig fil (utan t.ex. en FIFO eller en enhet) och läses inte",
        "filen finns inte (eller är en genväg till en fil som inte finns)",
    }


@pytest.mark.parametrize(("setting", "value", "reason"), [
    ("SAMVERKAN_MAX_LINES", 50, r"dokumentet har fler rader \(\d+\) än gränsen 50 \(SAMVERKAN_MAX_LINES\)"),
    ("SAMVERKAN_MAX_ITEMS", 3, r"dokumentet har fler punkter \(\d+\) än gränsen 3 \(SAMVERKAN_MAX_ITEMS\)"),
    ("SAMVERKAN_MAX_SECONDS_PER_DOCUMENT", 0, r"läsningen tog längre än gränsen 0 sekunder"),
])
def test_limits_come_from_the_settings(tmp_path, seed_text, settings, setting, value, reason):
    setattr(settings, setting, value)
    path = tmp_path / "stor.txt"
    path.write_text(seed_text("001"), encoding="utf-8")
    with pytest.raises(ImportFailed, match=rf"^{path}: {reason}"):
        import_file(path)


def test_pdf_page_and_unpacked_limits_come_from_the_settings(tmp_path, settings):
    settings.SAMVERKAN_MAX_PDF_PAGES = 2
    settings.SAMVERKAN_MAX_UNPACKED_BYTES = 1_000_000
    pages = Damaged("sidor.pdf", pdf_with_content(b"", pages=3)).write(tmp_path)
    bomb = Damaged("bomb.docx", zip_bomb(size=2_000_000)).write(tmp_path)
    assert _fail(pages).reason == "dokumentet har fler sidor (3) än gränsen 2 (SAMVERKAN_MAX_PDF_PAGES)"
    assert "(SAMVERKAN_MAX_UNPACKED_BYTES)" in _fail(bomb).reason


def test_the_default_limits():
    from django.conf import settings

    assert (settings.SAMVERKAN_MAX_PDF_PAGES, settings.SAMVERKAN_MAX_UNPACKED_BYTES, settings.SAMVERKAN_MAX_LINES,
            settings.SAMVERKAN_MAX_ITEMS, settings.SAMVERKAN_MAX_SECONDS_PER_DOCUMENT) == (
        2_000, 200_000_000, 200_000, 2_000, 60)


def bad_files(seed: str) -> list[Damaged]:
    """One of each kind of damage, each named for what is wrong with it."""
    word, pdf = text_docx(AGENDA), text_pdf(AGENDA)
    return [
        Damaged("tom.txt"),
        Damaged("binär.txt", bytes(range(256)) * 40),
        Damaged("fifo.txt", special="fifo"),
        Damaged("genväg.txt", special="broken_link"),
        Damaged("zlib.docx", docx_with_flipped_deflate(word)),
        Damaged("utan-body.docx", docx_without_body()),
        Damaged("filter.pdf", pdf_with_content(b"BT ET", "/Filter /Foo")),
        Damaged("hemlig.pdf", encrypted_pdf(pdf, "hemligt")),
        Damaged("bomb.docx", zip_bomb()),
        Damaged("lögn.docx", zip_bomb(declared_honestly=False, size=3_000_000)),
        Damaged("sidor.pdf", pdf_with_content(b"", pages=2_001)),
        Damaged("öppnare.txt", ("Förslag till beslut: " * 3_000 + "att godkänna.").encode()),
        Damaged("trunkerad.pdf", pdf[:200]),
        Damaged("punkter.txt", seed.split("\n1.")[0].encode()),
    ]


def test_a_folder_of_good_and_damaged_files_imports_every_good_file(tmp_path, sample_paths, seed_text, capsys):
    folder = tmp_path / "arkiv"
    folder.mkdir()
    for path in sample_paths:
        shutil.copy(path, folder)
    (folder / "mapp.txt").mkdir()  # a folder is searched, not read
    Damaged("nivå.docx", docx_with_numbering_level("12")).write(folder)  # damaged, yet nothing to import
    bad = bad_files(seed_text("000"))
    for damaged in bad:
        damaged.write(folder)
    with pytest.raises(CommandError, match=rf"^{len(bad) + 1} av {len(bad) + 6} filer kunde inte importeras\.$"):
        call_command("import_documents", str(folder), verbosity=0)
    out, err = capsys.readouterr()
    assert f"5 importerade, 0 ersatta, 0 oförändrade, {len(bad) + 1} misslyckade" in out
    failures = [line for line in err.splitlines() if line.startswith("Misslyckades: ")]
    assert sorted(line.split(": ")[1].rsplit("/", 1)[1] for line in failures) == sorted(
        [d.name for d in bad] + ["nivå.docx"])
    assert all(len(line.split(": ", 2)[2]) > 10 for line in failures)  # each with its reason
    assert "Traceback" not in err
    assert SourceDocument.objects.count() == Meeting.objects.count() == 5
    assert set(SourceDocument.objects.values_list("file_name", flat=True)) == {p.name for p in sample_paths}
    assert AgendaItem.objects.filter(meeting__source_documents=None).count() == 0


def test_a_bug_while_importing_one_file_does_not_stop_the_folder(tmp_path, sample_paths, monkeypatch, capsys):
    for path in sample_paths:
        shutil.copy(path, tmp_path)
    from samverkan.archive import services

    real = services.read_text

    def reader_with_a_bug(text, source, **kwargs):
        if source == sample_paths[2].name:
            raise IndexError("list index out of range")
        return real(text, source, **kwargs)

    monkeypatch.setattr(services, "read_text", reader_with_a_bug)
    with pytest.raises(CommandError, match="1 av 5"):
        call_command("import_documents", str(tmp_path), verbosity=0)
    out, err = capsys.readouterr()
    assert "4 importerade, 0 ersatta, 0 oförändrade, 1 misslyckade" in out
    assert f"Misslyckades: {tmp_path / sample_paths[2].name}: internt fel vid läsning" in err
    assert "list index" not in err


def test_no_readable_bit_needed_to_list_a_fifo(tmp_path):
    os.mkfifo(tmp_path / "kö.md")
    from samverkan.archive.services import find_documents

    assert find_documents([tmp_path]) == [tmp_path / "kö.md"]
