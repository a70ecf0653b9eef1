"""Uploading files and ZIPs: a row per document, each read by a task; bad files fail alone, with their reason."""

import pytest

from samverkan.archive.models import SourceDocument
from samverkan.core.errors import UserError
from samverkan.imports.models import ImportFile
from samverkan.imports.services import upload_files
from samverkan.meetings.models import Meeting
from tests.conftest import SAMPLES
from tests.imports.conftest import sample, zip_upload

pytestmark = pytest.mark.django_db
State = ImportFile.State


def rows(batch):
    return [(row.shown_name, row.state, row.error) for row in batch.files.all()]


def test_uploaded_files_are_read_and_wait_for_review(secretary):
    batch = upload_files([sample(0), sample(1)], acting_user=secretary)
    names = [p.name for p in sorted(SAMPLES.glob("*.txt"))[:2]]
    assert rows(batch) == [(names[0], State.NEEDS_REVIEW, ""), (names[1], State.NEEDS_REVIEW, "")]
    first = batch.files.first()
    assert first.reading["body"] == "Länsnätverket för förvaltningschefer"
    assert first.reading["meeting_date"] == "2021-11-19"
    assert first.body_name == "Länsnätverket för förvaltningschefer"
    assert len(first.sha256) == 64
    assert first.text.startswith(" Länsnätverket för förvaltningschefer (Länschefsnätverket, LCHNV)")
    assert not SourceDocument.objects.exists()
    assert not Meeting.objects.exists()


def test_without_review_the_task_imports_through_the_loader(secretary):
    batch = upload_files([sample(0)], review=False, acting_user=secretary)
    row = batch.files.get()
    assert (row.state, row.result) == (State.IMPORTED, "imported")
    assert row.source == SourceDocument.objects.get()
    assert row.meeting == Meeting.objects.get()
    assert row.meeting.body.abbreviation == "LCHNV"


def test_a_zip_of_folders_gives_a_row_per_document(secretary):
    files = {f"2021/{p.name}": p.read_bytes() for p in sorted(SAMPLES.glob("*.txt"))[:2]}
    files["__MACOSX/2021/._x.txt"] = b"resource fork"
    files["2021/.DS_Store"] = b"\0"
    files["2021/bild.png"] = b"\x89PNG"
    batch = upload_files([zip_upload("arkiv.zip", files)], acting_user=secretary)
    first, second = (p.name for p in sorted(SAMPLES.glob("*.txt"))[:2])
    assert rows(batch) == [
        (f"arkiv.zip/2021/{first}", State.NEEDS_REVIEW, ""),
        (f"arkiv.zip/2021/{second}", State.NEEDS_REVIEW, ""),
        ("arkiv.zip/2021/bild.png", State.FAILED, "filslaget ”.png” importeras inte; bara .txt, .md, .pdf, .docx, .doc, .odt, .rtf, .html och .htm"),
    ]


def test_a_path_out_of_the_zip_is_refused_and_the_rest_read(secretary):
    good = sorted(SAMPLES.glob("*.txt"))[0]
    upload = zip_upload("arkiv.zip", {"../../etc/cron.d/x.txt": b"1. Punkt\n", "/abs/y.txt": b"1. Punkt\n",
                                      "C:/z.txt": b"1. Punkt\n", "a/" + good.name: good.read_bytes()})
    batch = upload_files([upload], acting_user=secretary)
    outside = "sökvägen pekar utanför ZIP-filen; filen läses inte"
    assert rows(batch) == [
        ("arkiv.zip/../../etc/cron.d/x.txt", State.FAILED, outside),
        ("arkiv.zip//abs/y.txt", State.FAILED, outside),
        ("arkiv.zip/C:/z.txt", State.FAILED, outside),
        (f"arkiv.zip/a/{good.name}", State.NEEDS_REVIEW, ""),
    ]


def test_a_zip_bomb_is_refused_as_a_whole(secretary, settings):
    settings.SAMVERKAN_MAX_ZIP_RATIO = 100
    upload = zip_upload("bomb.zip", {"a.txt": b"0" * 5_000_000})
    batch = upload_files([upload], acting_user=secretary)
    [(name, state, error)] = rows(batch)
    assert (name, state) == ("bomb.zip", State.FAILED)
    size = f"{upload.size:,}".replace(",", " ")
    assert error == (f"packas upp till 5 000 000 byte, mer än 100 gånger sin storlek ({size} byte); "
                     "den läses inte (en ZIP-bomb?)")


def test_a_zip_of_too_many_files_is_refused(secretary, settings):
    settings.SAMVERKAN_MAX_ZIP_FILES = 3
    upload = zip_upload("stor.zip", {f"{n}.txt": b"1. Punkt\n" for n in range(4)})
    batch = upload_files([upload], acting_user=secretary)
    assert rows(batch) == [("stor.zip", State.FAILED,
                            "innehåller 4 filer, fler än gränsen 3; dela upp arkivet i flera ZIP-filer")]


def test_a_broken_zip_is_a_failed_row(secretary):
    from django.core.files.uploadedfile import SimpleUploadedFile

    batch = upload_files([SimpleUploadedFile("trasig.zip", b"PK\x03\x04 inte alls"), sample(0)],
                         acting_user=secretary)
    assert [r[1:] for r in rows(batch)] == [(State.FAILED, "är ingen läsbar ZIP-fil"), (State.NEEDS_REVIEW, "")]


def test_a_file_over_the_limit_fails_alone(secretary, settings):
    settings.SAMVERKAN_MAX_IMPORT_BYTES = 1000
    big = sample(0)
    small = zip_upload("liten.zip", {"a.txt": b"x" * 2000})
    batch = upload_files([big, small], acting_user=secretary)
    assert rows(batch) == [
        (big.name, State.FAILED, "filen är 5 680 byte, större än gränsen 1 000 byte"),
        ("liten.zip/a.txt", State.FAILED, "filen är 2 000 byte, större än gränsen 1 000 byte"),
    ]


def test_a_bad_file_fails_alone_with_its_reason(secretary):
    from django.core.files.uploadedfile import SimpleUploadedFile

    broken = SimpleUploadedFile("trasig.docx", b"PK\x03\x04 inte en docx")
    empty = SimpleUploadedFile("tom.txt", "Hej\nInga punkter här.\n".encode())
    batch = upload_files([broken, empty, sample(0)], acting_user=secretary)
    states = rows(batch)
    assert states[0][:2] == ("trasig.docx", State.FAILED)
    assert states[0][2]
    assert states[1] == ("tom.txt", State.FAILED,
                         "inga numrerade punkter hittades; är det en dagordning eller minnesanteckningar?")
    assert states[2][1] == State.NEEDS_REVIEW


def test_a_file_without_a_body_asks_for_one_at_upload(secretary):
    from django.core.files.uploadedfile import SimpleUploadedFile

    batch = upload_files([SimpleUploadedFile("utan.txt", "Datum: 3 mars 2022\n\n1. Mötets öppnande\n".encode())],
                         acting_user=secretary)
    assert rows(batch) == [("utan.txt", State.FAILED,
                            "dokumentet säger inte vilket organ som möttes (välj organet när du laddar upp)")]


def test_the_chosen_body_is_used_for_files_that_name_none(secretary, network):
    from django.core.files.uploadedfile import SimpleUploadedFile

    batch = upload_files([SimpleUploadedFile("utan.txt", "Datum: 3 mars 2022\n\n1. Mötets öppnande\n".encode())],
                         body=network, acting_user=secretary)
    row = batch.files.get()
    assert (row.state, row.body_name) == (State.NEEDS_REVIEW, network.name)


def test_nothing_chosen_is_an_error(secretary):
    with pytest.raises(UserError) as raised:
        upload_files([], acting_user=secretary)
    assert raised.value.message == "Välj minst en fil att ladda upp."


def test_each_damaged_file_of_an_upload_fails_alone_with_its_reason(secretary, seed_text):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.archive.test_damaged_import import bad_files

    damaged = [d for d in bad_files(seed_text("000")) if not d.special]  # a browser uploads bytes only
    unknown = SimpleUploadedFile("bild.png", b"\x89PNG\r\n\x1a\n" + bytes(200))
    uploads = [SimpleUploadedFile(d.name, d.data) for d in damaged] + [unknown, sample(1)]
    batch = upload_files(uploads, acting_user=secretary)
    states = rows(batch)
    assert [(name, state) for name, state, _ in states] == (
        [(d.name, State.FAILED) for d in damaged] + [("bild.png", State.FAILED), (sample(1).name, State.NEEDS_REVIEW)])
    reasons = {name: error for name, _, error in states}
    assert reasons["hemlig.pdf"] == "PDF-filen är lösenordsskyddad; spara den utan lösenord och importera den igen"
    assert all(len(reasons[d.name]) > 10 for d in damaged)
    assert "Traceback" not in "".join(reasons.values())
