from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "samverkan.archive"
    verbose_name = "Arkiv"

    def ready(self):
        from samverkan.directory.audit import register

        register("archive.sourcedocument", lambda document: f"källdokumentet ”{document.file_name}”")
