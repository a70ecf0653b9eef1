from django.apps import AppConfig


class CalendarConfig(AppConfig):
    name = "samverkan.calendar"
    label = "calendar"
    verbose_name = "Kalendarium"
    default_auto_field = "django.db.models.BigAutoField"
