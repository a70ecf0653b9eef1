"""A body's open matters: what waits for preparation ("Styrgruppen återkommer"), what was
tabled, what was forwarded and to whom."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from samverkan.matters import selectors, services
from samverkan.meetings import services as meeting_services
from samverkan.meetings.models import AgendaItem, Clause

pytestmark = pytest.mark.django_db
NOV_2023 = datetime.date(2023, 11, 9)


def titles(waiting):
    return [w.item.title for w in waiting]


def test_lchnv_overview_from_the_archive(lchnv, secretary):
    overview = selectors.body_overview(lchnv, secretary)
    preparation = titles(overview.preparation)
    assert "Kalendarium för Länschefsnätverket 2024" in preparation  # Styrgruppen återkommer
    assert "Uppdrag om fortsatt arbete och implementering av digitala hjälpmedel i samverkan" in preparation
    assert "Rapporter från pågående uppdrag beslutade i Länschefsnätverket" in preparation  # 004 p 10
    assert titles(overview.tabled) == ["Val av ordförande och vice ordförande i Länschefsnätverket 2024"]
    forwarded = {w.item.title[:45]: w.to for w in overview.forwarded}
    assert forwarded["Godkännande av utvärderingsuppdrag av tillnyk"].startswith("Välfärdsrådets")


def test_forwarded_to_a_body(lchnv, valfardsradet, secretary, item_at):
    item = item_at(lchnv, NOV_2023, "9")
    item.outcome, item.forwarded_to = AgendaItem.Outcome.FORWARDED, valfardsradet
    item.save()
    waiting = next(w for w in selectors.body_overview(lchnv, secretary).forwarded if w.item == item)
    assert waiting.to == "Välfärdsrådet"


def test_carried_over_and_moved_on_items_wait_no_more(lchnv, secretary, item_at):
    later = meeting_services.plan_meeting(lchnv, timezone.localdate() + datetime.timedelta(days=30))
    tabled = item_at(lchnv, NOV_2023, "7")
    meeting_services.carry_over(later, tabled)
    calendar = item_at(lchnv, NOV_2023, "6")
    matter = services.open_matter("Kalendarium 2024", items=[calendar])
    assert calendar in [w.item for w in selectors.body_overview(lchnv, secretary).preparation]
    new_item = meeting_services.add_item(later, "Kalendarium för Länschefsnätverket 2024, nytt förslag")
    services.link_item(matter, new_item)

    overview = selectors.body_overview(lchnv, secretary)
    assert tabled not in [w.item for w in overview.tabled]
    assert calendar not in [w.item for w in overview.preparation]
    assert matter in overview.matters
    matter.refresh_from_db()
    assert matter.status == "on_agenda"  # the new item is on a coming agenda


def test_the_public_sees_only_published_meetings(lchnv, secretary):
    draft = meeting_services.plan_meeting(lchnv, datetime.date(2030, 1, 15))
    item = meeting_services.add_item(draft, "Hemligt utkast")
    Clause.objects.create(item=item, kind=Clause.Kind.DECISION, text="att Styrgruppen återkommer med förslag.")
    item.outcome = AgendaItem.Outcome.DECIDED
    item.save()
    assert item in [w.item for w in selectors.body_overview(lchnv, secretary).preparation]
    assert item not in [w.item for w in selectors.body_overview(lchnv, AnonymousUser()).preparation]


def test_assignments_reporting_to_the_body(lchnv, styrgruppen, secretary, item_at):
    item = item_at(lchnv, datetime.date(2020, 9, 25), "10")
    assignment = services.create_assignment(
        "Bereda en gemensam vägledning avseende familjecentraler", owner=styrgruppen, item=item,
        clause=item.clauses.get(text__contains="vägledning"), reports_to=lchnv)
    assert selectors.body_overview(lchnv, secretary).reporting == [assignment]
