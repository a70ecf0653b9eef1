"""The package's METS and PREMIS say what is in it: every file referenced, checksums and sizes that match the
files, IDs unique, and the publicity rules kept (non-public attachments only when chosen, and marked)."""

import datetime
import hashlib
from collections import Counter

import pytest
from lxml import etree

from samverkan.core.archiving import ArchiveSelection
from samverkan.earchive.descriptive import NS as DESCRIPTIVE
from samverkan.earchive.mets import Ids
from samverkan.earchive.package import SCHEMAS, build_package
from samverkan.earchive.premis import PREMIS_NS
from samverkan.earchive.validation import offline_vocabularies
from tests.earchive.conftest import Unpacked, build

pytestmark = pytest.mark.django_db

M = {"mets": "http://www.loc.gov/METS/", "xlink": "http://www.w3.org/1999/xlink", "premis": PREMIS_NS,
     "d": DESCRIPTIVE}
HREF = "{http://www.w3.org/1999/xlink}href"
REP = "representations/rep1/"


@pytest.fixture
def package(sample_archive, year_with_attachments, tmp_path):
    path = tmp_path / "lchnv-2021.zip"
    build(year_with_attachments, path)
    return Unpacked(path)


def referenced(unpacked: Unpacked, mets_path: str) -> dict[str, etree._Element]:
    """Package paths of the files a METS document refers to (file/FLocat and mdRef), with the element."""
    base = mets_path.rsplit("/", 1)[0] + "/" if "/" in mets_path else ""
    found = {}
    mets = unpacked.xml(mets_path)
    for file in mets.iterfind(".//mets:file", M):
        found[base + file.find("mets:FLocat", M).get(HREF)] = file
    for ref in mets.iterfind(".//mets:mdRef", M):
        found[base + ref.get(HREF)] = ref
    return found


def test_every_file_is_referenced_with_its_size_and_sha256(package):
    root, rep = referenced(package, "METS.xml"), referenced(package, f"{REP}METS.xml")
    assert set(root) | set(rep) == set(package.files) - {"METS.xml"}
    for path, element in {**root, **rep}.items():
        content = package.files[path]
        assert element.get("CHECKSUMTYPE") == "SHA-256"
        assert element.get("CHECKSUM") == hashlib.sha256(content).hexdigest(), path
        assert int(element.get("SIZE")) == len(content), path


def test_ids_are_unique_in_each_mets_and_every_reference_resolves(package):
    for path in ("METS.xml", f"{REP}METS.xml"):
        mets = package.xml(path)
        ids = [element.get("ID") for element in mets.iter() if element.get("ID")]
        assert [i for i, n in Counter(ids).items() if n > 1] == [], path
        for attribute in ("FILEID", "DMDID", "ADMID"):
            for element in mets.iterfind(f".//*[@{attribute}]"):
                assert set(element.get(attribute).split()) <= set(ids), (path, attribute)
    with pytest.raises(ValueError, match="duplicate METS ID file-1"):
        ids = Ids()
        ids.take("file-1")
        ids.take("file-1")


def test_both_mets_documents_are_valid_mets_with_the_csip_extension(package):
    with offline_vocabularies():
        from eark_validator.ipxml.schema import IP_SCHEMA
    for path in ("METS.xml", f"{REP}METS.xml"):
        schema = IP_SCHEMA["csip"]
        assert schema.validate(etree.ElementTree(package.xml(path))), (path, schema.error_log)


def test_premis_has_an_object_with_fixity_and_a_creation_event_for_every_data_file(package):
    premis = package.xml(f"{REP}metadata/preservation/premis.xml")
    data = {path.removeprefix(REP): content for path, content in package.files.items()
            if path.startswith(f"{REP}data/")}
    objects = {}
    for obj in premis.iterfind("premis:object", M):
        location = obj.findtext("premis:storage/premis:contentLocation/premis:contentLocationValue", namespaces=M)
        objects[location] = obj
        assert obj.findtext(".//premis:messageDigestAlgorithm", namespaces=M) == "SHA-256"
        assert obj.findtext(".//premis:messageDigest", namespaces=M) == hashlib.sha256(data[location]).hexdigest()
        assert obj.findtext(".//premis:size", namespaces=M) == str(len(data[location]))
    assert set(objects) == set(data)

    ids = [v.text for v in premis.iterfind(".//premis:objectIdentifierValue", M)]
    assert len(ids) == len(set(ids))
    linked = Counter(v.text for e in premis.iterfind("premis:event", M)
                     for v in e.iterfind("premis:linkingObjectIdentifier/premis:linkingObjectIdentifierValue", M))
    assert all(linked[i] == 2 for i in ids)  # its creation (or ingestion) and the digest calculation
    agents = {a.findtext(".//premis:agentIdentifierValue", namespaces=M) for a in premis.iterfind("premis:agent", M)}
    used = {v.text for v in premis.iterfind(".//premis:linkingAgentIdentifierValue", M)}
    assert used <= agents and {"agent-software", "agent-body", "agent-exporter"} == agents

    types = Counter(e.findtext("premis:eventType", namespaces=M) for e in premis.iterfind("premis:event", M))
    assert types["message digest calculation"] == 1 and types["ingestion"] == 1  # the one public attachment


def test_the_package_premis_records_its_creation(package):
    premis = package.xml("metadata/preservation/premis.xml")
    (event,) = premis.iterfind("premis:event", M)
    assert event.findtext("premis:eventType", namespaces=M) == "information package creation"
    locations = {v.text for v in premis.iterfind(".//premis:contentLocationValue", M)}
    assert locations == {"metadata/descriptive/meetings.xml", "documentation/om-paketet.txt",
                         "schemas/mets.xsd", "schemas/DILCISExtensionMETS.xsd", "schemas/samverkan-meetings.xsd",
                         f"{REP}METS.xml"}


def test_the_year_holds_the_published_minutes_versions_the_notice_and_the_public_attachment(package):
    data = sorted(path.removeprefix(f"{REP}data/") for path in package.files if path.startswith(f"{REP}data/"))
    february = [p for p in data if p.startswith("moten/2021-02-19-")]
    november = [p for p in data if p.startswith("moten/2021-11-19-")]
    assert [p.split("/", 2)[2] for p in february] == [
        "bilagor/bilaga-1-verksamhetsplan.pdf",
        "minnesanteckningar-v1.docx", "minnesanteckningar-v1.pdf",
        "minnesanteckningar-v2.docx", "minnesanteckningar-v2.pdf"]
    assert [p.split("/", 2)[2] for p in november] == ["kallelse.docx", "kallelse.pdf"]
    assert package.files[f"{REP}data/{february[1]}"].startswith(b"PK")  # Word (a ZIP)
    assert package.files[f"{REP}data/{february[2]}"].startswith(b"%PDF")


def test_descriptive_metadata_is_valid_and_names_the_non_public_attachment_left_out(package):
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "samverkan-meetings.xsd")))
    description = package.xml("metadata/descriptive/meetings.xml")
    assert schema.validate(etree.ElementTree(description)), schema.error_log
    assert description.find("d:period", M).attrib == {"start": "2021-01-01", "end": "2021-12-31"}
    assert description.find("d:selection", M).get("nonPublicAttachments") == "false"
    left_out = description.find(".//d:attachment[@public='false'][@reason]", M)
    assert left_out.text == "personuppgifter.pdf"
    assert (left_out.get("included"), left_out.get("reason")) == ("false", "Ej offentlig")
    meeting = description.find("d:meeting[@date='2021-02-19']", M)
    assert [v.get("version") for v in meeting.iterfind("d:minutesVersion", M)] == ["1", "2"]
    assert meeting.find("d:minutesVersion[@version='2']", M).text == "Bilagor tillagda."
    assert "Ej offentlig" in package.files["documentation/om-paketet.txt"].decode()


def test_non_public_attachments_go_in_only_when_chosen_and_marked(sample_archive, year_with_attachments, tmp_path):
    path = tmp_path / "med-ej-offentliga.zip"
    build(year_with_attachments, path, include_non_public=True)
    package = Unpacked(path)
    included = [p for p in package.files if p.endswith("personuppgifter.pdf")]
    assert included == [f"{REP}data/moten/{p.split('/moten/')[1]}" for p in included] and len(included) == 1
    description = package.xml("metadata/descriptive/meetings.xml")
    assert description.find("d:selection", M).get("nonPublicAttachments") == "true"
    entry = description.find(".//d:attachment[.='personuppgifter.pdf']", M)
    assert (entry.get("public"), entry.get("included"), entry.get("reason")) == ("false", "true", "Ej offentlig")
    document = description.find(f".//d:document[@path='{included[0].removeprefix(REP)}']", M)
    assert document.get("public") == "false"
    assert "sekretessprövning" in package.files["documentation/om-paketet.txt"].decode()


def test_nothing_outside_the_period_goes_in(sample_archive, year_with_attachments, tmp_path):
    path = tmp_path / "2023.zip"
    summary = build_package(ArchiveSelection(year_with_attachments.pk, datetime.date(2023, 1, 1),
                                             datetime.date(2023, 12, 31)), path)
    data = [p for p in Unpacked(path).files if p.startswith(f"{REP}data/")]
    assert summary.meetings == 1
    assert data and all(p.startswith(f"{REP}data/moten/2023-11-09-") for p in data)


def test_sent_notices_are_in_the_metadata_and_a_later_agenda_change_is_marked(sample_archive, year_with_attachments,
                                                                              tmp_path):
    from samverkan.meetings.models import Meeting, NoticeDispatch
    from samverkan.meetings.notices import agenda_fingerprint

    meeting = Meeting.objects.get(body=year_with_attachments, date=datetime.date(2021, 11, 19))
    NoticeDispatch.objects.create(meeting=meeting, version=1, fingerprint="0" * 64, recipients=[{"name": "A"}])
    NoticeDispatch.objects.create(meeting=meeting, version=2, fingerprint=agenda_fingerprint(meeting),
                                  recipients=[{"name": "A"}, {"name": "B"}])
    path = tmp_path / "kallelser.zip"
    build(year_with_attachments, path)
    sent = Unpacked(path).xml("metadata/descriptive/meetings.xml").findall(
        "d:meeting[@date='2021-11-19']/d:noticeSent", M)
    assert [(n.get("version"), n.get("recipients"), n.get("agendaChangedSince")) for n in sent] == [
        ("1", "1", None), ("2", "2", None)]

    meeting.items.filter(pk=meeting.items.order_by("position").first().pk).update(title="Ny rubrik")
    build(year_with_attachments, path)
    sent = Unpacked(path).xml("metadata/descriptive/meetings.xml").findall(
        "d:meeting[@date='2021-11-19']/d:noticeSent", M)
    assert [n.get("agendaChangedSince") for n in sent] == [None, "true"]
