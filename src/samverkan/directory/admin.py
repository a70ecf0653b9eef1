from django.contrib import admin

from .models import Body, DistinctPeople, Membership, Organization, Person


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "code")
    list_filter = ("kind",)
    search_fields = ("name", "code")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ("name", "short_name", "abbreviation", "parent")
    search_fields = ("name", "short_name", "abbreviation")
    prepopulated_fields = {"slug": ("name",)}


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("body", "organization")


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("name", "organization", "title")
    list_filter = ("organization",)
    search_fields = ("name", "title")
    inlines = [MembershipInline]


@admin.register(DistinctPeople)
class DistinctPeopleAdmin(admin.ModelAdmin):
    list_display = ("first", "second", "created")
