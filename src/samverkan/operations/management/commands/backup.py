"""`samverkan backup FILE`: the database, uploaded files and a manifest in one archive."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from samverkan.core.errors import UserError
from samverkan.operations.backup import create_backup


class Command(BaseCommand):
    help = "Säkerhetskopierar databasen och alla uppladdade filer till en arkivfil (.tar.gz)."

    def add_arguments(self, parser):
        parser.add_argument("archive", nargs="?", help="arkivfilen som skrivs (standard: samverkan-DATUM.tar.gz)")

    def handle(self, *args, archive=None, **options):
        target = Path(archive or f"samverkan-{timezone.localtime():%Y%m%d-%H%M%S}.tar.gz")
        try:
            manifest = create_backup(target)
        except UserError as error:
            raise CommandError(error.message) from None
        self.stdout.write(self.style.SUCCESS(
            f"Säkerhetskopian är skriven till {target}: databasen och {_files(len(manifest['files']) - 1)}."))


def _files(count: int) -> str:
    return f"{count} fil" if count == 1 else f"{count} filer"
