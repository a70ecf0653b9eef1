"""The structured meeting document the reader produces: plain dataclasses, no Django."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from samverkan.language.items import INFORMATION, ITEM_TYPES

__all__ = ["AGENDA", "ITEM_TYPES", "MINUTES", "Attendee", "Item", "MeetingDocument", "Presenter"]

AGENDA = "agenda"
MINUTES = "minutes"


@dataclass
class Attendee:
    name: str
    organization: str | None = None
    title: str | None = None


@dataclass
class Presenter:
    name: str
    title: str | None = None


@dataclass
class Item:
    number: str
    title: str
    type: str = INFORMATION
    presenters: list[Presenter] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    proposals: list[str] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    subitems: list[Item] = field(default_factory=list)
    # Not part of the JSON contract: the running text of the item (discussion,
    # background) and the line where its heading starts, for the loader and search.
    text: str = ""
    line: int | None = None

    def to_dict(self) -> dict:
        return {
            "number": self.number,
            "title": self.title,
            "type": self.type,
            "presenters": [{"name": p.name, "title": p.title} for p in self.presenters],
            "attachments": list(self.attachments),
            "proposals": list(self.proposals),
            "decisions": list(self.decisions),
            "subitems": [s.to_dict() for s in self.subitems],
        }


@dataclass
class MeetingDocument:
    source: str
    body: str | None = None
    kind: str = AGENDA
    meeting_date: date | None = None
    start_time: time | None = None
    end_time: time | None = None
    location: str | None = None
    registry_number: str | None = None
    document_date: date | None = None
    attendees: list[Attendee] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The document in the shape of meeting-document.schema.json."""
        return {
            "source": self.source,
            "body": self.body,
            "kind": self.kind,
            "meeting_date": _iso(self.meeting_date),
            "start_time": self.start_time.strftime("%H:%M") if self.start_time else None,
            "end_time": self.end_time.strftime("%H:%M") if self.end_time else None,
            "location": self.location,
            "registry_number": self.registry_number,
            "document_date": _iso(self.document_date),
            "attendees": [
                {"name": a.name, "organization": a.organization, "title": a.title}
                for a in self.attendees
            ],
            "items": [item.to_dict() for item in self.items],
            "warnings": list(self.warnings),
        }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
