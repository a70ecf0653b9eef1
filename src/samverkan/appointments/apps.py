from django.apps import AppConfig


class AppointmentsConfig(AppConfig):
    name = "samverkan.appointments"
    verbose_name = "Förtroendeuppdrag"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, as Django asks: models are loaded only once the app registry is ready.
        from samverkan.directory.signals import people_merging

        from .receivers import move_appointments

        people_merging.connect(move_appointments, dispatch_uid="appointments.move_appointments")

        from .audit import register_describers

        register_describers()
