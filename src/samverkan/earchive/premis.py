"""PREMIS 3 preservation metadata of a package: its files as objects with SHA-256 fixity, what happened
to them (events) and who did it (agents). Pure: no Django, no files; the assembler gives it the facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from lxml import etree

PREMIS_NS = "http://www.loc.gov/premis/v3"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
PREMIS_SCHEMA = "http://www.loc.gov/standards/premis/v3/premis.xsd"
LOCAL = "local"
NSMAP = {"premis": PREMIS_NS, "xsi": XSI_NS}
# The controlled vocabularies of the Library of Congress (id.loc.gov/vocabulary/preservation/…).
EVENT_TYPE_AUTHORITY = "http://id.loc.gov/vocabulary/preservation/eventType"
AGENT_TYPE_AUTHORITY = "http://id.loc.gov/vocabulary/preservation/agentType"
ROLE_AUTHORITY = "http://id.loc.gov/vocabulary/preservation/eventRelatedAgentRole"


@dataclass(frozen=True)
class FileObject:
    """One file of the package as PREMIS sees it."""

    identifier: str  # unique in the package, e.g. "obj-0003"
    path: str  # relative to the folder of the PREMIS file's METS, e.g. "data/2021-02-19/minnesanteckningar-v1.pdf"
    size: int
    sha256: str
    mimetype: str
    format_name: str  # e.g. "PDF", "Microsoft Word (OOXML)"


@dataclass(frozen=True)
class Agent:
    identifier: str
    name: str
    type: str  # "software", "organization", "person" (LoC agentType)
    note: str = ""


@dataclass(frozen=True)
class Event:
    identifier: str
    type: str  # LoC eventType term: "creation", "publication", "message digest calculation", …
    when: datetime
    detail: str
    outcome: str = "success"
    agents: tuple[tuple[str, str], ...] = ()  # (agent identifier, role term: "executing program", "implementer")
    objects: tuple[str, ...] = ()  # object identifiers
    outcome_note: str = ""


@dataclass
class Preservation:
    objects: list[FileObject] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    agents: list[Agent] = field(default_factory=list)


def _q(name: str) -> str:
    return f"{{{PREMIS_NS}}}{name}"


def _sub(parent, name: str, text: str | None = None, **attributes):
    element = etree.SubElement(parent, _q(name), {k: v for k, v in attributes.items() if v})
    if text is not None:
        element.text = text
    return element


def _identifier(parent, kind: str, value: str) -> None:
    wrapper = _sub(parent, f"{kind}Identifier")
    _sub(wrapper, f"{kind}IdentifierType", LOCAL)
    _sub(wrapper, f"{kind}IdentifierValue", value)


def premis_document(preservation: Preservation) -> etree._ElementTree:
    """The PREMIS document: objects, then events, then agents (the order PREMIS 3 requires)."""
    root = etree.Element(_q("premis"), nsmap=NSMAP, version="3.0")
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{PREMIS_NS} {PREMIS_SCHEMA}")
    for obj in preservation.objects:
        element = _sub(root, "object")
        element.set(f"{{{XSI_NS}}}type", "premis:file")
        _identifier(element, "object", obj.identifier)
        characteristics = _sub(element, "objectCharacteristics")
        fixity = _sub(characteristics, "fixity")
        _sub(fixity, "messageDigestAlgorithm", "SHA-256")
        _sub(fixity, "messageDigest", obj.sha256)
        _sub(fixity, "messageDigestOriginator", "Samverkan")
        _sub(characteristics, "size", str(obj.size))
        file_format = _sub(characteristics, "format")
        designation = _sub(file_format, "formatDesignation")
        _sub(designation, "formatName", obj.format_name or obj.mimetype)
        storage = _sub(element, "storage")
        location = _sub(storage, "contentLocation")
        _sub(location, "contentLocationType", "URL")
        _sub(location, "contentLocationValue", obj.path)
    for event in preservation.events:
        element = _sub(root, "event")
        _identifier(element, "event", event.identifier)
        _sub(element, "eventType", event.type, authority="eventType", authorityURI=EVENT_TYPE_AUTHORITY)
        _sub(element, "eventDateTime", event.when.isoformat(timespec="seconds"))
        detail = _sub(element, "eventDetailInformation")
        _sub(detail, "eventDetail", event.detail)
        outcome = _sub(element, "eventOutcomeInformation")
        _sub(outcome, "eventOutcome", event.outcome)
        if event.outcome_note:
            _sub(_sub(outcome, "eventOutcomeDetail"), "eventOutcomeDetailNote", event.outcome_note)
        for agent_id, role in event.agents:
            link = _sub(element, "linkingAgentIdentifier")
            _sub(link, "linkingAgentIdentifierType", LOCAL)
            _sub(link, "linkingAgentIdentifierValue", agent_id)
            _sub(link, "linkingAgentRole", role, authority="eventRelatedAgentRole", authorityURI=ROLE_AUTHORITY)
        for object_id in event.objects:
            link = _sub(element, "linkingObjectIdentifier")
            _sub(link, "linkingObjectIdentifierType", LOCAL)
            _sub(link, "linkingObjectIdentifierValue", object_id)
    for agent in preservation.agents:
        element = _sub(root, "agent")
        _identifier(element, "agent", agent.identifier)
        _sub(element, "agentName", agent.name)
        _sub(element, "agentType", agent.type, authority="agentType", authorityURI=AGENT_TYPE_AUTHORITY)
        if agent.note:
            _sub(element, "agentNote", agent.note)
    return etree.ElementTree(root)


def premis_bytes(preservation: Preservation) -> bytes:
    return etree.tostring(premis_document(preservation), xml_declaration=True, encoding="UTF-8",
                          pretty_print=True)
