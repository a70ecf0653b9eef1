"""One archive file with the whole installation: the database, every uploaded file and a manifest.

The archive is a gzip-compressed tar file:

    manifest.json          format, Samverkan version, created-at, database vendor, last migration per app,
                           and the SHA-256 and size of every other member
    database.sqlite3       SQLite: a consistent copy made with the online backup API
    database.pgdump        PostgreSQL: pg_dump --format=custom
    media/…                every file under MEDIA_ROOT, at its relative path

A restore checks every checksum, the vendor and the migration state before it changes anything; then it
replaces the database and the uploaded files, runs the migrations and rebuilds the search index.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

import samverkan
from samverkan.core.errors import UserError
from samverkan.search.services import rebuild_index

from . import databases

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA = "media"
CHUNK = 1 << 20
REQUIRED = ("format", "database_vendor", "migrations", "files")
VENDOR_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


# --- Writing ---------------------------------------------------------------------------------------


def create_backup(target: Path) -> dict:
    """Write the archive to `target` (replaced only when complete); returns its manifest."""
    target = Path(target)
    partial = target.with_name(target.name + ".part")
    with tempfile.TemporaryDirectory() as work:
        database = Path(work) / databases.member_name(connection.vendor)
        databases.dump(connection, database)
        with tarfile.open(partial, "w:gz") as archive:
            files = {database.name: _add_file(archive, database.name, database)}
            for path, name in _media_files(Path(settings.MEDIA_ROOT)):
                files[name] = _add_file(archive, name, path)
            manifest = _manifest(files)
            _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False).encode())
    partial.replace(target)
    return manifest


def _media_files(root: Path):
    if not root.is_dir():
        return
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield path, f"{MEDIA}/{path.relative_to(root).as_posix()}"


class _HashingReader:
    """Reads a file for tarfile and hashes exactly the bytes that went into the archive."""

    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.handle.read(size)
        self.digest.update(data)
        return data


def _add_file(archive: tarfile.TarFile, name: str, path: Path) -> dict:
    info = tarfile.TarInfo(name)
    stat = path.stat()
    info.size, info.mtime, info.mode = stat.st_size, int(stat.st_mtime), 0o644
    with path.open("rb") as handle:
        reader = _HashingReader(handle)
        archive.addfile(info, reader)
    return {"sha256": reader.digest.hexdigest(), "size": info.size}


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), int(timezone.now().timestamp()), 0o644
    archive.addfile(info, io.BytesIO(data))


def _manifest(files: dict) -> dict:
    return {
        "format": FORMAT_VERSION,
        "samverkan_version": samverkan.__version__,
        "created_at": timezone.now().isoformat(),
        "database_vendor": connection.vendor,
        "migrations": last_migrations(),
        "files": files,
    }


def last_migrations() -> dict[str, str]:
    """The last applied migration of every app (names are numbered, so the highest is the last)."""
    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        latest[app] = max(name, latest.get(app, name))
    return dict(sorted(latest.items()))


# --- Restoring -------------------------------------------------------------------------------------


def restore_backup(source: Path) -> dict:
    """Replace database and uploaded files with those of the archive; returns its manifest."""
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    with _open(Path(source)) as archive:
        manifest = read_manifest(archive)
        check_compatible(manifest)
        with tempfile.TemporaryDirectory(dir=media_root.parent, prefix=".aterstallning-") as work:
            unpacked = Path(work) / "arkiv"
            _unpack_verified(archive, manifest, unpacked)
            databases.load(connection, unpacked / databases.member_name(manifest["database_vendor"]))
            _replace_media(unpacked / MEDIA, media_root, Path(work) / "tidigare")
    call_command("migrate", interactive=False, verbosity=0)
    rebuild_index()
    return manifest


def _open(source: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(source, "r:*")
    except (OSError, tarfile.TarError) as error:
        raise UserError(f"{source} kan inte läsas som en säkerhetskopia av Samverkan ({error}).") from None


def read_manifest(archive: tarfile.TarFile) -> dict:
    """The archive's manifest, checked for the fields a restore needs."""
    try:
        manifest = json.load(archive.extractfile(MANIFEST))
    except (KeyError, TypeError, ValueError):
        manifest = None
    if not isinstance(manifest, dict) or any(key not in manifest for key in REQUIRED):
        raise UserError("Säkerhetskopian saknar en läsbar manifest.json; den är inte gjord av samverkan backup.")
    format_version, files = manifest["format"], manifest["files"]
    if not isinstance(format_version, int) or format_version > FORMAT_VERSION:
        raise UserError(f"Säkerhetskopian har formatversion {format_version}, men den här versionen av "
                        f"Samverkan läser bara version {FORMAT_VERSION}. Uppgradera Samverkan först.")
    for name in files:
        _check_member_name(name)
    return manifest


def _check_member_name(name: str) -> None:
    path = PurePosixPath(name)
    database_members = set(databases.MEMBERS.values())
    safe = not path.is_absolute() and ".." not in path.parts and (name in database_members or path.parts[0] == MEDIA)
    if not safe:
        raise UserError(f"Säkerhetskopian innehåller en fil med otillåtet namn: {name}.")


def check_compatible(manifest: dict) -> None:
    """Refuse an archive of another database vendor or of a newer migration state than this code."""
    vendor = manifest["database_vendor"]
    if vendor != connection.vendor:
        raise UserError(
            f"Säkerhetskopian är gjord från en {VENDOR_NAMES.get(vendor, vendor)}-databas, men den här "
            f"installationen använder {VENDOR_NAMES.get(connection.vendor, connection.vendor)}. "
            "Återställ den i en installation med samma slags databas.")
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    for app, name in manifest["migrations"].items():
        if (app, name) not in known:
            raise UserError(
                f"Säkerhetskopian kommer från en nyare version av Samverkan "
                f"({manifest.get('samverkan_version', 'okänd')}): migreringen {app}.{name} finns inte i den här "
                f"versionen ({samverkan.__version__}). Uppgradera Samverkan och återställ sedan.")


def _unpack_verified(archive: tarfile.TarFile, manifest: dict, target: Path) -> None:
    """Unpack every member listed in the manifest into `target`, checking size and SHA-256 of each."""
    members = {member.name: member for member in archive.getmembers() if member.name != MANIFEST}
    files = manifest["files"]
    if set(members) != set(files):
        names = ", ".join(sorted(set(members) ^ set(files)))
        raise UserError(f"Säkerhetskopian stämmer inte med sin manifest.json: {names}.")
    for name, expected in files.items():
        member = members[name]
        if not member.isfile():
            raise UserError(f"Säkerhetskopian innehåller {name} som inte är en vanlig fil.")
        _unpack_member(archive, member, target / name, expected)


def _unpack_member(archive: tarfile.TarFile, member: tarfile.TarInfo, path: Path, expected: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    with archive.extractfile(member) as source, path.open("wb") as out:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    if size != expected.get("size") or digest.hexdigest() != expected.get("sha256"):
        raise UserError(f"Kontrollsumman för {member.name} stämmer inte: säkerhetskopian är skadad. "
                        "Ingenting har ändrats.")


def _replace_media(unpacked: Path, media_root: Path, previous: Path) -> None:
    """Put the archive's files in MEDIA_ROOT; files that were there before are removed."""
    if media_root.exists():
        shutil.move(media_root, previous)
    if unpacked.exists():
        shutil.move(unpacked, media_root)
    else:
        media_root.mkdir()
