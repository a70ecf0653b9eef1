"""`samverkan import PATH...`: read agendas and minutes into the archive."""

from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from samverkan.archive.services import ImportFailed, analyze_imported, find_documents, import_file
from samverkan.matters.services import suggest_for_meetings

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
        counts, failures, warnings, meetings = Counter(), [], 0, set()
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
                meetings.add(result.source.meeting_id)
        if meetings:
            analyze_imported()  # fresh planner statistics for what was just written (PostgreSQL)
        for failure in failures:
            self.stderr.write(f"Misslyckades: {failure}")
        summary = ", ".join(f"{counts[key]} {word}" for key, word in STATUS_WORDS.items())
        self.stdout.write(f"{summary}, {len(failures)} misslyckade, {warnings} varningar.")
        suggestions = suggest_for_meetings(meetings)
        if suggestions:
            self.stdout.write(f"{len(suggestions)} förslag på kopplingar till ärenden väntar på sekretariatets beslut.")
        if failures:
            raise CommandError(f"{len(failures)} av {len(files)} filer kunde inte importeras.")
