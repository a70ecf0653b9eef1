"""The pages: the secretariat records, members read, everyone else sees nothing (404)."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from samverkan.funds import services
from samverkan.funds.models import Agreement, Allocation, Distribution, PopulationFigure

pytestmark = pytest.mark.django_db


@pytest.fixture
def recorded(agreement, region, municipalities, population):
    services.record_receipt(agreement, 4_000_000)
    allocation = services.allocate(agreement, 1_000_000, recipient_project="Bostad först")
    distribution = services.distribute_leftover(agreement, 3_000_000, region=region,
                                                population_date=datetime.date(2023, 12, 31))
    return agreement, allocation, distribution


def read_routes(agreement, allocation, distribution, falun):
    return [
        reverse("funds:overview"),
        reverse("funds:agreement", args=[agreement.pk]),
        reverse("funds:distribution", args=[distribution.pk]),
        reverse("funds:distribution_xlsx", args=[distribution.pk]),
        reverse("funds:distribution_csv", args=[distribution.pk]),
        reverse("funds:invoice_pdf", args=[distribution.pk, falun.pk]),
        reverse("funds:invoice_csv", args=[distribution.pk, falun.pk]),
        reverse("funds:population"),
        reverse("funds:population_date", args=["2023-12-31"]),
    ]


def edit_routes(agreement, allocation):
    return [
        reverse("funds:agreement_new"),
        reverse("funds:focus_area_add", args=[agreement.pk]),
        reverse("funds:receipt_add", args=[agreement.pk]),
        reverse("funds:allocation_add", args=[agreement.pk]),
        reverse("funds:distribute", args=[agreement.pk]),
        reverse("funds:use_add", args=[allocation.pk]),
        reverse("funds:unspent_return", args=[allocation.pk]),
    ]


def test_access_by_role(client, recorded, secretary, member_user, outsider, other_secretary, municipalities):
    agreement, allocation, distribution = recorded
    falun = next(m for m in municipalities if m.code == "2080")
    reads, edits = read_routes(agreement, allocation, distribution, falun), edit_routes(agreement, allocation)
    client.force_login(secretary)
    for url in reads + edits:
        assert client.get(url).status_code == 200, url
    client.force_login(member_user)
    for url in reads:
        assert client.get(url).status_code == 200, url
    for url in edits:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"amount": "1"}).status_code == 404, url
    client.force_login(other_secretary)  # keeps another body's meetings: sees nothing of this one
    for url in reads[1:7] + edits[1:]:
        assert client.get(url).status_code == 404, url
    client.force_login(outsider)
    for url in reads + edits:
        assert client.get(url).status_code == 404, url
    client.logout()
    for url in reads + edits:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"amount": "1"}).status_code == 404, url


def test_member_reads_without_edit_links_and_nav_shows_funds(client, recorded, member_user, outsider):
    agreement, _, _distribution = recorded
    client.force_login(member_user)
    page = client.get(reverse("funds:agreement", args=[agreement.pk])).content.decode()
    assert "Nytt anslag" not in page and "Fördela kvarvarande medel" not in page
    assert "4\u00a0000\u00a0000\u00a0kr" in page
    assert f'href="{reverse("funds:overview")}"' in client.get(reverse("web:home")).content.decode()
    client.force_login(outsider)
    assert f'href="{reverse("funds:overview")}"' not in client.get(reverse("web:home")).content.decode()


def test_overview_has_totals_and_an_accessible_chart(client, recorded, secretary):
    client.force_login(secretary)
    page = client.get(reverse("funds:overview")).content.decode()
    assert "ÖK psykisk hälsa" in page and "<table" in page and 'class="bars"' in page
    for amount in ("4\u00a0000\u00a0000\u00a0kr", "0\u00a0kr"):
        assert amount in page
    assert 'aria-hidden="true"' in page  # the bars repeat the table's numbers


def test_secretariat_records_end_to_end_through_the_pages(client, body, secretary, region, municipalities,
                                                         population):
    client.force_login(secretary)
    response = client.post(reverse("funds:agreement_new"), {
        "body": body.pk, "name": "ÖK psykisk hälsa", "year": 2023,
        "focus_areas": "Brukarinflytande\n3.3 Samsjuklighet"})
    agreement = Agreement.objects.get()
    assert response.status_code == 302 and agreement.focus_areas.count() == 2
    client.post(reverse("funds:receipt_add", args=[agreement.pk]), {"amount": "4 000 000 kr"})
    response = client.post(reverse("funds:allocation_add", args=[agreement.pk]),
                           {"amount": "5 000 000", "recipient_project": "För mycket"})
    assert "mer än vad som finns kvar" in response.content.decode()
    response = client.post(reverse("funds:allocation_add", args=[agreement.pk]),
                           {"amount": "4 000 000", "recipient_project": "Samsjuklighet, gemensamma satsningar"})
    allocation = Allocation.objects.get()
    assert response.status_code == 302
    client.post(reverse("funds:unspent_return", args=[allocation.pk]), {"amount": ""})
    form = {"total": "4 000 000", "region": region.pk, "region_weight": 50, "municipalities_weight": 50,
            "population_date": "2023-12-31", "municipalities": [m.pk for m in municipalities],
            "decision_reference": "Länschefsnätverket 2023-11-09, punkt 9", "decided_on": "2023-11-09"}
    preview = client.post(reverse("funds:distribute", args=[agreement.pk]), {**form, "action": "preview"})
    page = preview.content.decode()
    assert "Förhandsgranskning" in page and "2\u00a0000\u00a0000\u00a0kr" in page and "Falun" in page
    assert not Distribution.objects.exists()
    too_much = client.post(reverse("funds:distribute", args=[agreement.pk]),
                           {**form, "total": "4 000 001", "action": "preview"})
    assert "mer än vad som finns kvar" in too_much.content.decode()
    saved = client.post(reverse("funds:distribute", args=[agreement.pk]), {**form, "action": "save"})
    distribution = Distribution.objects.get()
    assert saved.status_code == 302 and saved["Location"] == distribution.get_absolute_url()
    page = client.get(distribution.get_absolute_url()).content.decode()
    assert "att överskjutande medel enligt ÖK psykisk hälsa 2023" in page
    xlsx = client.get(reverse("funds:distribution_xlsx", args=[distribution.pk]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sum(1 for row in sheet.iter_rows(values_only=True) if row[1] == "Kommun") == 15
    zipped = client.get(reverse("funds:invoices_zip", args=[distribution.pk]))
    import zipfile
    names = zipfile.ZipFile(io.BytesIO(zipped.content)).namelist()
    assert len(names) == 30 and sum(name.endswith(".pdf") for name in names) == 15


def test_population_upload(client, secretary, member_user):
    client.force_login(member_user)
    assert client.get(reverse("funds:population")).status_code == 200
    assert "Importera" not in client.get(reverse("funds:population")).content.decode()
    client.force_login(secretary)
    upload = io.BytesIO('"Folkmängd efter region och år"\n\n"region";"2023"\n"2080 Falun";59986\n'.encode("cp1252"))
    upload.name = "BE0101N1.csv"
    response = client.post(reverse("funds:population_import"), {"file": upload}, follow=True)
    assert "1 nya" in response.content.decode()
    assert PopulationFigure.objects.get().source == (
        "Befolkning enligt SCB, 31 december 2023 (tabellen ”Folkmängd efter region och år”)")
    bad = io.BytesIO(b'"region";"2023"\n"2080 Falun";x\n')
    bad.name = "fel.csv"
    response = client.post(reverse("funds:population_import"), {"file": bad})
    assert response.status_code == 400 and "fel.csv, rad 2" in response.content.decode()
