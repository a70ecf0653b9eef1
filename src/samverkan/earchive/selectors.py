"""Reads for the e-archive pages."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from samverkan.directory.access import served_body_ids
from samverkan.directory.models import Body

from .models import ArchiveExport


def exportable_bodies(user):
    return Body.objects.filter(pk__in=served_body_ids(user)).order_by("name")


def exports_of(body: Body):
    return body.archive_exports.select_related("requested_by", "body").order_by("-created", "-pk")


def export_or_404(user, body: Body, pk: int) -> ArchiveExport:
    export = get_object_or_404(ArchiveExport.objects.select_related("body"), pk=pk, body=body)
    if export.body_id not in served_body_ids(user):
        raise Http404("Paketet finns inte.")
    return export


def meeting_years(body: Body) -> list[int]:
    """The years the body has meetings in, newest first (to pick a year's package with one click)."""
    from samverkan.meetings.models import Meeting

    dates = Meeting.objects.filter(body=body, date__isnull=False).dates("date", "year", order="DESC")
    return [day.year for day in dates]
