"""The follow-through in the e-archive package: each recommendation decided in the period, each member
organisation's answer, and the answers' decision files (an organisation's decision is an official document)."""

from __future__ import annotations

import mimetypes
from datetime import datetime, time
from pathlib import PurePosixPath

from django.utils import timezone

from samverkan.core.archiving import ArchiveContribution, ArchiveDocument, ArchiveRecord, ArchiveSelection

from .models import Answer, Recommendation

NAME = "recommendations"


def _recommendations(selection: ArchiveSelection):
    return (Recommendation.objects.filter(body_id=selection.body_id, decided_on__range=(selection.start, selection.end))
            .select_related("item__meeting").prefetch_related("answers__organization").order_by("decided_on", "pk"))


def _text(value) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _meeting_id(recommendation: Recommendation) -> int | None:
    return recommendation.item.meeting_id if recommendation.item_id else None


def _recommendation_record(recommendation: Recommendation) -> ArchiveRecord:
    return ArchiveRecord("recommendation", {
        "id": str(recommendation.pk), "kind": recommendation.kind, "title": recommendation.title,
        "decidedOn": _text(recommendation.decided_on), "answerBy": _text(recommendation.answer_by),
        "decision": recommendation.decision_text,
        "item": recommendation.item.full_number if recommendation.item_id else "",
    }, meeting_id=_meeting_id(recommendation))


def _answer_record(answer: Answer, recommendation: Recommendation) -> ArchiveRecord:
    return ArchiveRecord("recommendation_answer", {
        "recommendation": str(recommendation.pk), "organization": answer.organization.name,
        "status": answer.status, "decidedOn": _text(answer.decided_on), "decidingBody": answer.deciding_body,
        "registryNumber": answer.registry_number, "link": answer.link, "answeredAt": _text(answer.answered_at),
        "file": _file_path(answer) if answer.file else "",
    }, meeting_id=_meeting_id(recommendation))


def _file_path(answer: Answer) -> str:
    suffix = PurePosixPath(answer.original_name or answer.file.name).suffix.lower()
    return f"{answer.recommendation_id}/{answer.organization.slug}-{answer.pk}{suffix}"


def _created(answer: Answer) -> datetime:
    if answer.answered_at:
        return answer.answered_at
    return timezone.make_aware(datetime.combine(answer.decided_on or answer.created.date(), time()))


def _document(answer: Answer) -> ArchiveDocument:
    with answer.file.open("rb") as handle:
        content = handle.read()
    name = answer.original_name or PurePosixPath(answer.file.name).name
    return ArchiveDocument(
        path=_file_path(answer), content=content,
        mimetype=mimetypes.guess_type(name)[0] or "application/octet-stream",
        created=_created(answer), title=f"Beslut av {answer.organization.name}: {name}",
        meeting_id=_meeting_id(answer.recommendation))


def recommendation_records(selection: ArchiveSelection) -> ArchiveContribution | None:
    """The contributor registered in FollowupConfig.ready()."""
    contribution = ArchiveContribution(NAME)
    for recommendation in _recommendations(selection):
        contribution.records.append(_recommendation_record(recommendation))
        for answer in sorted(recommendation.answers.all(), key=lambda a: a.organization.name):
            answer.recommendation = recommendation
            contribution.records.append(_answer_record(answer, recommendation))
            if answer.file:
                contribution.documents.append(_document(answer))
    return contribution if contribution.records else None
