"""`samverkan restore FILE`: replace database and uploaded files with those of a backup."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samverkan.core.errors import UserError
from samverkan.operations.backup import restore_backup


class Command(BaseCommand):
    help = ("Återställer databasen och de uppladdade filerna från en säkerhetskopia, kör migreringarna och "
            "bygger om sökindexet. Allt som fanns i installationen ersätts.")

    def add_arguments(self, parser):
        parser.add_argument("archive", help="arkivfilen från samverkan backup")

    def handle(self, *args, archive, **options):
        try:
            manifest = restore_backup(Path(archive))
        except UserError as error:
            raise CommandError(error.message) from None
        self.stdout.write(self.style.SUCCESS(
            f"Återställt från {archive} (gjord {manifest['created_at']}): databasen och "
            f"{_files(len(manifest['files']) - 1)}; sökindexet är ombyggt."))


def _files(count: int) -> str:
    return f"{count} fil" if count == 1 else f"{count} filer"
