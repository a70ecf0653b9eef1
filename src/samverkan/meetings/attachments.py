"""Uploaded attachments: checked by their content, numbered 'Bilaga N' in agenda order."""

import hashlib
import zipfile

from django.conf import settings
from django.db import transaction

from samverkan.core.actions import action
from samverkan.core.errors import UserError

from .models import AgendaItem, Attachment
from .services import reindex, renumber_attachments

OFFICE_KINDS = {
    "word/document.xml": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xl/workbook.xml": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "ppt/presentation.xml": ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
}
PDF = ("pdf", "application/pdf")
ODT = ("odt", "application/vnd.oasis.opendocument.text")
RTF = ("rtf", "application/rtf")
DOC = ("doc", "application/msword")
OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003, but also old Excel and PowerPoint


class AttachmentRejected(UserError):
    """An upload that is not an accepted kind of file, or too large."""


def detect_kind(upload) -> tuple[str, str]:
    """(extension, content type) from what the file contains, not from its name (but for Word 97–2003,
    whose container old Excel and PowerPoint files share)."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"{\\rtf"):
        return RTF
    if head.startswith(OLE_HEADER) and upload.name.lower().endswith(".doc"):
        return DOC
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
                mimetype = archive.read("mimetype").strip() if "mimetype" in names else b""
        except (zipfile.BadZipFile, KeyError, OSError):
            names, mimetype = set(), b""
        finally:
            upload.seek(0)
        for marker, kind in OFFICE_KINDS.items():
            if marker in names:
                return kind
        if mimetype == ODT[1].encode():
            return ODT
    raise AttachmentRejected(
        f"{upload.name}: filen är inte PDF, Word (.docx, .doc), OpenDocument-text (.odt), RTF, Excel (.xlsx) "
        "eller PowerPoint (.pptx)."
    )


def _digest(upload) -> str:
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


@action
def attach_file(item: AgendaItem, upload, public: bool = False) -> Attachment:
    """Attach an uploaded file to an item; the agenda's attachments are renumbered."""
    limit = settings.SAMVERKAN_MAX_ATTACHMENT_BYTES
    if upload.size > limit:
        raise AttachmentRejected(f"{upload.name}: filen är större än gränsen {limit // 1_000_000} MB.")
    extension, content_type = detect_kind(upload)
    name = upload.name if upload.name.lower().endswith("." + extension) else f"{upload.name}.{extension}"
    attachment = Attachment(
        item=item, label="Bilaga", original_name=name, content_type=content_type,
        size=upload.size, sha256=_digest(upload), public=public,
        position=item.attachments.count(),
    )
    attachment.file.save(name, upload, save=False)
    try:
        attachment.save()
        renumber_attachments(item.meeting)
    except Exception:
        attachment.file.delete(save=False)  # the row is rolled back; leave no file behind
        raise
    attachment.refresh_from_db()
    reindex(item.meeting)  # its text is searched with the item
    return attachment


@action
def set_public(attachment: Attachment, public: bool, *, acting_user) -> Attachment:
    """Make an uploaded attachment public, or not; on a published meeting it is part of the correction draft."""
    if not attachment.file:
        raise UserError(f"{attachment.label} är en hänvisning utan fil och kan inte göras offentlig.",
                        code="attachment_without_file")
    if attachment.public != public:
        attachment.public = public
        attachment.save(update_fields=["public"])
        reindex(attachment.item.meeting)  # who may search its text changed
    return attachment


@action
def remove_attachment(attachment: Attachment) -> None:
    """Delete an attachment and its file; the rest are renumbered."""
    meeting = attachment.item.meeting
    file = attachment.file
    attachment.delete()
    renumber_attachments(meeting)
    reindex(meeting)  # its text leaves the index
    # The file goes only once the row is gone for good.
    transaction.on_commit(lambda: file.delete(save=False))
