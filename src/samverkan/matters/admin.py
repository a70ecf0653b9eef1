from django.contrib import admin

from .models import Assignment, Deadline, Matter, MatterItem, Reminder


class MatterItemInline(admin.TabularInline):
    model = MatterItem
    raw_id_fields = ["item"]
    extra = 0


@admin.register(Matter)
class MatterAdmin(admin.ModelAdmin):
    list_display = ["title", "registry_number", "status", "body"]
    list_filter = ["status", "body"]
    search_fields = ["title", "registry_number"]
    inlines = [MatterItemInline]


class DeadlineInline(admin.TabularInline):
    model = Deadline
    raw_id_fields = ["item", "clause"]
    extra = 0


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["title", "owner_name", "reports_to", "deadline", "status"]
    list_filter = ["status"]
    search_fields = ["title"]
    raw_id_fields = ["item", "clause", "completed_item"]
    inlines = [DeadlineInline]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["assignment", "due", "sent_at"]
    readonly_fields = ["assignment", "due", "deadline", "sent_at", "recipients"]
