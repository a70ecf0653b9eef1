from django.contrib import admin

from .models import SourceDocument


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    list_display = ("file_name", "kind", "meeting", "created")
    list_filter = ("kind",)
    search_fields = ("file_name", "sha256")
    readonly_fields = ("file_name", "sha256", "size", "kind", "meeting", "text", "warnings", "created")

    def has_add_permission(self, request):
        return False
