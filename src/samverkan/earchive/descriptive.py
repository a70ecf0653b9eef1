"""The package's descriptive metadata (metadata/descriptive/meetings.xml): the body, the period, what was
selected, and per meeting its facts, items and decisions, published minutes versions, sent notices,
attachments (public or not, included or not, and why) and imported source documents; then each
contribution's records (samverkan.core.archiving). Pure; the schema is schemas/samverkan-meetings.xsd.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from lxml import etree

from samverkan.core.archiving import ArchiveRecord

NS = "urn:samverkan:earchive:meetings:1"
SCHEMA_FILE = "samverkan-meetings.xsd"


@dataclass(frozen=True)
class DocumentEntry:
    kind: str  # "minutes", "notice", "attachment", "minutes-text"
    path: str  # relative to the representation: "data/moten/…"
    version: int | None = None
    public: bool = True


@dataclass(frozen=True)
class MinutesEntry:
    version: int
    published: datetime
    note: str = ""


@dataclass(frozen=True)
class NoticeEntry:
    version: int
    sent: datetime
    recipients: int
    changed_since: bool = False  # the agenda changed after this (latest) sending: the package's notice is newer


@dataclass(frozen=True)
class ItemEntry:
    number: str
    title: str
    outcome: str
    decisions: tuple[str, ...] = ()


@dataclass(frozen=True)
class AttachmentEntry:
    label: str
    item: str
    name: str
    public: bool
    included: bool
    sha256: str = ""
    reason: str = ""  # why it is not in the package ("Ej offentlig", "Ingen fil", "Filen saknas")


@dataclass(frozen=True)
class SourceEntry:
    kind: str
    name: str
    sha256: str


@dataclass
class MeetingEntry:
    id: int
    date: date | None
    status: str
    registry_number: str = ""
    location: str = ""
    cancellation_reason: str = ""
    minutes_date: date | None = None
    minutes: list[MinutesEntry] = field(default_factory=list)
    notices: list[NoticeEntry] = field(default_factory=list)
    items: list[ItemEntry] = field(default_factory=list)
    attachments: list[AttachmentEntry] = field(default_factory=list)
    sources: list[SourceEntry] = field(default_factory=list)
    documents: list[DocumentEntry] = field(default_factory=list)


@dataclass
class Description:
    body_name: str
    body_slug: str
    start: date
    end: date
    created: datetime
    include_non_public: bool
    meetings: list[MeetingEntry]
    extensions: dict[str, list[ArchiveRecord]] = field(default_factory=dict)
    extension_documents: dict[str, list[DocumentEntry]] = field(default_factory=dict)


def _q(name: str) -> str:
    return f"{{{NS}}}{name}"


def _sub(parent, tag: str, text: str | None = None, **attributes) -> etree._Element:
    element = etree.SubElement(parent, _q(tag), {k: v for k, v in attributes.items() if v not in (None, "")})
    if text:
        element.text = text
    return element


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _documents(parent, documents: list[DocumentEntry]) -> None:
    for document in documents:
        _sub(parent, "document", kind=document.kind, path=document.path,
             version=str(document.version) if document.version is not None else None,
             public=_flag(document.public))


def description_document(description: Description) -> etree._ElementTree:
    root = etree.Element(_q("meetings"), nsmap={None: NS})
    root.set("created", description.created.isoformat(timespec="seconds"))
    _sub(root, "body", description.body_name, slug=description.body_slug)
    _sub(root, "period", start=description.start.isoformat(), end=description.end.isoformat())
    _sub(root, "selection", publicDocuments="all", nonPublicAttachments=_flag(description.include_non_public))
    for meeting in description.meetings:
        element = _sub(root, "meeting", id=str(meeting.id), date=meeting.date.isoformat() if meeting.date else None,
                       status=meeting.status)
        _sub(element, "registryNumber", meeting.registry_number)
        _sub(element, "location", meeting.location)
        if meeting.cancellation_reason:
            _sub(element, "cancellationReason", meeting.cancellation_reason)
        if meeting.minutes_date:
            _sub(element, "minutesDate", meeting.minutes_date.isoformat())
        for version in meeting.minutes:
            _sub(element, "minutesVersion", version.note, version=str(version.version),
                 published=version.published.isoformat(timespec="seconds"))
        for notice in meeting.notices:
            _sub(element, "noticeSent", version=str(notice.version), sent=notice.sent.isoformat(timespec="seconds"),
                 recipients=str(notice.recipients), agendaChangedSince="true" if notice.changed_since else None)
        for item in meeting.items:
            item_element = _sub(element, "item", number=item.number, outcome=item.outcome)
            _sub(item_element, "title", item.title)
            for decision in item.decisions:
                _sub(item_element, "decision", decision)
        for attachment in meeting.attachments:
            _sub(element, "attachment", attachment.name, label=attachment.label, item=attachment.item,
                 public=_flag(attachment.public), included=_flag(attachment.included), sha256=attachment.sha256,
                 reason=attachment.reason)
        for source in meeting.sources:
            _sub(element, "sourceDocument", source.name, kind=source.kind, sha256=source.sha256)
        _documents(element, meeting.documents)
    for name in sorted(set(description.extensions) | set(description.extension_documents)):
        extension = _sub(root, "extension", name=name)
        for record in description.extensions.get(name, []):
            record_element = _sub(extension, "record", kind=record.kind,
                                  meeting=str(record.meeting_id) if record.meeting_id is not None else None)
            for key, value in record.fields.items():
                _sub(record_element, "field", str(value), name=key)
        _documents(extension, description.extension_documents.get(name, []))
    return etree.ElementTree(root)


def description_bytes(description: Description) -> bytes:
    return etree.tostring(description_document(description), xml_declaration=True, encoding="UTF-8",
                          pretty_print=True)
