"""Year calendar proposals: holidays, months without meetings, alternating modes, conflicts, adoption."""

import datetime as dt

import pytest

from samverkan.calendar import services
from samverkan.calendar.models import CalendarPlan
from samverkan.calendar.planning import (
    busy_from_ics,
    propose_dates,
    series_dates,
)
from samverkan.core.errors import UserError
from samverkan.language.dates import swedish_day
from samverkan.meetings import services as meeting_services
from samverkan.meetings.models import Meeting

THURSDAY, FRIDAY = 3, 4
NINE, NOON = dt.time(9), dt.time(12)


def test_swedish_days():
    assert swedish_day(dt.date(2024, 9, 12), year=True) == "torsdag 12 september 2024"


def test_ascension_day_moves_the_meeting_a_week():
    result = propose_dates(2024, 24, THURSDAY, NINE, NOON)
    may = [p for p in result.proposals if p.date.month == 5]
    moved = next(p for p in may if p.preferred_date == dt.date(2024, 5, 9))
    assert moved.date == dt.date(2024, 5, 16)
    assert moved.reason == "Flyttad från torsdag 9 maj (Kristi himmelsfärdsdag) till torsdag 16 maj."
    assert all(p.date != dt.date(2024, 5, 9) for p in result.proposals)


def test_midsummer_eve_is_avoided_on_fridays():
    june = next(p for p in propose_dates(2024, 12, FRIDAY, NINE, NOON).proposals if p.date.month == 6)
    assert june.preferred_date == dt.date(2024, 6, 21) and june.date == dt.date(2024, 6, 28)
    assert june.reason == "Flyttad från fredag 21 juni (Midsommarafton) till fredag 28 juni."
    may = propose_dates(2024, 24, FRIDAY, NINE, NOON).proposals
    assert any("fredag 10 maj (klämdag efter kristi himmelsfärdsdag)" in p.reason for p in may)


def test_unmoved_dates_say_why_they_were_chosen():
    result = propose_dates(2024, 1, THURSDAY, NINE, excluded_months=range(1, 12))
    [only] = result.proposals
    assert only.date == dt.date(2024, 12, 19)
    assert only.reason == "Önskad veckodag: tredje torsdagen i december."


def test_no_meetings_in_excluded_months_and_count_is_kept():
    result = propose_dates(2024, 11, THURSDAY, NINE, NOON, excluded_months=[7])
    months = [p.date.month for p in result.proposals]
    assert len(months) == 11 and 7 not in months and len(set(months)) == 11


def test_on_site_and_digital_alternate():
    """Seed 000: in 2022 every other meeting on site, every other digital."""
    result = propose_dates(2022, 8, FRIDAY, dt.time(9, 30), dt.time(11), excluded_months=[7],
                           alternate_modes=True)
    modes = [p.mode for p in result.proposals]
    assert modes == ["on_site", "digital"] * 4
    assert "Digitalt (varannan gång på plats och digitalt)." in result.proposals[1].reason


def test_weekly_thursday_ics_is_expanded():
    busy = busy_from_ics(HJALPMEDEL, 2024)
    assert len(busy) == 52 and {b.day.weekday() for b in busy} == {THURSDAY}
    assert busy[0].label == "Hjälpmedelsnämnden" and busy[0].start == dt.time(9)
    assert busy_from_ics(HJALPMEDEL, 2025) == []


def test_exdate_and_moved_occurrences_in_ics():
    ics = HJALPMEDEL.replace("SUMMARY:Hjälpmedelsnämnden\n", "SUMMARY:Hjälpmedelsnämnden\n"
                             "EXDATE;TZID=Europe/Stockholm:20240111T090000\n")
    ics = ics.replace("END:VCALENDAR", "BEGIN:VEVENT\nUID:hjalpmedelsnamnden-2024@regiondalarna.example\n"
                      "DTSTAMP:20231101T080000Z\nRECURRENCE-ID;TZID=Europe/Stockholm:20240118T090000\n"
                      "DTSTART;TZID=Europe/Stockholm:20240119T130000\nDTEND;TZID=Europe/Stockholm:20240119T150000\n"
                      "SUMMARY:Hjälpmedelsnämnden (flyttad)\nEND:VEVENT\nEND:VCALENDAR")
    days = {b.day: b for b in busy_from_ics(ics, 2024)}
    assert dt.date(2024, 1, 11) not in days and dt.date(2024, 1, 18) not in days
    assert days[dt.date(2024, 1, 19)].start == dt.time(13)


def test_broken_ics_is_refused():
    with pytest.raises(UserError, match="inte en iCalendar-fil"):
        busy_from_ics("inte en kalender", 2024)


@pytest.mark.django_db
def test_thursdays_collide_with_hjalpmedelsnamnden(network, hjalpmedel_ics):
    """Seed 001, item 6: the proposed Thursdays collide with Hjälpmedelsnämnden's meetings."""
    services.import_external_calendar("Hjälpmedelsnämnden", hjalpmedel_ics.encode(), bodies=[network])
    plan = services.propose_calendar(network, 2024, 8, THURSDAY, NINE, NOON, excluded_months=[7])
    dates = list(plan.dates.all())
    assert len(dates) == 8 and all(d.date.weekday() != THURSDAY for d in dates)
    assert all("krockar med Hjälpmedelsnämnden" in d.reason for d in dates)
    assert plan.notes == ["Hjälpmedelsnämnden krockar med 48 av 48 torsdagar – överväg en annan veckodag."]
    afternoon = services.propose_calendar(network, 2024, 8, THURSDAY, dt.time(15), dt.time(16, 30),
                                          excluded_months=[7])
    assert all(d.date.weekday() == THURSDAY for d in afternoon.dates.all())  # 15.00 does not collide


@pytest.mark.django_db
def test_another_bodys_meeting_moves_the_date(network, council):
    meeting_services.plan_meeting(council, dt.date(2024, 3, 21), dt.time(10), dt.time(11))
    plan = services.propose_calendar(network, 2024, 11, THURSDAY, NINE, NOON, excluded_months=[7])
    march = plan.dates.get(date__month=3)
    assert march.preferred_date == dt.date(2024, 3, 21) and march.date != march.preferred_date
    assert "krockar med Välfärdsrådet" in march.reason


@pytest.mark.django_db
def test_the_weekly_status_meeting_is_a_conflict_for_friday_mornings(network):
    """Seed 001, item 5: weekly status meetings on Fridays at 8.00."""
    services.create_series(network, "Veckovis avstämningsmöte", FRIDAY, dt.time(8), dt.date(2023, 11, 10),
                           end_time=dt.time(9))
    days, skipped = series_dates(FRIDAY, dt.date(2023, 11, 10), None, dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert skipped == {dt.date(2024, 3, 29): "Långfredagen", dt.date(2024, 6, 21): "Midsommarafton"}
    assert len(days) == 50
    plan = services.propose_calendar(network, 2024, 4, FRIDAY, dt.time(8, 30), dt.time(10))
    assert all(d.date.weekday() != FRIDAY for d in plan.dates.all())
    later = services.propose_calendar(network, 2024, 4, FRIDAY, dt.time(9, 30), dt.time(11))
    assert all(d.date.weekday() == FRIDAY for d in later.dates.all())


@pytest.mark.django_db
def test_secretariat_adjusts_and_adopts_into_meetings(network, council):
    plan = services.propose_calendar(network, 2024, 4, THURSDAY, NINE, NOON, alternate_modes=True,
                                     location="Myntgatan 2, Falun", digital_location="Teams")
    first = plan.dates.order_by("date").first()
    meeting_services.plan_meeting(council, dt.date(2024, 2, 6), NINE, NOON)
    services.adjust_planned_date(first, dt.date(2024, 2, 6), NINE, NOON, "on_site", "Myntgatan 2, Falun")
    first.refresh_from_db()
    assert first.adjusted and first.reason.startswith("Ändrad av sekretariatet från torsdag")
    assert first.conflicts == ["krockar med Välfärdsrådet"]
    services.adjust_planned_date(first, dt.date(2024, 2, 7), NINE, NOON, "on_site", "Myntgatan 2, Falun")
    first.refresh_from_db()
    assert first.conflicts == []

    meetings = services.adopt_calendar(plan)
    plan.refresh_from_db()
    assert plan.status == CalendarPlan.Status.ADOPTED and len(meetings) == 4
    assert [m.mode for m in meetings] == ["on_site", "digital", "on_site", "digital"]
    assert meetings[0].date == dt.date(2024, 2, 7) and meetings[0].location == "Myntgatan 2, Falun"
    assert meetings[1].location == "Teams"
    assert meetings[0].items.filter(title="Godkännande av dagordning").exists()
    assert Meeting.objects.filter(body=network).count() == 4
    with pytest.raises(UserError, match="redan fastställt|är fastställt"):
        services.adopt_calendar(plan)
    with pytest.raises(UserError, match="redan fastställt"):
        services.propose_calendar(network, 2024, 4, THURSDAY, NINE)


from tests.calendar.conftest import HJALPMEDELSNAMNDEN_ICS as HJALPMEDEL  # noqa: E402
