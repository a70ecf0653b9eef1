from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "samverkan.documents"
    verbose_name = "Dokument"
    default_auto_field = "django.db.models.BigAutoField"
