"""The package assembler: a body's records for a period as an E-ARK CSIP 2.1 / SIP 2.1 package (Riksarkivet's
FGS Paketstruktur 2.0) in one ZIP file with a single root folder:

    <name>/METS.xml                                      root METS (package metadata, files, representations)
    <name>/metadata/descriptive/meetings.xml             the body, period, meetings, items, decisions, publicity
    <name>/metadata/preservation/premis.xml              PREMIS of the package-level files, package creation
    <name>/documentation/om-paketet.txt                  what the package holds and how it was selected (Swedish)
    <name>/schemas/…                                     mets.xsd, DILCISExtensionMETS.xsd, samverkan-meetings.xsd
    <name>/representations/rep1/METS.xml                 the representation's METS (its data files)
    <name>/representations/rep1/metadata/preservation/premis.xml   PREMIS: every data file, fixity, events, agents
    <name>/representations/rep1/data/moten/<date>-mote-<id>/…      minutes, notice, attachments
    <name>/representations/rep1/data/<contribution>/…              other apps' records (samverkan.core.archiving)
"""

from __future__ import annotations

import hashlib
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from django.utils import timezone

import samverkan
from samverkan.core.archiving import ArchiveContribution, ArchiveDocument, ArchiveSelection, contributors
from samverkan.directory.models import Body
from samverkan.language.dates import swedish_date

from . import content as meeting_records
from .descriptive import SCHEMA_FILE, Description, DocumentEntry, description_bytes
from .mets import (
    FileEntry,
    FileGroup,
    Header,
    MetadataRef,
    RepresentationRef,
    mets_bytes,
    package_mets,
    representation_mets,
)
from .premis import Agent, Event, FileObject, Preservation, premis_bytes

SCHEMAS = Path(__file__).resolve().parent / "schemas"
PACKAGE_SCHEMAS = ("mets.xsd", "DILCISExtensionMETS.xsd", SCHEMA_FILE)
REPRESENTATION = "rep1"
XML = "text/xml"
SOFTWARE = "Samverkan"
FORMATS = {XML: "XML", "text/plain": "Plain text (UTF-8)"}


@dataclass
class PackageFile:
    path: str  # relative to the package root
    content: bytes
    mimetype: str
    created: datetime
    format_name: str = ""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()

    @property
    def size(self) -> int:
        return len(self.content)

    def entry(self, file_id: str, relative_to: str = "") -> FileEntry:
        href = self.path.removeprefix(relative_to)
        return FileEntry(id=file_id, href=href, mimetype=self.mimetype, size=self.size, sha256=self.sha256,
                         created=self.created)


@dataclass
class PackageSummary:
    """What was written: for the export's row and the command's message."""

    objid: str
    meetings: int
    documents: int
    size: int = 0
    sha256: str = ""
    files: list[str] = field(default_factory=list)


def package_name(body: Body, start: date, end: date) -> str:
    return f"{body.slug}-{start.isoformat()}--{end.isoformat()}"


def build_package(selection: ArchiveSelection, target: Path, *, created: datetime | None = None,
                  exported_by: str = "", progress: Callable[[int, int], None] | None = None) -> PackageSummary:
    """Write the package for `selection` to `target` (a .zip, replaced only when complete)."""
    created = created or timezone.now()
    body = Body.objects.get(pk=selection.body_id)
    meetings = meeting_records.selected_meetings(selection)
    contents = []
    for number, meeting in enumerate(meetings, start=1):
        contents.append(meeting_records.meeting_content(meeting, selection))
        if progress:
            progress(number, len(meetings))
    contributions = [found for found in (contributor(selection) for contributor in contributors) if found]

    rep_root = f"representations/{REPRESENTATION}/"
    data_files: list[tuple[PackageFile, ArchiveDocument, str]] = []  # (file, document, kind)
    for meeting in contents:
        for kind, document in meeting.documents:
            data_files.append((_data_file(rep_root, document.path, document), document, kind))
    extension_documents: dict[str, list[DocumentEntry]] = {}
    for contribution in contributions:
        for document in _chosen(contribution, selection):
            path = f"{contribution.name}/{document.path}"
            data_files.append((_data_file(rep_root, path, document), document, contribution.name))
            extension_documents.setdefault(contribution.name, []).append(
                DocumentEntry(kind=contribution.name, path=f"data/{path}", public=document.public))

    objid = f"UUID:{uuid.uuid4()}"
    header = Header(objid=objid, label=f"{body.name}: möteshandlingar {swedish_date(selection.start)}–"
                                       f"{swedish_date(selection.end)}",
                    created=created, software=SOFTWARE, software_version=samverkan.__version__,
                    archivist=body.name, schema_location="schemas/")
    agents = _agents(body, exported_by)

    # The representation: its data, its PREMIS, its METS.
    rep_premis = PackageFile(f"{rep_root}metadata/preservation/premis.xml", premis_bytes(_data_preservation(
        data_files, rep_root, agents, created)), XML, created, "PREMIS 3.0")
    rep_header = replace(header, objid=f"{objid}/{REPRESENTATION}", schema_location="../../schemas/")
    data_group = FileGroup(id="grp-data", use="Data", files=tuple(
        file.entry(f"file-{number}", rep_root) for number, (file, _, _) in enumerate(data_files, start=1)))
    rep_mets = PackageFile(f"{rep_root}METS.xml", mets_bytes(representation_mets(
        rep_header, name=REPRESENTATION, data=data_group,
        preservation=[MetadataRef("digiprov-1", rep_premis.entry("premis-1", rep_root), "PREMIS")])), XML, created)

    # The package level: descriptive metadata, documentation, schemas, PREMIS, root METS.
    description = Description(
        body_name=body.name, body_slug=body.slug, start=selection.start, end=selection.end, created=created,
        include_non_public=selection.include_non_public, meetings=[meeting.entry for meeting in contents],
        extensions={c.name: c.records for c in contributions if c.records},
        extension_documents=extension_documents)
    descriptive = PackageFile("metadata/descriptive/meetings.xml", description_bytes(description), XML, created)
    documentation = PackageFile("documentation/om-paketet.txt", _documentation(body, selection, contents,
                                                                                 data_files).encode(),
                                "text/plain", created)
    schemas = [PackageFile(f"schemas/{name}", (SCHEMAS / name).read_bytes(), XML, created) for name in PACKAGE_SCHEMAS]
    package_level = [descriptive, documentation, *schemas, rep_mets]
    root_premis = PackageFile("metadata/preservation/premis.xml", premis_bytes(_package_preservation(
        package_level, agents, created, objid, len(data_files))), XML, created, "PREMIS 3.0")
    root_mets = PackageFile("METS.xml", mets_bytes(package_mets(
        header,
        descriptive=[MetadataRef("dmd-1", descriptive.entry("dmd-file-1"), "OTHER", "Samverkan meetings 1")],
        preservation=[MetadataRef("digiprov-1", root_premis.entry("premis-1"), "PREMIS")],
        documentation=FileGroup("grp-documentation", "Documentation", (documentation.entry("file-doc-1"),)),
        schemas=FileGroup("grp-schemas", "Schemas", tuple(
            schema.entry(f"file-schema-{number}") for number, schema in enumerate(schemas, start=1))),
        representations=[RepresentationRef(REPRESENTATION, rep_mets.entry("file-rep-1"), "grp-rep-1")],
    )), XML, created)

    every_file = [root_mets, *package_level, root_premis, rep_premis, *(file for file, _, _ in data_files)]
    summary = PackageSummary(objid=objid, meetings=len(contents), documents=len(data_files))
    _write_zip(Path(target), package_name(body, selection.start, selection.end), every_file, summary)
    return summary


def _chosen(contribution: ArchiveContribution, selection: ArchiveSelection) -> list[ArchiveDocument]:
    return [d for d in contribution.documents if d.public or selection.include_non_public]


def _data_file(rep_root: str, path: str, document: ArchiveDocument) -> PackageFile:
    return PackageFile(f"{rep_root}data/{path}", document.content, document.mimetype, document.created,
                       document.format_name)


def _agents(body: Body, exported_by: str) -> list[Agent]:
    agents = [Agent("agent-software", f"{SOFTWARE} {samverkan.__version__}", "software",
                    "Samverkan: möten och beslut i regional samverkan (AGPL-3.0-or-later)."),
              Agent("agent-body", body.name, "organization", "Arkivbildare: organet vars handlingar paketet har.")]
    if exported_by:
        agents.append(Agent("agent-exporter", exported_by, "person", "Exporterade paketet."))
    return agents


def _data_preservation(data_files, rep_root: str, agents: list[Agent], created: datetime) -> Preservation:
    preservation = Preservation(agents=agents)
    exporter = [("agent-exporter", "implementer")] if any(a.identifier == "agent-exporter" for a in agents) else []
    for number, (file, document, kind) in enumerate(data_files, start=1):
        object_id = f"obj-{number}"
        preservation.objects.append(FileObject(
            identifier=object_id, path=file.path.removeprefix(rep_root), size=file.size, sha256=file.sha256,
            mimetype=file.mimetype, format_name=file.format_name or file.mimetype))
        event_type, detail = _creation(kind, document)
        preservation.events.append(Event(
            identifier=f"event-{number}", type=event_type, when=document.created, detail=detail,
            agents=(("agent-body", "implementer"), ("agent-software", "executing program")), objects=(object_id,)))
    preservation.events.append(Event(
        identifier="event-digest", type="message digest calculation", when=created,
        detail="SHA-256 för varje fil när paketet skapades.",
        agents=(("agent-software", "executing program"), *exporter),
        objects=tuple(obj.identifier for obj in preservation.objects)))
    return preservation


def _creation(kind: str, document: ArchiveDocument) -> tuple[str, str]:
    if kind == "minutes":
        return "creation", (f"{document.title}: publicerade minnesanteckningar, framställda ur den publicerade "
                            "versionen.")
    if kind == "minutes-text":
        return "creation", f"{document.title}: publicerade minnesanteckningar som text."
    if kind == "notice":
        return "creation", f"{document.title}: kallelse med dagordning."
    if kind == "attachment":
        return "ingestion", f"{document.title}: bilaga som den laddades upp."
    return "creation", document.title


def _package_preservation(files: list[PackageFile], agents: list[Agent], created: datetime, objid: str,
                          data_count: int) -> Preservation:
    preservation = Preservation(agents=agents)
    for number, file in enumerate(files, start=1):
        preservation.objects.append(FileObject(
            identifier=f"pkg-obj-{number}", path=file.path, size=file.size, sha256=file.sha256,
            mimetype=file.mimetype, format_name=file.format_name or FORMATS.get(file.mimetype, file.mimetype)))
    exporter = [("agent-exporter", "implementer")] if any(a.identifier == "agent-exporter" for a in agents) else []
    preservation.events.append(Event(
        identifier="event-package-creation", type="information package creation", when=created,
        detail=f"Leveranspaket (SIP) {objid} enligt E-ARK CSIP 2.1 / SIP 2.1 (FGS Paketstruktur 2.0) med "
               f"{data_count} filer i representationen {REPRESENTATION}.",
        agents=(("agent-software", "executing program"), *exporter),
        objects=tuple(obj.identifier for obj in preservation.objects)))
    return preservation


def _documentation(body: Body, selection: ArchiveSelection, contents, data_files) -> str:
    non_public = sum(1 for _, document, _ in data_files if not document.public)
    lines = [
        f"Leveranspaket från Samverkan {samverkan.__version__}",
        "",
        f"Organ (arkivbildare): {body.name}",
        f"Period: {selection.start.isoformat()} – {selection.end.isoformat()}",
        f"Möten: {len(contents)}. Filer: {len(data_files)}.",
        "",
        "Paketet följer E-ARK CSIP 2.1 och E-ARK SIP 2.1 (Riksarkivets FGS Paketstruktur 2.0): METS.xml beskriver",
        "paketet, metadata/descriptive/meetings.xml mötena, punkterna, besluten och handlingarna,",
        "metadata/preservation/premis.xml och representations/rep1/metadata/preservation/premis.xml",
        "filernas kontrollsummor (SHA-256), händelser och aktörer.",
        "",
        "Urval: alla offentliga handlingar för perioden – publicerade minnesanteckningar (varje version, som PDF",
        "och Word), skickade kallelser och arkivimporterade dagordningar (PDF och Word), och offentliga bilagor.",
    ]
    if selection.include_non_public:
        lines += [f"Bilagor som inte är offentliga har tagits med på begäran ({non_public} filer); de är märkta",
                  'public="false" i metadata/descriptive/meetings.xml och får inte lämnas ut utan sekretessprövning.']
    else:
        lines += ["Bilagor som inte är offentliga ingår inte; de står i metadata/descriptive/meetings.xml med",
                  'included="false" och skälet "Ej offentlig".']
    return "\n".join(lines) + "\n"


def _write_zip(target: Path, root: str, files: list[PackageFile], summary: PackageSummary) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for file in files:
            archive.writestr(f"{root}/{file.path}", file.content)
            summary.files.append(file.path)
    partial.replace(target)
    digest = hashlib.sha256()
    with target.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    summary.size, summary.sha256 = target.stat().st_size, digest.hexdigest()
