"""The secretariat's e-archive page: choose a period, export (a background task; immediate in the tests),
download the ZIP; others find no such page. And the operators' command."""

import io
import zipfile

import pytest
from django.contrib.messages import get_messages
from django.core.management import CommandError, call_command
from django.urls import reverse

from samverkan.directory.models import Body
from samverkan.earchive.models import ArchiveExport
from tests import factories

pytestmark = pytest.mark.django_db


def messages_of(response) -> list[tuple[str, str]]:
    return [(message.level_tag, message.message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def network(sample_archive):
    return Body.objects.get(abbreviation="LCHNV")


@pytest.fixture
def secretary(network):
    return factories.secretary_of(network, password="Hemligt-lösen-1")


def test_the_secretariat_exports_a_year_and_downloads_the_zip(client, network, secretary):
    client.force_login(secretary)
    page = client.get(reverse("earchive:body", args=[network.slug]), {"ar": "2021"}).content.decode()
    assert 'value="2021-01-01"' in page and 'value="2021-12-31"' in page
    assert '<a href="?ar=2021">2021</a>' in page

    response = client.post(reverse("earchive:body", args=[network.slug]),
                           {"start": "2021-01-01", "end": "2021-12-31"}, follow=True)

    assert messages_of(response) == [
        ("success", "E-arkivpaketet för 1 januari 2021–31 december 2021 är klart att ladda ner.")]
    export = ArchiveExport.objects.get()
    assert (export.state, export.meetings, export.documents, export.requested_by) == ("done", 2, 4, secretary)
    page = response.content.decode()
    assert "Ladda ner e-arkiv-lchnv-2021-01-01--2021-12-31.zip" in page and export.sha256 in page

    download = client.get(reverse("earchive:download", args=[network.slug, export.pk]))
    assert download["Content-Type"] == "application/zip"
    assert 'filename="e-arkiv-lchnv-2021-01-01--2021-12-31.zip"' in download["Content-Disposition"]
    content = b"".join(download.streaming_content)
    assert len(content) == export.size
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert "lchnv-2021-01-01--2021-12-31/METS.xml" in archive.namelist()


def test_a_reversed_period_is_refused_with_a_message(client, network, secretary):
    client.force_login(secretary)
    response = client.post(reverse("earchive:body", args=[network.slug]),
                           {"start": "2021-12-31", "end": "2021-01-01"})
    assert messages_of(response) == [
        ("error", "Periodens sista dag (1 januari 2021) är före dess första (31 december 2021).")]
    assert not ArchiveExport.objects.exists()


def test_others_find_no_export_page_nor_package(client, network, secretary, council):
    client.force_login(secretary)
    client.post(reverse("earchive:body", args=[network.slug]), {"start": "2021-01-01", "end": "2021-12-31"})
    export = ArchiveExport.objects.get()
    council_secretary = factories.secretary_of(council, username="radets-sekreterare")
    client.force_login(council_secretary)
    assert client.get(reverse("earchive:body", args=[network.slug])).status_code == 404
    assert client.get(reverse("earchive:download", args=[network.slug, export.pk])).status_code == 404
    assert client.get(reverse("earchive:download", args=[council.slug, export.pk])).status_code == 404
    client.force_login(factories.user("utomstaende"))
    assert client.get(reverse("earchive:index")).status_code == 404


def test_a_build_that_fails_says_so(client, network, secretary, monkeypatch):
    from samverkan.earchive import services

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "build_package", broken)
    client.force_login(secretary)
    response = client.post(reverse("earchive:body", args=[network.slug]),
                           {"start": "2021-01-01", "end": "2021-12-31"}, follow=True)
    assert messages_of(response) == [("error", "E-arkivpaketet för 1 januari 2021–31 december 2021 kunde inte "
                                                 "skapas: Paketet kunde inte skapas. Felet är loggat.")]
    assert ArchiveExport.objects.get().state == "failed"


def test_the_command_writes_the_package(network, tmp_path):
    out = io.StringIO()
    target = tmp_path / "lchnv-2021.zip"
    call_command("export_earchive", "--body", "lchnv", "--from", "2021-01-01", "--to", "2021-12-31", str(target),
                 stdout=out)
    assert out.getvalue().startswith(f"E-arkivpaketet är skrivet till {target}: 2 möten, 4 filer, ")
    with zipfile.ZipFile(target) as archive:
        assert sum(name.endswith("METS.xml") for name in archive.namelist()) == 2

    validated = io.StringIO()
    call_command("validate_earchive", str(target), stdout=validated)
    assert validated.getvalue().endswith("Struktur: WellFormed, schema: VALID, Schematron: VALID (SIP14 som E-ARK "
                                         "SIP 2.1 anger den). Fel: 0, varningar: 0.\n")
    with pytest.raises(CommandError, match="^Det finns inget organ med slug ”okand”.$"):
        call_command("export_earchive", "--body", "okand", "--from", "2021-01-01", "--to", "2021-12-31",
                     str(target))
    with pytest.raises(CommandError, match="^”2021-13-01” är inget datum"):
        call_command("export_earchive", "--body", "lchnv", "--from", "2021-13-01", "--to", "2021-12-31",
                     str(target))
