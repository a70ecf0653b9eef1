from django.contrib import admin
from django.db import models

from .models import AgendaItem, Attachment, Attendance, Clause, Meeting, Presentation
from .signals import announce_change


class ClauseInline(admin.TabularInline):
    model = Clause
    extra = 0
    fields = ("kind", "position", "text")


class PresentationInline(admin.TabularInline):
    model = Presentation
    extra = 0
    autocomplete_fields = ("person",)
    fields = ("person", "title", "position")


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ("label", "position")


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    autocomplete_fields = ("person",)
    fields = ("person", "organization", "title", "position")


class ReindexMixin:
    """Corrections made in the admin show up in search at once."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        meeting = form.instance if isinstance(form.instance, Meeting) else form.instance.meeting
        announce_change(meeting)


@admin.register(Meeting)
class MeetingAdmin(ReindexMixin, admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # a typed Teams link is https
    list_display = ("__str__", "date", "body", "status", "mode", "registry_number")
    list_filter = ("body", "status", "mode")
    date_hierarchy = "date"
    search_fields = ("registry_number", "location")
    inlines = [AttendanceInline]


@admin.register(AgendaItem)
class AgendaItemAdmin(ReindexMixin, admin.ModelAdmin):
    list_display = ("__str__", "meeting", "type")
    list_filter = ("type", "meeting__body")
    search_fields = ("title",)
    raw_id_fields = ("meeting", "parent")
    inlines = [PresentationInline, AttachmentInline, ClauseInline]
