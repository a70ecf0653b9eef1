"""`samverkan import_population FILE [--date 2023-12-31] [--source TEXT]`: population per municipality.

Reads SCB's CSV export (e.g. table BE0101N1) or municipality_code,municipality,date,population.
All or nothing, and idempotent: importing the same file again changes nothing.
"""

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samverkan.funds.population import PopulationImportError
from samverkan.funds.services import import_population


def iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"”{value}” är inget datum (ÅÅÅÅ-MM-DD).") from None


class Command(BaseCommand):
    help = "Importerar folkmängd per kommun från SCB:s CSV-export (eller det enkla formatet)."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path, help="CSV-filer")
        parser.add_argument("--date", type=iso_date, help="datum för filens enda årskolumn (ÅÅÅÅ-MM-DD)")
        parser.add_argument("--source", default="",
                            help="källa att spara med siffrorna; {year} ersätts med året")

    def handle(self, *args, files, date=None, source="", **options):
        for path in files:
            if not path.is_file():
                raise CommandError(f"{path}: filen finns inte.")
            try:
                result = import_population(path, date=date, source=source)
            except PopulationImportError as error:
                raise CommandError(str(error)) from error
            self.stdout.write(f"{path}: {result}")
