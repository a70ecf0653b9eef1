from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "samverkan.search"
    verbose_name = "Sök"

    def ready(self):
        # Imported here, as Django asks: models are loaded only once the app registry is ready.
        from samverkan.meetings.signals import meeting_changed

        from .services import index_changed_meeting

        meeting_changed.connect(index_changed_meeting, dispatch_uid="search.index_changed_meeting")
