from django.apps import AppConfig


class FundsConfig(AppConfig):
    name = "samverkan.funds"
    verbose_name = "Medel"
