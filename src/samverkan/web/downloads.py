"""Documents to download: notice, meeting packet, minutes, calendar file and attachments.

Each checks who may read it: published material for everyone, drafts and the packet for the
body's members and secretariat.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header

from samverkan.directory.access import can_download_attachment, can_edit_meeting, can_view_meeting, is_member
from samverkan.meetings.documents.agenda import agenda_docx, agenda_pdf
from samverkan.meetings.documents.calendar import meeting_ics as meeting_ics_bytes
from samverkan.meetings.documents.minutes import minutes_docx, minutes_pdf
from samverkan.meetings.documents.packet import meeting_packet_pdf
from samverkan.meetings.models import Attachment, Meeting
from samverkan.meetings.published import public_meeting, published_attachment_ids

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"

logger = logging.getLogger(__name__)


def _meeting(request, pk, members_only=False) -> Meeting:
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    allowed = is_member(request.user, meeting.body) if members_only else can_view_meeting(request.user, meeting)
    if not allowed:
        raise Http404("Mötet finns inte.")
    # Items, clauses, people fetched once for the whole document; as published for all but the secretariat.
    return public_meeting(meeting.pk, drafts=can_edit_meeting(request.user, meeting))


def opens_inline(content_type: str) -> bool:
    """PDFs open in the browser's own viewer; everything else is saved as a file."""
    return content_type.split(";")[0].strip().lower() == PDF


def _file(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=not opens_inline(content_type),
                                                                 filename=name)
    return response


def _stem(meeting: Meeting, kind: str) -> str:
    slug = meeting.body.abbreviation or meeting.body.slug
    return f"{kind}-{slug}-{meeting.date.isoformat() if meeting.date else meeting.pk}"


@dataclass(frozen=True)
class MeetingDocument:
    render: Callable[[Meeting], bytes]
    content_type: str
    name: str  # file name stem, e.g. "kallelse"
    suffix: str
    members_only: bool = False


MEETING_DOCUMENTS = {
    "agenda_pdf": MeetingDocument(agenda_pdf, PDF, "kallelse", "pdf"),
    "agenda_docx": MeetingDocument(agenda_docx, DOCX, "kallelse", "docx"),
    "packet_pdf": MeetingDocument(meeting_packet_pdf, PDF, "handlingar", "pdf", members_only=True),
    "minutes_pdf": MeetingDocument(minutes_pdf, PDF, "minnesanteckningar", "pdf"),
    "minutes_docx": MeetingDocument(minutes_docx, DOCX, "minnesanteckningar", "docx"),
}


def meeting_document(request, pk, kind: str):
    """One of a meeting's documents (notice, packet, minutes) as PDF or Word."""
    document = MEETING_DOCUMENTS[kind]
    meeting = _meeting(request, pk, members_only=document.members_only)
    content = document.render(meeting)
    return _file(content, document.content_type, f"{_stem(meeting, document.name)}.{document.suffix}")


def meeting_ics(request, pk):
    """The meeting as an iCalendar invitation."""
    meeting = _meeting(request, pk)
    if meeting.date is None:
        raise Http404("Mötet har inget datum.")
    sequence = max(meeting.dispatches.count() - 1, 0)
    return _file(meeting_ics_bytes(meeting, sequence=sequence), "text/calendar; charset=utf-8",
                 _stem(meeting, "mote") + ".ics")


def attachment(request, pk):
    found = get_object_or_404(Attachment.objects.select_related("item__meeting__body"), pk=pk)
    if not found.file:
        raise Http404("Bilagan finns inte.")
    published = None if is_member(request.user, found.item.meeting.body) else published_attachment_ids(
        found.item.meeting)
    # The public goes by what was published: a correction not yet published changes nothing for it.
    if not (found.pk in published if published is not None else can_download_attachment(request.user, found)):
        raise Http404("Bilagan finns inte.")
    try:
        handle = found.file.open("rb")
    except OSError:
        # A restore without its media, or a file removed by hand: the row outlived its file.
        logger.warning("Bilaga %s (%s) saknar sin fil %s.", found.pk, found.original_name, found.file.name)
        raise Http404("Bilagans fil saknas.") from None
    content_type = found.content_type or "application/octet-stream"
    return FileResponse(handle, as_attachment=not opens_inline(content_type), filename=found.original_name,
                        content_type=content_type)
