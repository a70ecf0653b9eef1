"""An item forwarded to another body reaches that body: its inbox, its agenda, its secretariat's e-mail."""

import datetime

import pytest
from django.core import mail

from samverkan.core.errors import UserError
from samverkan.meetings import forwarding, publishing, recording, services
from samverkan.meetings.models import AgendaItem, Clause, Forwarding
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def after_the_meetings(time_machine):
    """Spring 2027: the meetings of these tests have been held, so their minutes may be published."""
    time_machine.move_to(datetime.datetime(2027, 3, 1, 12, 0, tzinfo=datetime.UTC))

TITLE = "Gemensam rutin för hemsjukvård"
PROPOSAL = "att anta den gemensamma rutinen."
DECISION = "att överlämna ärendet till Välfärdsrådet för beslut."


@pytest.fixture
def forwarded_item(meeting):
    item = services.add_item(meeting, TITLE, AgendaItem.Type.DECISION, "Rutinen är remitterad till kommunerna.",
                             [PROPOSAL])
    item.refresh_from_db()
    return item


@pytest.fixture
def council_secretaries(other_body):
    return [factories.secretary_of(other_body, username="radssekreterare", email="rad@region.example"),
            factories.secretary_of(other_body, username="radssekreterare2", email="rad2@region.example")]


def forward(item, to_body):
    return recording.record_item(item, None, minutes_text="", decisions=[DECISION],
                                 outcome=AgendaItem.Outcome.FORWARDED, forwarded_to=to_body)


def test_recording_the_outcome_forwarded_makes_a_forwarding(forwarded_item, other_body):
    forward(forwarded_item, other_body)
    made = Forwarding.objects.get()
    assert (made.item, made.to_body, made.received_into, made.received_at, made.dismissed_at) == (
        forwarded_item, other_body, None, None, None)
    assert made.forwarded_at is not None


def test_changing_the_outcome_before_publication_removes_the_forwarding(forwarded_item, other_body):
    forward(forwarded_item, other_body)
    recording.record_item(forwarded_item, None, minutes_text="", decisions=[PROPOSAL],
                          outcome=AgendaItem.Outcome.DECIDED)
    assert not Forwarding.objects.exists()
    forward(forwarded_item, other_body)
    recording.adopt_proposals(forwarded_item)
    assert not Forwarding.objects.exists()


def test_changing_the_target_body_moves_the_forwarding(forwarded_item, other_body):
    forward(forwarded_item, other_body)
    steering = factories.steering_group()
    forward(forwarded_item, steering)
    assert [f.to_body for f in Forwarding.objects.all()] == [steering]


def test_the_inbox_shows_the_item_only_once_the_minutes_are_published(meeting, forwarded_item, other_body):
    forward(forwarded_item, other_body)
    assert list(forwarding.incoming(other_body)) == []
    assert forwarding.incoming_counts([other_body]) == {}
    publishing.publish_minutes(meeting, publish_unrecorded=True)
    assert [f.item for f in forwarding.incoming(other_body)] == [forwarded_item]
    assert forwarding.incoming_counts([other_body]) == {other_body.pk: 1}
    assert list(forwarding.incoming(meeting.body)) == []


def test_an_unpublished_forwarding_cannot_be_taken_up(forwarded_item, other_body):
    forward(forwarded_item, other_body)
    council_meeting = services.plan_meeting(other_body, datetime.date(2027, 1, 20))
    with pytest.raises(UserError) as error:
        forwarding.receive_forwarding(Forwarding.objects.get(), council_meeting)
    assert error.value.message == (f"”{TITLE}” kan tas upp först när minnesanteckningarna från "
                                   "Länschefsnätverket 10 december 2026 är publicerade.")
    assert error.value.code == "not_published"


def test_taking_up_a_forwarding_adds_the_item_with_its_history_and_proposal(meeting, forwarded_item, other_body):
    forward(forwarded_item, other_body)
    publishing.publish_minutes(meeting, publish_unrecorded=True)
    council_meeting = services.plan_meeting(other_body, datetime.date(2027, 1, 20))

    item = forwarding.receive_forwarding(Forwarding.objects.get(), council_meeting)

    assert (item.meeting, item.number, item.title, item.type) == (
        council_meeting, "5", TITLE, AgendaItem.Type.DECISION)
    assert item.agenda_text == (
        f"Överlämnat från Länschefsnätverket 10 december 2026, punkt {forwarded_item.number}.\n"
        f"Beslut: {DECISION}\n\nRutinen är remitterad till kommunerna.")
    assert list(item.clauses.values_list("kind", "text")) == [(Clause.Kind.PROPOSAL, PROPOSAL)]
    assert list(council_meeting.items.order_by("position").values_list("title", flat=True))[-2:] == [
        TITLE, "Övriga frågor"]
    received = Forwarding.objects.get()
    assert received.received_into == item and received.received_at is not None
    assert list(forwarding.incoming(other_body)) == []
    assert forwarding.incoming_counts([other_body]) == {}


def test_a_forwarding_is_taken_up_once_and_only_by_its_body(meeting, forwarded_item, other_body):
    forward(forwarded_item, other_body)
    publishing.publish_minutes(meeting, publish_unrecorded=True)
    later = services.plan_meeting(meeting.body, datetime.date(2027, 2, 3))
    with pytest.raises(UserError) as wrong:
        forwarding.receive_forwarding(Forwarding.objects.get(), later)
    assert wrong.value.message == (f"”{TITLE}” är överlämnad till Välfärdsrådet, inte till Länschefsnätverket.")
    council_meeting = services.plan_meeting(other_body, datetime.date(2027, 1, 20))
    forwarding.receive_forwarding(Forwarding.objects.get(), council_meeting)
    with pytest.raises(UserError) as twice:
        forwarding.receive_forwarding(Forwarding.objects.get(), council_meeting)
    assert twice.value.message == f"”{TITLE}” är redan tagen upp på dagordningen för Välfärdsrådet 20 januari 2027."
    assert twice.value.code == "already_received"


def test_a_taken_up_forwarding_stays_when_the_outcome_is_changed_later(meeting, forwarded_item, other_body):
    forward(forwarded_item, other_body)
    publishing.publish_minutes(meeting, publish_unrecorded=True)
    council_meeting = services.plan_meeting(other_body, datetime.date(2027, 1, 20))
    item = forwarding.receive_forwarding(Forwarding.objects.get(), council_meeting)
    recording.adopt_proposals(forwarded_item)
    assert Forwarding.objects.get().received_into == item


def test_a_dismissed_forwarding_leaves_the_inbox_with_its_reason(meeting, forwarded_item, other_body,
                                                                council_secretaries):
    forward(forwarded_item, other_body)
    publishing.publish_minutes(meeting, publish_unrecorded=True)
    waiting = Forwarding.objects.get()
    with pytest.raises(UserError) as no_reason:
        forwarding.dismiss_forwarding(waiting, "  ")
    assert no_reason.value.message == f"Skriv varför ”{TITLE}” avvisas."

    forwarding.dismiss_forwarding(waiting, "Hör till Styrgruppen.", acting_user=council_secretaries[0])

    dismissed = Forwarding.objects.get()
    assert (dismissed.dismissal_reason, dismissed.dismissed_by) == ("Hör till Styrgruppen.", council_secretaries[0])
    assert list(forwarding.incoming(other_body)) == []
    assert list(forwarding.handled(other_body)) == [dismissed]
    council_meeting = services.plan_meeting(other_body, datetime.date(2027, 1, 20))
    with pytest.raises(UserError) as error:
        forwarding.receive_forwarding(dismissed, council_meeting)
    assert error.value.message == f"”{TITLE}” är avvisad och kan inte tas upp."


def test_publishing_tells_the_receiving_secretariat_once(meeting, forwarded_item, other_body, council_secretaries,
                                                          settings):
    settings.SAMVERKAN_SITE_URL = "https://samverkan.example"
    forward(forwarded_item, other_body)
    assert mail.outbox == []

    publishing.publish_minutes(meeting, publish_unrecorded=True)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["rad2@region.example", "rad@region.example"]
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert message.subject == f"Överlämnat ärende från Länschefsnätverket: {TITLE}"
    assert message.body == (
        "Hej!\n"
        "\n"
        f"Länsnätverket för förvaltningschefer överlämnade 10 december 2026 ärendet ”{TITLE}” till Välfärdsrådet.\n"
        "\n"
        "Beslut:\n"
        f"{DECISION}\n"
        "\n"
        "Ärendet väntar bland inkommande ärenden och kan läggas till på dagordningen för ett kommande möte: "
        f"https://samverkan.example/sekretariat/inkommande/{other_body.pk}/\n"
        "\n"
        "Det här är ett automatiskt meddelande från Samverkan."
    )
    item = meeting.items.get(number="2")
    recording.adopt_proposals(item)
    publishing.publish_minutes(meeting, note="Punkt 2 beslutad.", publish_unrecorded=True)
    assert len(mail.outbox) == 1


def test_a_failing_mail_server_does_not_stop_the_publication(meeting, forwarded_item, other_body,
                                                              council_secretaries, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("connection refused")

    monkeypatch.setattr(forwarding, "send_mail", refuse)
    forward(forwarded_item, other_body)
    publishing.publish_minutes(meeting, publish_unrecorded=True)
    meeting.refresh_from_db()
    assert meeting.published_at is not None
    assert Forwarding.objects.get().notified_at is None
    assert [f.item for f in forwarding.incoming(other_body)] == [forwarded_item]


def test_a_body_without_secretaries_gets_no_e_mail_but_the_inbox_shows_it(meeting, forwarded_item, other_body):
    forward(forwarded_item, other_body)
    publishing.publish_minutes(meeting, publish_unrecorded=True)
    assert mail.outbox == []
    assert [f.item for f in forwarding.incoming(other_body)] == [forwarded_item]


# --- The pages -----------------------------------------------------------------------------------


@pytest.fixture
def published_forwarding(meeting, forwarded_item, other_body):
    forward(forwarded_item, other_body)
    publishing.publish_minutes(meeting, publish_unrecorded=True)
    return Forwarding.objects.get()


@pytest.fixture
def both_secretary(body, other_body):
    return factories.secretary_of(body, other_body, username="bada", password="Hemligt-lösen-9")


def test_the_dashboard_links_each_inbox_with_its_count(client, both_secretary, published_forwarding, other_body,
                                                       body):
    client.force_login(both_secretary)
    page = client.get("/sekretariat/").content.decode()
    assert (f'<a href="/sekretariat/inkommande/{other_body.pk}/">Inkommande ärenden till Välfärdsrådet (1)</a>'
            in page)
    assert f'<a href="/sekretariat/inkommande/{body.pk}/">Inkommande ärenden till Länschefsnätverket (0)</a>' in page


def test_the_inbox_is_only_for_the_receiving_secretariat(client, secretary, both_secretary, published_forwarding,
                                                         other_body):
    client.force_login(secretary)  # keeps the forwarding body's meetings only
    assert client.get(f"/sekretariat/inkommande/{other_body.pk}/").status_code == 404
    response = client.post(f"/sekretariat/inkommande/arenden/{published_forwarding.pk}/avvisa/",
                           {"reason": "Nej."})
    assert response.status_code == 404
    client.force_login(both_secretary)
    page = client.get(f"/sekretariat/inkommande/{other_body.pk}/").content.decode()
    assert TITLE in page and DECISION in page


def test_dismissing_from_the_inbox(client, both_secretary, published_forwarding, other_body):
    client.force_login(both_secretary)
    response = client.post(f"/sekretariat/inkommande/arenden/{published_forwarding.pk}/avvisa/",
                           {"reason": "Hör till Styrgruppen."}, follow=True)
    page = response.content.decode()
    assert f"”{TITLE}” är avvisad." in page
    assert "Inga överlämnade ärenden väntar." in page
    assert "avvisad" in page and "Hör till Styrgruppen." in page


def test_the_agenda_offers_and_takes_up_the_forwarded_item(client, both_secretary, published_forwarding,
                                                           other_body):
    council_meeting = services.plan_meeting(other_body, datetime.date(2027, 1, 20))
    client.force_login(both_secretary)
    page = client.get(f"/sekretariat/moten/{council_meeting.pk}/").content.decode()
    assert "Överlämnade ärenden att ta upp" in page
    assert "Överlämnat av Länschefsnätverket vid mötet" in page
    response = client.post(f"/sekretariat/moten/{council_meeting.pk}/punkter/overlamnad/",
                           {"forwarding": published_forwarding.pk}, follow=True)
    page = response.content.decode()
    assert f"”{TITLE}” från Länschefsnätverket är punkt 5." in page
    assert "Överlämnade ärenden att ta upp" not in page
    assert council_meeting.items.filter(title=TITLE).exists()
