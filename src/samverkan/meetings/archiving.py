"""Extracts and their dispatch in the e-archive package: a record per dispatch (when, by whom, which version
of the minutes, to whom) and the extract of each dispatched item as PDF/A, as the dispatch certified it."""

from __future__ import annotations

from django.utils import timezone

from samverkan.core.archiving import ArchiveContribution, ArchiveDocument, ArchiveRecord, ArchiveSelection

from .documents.extract import certifier_name, extract_pdf, item_extract
from .models import ExtractDispatch, ExtractRecipient

NAME = "extracts"


def _dispatches(selection: ArchiveSelection):
    return (ExtractDispatch.objects
            .filter(item__meeting__body_id=selection.body_id,
                    item__meeting__date__range=(selection.start, selection.end))
            .select_related("item__meeting", "sent_by__person", "minutes_version")
            .prefetch_related("recipients__organization", "recipients__to_body").order_by("sent_at", "pk"))


def _record(dispatch: ExtractDispatch) -> ArchiveRecord:
    # Names and kinds of the recipients: the addresses are contact data, not part of the decision's record.
    reached = [f"{r.name} ({r.get_kind_display()})" for r in dispatch.recipients.all()
               if r.status == ExtractRecipient.Status.SENT]
    failed = [r.name for r in dispatch.recipients.all() if r.status != ExtractRecipient.Status.SENT]
    return ArchiveRecord("extract_dispatch", {
        "item": dispatch.item.full_number, "title": dispatch.item.title,
        "sentAt": timezone.localtime(dispatch.sent_at).isoformat(),
        "sentBy": certifier_name(dispatch.sent_by) if dispatch.sent_by_id else "",
        "minutesVersion": str(dispatch.minutes_version.version), "subject": dispatch.subject,
        "recipients": "; ".join(reached), "notReached": "; ".join(failed),
    }, meeting_id=dispatch.item.meeting_id)


def _extract(dispatch: ExtractDispatch) -> ArchiveDocument:
    sent = timezone.localtime(dispatch.sent_at)
    certified_by = certifier_name(dispatch.sent_by) if dispatch.sent_by_id else ""
    extract = item_extract(dispatch.item, certified_by=certified_by, on=sent.date())
    meeting = dispatch.item.meeting
    return ArchiveDocument(
        path=f"{meeting.date.isoformat()}/utdrag-punkt-{dispatch.item.full_number}.pdf",
        content=extract_pdf(extract), mimetype="application/pdf", created=dispatch.sent_at,
        title=f"Protokollsutdrag, punkt {dispatch.item.full_number}: {dispatch.item.title}",
        meeting_id=meeting.pk, format_name="PDF/A-2u")


def extract_records(selection: ArchiveSelection) -> ArchiveContribution | None:
    """The contributor registered in MeetingsConfig.ready(): every dispatch, and the extract of each item as
    its latest dispatch certified it (rendered from the published minutes, as the dispatch was)."""
    contribution = ArchiveContribution(NAME)
    latest = {}
    for dispatch in _dispatches(selection):
        contribution.records.append(_record(dispatch))
        latest[dispatch.item_id] = dispatch
    contribution.documents = [_extract(dispatch) for dispatch in latest.values()]
    return contribution if contribution.records else None
