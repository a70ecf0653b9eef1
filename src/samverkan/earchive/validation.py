"""Running `eark-validator` (PyPI; a test and development dependency) on a package, offline.

When it is imported the validator reads four CSIP vocabularies (ContentCategory, ContentInformationType,
OAISPackageType, Status) from https://earkcsip.dilcis.eu/schema/ with `urllib.request.urlopen`, once, to
build its Schematron rules; everything else it needs (METS and extension schemas, Schematron rules, the
IANA media types) it ships. Here that import runs with `urlopen` answering from the copies in
`schemas/` (from the DILCIS Board, see schemas/README.md) and refusing every other address, so
validation never touches the network.

One rule of eark-validator 1.1.3 cannot be met by any package, so its report always has one error:
SIP14. The E-ARK SIP 2.1 specification (the validator's own profiles/V2.1.0/E-ARK-SIP.xml) says SIP14 is
"the archival creator agent note is typed with the value IDENTIFICATIONCODE", XPath
`metsHdr/agent/note/@csip:NOTETYPE`, for the archival creator agent (SIP9–SIP13). The validator's
Schematron (schematron/V2.1.0/SIP/mets_metsHdr_rules.xml) checks instead the note of every agent with
ROLE="CREATOR" for an attribute NOTETYPE in no namespace. CSIP15/CSIP16 require that agent (the software
that made the package) to have exactly one note, typed csip:NOTETYPE="SOFTWARE VERSION", and the METS
schema allows only namespaced attributes on a note (`anyAttribute namespace="##other"`), so adding
NOTETYPE="IDENTIFICATIONCODE" makes the METS invalid instead. `validate_package(..., corrected_sip14=True)`
runs the validator with that one rule as the specification states it (agent ROLE="ARCHIVIST",
@csip:NOTETYPE); everything else stays the validator's own.
"""

from __future__ import annotations

import importlib
import sys
import tempfile
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

SCHEMAS = Path(__file__).resolve().parent / "schemas"
VOCABULARY_BASE = "https://earkcsip.dilcis.eu/schema/"
PROFILE_VERSION = "2.1.0"


def local_vocabulary(url, *args, **kwargs):
    """`urlopen` for the validator: the CSIP vocabularies from schemas/, nothing else."""
    address = getattr(url, "full_url", url)
    name = address.removeprefix(VOCABULARY_BASE)
    if address.startswith(VOCABULARY_BASE) and "/" not in name and (SCHEMAS / name).is_file():
        return (SCHEMAS / name).open("rb")
    raise urllib.error.URLError(f"offline: no local copy of {address}")


@contextmanager
def offline_vocabularies():
    with mock.patch.object(urllib.request, "urlopen", local_vocabulary):
        yield


KNOWN_FALSE_POSITIVE = "SIP14"
SIP14_CONTEXT = "/mets:mets/mets:metsHdr/mets:agent[@ROLE = 'ARCHIVIST']/mets:note"
SIP14_TEST = "@csip:NOTETYPE = 'IDENTIFICATIONCODE'"
SCHEMATRON_NS = "http://purl.oclc.org/dsdl/schematron"


def _validator_modules():
    """eark_validator's package validator, imported (once) with the local vocabularies."""
    loaded = "eark_validator.ipxml.schematron" in sys.modules
    with offline_vocabularies():
        packages = importlib.import_module("eark_validator.packages")
        specification = importlib.import_module("eark_validator.specifications.specification")
        handler = importlib.import_module("eark_validator.infopacks.package_handler")
    if loaded:  # imported elsewhere before, perhaps with the network: make sure its reader is ours from now on
        importlib.import_module("eark_validator.ipxml.schematron").urlopen = local_vocabulary
    return packages, specification, handler


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.severity} {self.rule} at {self.location}: {self.message}"


@dataclass(frozen=True)
class ValidationResult:
    findings: list[Finding]
    structure_status: str
    schema_status: str
    schematron_status: str

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Error"]

    @property
    def valid(self) -> bool:
        return not self.errors and self.structure_status == "WellFormed" and self.schema_status == "VALID" \
            and self.schematron_status == "VALID"


def _corrected_sip_header_rules(work: Path) -> Path:
    """The validator's SIP metsHdr rules with SIP14 as the specification states it (see the module's note)."""
    from lxml import etree

    schematron = importlib.import_module("eark_validator.ipxml.schematron")
    original = Path(schematron.get_schematron_path("V2.1.0", "SIP", "metsHdr"))
    tree = etree.parse(str(original))
    (sip14,) = tree.iterfind(f".//{{{SCHEMATRON_NS}}}assert[@id='SIP14']")
    sip14.getparent().set("context", SIP14_CONTEXT)
    sip14.set("test", SIP14_TEST)
    sip14.text = ("The archival creator agent note is typed with the value of IDENTIFICATIONCODE "
                  "(@csip:NOTETYPE), as E-ARK SIP 2.1 states SIP14.")
    corrected = work / "mets_metsHdr_rules.xml"
    tree.write(str(corrected), encoding="UTF-8")  # no declaration: the validator parses it as a str
    return corrected


def validate_package(path: Path, unpack_to: Path | None = None, *, corrected_sip14: bool = False) -> ValidationResult:
    """Validate a package (a ZIP with one root folder, or that folder) as E-ARK SIP 2.1.0, offline."""
    packages, specification, handler = _validator_modules()
    rules = importlib.import_module("eark_validator.rules")
    with tempfile.TemporaryDirectory() as work:
        validator_class = packages.PackageValidator
        original = validator_class._package_handler
        validator_class._package_handler = handler.PackageHandler(Path(unpack_to or work))
        original_path = rules.get_schematron_path
        if corrected_sip14:
            corrected = str(_corrected_sip_header_rules(Path(work)))
            rules.get_schematron_path = lambda version, spec_id, section: (
                corrected if (str(spec_id), section) == ("SIP", "metsHdr")
                else original_path(version, spec_id, section))
        try:
            report = validator_class(Path(path), specification.SpecificationVersion.V2_1_0).validation_report
        finally:
            validator_class._package_handler = original
            rules.get_schematron_path = original_path
    findings = [Finding(m.rule_id or "", str(m.severity.value), m.location or "", m.message or "")
                for m in report.structure.messages]
    schema_status = schematron_status = "NOT RUN"
    if report.metadata is not None:
        for results in (report.metadata.schema_results, report.metadata.schematron_results):
            findings += [Finding(m.rule_id or "", str(m.severity.value), m.location or "", m.message or "")
                         for m in results.messages]
        schema_status = str(report.metadata.schema_results.status.value)
        schematron_status = str(report.metadata.schematron_results.status.value)
    return ValidationResult(findings=findings, structure_status=str(report.structure.status.value),
                            schema_status=schema_status, schematron_status=schematron_status)
