from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "samverkan.imports"
    verbose_name = "Import i webbläsaren"

    def ready(self):
        from samverkan.archive.services import stored_readings

        from .services import corrected_document_of

        # A meeting made again from its documents (its minutes came after its corrected agenda) keeps the corrections.
        stored_readings.append(corrected_document_of)
