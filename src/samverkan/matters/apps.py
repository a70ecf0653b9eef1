from django.apps import AppConfig


class MattersConfig(AppConfig):
    name = "samverkan.matters"
    verbose_name = "Ärenden och uppdrag"
