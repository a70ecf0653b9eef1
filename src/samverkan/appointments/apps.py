from django.apps import AppConfig


class AppointmentsConfig(AppConfig):
    name = "samverkan.appointments"
    verbose_name = "Förtroendeuppdrag"
    default_auto_field = "django.db.models.BigAutoField"
