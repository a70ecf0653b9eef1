from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "samverkan.operations"
    verbose_name = "Drift"
