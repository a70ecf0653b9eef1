"""The follow-through's actions: marking a decision, the signed link, answers, and reminders to the silent."""

import datetime

import pytest
from django.core import mail, signing
from django.utils import timezone

from samverkan.core.errors import UserError
from samverkan.directory.models import Membership
from samverkan.followup import services
from samverkan.followup.models import Answer, Mailing, Recommendation
from samverkan.followup.selectors import chain
from samverkan.matters.models import Matter
from samverkan.meetings import services as meetings
from samverkan.meetings.models import AgendaItem, Clause
from tests import factories

pytestmark = pytest.mark.django_db

DECIDED = datetime.date(2021, 2, 19)
MUNICIPALITIES = ["Avesta", "Borlänge", "Falun", "Gagnef", "Hedemora", "Leksand", "Ludvika", "Malung-Sälen",
                  "Mora", "Orsa", "Rättvik", "Smedjebacken", "Säter", "Vansbro", "Älvdalen"]
TITLE = "Godkännande av reviderad länsövergripande överenskommelse om samverkan rörande personer som missbrukar"


@pytest.fixture
def network(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    body = factories.network()
    for name in MUNICIPALITIES:
        factories.member(body, f"Chef i {name}", factories.municipality(name),
                         email=f"chef@{name.lower()}.example")
    factories.member(body, "Tanja Mårtensson", factories.region(), email="tanja@region.example")
    other = factories.Organization.objects.create(name="RSS Dalarna")
    factories.member(body, "Stefan Nielsen", other, email="stefan@rss.example")
    return body


@pytest.fixture
def secretary(network):
    return factories.secretary_of(network, email="sara@region.example")


@pytest.fixture
def item(network):
    meeting = meetings.plan_meeting(network, DECIDED, location="Teams")
    decision = meetings.add_item(meeting, TITLE, AgendaItem.Type.DECISION, "", [])
    Clause.objects.create(item=decision, kind=Clause.Kind.DECISION, text="att godkänna överenskommelsen.")
    Clause.objects.create(item=decision, kind=Clause.Kind.DECISION, position=1,
                          text="att beslutet skickas vidare för Välfärdsrådets beslut om rekommendation.")
    return decision


def mark(item, secretary, **fields):
    fields.setdefault("answer_by", datetime.date(2021, 6, 30))
    return services.mark_recommendation(item=item, acting_user=secretary, **fields)


def test_a_decision_goes_by_default_to_the_municipalities_and_the_region_of_the_members(item, secretary):
    recommendation = mark(item, secretary, kind=Recommendation.Kind.AGREEMENT)

    names = list(recommendation.answers.values_list("organization__name", flat=True))
    assert names == sorted(MUNICIPALITIES) + ["Region Dalarna"]
    assert set(recommendation.answers.values_list("status", flat=True)) == {Answer.Status.WAITING}
    assert recommendation.decided_on == DECIDED and recommendation.body == item.meeting.body
    assert recommendation.decision_text.splitlines()[0] == "att godkänna överenskommelsen."
    matter = Matter.objects.get()
    assert (recommendation.matter, matter.title, matter.body) == (matter, TITLE, item.meeting.body)
    assert list(matter.items.all()) == [item]


def test_a_due_date_before_the_decision_is_refused(item, secretary):
    with pytest.raises(UserError) as refused:
        mark(item, secretary, answer_by=datetime.date(2021, 2, 18))
    assert refused.value.message == "Svarsdatumet kan inte vara före beslutet (19 februari 2021)."
    assert not Recommendation.objects.exists()


def test_no_organisation_and_a_second_marking_are_refused(item, secretary):
    with pytest.raises(UserError) as refused:
        mark(item, secretary, organizations=[])
    assert refused.value.message == "Välj minst en organisation som ska ta ställning."
    mark(item, secretary)
    with pytest.raises(UserError) as again:
        mark(item, secretary)
    assert again.value.message == "Beslutet i punkt 5 följs redan upp hos medlemmarna."


def test_only_the_bodys_secretariat_marks_its_decision(item, network):
    other = factories.secretary_of(factories.council(), username="radet")
    with pytest.raises(UserError) as refused:
        mark(item, other)
    assert refused.value.message == "Bara sekretariatet för Länschefsnätverket kan följa upp beslutet."


def test_the_request_and_a_reminder_go_only_to_those_who_have_not_answered(item, secretary):
    recommendation = mark(item, secretary)
    request = services.send_to_organizations(recommendation, site_url="https://samverkan.example",
                                             acting_user=secretary)
    assert request.kind == Mailing.Kind.REQUEST and request.organization_count == 16
    assert len(mail.outbox) == 16
    borlange = next(m for m in mail.outbox if m.to == ["chef@borlänge.example"])
    assert borlange.subject == f"Rekommendation från Länschefsnätverket: {TITLE}"
    assert "Borlänge ombeds ta ställning i sitt eget organ och lämna besked senast 30 juni 2021" in borlange.body
    link = next(line for line in borlange.body.splitlines() if line.startswith("https://samverkan.example/"))
    token = link.rstrip("/").rsplit("/", 1)[1]

    services.answer_through_link(token, status=Answer.Status.ADOPTED, decided_on=datetime.date(2021, 4, 20),
                                 deciding_body="Socialnämnden, Borlänge", registry_number="SN 2021/123")
    for name, status in [("Falun", Answer.Status.ADOPTED_WITH_CHANGES), ("Mora", Answer.Status.ADOPTED)]:
        answer = recommendation.answers.get(organization__name=name)
        services.record_answer(answer, status=status, decided_on=datetime.date(2021, 5, 3), acting_user=secretary)

    mail.outbox.clear()
    reminder = services.send_to_organizations(recommendation, site_url="https://samverkan.example",
                                              acting_user=secretary)
    assert reminder.kind == Mailing.Kind.REMINDER and reminder.organization_count == 13
    assert {entry["organization"] for entry in reminder.recipients}.isdisjoint({"Borlänge", "Falun", "Mora"})
    assert len(mail.outbox) == 13
    assert all(m.subject.startswith("Påminnelse: ") for m in mail.outbox)
    assert not {"chef@borlänge.example", "chef@falun.example", "chef@mora.example"} & {
        address for m in mail.outbox for address in m.to}

    found = chain(recommendation, secretary)
    assert (found.adopted, found.required, found.waiting) == (3, 16, 13)
    answer = recommendation.answers.get(organization__name="Borlänge")
    assert (answer.answered_via, answer.deciding_body, answer.registry_number) == (
        Answer.Via.LINK, "Socialnämnden, Borlänge", "SN 2021/123")


def test_an_organisation_without_an_address_is_recorded_as_not_reached(item, secretary, network):
    recommendation = mark(item, secretary)
    Membership.objects.filter(person__name="Chef i Orsa").update(end_date=timezone.localdate() - datetime.timedelta(1))
    mailing = services.send_to_organizations(recommendation, site_url="https://s.example", acting_user=secretary)
    [orsa] = [entry for entry in mailing.recipients if entry["organization"] == "Orsa"]
    assert (orsa["status"], orsa["emails"]) == ("no_address", [])
    assert len(mail.outbox) == 15


def test_no_reminder_when_everyone_has_answered(item, secretary):
    borlange = factories.municipality("Borlänge")
    recommendation = mark(item, secretary, organizations=[borlange])
    services.record_answer(recommendation.answers.get(), status=Answer.Status.NOT_APPLICABLE, acting_user=secretary)
    with pytest.raises(UserError) as refused:
        services.send_to_organizations(recommendation, site_url="https://s.example", acting_user=secretary)
    assert refused.value.message == "Alla tillfrågade organisationer har svarat. Ingen påminnelse skickas."


def test_an_expired_link_is_refused(item, secretary, settings):
    recommendation = mark(item, secretary)
    token = services.answer_token(recommendation.answers.get(organization__name="Borlänge"))
    settings.SAMVERKAN_ANSWER_LINK_DAYS = 0
    with pytest.raises(UserError) as refused:
        services.answer_through_link(token, status=Answer.Status.ADOPTED, decided_on=datetime.date(2021, 4, 20))
    assert refused.value.message == "Länken har gått ut. Be sekretariatet om en ny länk."
    assert refused.value.code == "expired"


def test_a_damaged_link_is_refused(item, secretary):
    recommendation = mark(item, secretary)
    token = services.answer_token(recommendation.answers.get(organization__name="Borlänge"))
    for damaged in (token[:-2], "inte-en-länk", signing.dumps({"r": recommendation.pk, "o": 1})):
        with pytest.raises(UserError) as refused:
            services.answer_through_link(damaged, status=Answer.Status.ADOPTED, decided_on=datetime.date(2021, 4, 20))
        assert refused.value.message == ("Länken är inte giltig. Kontrollera att hela adressen från "
                                         "e-postmeddelandet kom med.")
    assert not recommendation.answers.exclude(status=Answer.Status.WAITING).exists()


def test_answering_for_an_organisation_not_asked_is_refused(item, secretary):
    borlange, falun = factories.municipality("Borlänge"), factories.municipality("Falun")
    recommendation = mark(item, secretary, organizations=[borlange])
    forged = signing.TimestampSigner(salt=services.TOKEN_SALT).sign_object({"r": recommendation.pk, "o": falun.pk})
    with pytest.raises(UserError) as refused:
        services.answer_through_link(forged, status=Answer.Status.ADOPTED, decided_on=datetime.date(2021, 4, 20))
    assert refused.value.message == f"Falun är inte tillfrågad om ”{TITLE}”."
    assert refused.value.code == "not_asked"


def test_an_answer_needs_a_position_and_a_date_after_the_decision(item, secretary):
    recommendation = mark(item, secretary)
    answer = recommendation.answers.get(organization__name="Borlänge")
    cases = [
        ({"status": Answer.Status.WAITING}, "Välj hur organisationen har ställt sig till rekommendationen."),
        ({"status": Answer.Status.ADOPTED}, "Ange datum för organisationens beslut."),
        ({"status": Answer.Status.REJECTED, "decided_on": datetime.date(2021, 1, 5)},
         "Organisationens beslut kan inte vara före beslutet den 19 februari 2021."),
        ({"status": Answer.Status.ADOPTED, "decided_on": timezone.localdate() + datetime.timedelta(days=1)},
         "Beslutsdatumet kan inte vara i framtiden."),
    ]
    for fields, message in cases:
        with pytest.raises(UserError) as refused:
            services.record_answer(answer, acting_user=secretary, **fields)
        assert refused.value.message == message


def test_an_agreement_is_in_force_only_when_every_required_party_has_adopted(item, secretary):
    orgs = [factories.municipality("Borlänge"), factories.municipality("Falun"), factories.region()]
    recommendation = mark(item, secretary, kind=Recommendation.Kind.AGREEMENT, organizations=orgs)
    answers = {a.organization.name: a for a in recommendation.answers.select_related("organization")}
    services.record_answer(answers["Borlänge"], status=Answer.Status.ADOPTED, decided_on=DECIDED,
                           acting_user=secretary)
    services.record_answer(answers["Region Dalarna"], status=Answer.Status.ADOPTED_WITH_CHANGES, decided_on=DECIDED,
                           acting_user=secretary)
    assert not chain(recommendation, secretary).in_force
    services.record_answer(answers["Falun"], status=Answer.Status.REJECTED, decided_on=DECIDED, acting_user=secretary)
    assert not chain(recommendation, secretary).in_force
    services.record_answer(answers["Falun"], status=Answer.Status.NOT_APPLICABLE, acting_user=secretary)
    found = chain(recommendation, secretary)
    assert (found.adopted, found.required, found.in_force) == (2, 2, True)
    assert [(c.label, c.count) for c in found.counts] == [
        ("Väntar", 0), ("Antagen", 1), ("Antagen med ändringar", 1), ("Avslagen", 0), ("Ej aktuell", 1)]


def test_the_answers_are_in_the_audit_log(item, secretary):
    from auditlog.models import LogEntry

    from samverkan.directory.audit import sentence

    recommendation = mark(item, secretary)
    answer = recommendation.answers.get(organization__name="Borlänge")
    services.record_answer(answer, status=Answer.Status.ADOPTED, decided_on=DECIDED, acting_user=secretary)
    entry = LogEntry.objects.get_for_object(answer).filter(action=LogEntry.Action.UPDATE).get()
    assert sentence(entry).startswith(f"sekreterare ändrade svaret från Borlänge på rekommendationen ”{TITLE[:40]}")
    assert "status från ”Väntar” till ”Antagen”" in sentence(entry)
    assert entry.additional_data == {"body_id": recommendation.body_id}


def test_the_decision_as_a_file_is_kept_and_a_file_of_another_kind_is_refused(item, secretary, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    recommendation = mark(item, secretary)
    answer = recommendation.answers.get(organization__name="Borlänge")
    services.record_answer(answer, status=Answer.Status.ADOPTED, decided_on=DECIDED, acting_user=secretary,
                           file=SimpleUploadedFile("protokoll", b"%PDF-1.4\n%%EOF\n"))
    answer.refresh_from_db()
    assert answer.original_name == "protokoll.pdf" and answer.file.read().startswith(b"%PDF-")
    with pytest.raises(UserError):
        services.record_answer(answer, status=Answer.Status.ADOPTED, decided_on=DECIDED, acting_user=secretary,
                               file=SimpleUploadedFile("virus.exe", b"MZ\x90\x00binary"))


def test_the_chain_runs_from_the_network_through_valfardsradet_to_the_organisations(item, secretary, network):
    from samverkan.meetings import forwarding, publishing, recording

    council = factories.council()
    council.secretaries.add(secretary)
    recording.record_item(item, None, minutes_text="", decisions=["att överlämna ärendet till Välfärdsrådet."],
                          outcome=AgendaItem.Outcome.FORWARDED, forwarded_to=council)
    publishing.publish_minutes(item.meeting, publish_unrecorded=True)
    council_meeting = meetings.plan_meeting(council, datetime.date(2021, 3, 25), location="Falun")
    taken_up = forwarding.receive_forwarding(item.forwarding, council_meeting, acting_user=secretary)
    Clause.objects.create(item=taken_up, kind=Clause.Kind.DECISION, text="att rekommendera medlemmarna att anta.")
    factories.member(council, "Rådsledamot Borlänge", factories.municipality("Borlänge"))

    recommendation = services.mark_recommendation(item=taken_up, answer_by=datetime.date(2021, 9, 30),
                                                  acting_user=secretary)
    found = chain(recommendation, secretary)
    assert [(step.body.name, step.date) for step in found.steps] == [
        (network.name, DECIDED), ("Välfärdsrådet", datetime.date(2021, 3, 25))]
    assert recommendation.matter == Matter.objects.get()  # the forwarded item's matter, not a new one
    assert [a.organization.name for a in found.answers] == ["Borlänge"]  # Välfärdsrådet's members' parties


def test_a_matter_without_an_item_is_followed_up_for_its_body(network, secretary):
    from samverkan.matters.services import open_matter

    matter = open_matter("Avtal om tillnyktringsplatser", body=network, acting_user=secretary)
    recommendation = services.mark_recommendation(matter=matter, answer_by=datetime.date(2021, 6, 30),
                                                  acting_user=secretary)
    assert (recommendation.title, recommendation.item, recommendation.decided_on) == (matter.title, None, None)
    assert recommendation.answers.count() == 16
    bodiless = open_matter("Utan organ", acting_user=secretary)
    with pytest.raises(UserError) as refused:
        services.mark_recommendation(matter=bodiless, answer_by=datetime.date(2021, 6, 30), acting_user=secretary)
    assert refused.value.message == "Ärendet har inget ansvarigt organ. Ange organet på ärendet först."
