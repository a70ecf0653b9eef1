"""The files of an uploaded ZIP of folders, with its limits: how many files, how far it unpacks, where they point."""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings

from samverkan.archive.services import SUPPORTED_SUFFIXES, SUPPORTED_SUFFIXES_TEXT
from samverkan.core.errors import UserError

# Left out without a row: what file managers add beside the documents.
IGNORED_NAMES = {".ds_store", "thumbs.db", "desktop.ini"}
DRIVE = re.compile(r"^[A-Za-z]:")


class ZipRefused(UserError):
    """The whole ZIP is refused (too many files, a bomb, not a ZIP); `reason` is for its row."""

    code = "zip_refused"

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


@dataclass
class Entry:
    """One file of the ZIP: its content, or why it is not read."""

    path: str
    data: bytes | None = None
    error: str = ""

    @property
    def name(self) -> str:
        return PurePosixPath(self.path).name or self.path


def byte_count(size: int) -> str:
    """1 000 000: thousands set apart by spaces, as Swedish writes them."""
    return f"{size:,}".replace(",", " ")


def too_large(size: int, max_bytes: int) -> str:
    return f"filen är {byte_count(size)} byte, större än gränsen {byte_count(max_bytes)} byte"


def zip_entries(upload, size: int) -> list[Entry]:
    """The documents of a ZIP, in name order; raises ZipRefused when the ZIP as a whole is not read."""
    max_files, ratio = settings.SAMVERKAN_MAX_ZIP_FILES, settings.SAMVERKAN_MAX_ZIP_RATIO
    max_bytes = settings.SAMVERKAN_MAX_IMPORT_BYTES
    try:
        archive = zipfile.ZipFile(upload)
        infos = [info for info in archive.infolist() if not info.is_dir() and not _ignored(info.filename)]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise ZipRefused("är ingen läsbar ZIP-fil") from None
    if len(infos) > max_files:
        raise ZipRefused(f"innehåller {len(infos)} filer, fler än gränsen {max_files}; "
                         "dela upp arkivet i flera ZIP-filer")
    unpacked = sum(info.file_size for info in infos)
    if unpacked > ratio * max(size, 1):
        raise ZipRefused(f"packas upp till {byte_count(unpacked)} byte, mer än {ratio} gånger sin storlek "
                         f"({byte_count(size)} byte); den läses inte (en ZIP-bomb?)")
    entries, budget = [], ratio * max(size, 1)
    for info in sorted(infos, key=lambda i: i.filename):
        entry = _entry(archive, info, max_bytes, budget)
        budget -= len(entry.data or b"")
        entries.append(entry)
    return entries


def _entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, max_bytes: int, budget: int) -> Entry:
    path = info.filename.replace("\\", "/")
    if _outside(path):
        return Entry(path, error="sökvägen pekar utanför ZIP-filen; filen läses inte")
    suffix = PurePosixPath(path).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return Entry(path, error=f"filslaget ”{suffix or 'utan ändelse'}” importeras inte; "
                                 f"bara {SUPPORTED_SUFFIXES_TEXT}")
    if info.flag_bits & 0x1:
        return Entry(path, error="filen är krypterad i ZIP-filen och läses inte")
    if info.file_size > max_bytes:
        return Entry(path, error=too_large(info.file_size, max_bytes))
    try:
        with archive.open(info) as handle:
            # The header's size may lie: never read more than the limit (or what is left of the ratio).
            data = handle.read(min(max_bytes, budget) + 1)
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, OSError, EOFError, RuntimeError):
        return Entry(path, error="filen kunde inte packas upp (ZIP-filen är skadad)")
    if len(data) > max_bytes:
        return Entry(path, error=too_large(len(data), max_bytes))
    if len(data) > budget:
        return Entry(path, error="filen packas upp till mer än ZIP-filens gräns och läses inte (en ZIP-bomb?)")
    return Entry(path, data)


def _outside(path: str) -> bool:
    """An absolute path, a drive, or a `..` step: the name would point outside the ZIP's folders."""
    return path.startswith("/") or bool(DRIVE.match(path)) or ".." in PurePosixPath(path).parts


def _ignored(name: str) -> bool:
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return (not parts or parts[0] == "__MACOSX" or parts[-1].lower() in IGNORED_NAMES
            or parts[-1].startswith("._"))
