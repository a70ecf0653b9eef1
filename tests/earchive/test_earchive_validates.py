"""A year of the sample archive as an e-archive package, validated by eark-validator (PyPI) offline."""

import socket

import pytest

from samverkan.earchive import validation
from samverkan.earchive.validation import KNOWN_FALSE_POSITIVE, validate_package
from tests.earchive.conftest import build

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_network(monkeypatch):
    """Any connection attempt fails the test: the validator must run on the local vocabularies."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def report(result) -> str:
    return "\n".join(str(finding) for finding in result.findings if finding.severity != "Info")


def test_a_years_package_has_no_errors_with_sip14_as_the_specification_states_it(
        sample_archive, year_with_attachments, tmp_path, no_network):
    package = tmp_path / "lchnv-2021.zip"
    summary = build(year_with_attachments, package)
    assert summary.meetings == 2 and summary.documents >= 7

    result = validate_package(package, tmp_path / "unpacked", corrected_sip14=True)

    assert result.errors == [], report(result)
    assert (result.structure_status, result.schema_status, result.schematron_status) == \
        ("WellFormed", "VALID", "VALID"), report(result)
    assert [f for f in result.findings if f.severity == "Warn"] == [], report(result)
    assert result.valid


def test_the_validators_own_rules_find_only_its_impossible_sip14(sample_archive, year_with_attachments, tmp_path,
                                                                 no_network):
    """eark-validator 1.1.3 wants an unqualified NOTETYPE on the software agent's note, which the METS schema
    forbids (see samverkan/earchive/validation.py): that one error, at that note, and nothing else."""
    package = tmp_path / "lchnv-2021.zip"
    build(year_with_attachments, package, include_non_public=True)

    result = validate_package(package, tmp_path / "unpacked")

    assert [(f.rule, f.severity) for f in result.errors] == [(KNOWN_FALSE_POSITIVE, "Error")], report(result)
    assert "mets:agent[@ROLE = 'CREATOR']/mets:note" in result.errors[0].location
    assert (result.structure_status, result.schema_status) == ("WellFormed", "VALID"), report(result)


def test_a_broken_package_is_reported(sample_archive, year_with_attachments, tmp_path, no_network):
    """The validator run is not a formality: a METS without its package type fails."""
    import zipfile

    package = tmp_path / "ok.zip"
    build(year_with_attachments, package)
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(broken, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name.endswith("/METS.xml") and name.count("/") == 1:
                data = data.replace(b' csip:OAISPACKAGETYPE="SIP"', b"")
            target.writestr(name, data)

    result = validate_package(broken, tmp_path / "unpacked", corrected_sip14=True)

    assert "CSIP9" in {f.rule for f in result.errors}, report(result)
    assert not result.valid


def test_the_vocabularies_come_from_the_app_and_nothing_else_is_served():
    with validation.local_vocabulary("https://earkcsip.dilcis.eu/schema/CSIPVocabularyStatus.xml") as handle:
        assert b"CURRENT" in handle.read()
    with pytest.raises(OSError, match="offline"):
        validation.local_vocabulary("https://example.org/CSIPVocabularyStatus.xml")
