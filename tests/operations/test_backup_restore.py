"""`samverkan backup` and `samverkan restore`: an archive of the sample installation restored into an empty
one gives the same rows, the same files and the same search hits; a bad archive changes nothing."""

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import dj_database_url
import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.utils import ConnectionHandler

from samverkan.archive.services import import_file
from samverkan.core.errors import UserError
from samverkan.directory.models import Body
from samverkan.meetings.attachments import attach_file
from samverkan.meetings.models import AgendaItem, Meeting
from samverkan.operations import databases
from samverkan.operations.backup import create_backup, restore_backup
from samverkan.search.backends import get_backend
from samverkan.search.selectors import search
from tests.meetings.test_agenda import pdf_upload

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "archive"
QUERIES = ["kalendarium", "hjälpmedel", "psykisk hälsa", "ordförande", "budget"]
PUBLISHED_AT = datetime.datetime(2024, 3, 14, 9, 30, 15, 123456, tzinfo=datetime.UTC)

SEARCH_SCRIPT = """
import json, sys, django
django.setup()
from samverkan.directory.models import Body
from samverkan.search.selectors import search
bodies = set(Body.objects.values_list("pk", flat=True))
print(json.dumps({q: [[h.item.pk, round(h.rank, 9)] for h in search(q, readable_body_ids=bodies).hits]
                  for q in json.loads(sys.argv[1])}))
"""


@pytest.fixture
def installation(transactional_db, settings):
    """The sample archive imported, one uploaded attachment, and a datetime with microseconds."""
    for path in sorted(SAMPLES.glob("*.txt")):
        import_file(path)
    item = AgendaItem.objects.order_by("pk").first()
    attach_file(item, pdf_upload("underlag.pdf"), public=True)
    Meeting.objects.filter(pk=item.meeting_id).update(published_at=PUBLISHED_AT)
    yield
    get_backend().clear()  # the FTS5 table is not emptied by the flush that follows a transactional test


def _run(*args, env):
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, timeout=300,
                          cwd=ROOT, check=False)


def _environment(database_url: str, data_dir: Path) -> dict:
    env = dict(os.environ, DATABASE_URL=database_url, SAMVERKAN_DATA_DIR=str(data_dir))
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), str(ROOT), env.get("PYTHONPATH", "")])
    return env


@pytest.fixture
def empty_installation(tmp_path):
    """The DATABASE_URL of an empty database of the same vendor, and the data folder beside it."""
    data_dir = tmp_path / "tom-installation"
    if connection.vendor == "sqlite":
        yield f"sqlite:///{data_dir / 'samverkan.sqlite3'}", data_dir
        return
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("pg_dump och pg_restore behövs för PostgreSQL")
    source = connection.settings_dict
    name = f"{source['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield f"postgres://{source['USER']}@{source['HOST']}:{source['PORT']}/{name}", data_dir
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _tables():
    return [model for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy]


def _rows(conn, model):
    quote = conn.ops.quote_name
    columns = ", ".join(quote(field.column) for field in model._meta.concrete_fields)
    with conn.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {quote(model._meta.db_table)} ORDER BY {quote(model._meta.pk.column)}")
        return cursor.fetchall()


def _media(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*") if path.is_file()}


def _hits():
    bodies = set(Body.objects.values_list("pk", flat=True))
    return {q: [[h.item.pk, round(h.rank, 9)] for h in search(q, readable_body_ids=bodies).hits] for q in QUERIES}


def test_a_restored_installation_has_the_same_rows_files_and_search_hits(installation, empty_installation,
                                                                       tmp_path):
    database_url, data_dir = empty_installation
    archive = tmp_path / "kopia.tar.gz"
    call_command("backup", str(archive))

    env = _environment(database_url, data_dir)
    restored = _run("-m", "samverkan.cli", "restore", str(archive), env=env)
    assert restored.returncode == 0, restored.stderr
    assert "Återställt" in restored.stdout

    target = ConnectionHandler({"default": dj_database_url.parse(database_url)})["default"]
    try:
        for model in _tables():
            assert _rows(target, model) == _rows(connection, model), model._meta.label
    finally:
        target.close()
    assert Meeting.objects.filter(published_at=PUBLISHED_AT).exists()  # microseconds were there to compare
    source_files = _media(Path(settings.MEDIA_ROOT))
    assert len(source_files) == 1
    assert _media(data_dir / "media") == source_files

    expected = _hits()
    assert all(expected[q] for q in QUERIES[:4])
    found = _run("-c", SEARCH_SCRIPT, json.dumps(QUERIES), env=env)
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout) == expected


def test_the_manifest_names_vendor_migrations_and_every_member(installation, tmp_path):
    archive = tmp_path / "kopia.tar.gz"
    manifest = create_backup(archive)
    with tarfile.open(archive) as tar:
        assert json.load(tar.extractfile("manifest.json")) == manifest
        for name, expected in manifest["files"].items():
            data = tar.extractfile(name).read()
            assert (len(data), hashlib.sha256(data).hexdigest()) == (expected["size"], expected["sha256"])
    assert manifest["format"] == 1 and manifest["samverkan_version"]
    assert manifest["database_vendor"] == connection.vendor
    assert manifest["migrations"]["search"] == "0003_attachments_vocabulary"
    assert datetime.datetime.fromisoformat(manifest["created_at"]).tzinfo is not None
    assert databases.member_name(connection.vendor) in manifest["files"]
    media = [name for name in manifest["files"] if name.startswith("media/")]
    assert len(media) == 1 and media[0].endswith(".pdf")


def _rewrite(archive: Path, target: Path, *, manifest=None, replace=None):
    """A copy of the archive with another manifest, or one member's bytes replaced."""
    with tarfile.open(archive) as source, tarfile.open(target, "w:gz") as out:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "manifest.json" and manifest is not None:
                data = json.dumps(manifest).encode()
            elif replace and member.name == replace[0]:
                data = replace[1]
            member.size = len(data)
            out.addfile(member, io.BytesIO(data))
    return target


def _refused(archive: Path, words: str):
    meetings, media = Meeting.objects.count(), _media(Path(settings.MEDIA_ROOT))
    with pytest.raises(UserError, match=words):
        restore_backup(archive)
    assert Meeting.objects.count() == meetings
    assert _media(Path(settings.MEDIA_ROOT)) == media


def test_a_damaged_archive_is_refused_before_anything_changes(installation, tmp_path):
    archive = tmp_path / "kopia.tar.gz"
    manifest = create_backup(archive)
    media_member = next(name for name in manifest["files"] if name.startswith("media/"))
    _refused(_rewrite(archive, tmp_path / "skadad.tar.gz", replace=(media_member, b"%PDF-trasig")),
             "Kontrollsumman för media/")


def test_an_archive_of_another_vendor_is_refused(installation, tmp_path):
    archive = tmp_path / "kopia.tar.gz"
    manifest = create_backup(archive)
    manifest["database_vendor"] = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    _refused(_rewrite(archive, tmp_path / "annan.tar.gz", manifest=manifest), "installationen använder")


def test_an_archive_of_a_newer_migration_state_is_refused(installation, tmp_path):
    archive = tmp_path / "kopia.tar.gz"
    manifest = create_backup(archive)
    manifest["migrations"]["meetings"] = "9999_from_the_future"
    manifest["samverkan_version"] = "9.0.0"
    _refused(_rewrite(archive, tmp_path / "nyare.tar.gz", manifest=manifest), "nyare version av Samverkan")


def test_a_file_that_is_not_an_archive_is_refused(db, tmp_path):
    junk = tmp_path / "inte-en-kopia.tar.gz"
    junk.write_bytes(b"hej")
    with pytest.raises(UserError, match="kan inte läsas som en säkerhetskopia"):
        restore_backup(junk)


def test_the_sqlite_copy_holds_commits_still_in_the_wal_file(tmp_path):
    live = sqlite3.connect(tmp_path / "levande.sqlite3")
    live.execute("PRAGMA journal_mode=WAL")
    live.execute("PRAGMA wal_autocheckpoint=0")
    live.execute("CREATE TABLE t (x)")
    live.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(1000)])
    live.commit()
    assert (tmp_path / "levande.sqlite3-wal").stat().st_size > 0
    databases.copy_sqlite(live, tmp_path / "kopia.sqlite3")
    live.close()
    with sqlite3.connect(tmp_path / "kopia.sqlite3") as copy:
        assert copy.execute("SELECT count(*) FROM t").fetchone() == (1000,)


def test_the_commands_say_what_went_wrong(db, tmp_path):
    result = _run("-m", "samverkan.cli", "restore", str(tmp_path / "finns-inte.tar.gz"),
                  env=_environment(f"sqlite:///{tmp_path / 'x.sqlite3'}", tmp_path / "data"))
    assert result.returncode != 0
    assert "kan inte läsas som en säkerhetskopia" in result.stderr
