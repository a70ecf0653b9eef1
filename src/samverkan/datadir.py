"""The data folder of an installation: made ready by the `samverkan` command, never by importing settings.

It holds the SQLite database, the generated development secret key, uploaded files and collected
static files. A folder that cannot be created or written is reported with its path and what to do.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

KEY_FILE = "secret_key"


class DataDirError(Exception):
    """The data folder cannot be used; the message names the folder and what is needed."""


def data_dir() -> Path:
    """The folder named by SAMVERKAN_DATA_DIR, or ./data."""
    return Path(os.environ.get("SAMVERKAN_DATA_DIR") or Path.cwd() / "data").absolute()


def prepare(folder: Path | None = None) -> Path:
    """Create the folder and its media/static folders, and a secret key unless SECRET_KEY is set.

    Exports the kept key as SECRET_KEY for the settings that are read after this.
    """
    folder = folder or data_dir()
    try:
        for path in (folder, folder / "media", folder / "static"):
            path.mkdir(parents=True, exist_ok=True)
        if not os.access(folder, os.W_OK):
            raise PermissionError("ingen skrivrätt")
        if not os.environ.get("SECRET_KEY"):
            os.environ["SECRET_KEY"] = _kept_key(folder / KEY_FILE)
    except OSError as error:
        reason = error.strerror or str(error)
        raise DataDirError(
            f"Datamappen {folder} kan inte användas ({reason}). Samverkan behöver en mapp där den får skriva "
            "databasen, uppladdade filer och nyckeln: ge skrivrätt till mappen eller ange en annan med "
            "SAMVERKAN_DATA_DIR."
        ) from error
    return folder


def _kept_key(path: Path) -> str:
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()
