from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "samverkan.meetings"
    verbose_name = "Möten"

    def ready(self):
        # Imported here, as Django asks: models are loaded only once the app registry is ready.
        from samverkan.core.archiving import register_archive_contributor
        from samverkan.directory.signals import people_merging

        from .archiving import extract_records
        from .audit import register_describers
        from .receivers import move_meeting_records

        register_describers()
        register_archive_contributor(extract_records)

        people_merging.connect(move_meeting_records, dispatch_uid="meetings.move_meeting_records")
