"""`samverkan import PATH...`: read agendas and minutes into the archive."""

from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from samverkan.archive.services import ImportFailed, find_documents, import_file

STATUS_WORDS = {"imported": "importerade", "replaced": "ersatta", "unchanged": "oförändrade"}


class Command(BaseCommand):
    help = "Importerar dagordningar och minnesanteckningar (.txt, .md, .pdf, .docx) till arkivet."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="filer eller mappar")
        parser.add_argument("--body", help="organ att använda när dokumentet inte säger vilket")

    def handle(self, *args, paths, body=None, **options):
        try:
            files = find_documents(paths)
        except ImportFailed as error:
            raise CommandError(str(error)) from error
        counts, failures, warnings = Counter(), [], 0
        progress = tqdm(files, unit="dok", disable=options["verbosity"] == 0 or not files,
                        file=self.stderr._out)
        for path in progress:
            progress.set_postfix_str(path.name, refresh=False)
            try:
                result = import_file(path, default_body=body)
            except ImportFailed as error:
                failures.append(error)
                continue
            counts[result.status] += 1
            if result.status != "unchanged":
                warnings += len(result.warnings)
        for failure in failures:
            self.stderr.write(f"Misslyckades: {failure}")
        summary = ", ".join(f"{counts[key]} {word}" for key, word in STATUS_WORDS.items())
        self.stdout.write(f"{summary}, {len(failures)} misslyckade, {warnings} varningar.")
        if failures:
            raise CommandError(f"{len(failures)} av {len(files)} filer kunde inte importeras.")
