"""What other apps give the e-archive export (samverkan.earchive), without importing it.

The export sits in the operations layer, above the apps whose records it archives. An app below it
that has records of its own for the archive (recommendation answers, extracts and their dispatch …)
registers a contributor in its AppConfig.ready():

    from samverkan.core.archiving import register_archive_contributor
    register_archive_contributor(my_archive_records)

A contributor takes an ArchiveSelection and returns an ArchiveContribution (or None when it has nothing
for that body and period): its files go into the package's representation under `data/<name>/…`, with
PREMIS fixity and a creation event each, and its metadata records go into the package's descriptive
metadata under <extension name="…">. The contributor decides what is public; a file that is not must
say so (`public=False`) and is left out unless the selection includes non-public material.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class ArchiveSelection:
    """What is exported: one body's meetings dated `start` to `end` (both included)."""

    body_id: int
    start: date
    end: date
    include_non_public: bool = False


@dataclass(frozen=True)
class ArchiveDocument:
    """One file for the archive. `path` is relative to the contribution's folder ("2021-02-19/utdrag-5.pdf")."""

    path: str
    content: bytes
    mimetype: str
    created: datetime  # when the record came into being (published, sent, decided)
    title: str
    public: bool = True
    meeting_id: int | None = None
    format_name: str = ""


@dataclass(frozen=True)
class ArchiveRecord:
    """A metadata record: a kind ("recommendation_answer"), the meeting it belongs to, and its fields."""

    kind: str
    fields: dict[str, str]
    meeting_id: int | None = None


@dataclass
class ArchiveContribution:
    name: str  # a folder name and the extension's name: "recommendations", "extracts"
    documents: list[ArchiveDocument] = field(default_factory=list)
    records: list[ArchiveRecord] = field(default_factory=list)


ArchiveContributor = Callable[[ArchiveSelection], "ArchiveContribution | None"]

contributors: list[ArchiveContributor] = []


def register_archive_contributor(contributor: ArchiveContributor) -> ArchiveContributor:
    """Add a contributor (once); usable as a decorator."""
    if contributor not in contributors:
        contributors.append(contributor)
    return contributor
