"""METS documents of an E-ARK CSIP 2.1 / SIP 2.1 package (FGS Paketstruktur 2.0): the root METS.xml and one
METS.xml per representation. Pure: the assembler gives every file's path, size, checksum and date.

Every element the CSIP profile makes mandatory is written, with the values its vocabularies allow:
package type "SIP", content category "Textual works – Digital", content information type "OTHER" (meeting
records have no CITS of their own) named in `csip:OTHERCONTENTINFORMATIONTYPE`, SHA-256 checksums and
IDs unique within each document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from lxml import etree

METS_NS = "http://www.loc.gov/METS/"
XLINK_NS = "http://www.w3.org/1999/xlink"
CSIP_NS = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
NSMAP = {"mets": METS_NS, "xlink": XLINK_NS, "csip": CSIP_NS, "xsi": XSI_NS}

SIP_PROFILE = "https://earksip.dilcis.eu/profile/E-ARK-SIP.xml"
CONTENT_CATEGORY = "Textual works – Digital"
CONTENT_INFORMATION_TYPE = "OTHER"
OTHER_CONTENT_INFORMATION_TYPE = "Samverkan möteshandlingar"
CHECKSUM_TYPE = "SHA-256"


@dataclass(frozen=True)
class FileEntry:
    """A file of the package, seen from the METS document that lists it (`href` relative to that METS)."""

    id: str
    href: str
    mimetype: str
    size: int
    sha256: str
    created: datetime


@dataclass(frozen=True)
class FileGroup:
    id: str
    use: str  # "Documentation", "Schemas", "Representations/rep1", "Data"
    files: tuple[FileEntry, ...]


@dataclass(frozen=True)
class MetadataRef:
    """A metadata file referred to from a dmdSec (descriptive) or a digiprovMD (preservation)."""

    section_id: str
    file: FileEntry
    mdtype: str  # "PREMIS", or "OTHER" with `other_mdtype`
    other_mdtype: str = ""


@dataclass(frozen=True)
class Header:
    objid: str
    label: str
    created: datetime
    software: str
    software_version: str
    archivist: str  # the body whose records these are (arkivbildare)
    schema_location: str = ""  # "schemas/" for the root, "../../schemas/" for a representation


@dataclass(frozen=True)
class RepresentationRef:
    """A representation in the root METS: its folder name and its own METS file."""

    name: str  # "rep1"
    mets_file: FileEntry  # href "representations/rep1/METS.xml"
    group_id: str  # the root fileGrp "Representations/rep1"


@dataclass
class Ids:
    """IDs unique within one METS document, readable ("file-3", "dmd-1")."""

    used: set[str] = field(default_factory=set)

    def take(self, wanted: str) -> str:
        if wanted in self.used:
            raise ValueError(f"duplicate METS ID {wanted}")
        self.used.add(wanted)
        return wanted


def _q(name: str, ns: str = METS_NS) -> str:
    return f"{{{ns}}}{name}"


def _timestamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _root(header: Header) -> etree._Element:
    root = etree.Element(_q("mets"), nsmap=NSMAP)
    root.set("OBJID", header.objid)
    root.set("LABEL", header.label)
    root.set("TYPE", CONTENT_CATEGORY)
    root.set(_q("CONTENTINFORMATIONTYPE", CSIP_NS), CONTENT_INFORMATION_TYPE)
    root.set(_q("OTHERCONTENTINFORMATIONTYPE", CSIP_NS), OTHER_CONTENT_INFORMATION_TYPE)
    root.set("PROFILE", SIP_PROFILE)
    base = header.schema_location
    root.set(_q("schemaLocation", XSI_NS),
             f"{METS_NS} {base}mets.xsd {XLINK_NS} http://www.loc.gov/standards/xlink/xlink.xsd "
             f"{CSIP_NS} {base}DILCISExtensionMETS.xsd")
    created = _timestamp(header.created)
    hdr = etree.SubElement(root, _q("metsHdr"), CREATEDATE=created, LASTMODDATE=created, RECORDSTATUS="NEW")
    hdr.set(_q("OAISPACKAGETYPE", CSIP_NS), "SIP")
    software = etree.SubElement(hdr, _q("agent"), ROLE="CREATOR", TYPE="OTHER", OTHERTYPE="SOFTWARE")
    etree.SubElement(software, _q("name")).text = header.software
    note = etree.SubElement(software, _q("note"))
    note.text = header.software_version
    note.set(_q("NOTETYPE", CSIP_NS), "SOFTWARE VERSION")
    archivist = etree.SubElement(hdr, _q("agent"), ROLE="ARCHIVIST", TYPE="ORGANIZATION")
    etree.SubElement(archivist, _q("name")).text = header.archivist
    return root


def _md_ref(parent, ref: MetadataRef) -> None:
    attributes = {
        "LOCTYPE": "URL", "MDTYPE": ref.mdtype, "MIMETYPE": ref.file.mimetype, "SIZE": str(ref.file.size),
        "CREATED": _timestamp(ref.file.created), "CHECKSUM": ref.file.sha256, "CHECKSUMTYPE": CHECKSUM_TYPE,
    }
    if ref.other_mdtype:
        attributes["OTHERMDTYPE"] = ref.other_mdtype
    element = etree.SubElement(parent, _q("mdRef"), attributes)
    element.set(_q("type", XLINK_NS), "simple")
    element.set(_q("href", XLINK_NS), ref.file.href)


def _dmd_secs(root, ids: Ids, descriptive: list[MetadataRef]) -> None:
    for ref in descriptive:
        section = etree.SubElement(root, _q("dmdSec"), ID=ids.take(ref.section_id),
                                   CREATED=_timestamp(ref.file.created), STATUS="CURRENT")
        _md_ref(section, ref)


def _amd_sec(root, ids: Ids, preservation: list[MetadataRef]) -> None:
    if not preservation:
        return
    amd = etree.SubElement(root, _q("amdSec"), ID=ids.take("amd-1"))
    for ref in preservation:
        section = etree.SubElement(amd, _q("digiprovMD"), ID=ids.take(ref.section_id), STATUS="CURRENT")
        _md_ref(section, ref)


def _file_sec(root, ids: Ids, groups: list[FileGroup]) -> None:
    file_sec = etree.SubElement(root, _q("fileSec"), ID=ids.take("filesec-1"))
    for group in groups:
        grp = etree.SubElement(file_sec, _q("fileGrp"), ID=ids.take(group.id), USE=group.use)
        grp.set(_q("CONTENTINFORMATIONTYPE", CSIP_NS), CONTENT_INFORMATION_TYPE)
        grp.set(_q("OTHERCONTENTINFORMATIONTYPE", CSIP_NS), OTHER_CONTENT_INFORMATION_TYPE)
        for entry in group.files:
            element = etree.SubElement(grp, _q("file"), ID=ids.take(entry.id), MIMETYPE=entry.mimetype,
                                       SIZE=str(entry.size), CREATED=_timestamp(entry.created),
                                       CHECKSUM=entry.sha256, CHECKSUMTYPE=CHECKSUM_TYPE)
            location = etree.SubElement(element, _q("FLocat"), LOCTYPE="URL")
            location.set(_q("type", XLINK_NS), "simple")
            location.set(_q("href", XLINK_NS), entry.href)


def _div(parent, ids: Ids, div_id: str, label: str, **attributes) -> etree._Element:
    return etree.SubElement(parent, _q("div"), {"ID": ids.take(div_id), "LABEL": label, **attributes})


def _fptr(div, group_id: str) -> None:
    etree.SubElement(div, _q("fptr"), FILEID=group_id)


def _metadata_div(parent, ids: Ids, descriptive: list[MetadataRef], preservation: list[MetadataRef]) -> None:
    attributes = {}
    if descriptive:
        attributes["DMDID"] = " ".join(ref.section_id for ref in descriptive)
    if preservation:
        attributes["ADMID"] = " ".join(ref.section_id for ref in preservation)
    _div(parent, ids, "div-metadata", "Metadata", **attributes)


def package_mets(header: Header, *, descriptive: list[MetadataRef], preservation: list[MetadataRef],
                 documentation: FileGroup, schemas: FileGroup,
                 representations: list[RepresentationRef]) -> etree._ElementTree:
    """The root METS.xml: the package's metadata, documentation, schemas and its representations' METS."""
    ids = Ids()
    root = _root(header)
    _dmd_secs(root, ids, descriptive)
    _amd_sec(root, ids, preservation)
    groups = [documentation, schemas] + [
        FileGroup(id=rep.group_id, use=f"Representations/{rep.name}", files=(rep.mets_file,))
        for rep in representations]
    _file_sec(root, ids, groups)
    struct_map = etree.SubElement(root, _q("structMap"), ID=ids.take("structmap-1"), TYPE="PHYSICAL", LABEL="CSIP")
    package = _div(struct_map, ids, "div-package", header.objid)
    _metadata_div(package, ids, descriptive, preservation)
    _fptr(_div(package, ids, "div-documentation", "Documentation"), documentation.id)
    _fptr(_div(package, ids, "div-schemas", "Schemas"), schemas.id)
    holder = _div(package, ids, "div-representations", "Representations")
    for rep in representations:
        _fptr(holder, rep.group_id)
    for number, rep in enumerate(representations, start=1):
        rep_div = _div(holder, ids, f"div-rep-{number}", f"Representations/{rep.name}")
        pointer = etree.SubElement(rep_div, _q("mptr"), LOCTYPE="URL")
        pointer.set(_q("type", XLINK_NS), "simple")
        pointer.set(_q("href", XLINK_NS), rep.mets_file.href)
        pointer.set(_q("title", XLINK_NS), rep.group_id)
    return etree.ElementTree(root)


def representation_mets(header: Header, *, name: str, preservation: list[MetadataRef],
                        data: FileGroup) -> etree._ElementTree:
    """A representation's METS.xml: its data files and its own preservation metadata."""
    ids = Ids()
    root = _root(header)
    _amd_sec(root, ids, preservation)
    _file_sec(root, ids, [data])
    struct_map = etree.SubElement(root, _q("structMap"), ID=ids.take("structmap-1"), TYPE="PHYSICAL", LABEL="CSIP")
    rep_div = _div(struct_map, ids, "div-representation", name)
    _metadata_div(rep_div, ids, [], preservation)
    _fptr(_div(rep_div, ids, "div-data", "Data"), data.id)
    return etree.ElementTree(root)


def mets_bytes(document: etree._ElementTree) -> bytes:
    return etree.tostring(document, xml_declaration=True, encoding="UTF-8", pretty_print=True)
