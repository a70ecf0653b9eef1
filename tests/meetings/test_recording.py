"""Recording attendance, decisions and outcomes; publishing the minutes."""

import pytest

from samverkan.core.errors import UserError
from samverkan.meetings import recording, services
from samverkan.meetings.models import AgendaItem, Meeting

pytestmark = pytest.mark.django_db


def test_attendance_records_who_was_there_with_acting_and_substitutes(meeting, members):
    maria, asa, tomas = members
    from samverkan.directory.models import Person

    substitute = Person.objects.create(name="Arne Holmström", organization=maria.organization)
    recording.record_attendance(meeting, [
        recording.Presence(asa, acting=True),
        recording.Presence(substitute, maria.organization, substitute_for=maria),
    ], meeting.lock_version)
    attendances = {a.person: a for a in meeting.attendances.all()}
    assert attendances[asa].acting and attendances[asa].title == "Hälso- och sjukvårdsdirektör"
    assert attendances[substitute].substitute_for == maria
    assert tomas not in attendances
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.RECORDED


def test_recording_attendance_again_replaces_the_list(meeting, members):
    recording.record_attendance(meeting, [recording.Presence(p) for p in members], None)
    recording.record_attendance(meeting, [recording.Presence(members[0])], None)
    assert [a.person for a in meeting.attendances.all()] == [members[0]]


def test_proposals_become_decisions_unchanged(meeting):
    item = recording.adopt_proposals(meeting.items.get(number="2"))
    assert [c.text for c in item.decisions] == ["att godkänna dagordningen."]
    assert item.outcome == AgendaItem.Outcome.DECIDED


def test_decisions_can_be_edited_and_forwarded(meeting, other_body):
    item = services.add_item(meeting, "Tillnyktringsplatser", AgendaItem.Type.DECISION)
    recording.record_item(item, item.lock_version, minutes_text="Diskussion om avtalet.",
                          decisions=["att godkänna utvärderingen.", "att beslutet skickas vidare för Välfärdsrådets ställningstagande."],
                          outcome=AgendaItem.Outcome.FORWARDED, forwarded_to=other_body)
    item.refresh_from_db()
    assert item.forwarded_to == other_body
    assert len(item.decisions) == 2


def test_forwarding_needs_a_body(meeting):
    with pytest.raises(UserError, match="överlämnas till"):
        recording.record_item(meeting.items.get(number="4"), None, minutes_text="", decisions=[],
                              outcome=AgendaItem.Outcome.FORWARDED)
