from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "samverkan.directory"
    verbose_name = "Katalog"
