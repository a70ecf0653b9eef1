"""The text of uploaded attachments for the index, read once per file content.

Reading files is the archive app's (samverkan.archive.extract); it sits above search, so it hands its
reader over when the apps are ready (`set_reader`). Without a reader, attachments add no text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from samverkan.core.errors import UserError
from samverkan.meetings.models import Attachment

from .models import AttachmentText

logger = logging.getLogger(__name__)

_readers: list[Callable[[bytes, str], str]] = []


def set_reader(reader: Callable[[bytes, str], str] | None) -> None:
    """Set the function that turns a file's content (and name) into text; it raises UserError if it cannot."""
    _readers[:] = [reader] if reader else []


def _read(attachment: Attachment) -> str:
    if not _readers:
        return ""
    try:
        with attachment.file.open("rb") as handle:
            data = handle.read()
        return _readers[0](data, attachment.original_name or attachment.file.name)
    except (UserError, OSError, ValueError) as error:
        logger.warning("Bilagan %s (%s) kunde inte läsas för sökningen: %s", attachment.pk,
                       attachment.original_name, error)
        return ""


def texts(attachment_ids: Iterable[int]) -> dict[int, str]:
    """The text of each attachment that still exists and has a file, read from the file when not yet kept."""
    ids = set(attachment_ids)
    if not ids:
        return {}
    kept = {row.pk: row for row in AttachmentText.objects.filter(attachment_id__in=ids)}
    found = {}
    for attachment in Attachment.objects.filter(pk__in=ids).exclude(file="").only(
            "pk", "file", "sha256", "original_name"):
        row = kept.get(attachment.pk)
        if row is None or row.sha256 != attachment.sha256:
            row = AttachmentText(attachment=attachment, sha256=attachment.sha256, text=_read(attachment))
            row.save()
        found[attachment.pk] = row.text
    return found
