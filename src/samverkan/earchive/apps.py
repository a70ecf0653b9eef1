from django.apps import AppConfig


class EarchiveConfig(AppConfig):
    name = "samverkan.earchive"
    verbose_name = "E-arkiv"
