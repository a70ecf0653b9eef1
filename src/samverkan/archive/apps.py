from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "samverkan.archive"
    verbose_name = "Arkiv"
