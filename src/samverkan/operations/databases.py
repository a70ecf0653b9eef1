"""The database half of a backup: SQLite through its online backup API, PostgreSQL through pg_dump.

A live SQLite database in WAL mode is never copied as a file: recent commits may still be in the
-wal file, and a copy taken while someone writes is torn. The backup API reads one consistent state.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from samverkan.core.errors import UserError

MEMBERS = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
PG_OPTIONS = {"sslmode": "PGSSLMODE", "sslrootcert": "PGSSLROOTCERT", "sslcert": "PGSSLCERT",
              "sslkey": "PGSSLKEY", "passfile": "PGPASSFILE"}


def member_name(vendor: str) -> str:
    """The archive member that holds a database of this vendor."""
    if vendor not in MEMBERS:
        raise UserError(f"Säkerhetskopiering stöder bara SQLite och PostgreSQL, inte {vendor}.")
    return MEMBERS[vendor]


def dump(connection, target: Path) -> None:
    """Write a consistent copy of the database behind `connection` to `target`."""
    member_name(connection.vendor)
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        copy_sqlite(connection.connection, target)
    else:
        _run_pg("pg_dump", connection.settings_dict, ["--format=custom", f"--file={target}"])


def load(connection, source: Path) -> None:
    """Replace the whole database behind `connection` with the copy in `source`."""
    settings_dict = connection.settings_dict
    connection.close()
    if connection.vendor == "sqlite":
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as copy:
            copy_sqlite(copy, Path(settings_dict["NAME"]))
        return
    _run_pg("pg_restore", settings_dict,
            ["--clean", "--if-exists", "--no-owner", "--single-transaction", f"--dbname={settings_dict['NAME']}",
             str(source)])


def copy_sqlite(source: sqlite3.Connection, target: Path | str) -> None:
    """Copy a SQLite database page by page with the online backup API; `target` is replaced."""
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        destination.close()


def _run_pg(program: str, settings_dict: dict, arguments: list[str]) -> None:
    if shutil.which(program) is None:
        raise UserError(f"{program} finns inte på datorn. Installera PostgreSQL-klienten (paketet postgresql-client).")
    result = subprocess.run([program, "--no-password", *arguments], env=_pg_environment(settings_dict),
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise UserError(f"{program} misslyckades: {result.stderr.strip() or result.returncode}")


def _pg_environment(settings_dict: dict) -> dict[str, str]:
    """libpq's variables from Django's connection settings, so no password is on a command line."""
    environment = dict(os.environ)
    values = {"PGHOST": settings_dict.get("HOST"), "PGPORT": settings_dict.get("PORT"),
              "PGUSER": settings_dict.get("USER"), "PGPASSWORD": settings_dict.get("PASSWORD"),
              "PGDATABASE": settings_dict.get("NAME")}
    options = settings_dict.get("OPTIONS") or {}
    values |= {variable: options.get(option) for option, variable in PG_OPTIONS.items()}
    environment.update({name: str(value) for name, value in values.items() if value})
    return environment
