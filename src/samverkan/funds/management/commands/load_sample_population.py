"""`samverkan load_sample_population`: the sourced SCB figures for Dalarna shipped as sample data."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samverkan.funds.services import import_population

SAMPLE_SOURCE = "Befolkning enligt SCB, {day}"


class Command(BaseCommand):
    help = "Laddar den medföljande folkmängden för Dalarnas 15 kommuner (SCB, 31 december 2019, 2023 och 2024)."

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=Path("samples/dalarna-population.csv"))

    def handle(self, *args, file, **options):
        if not file.is_file():
            raise CommandError(f"{file}: filen finns inte (kör kommandot från projektets katalog).")
        self.stdout.write(f"{file}: {import_population(file, source=SAMPLE_SOURCE)}")
