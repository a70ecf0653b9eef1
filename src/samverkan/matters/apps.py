from django.apps import AppConfig


class MattersConfig(AppConfig):
    name = "samverkan.matters"
    verbose_name = "Ärenden och uppdrag"

    def ready(self):
        # Imported here, as Django asks: models are loaded only once the app registry is ready.
        from samverkan.meetings.signals import forwarding_received

        from .receivers import join_forwarded_matter

        forwarding_received.connect(join_forwarded_matter, dispatch_uid="matters.join_forwarded_matter")

        from samverkan.directory.audit import quoted, register
        from samverkan.language.dates import swedish_date

        register("matters.matter", lambda matter: f"ärendet {quoted(matter.title)}")
        register("matters.assignment", lambda assignment: f"uppdraget {quoted(assignment.title)}")
        register("matters.deadline", lambda deadline: f"tidsgränsen {swedish_date(deadline.due)} för uppdraget "
                                                      f"{quoted(deadline.assignment.title)}")
