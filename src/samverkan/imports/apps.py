from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "samverkan.imports"
    verbose_name = "Import i webbläsaren"
