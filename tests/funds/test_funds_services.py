"""Recording agreements, allocations and use: never more than is left, every change audited."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from samverkan.funds import selectors, services
from samverkan.funds.models import Agreement, Allocation, Distribution, Receipt

pytestmark = pytest.mark.django_db


def test_agreement_with_focus_areas(agreement):
    assert str(agreement) == "ÖK psykisk hälsa 2023"
    assert [(a.code, a.name) for a in agreement.focus_areas.order_by("name")] == [
        ("", "Brukarinflytande"), ("3.3", "Samsjuklighet"), ("", "Suicidprevention"), ("", "Ungdomsmottagningar")]
    with pytest.raises(services.FundsError, match="finns redan"):
        services.record_agreement(agreement.body, "ök psykisk hälsa", 2023)


def test_totals_allocations_and_over_allocation_refused(agreement, region, decision_meeting):
    services.record_receipt(agreement, 1_000_000, datetime.date(2023, 3, 1))
    _, item = decision_meeting
    first = services.allocate(agreement, 600_000, recipient_project="Bostad först", decision_item=item)
    assert first.decided_on == datetime.date(2023, 11, 9)  # the meeting's date
    with pytest.raises(services.FundsError, match="mer än vad som finns kvar"):
        services.allocate(agreement, 400_001, recipient_organization=region)
    services.allocate(agreement, 400_000, recipient_organization=region)
    with pytest.raises(services.FundsError, match="mer än vad som finns kvar"):
        services.allocate(agreement, 1, recipient_organization=region)
    totals = selectors.agreement_totals(agreement)
    assert (totals.granted, totals.allocated, totals.used, totals.left) == (1_000_000, 1_000_000, 0, 0)
    assert Allocation.objects.count() == 2


def test_amounts_are_whole_kronor_and_need_a_recipient(agreement, region):
    services.record_receipt(agreement, 100)
    for bad in (10.5, -1, 0, "100"):
        with pytest.raises(services.FundsError):
            services.allocate(agreement, bad, recipient_organization=region)
    with pytest.raises(services.FundsError, match="mottagare"):
        services.allocate(agreement, 10)


def test_use_and_return_of_unspent(agreement, region):
    services.record_receipt(agreement, 700_000)
    allocation = services.allocate(agreement, 350_000, recipient_organization=region)
    services.report_use(allocation, 100_000, description="Externt stöd")
    with pytest.raises(services.FundsError, match="mer än vad som finns kvar av anslaget"):
        services.report_use(allocation, 250_001)
    returned = services.return_unspent(allocation)
    assert returned.returned == 250_000 and returned.net_amount == 100_000
    totals = selectors.agreement_totals(agreement)
    assert (totals.allocated, totals.used, totals.left) == (100_000, 100_000, 600_000)
    with pytest.raises(services.FundsError, match="inget ej förbrukat"):
        services.return_unspent(allocation)


def test_distribution_cannot_exceed_what_is_left(agreement, region, municipalities, population):
    services.record_receipt(agreement, 1_000_000)
    with pytest.raises(services.FundsError, match="mer än vad som finns kvar"):
        services.distribute_leftover(agreement, 1_000_001, region=region,
                                     population_date=datetime.date(2023, 12, 31))
    assert not Distribution.objects.exists() and not Allocation.objects.exists()


def test_distribution_needs_population_for_every_municipality(agreement, region, municipalities, population):
    services.record_receipt(agreement, 1_000_000)
    with pytest.raises(services.FundsError, match="Folkmängd per 2022-12-31 saknas för: "):
        services.distribute_leftover(agreement, 1_000_000, region=region,
                                     population_date=datetime.date(2022, 12, 31))


def test_any_shares_and_region_only(agreement, region, municipalities, population):
    services.record_receipt(agreement, 1_000_002)
    thirds = services.distribute_leftover(agreement, 1_000_000, region=region, region_weight=1,
                                          municipalities_weight=2, population_date=datetime.date(2024, 12, 31))
    amounts = list(thirds.allocations.values_list("amount", flat=True))
    assert sum(amounts) == 1_000_000 and len(amounts) == 16
    assert thirds.allocations.get(recipient_organization=region).amount == 333_333  # 333 333,33…
    assert thirds.allocations.exclude(recipient_organization=region).count() == 15
    assert sum(amounts) - 333_333 == 666_667  # 666 666,67…: the larger remainder gets the krona
    half = services.distribute_leftover(agreement, 1, region=region, region_weight=1, municipalities_weight=1,
                                        population_date=datetime.date(2024, 12, 31))
    assert [a.recipient_organization for a in half.allocations.all()] == [region]  # equal: the region first
    rest = services.distribute_leftover(agreement, 1, region=region, region_weight=1, municipalities_weight=0)
    assert [a.amount for a in rest.allocations.all()] == [1]
    assert selectors.agreement_totals(agreement).left == 0


def test_every_change_is_in_the_audit_log(agreement, region):
    receipt = services.record_receipt(agreement, 500)
    allocation = services.allocate(agreement, 200, recipient_organization=region)
    services.report_use(allocation, 50)
    services.return_unspent(allocation)
    for model, pk in ((Agreement, agreement.pk), (Receipt, receipt.pk), (Allocation, allocation.pk)):
        entries = LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(model), object_pk=str(pk))
        assert entries.exists(), model
    changes = LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Allocation),
                                      action=LogEntry.Action.UPDATE).first()
    assert "returned" in changes.changes_dict
