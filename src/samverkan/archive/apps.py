from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "samverkan.archive"
    verbose_name = "Arkiv"

    def ready(self):
        from samverkan.directory.audit import register

        register("archive.sourcedocument", lambda document: f"källdokumentet ”{document.file_name}”")

        # The search index reads uploaded attachments (PDF, Word, …) the way the importer reads documents.
        from pathlib import Path

        from samverkan.search.attachments import set_reader

        from .extract import extract_data

        set_reader(lambda data, name: extract_data(data, Path(name)).text)
