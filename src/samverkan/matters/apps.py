from django.apps import AppConfig


class MattersConfig(AppConfig):
    name = "samverkan.matters"
    verbose_name = "Ärenden och uppdrag"

    def ready(self):
        # Imported here, as Django asks: models are loaded only once the app registry is ready.
        from samverkan.meetings.signals import forwarding_received

        from .receivers import join_forwarded_matter

        forwarding_received.connect(join_forwarded_matter, dispatch_uid="matters.join_forwarded_matter")
