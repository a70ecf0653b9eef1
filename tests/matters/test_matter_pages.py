"""Pages for matters and assignments: the secretariat keeps them, the public reads what is published."""

import datetime

import pytest
from django.urls import reverse

from samverkan.matters import services
from samverkan.matters.models import Assignment, Deadline, MatterItem
from samverkan.meetings import services as meeting_services

pytestmark = pytest.mark.django_db


def as_user(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def matter(hemsjukvard_items):
    return services.open_matter("Översyn av Hemsjukvårdsavtalet", items=list(hemsjukvard_items.values()))


@pytest.fixture
def draft_matter(lchnv):
    meeting = meeting_services.plan_meeting(lchnv, datetime.date(2030, 3, 1))
    item = meeting_services.add_item(meeting, "Hemlig beredning av nytt avtal")
    return services.open_matter("Nytt avtal", items=[item]), item


def test_public_pages_show_published_matters(client, matter, lchnv):
    for url in (reverse("matters:list"), matter.get_absolute_url(), reverse("matters:assignments"),
                reverse("matters:body", args=[lchnv.slug])):
        response = as_user(client, None).get(url)
        assert response.status_code == 200, url
    page = client.get(matter.get_absolute_url()).content.decode()
    assert "21 oktober 2021" in page and "19 november 2021" in page and "9 november 2023" in page
    assert "Välfärdsrådet" in page and "Bekräfta" not in page and "Koppla en punkt" not in page


def test_unpublished_matters_are_hidden_from_the_public(client, draft_matter, secretary, member, outsider):
    matter, item = draft_matter
    for user in (None, outsider):
        assert as_user(client, user).get(matter.get_absolute_url()).status_code == 404
        assert matter.title not in as_user(client, user).get(reverse("matters:list")).content.decode()
    for user in (secretary, member):
        page = as_user(client, user).get(matter.get_absolute_url())
        assert page.status_code == 200 and item.title in page.content.decode()


def test_the_public_timeline_leaves_out_unpublished_meetings(client, matter, lchnv):
    meeting = meeting_services.plan_meeting(lchnv, datetime.date(2030, 3, 1))
    services.link_item(matter, meeting_services.add_item(meeting, "Utkast om hemsjukvårdsavtalet"))
    assert "Utkast om hemsjukvårdsavtalet" not in as_user(client, None).get(matter.get_absolute_url()).content.decode()


SECRETARIAT_GETS = ["matters:matter_new", "matters:suggestions", "matters:assignment_new"]


@pytest.mark.parametrize("role", ["secretary", "member", "outsider", "public"])
def test_secretariat_pages_by_role(client, role, secretary, member, outsider, matter):
    user = {"secretary": secretary, "member": member, "outsider": outsider, "public": None}[role]
    urls = [reverse(name) for name in SECRETARIAT_GETS] + [reverse("matters:matter_edit", args=[matter.pk])]
    for url in urls:
        response = as_user(client, user).get(url)
        if role == "secretary":
            assert response.status_code == 200, url
        elif role == "public":
            assert response.status_code == 302 and reverse("web:login") in response["Location"]
        else:
            assert response.status_code == 404, (role, url)
    link = MatterItem.objects.filter(matter=matter).first()
    posts = [reverse("matters:matter_suggest", args=[matter.pk]),
             reverse("matters:suggestion_reject", args=[link.pk])]
    for url in posts:
        response = as_user(client, user).post(url)
        assert response.status_code == (302 if role in ("secretary", "public") else 404), (role, url)


def test_the_secretariat_opens_a_matter_and_confirms_suggestions(client, secretary, lchnv):
    as_user(client, secretary)
    response = client.post(reverse("matters:matter_new"), {
        "title": "Översyn av Hemsjukvårdsavtalet", "registry_number": "", "body": lchnv.pk,
        "status": "open", "description": ""})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Föreslagna punkter" in page and "Bekräfta" in page
    link = MatterItem.objects.filter(state=MatterItem.State.SUGGESTED).order_by("-score").first()
    client.post(reverse("matters:suggestion_confirm", args=[link.pk]))
    link.refresh_from_db()
    assert link.state == MatterItem.State.CONFIRMED and link.decided_by == secretary
    found = client.get(response["Location"], {"q": "läkarintyg"}).content.decode()
    assert "Regionens avgifter för läkarintyg" in found


def test_the_secretariat_registers_and_extends_an_assignment(client, secretary, lchnv, region, item_at):
    item = item_at(lchnv, datetime.date(2020, 9, 25), "9")
    as_user(client, secretary)
    form = client.get(reverse("matters:assignment_new"), {"punkt": item.pk})
    assert "Stygruppens förslag" in form.content.decode()
    response = client.post(f"{reverse('matters:assignment_new')}?punkt={item.pk}", {
        "title": "ÖK barn och unga", "owner_organization": region.pk, "reports_to": lchnv.pk,
        "deadline": "2021-02-07", "clause": item.clauses.get(kind="decision").pk})
    assignment = Assignment.objects.get()
    assert response.status_code == 302 and response["Location"] == assignment.get_absolute_url()
    client.post(reverse("matters:assignment_extend", args=[assignment.pk]), {"due": "2021-10-31", "item": item.pk})
    assert [d.due.isoformat() for d in Deadline.objects.filter(assignment=assignment)] == ["2021-02-07", "2021-10-31"]
    page = client.get(assignment.get_absolute_url()).content.decode()
    assert "7 februari 2021" in page and "31 oktober 2021" in page and "förlängd" in page
    public = as_user(client, None).get(assignment.get_absolute_url())
    assert public.status_code == 200 and "Förläng uppdraget" not in public.content.decode()


def test_an_owner_is_required(client, secretary):
    response = as_user(client, secretary).post(reverse("matters:assignment_new"), {"title": "Utan ägare"})
    assert response.status_code == 200 and "Välj ett organ" in response.content.decode()


def test_assignments_without_a_published_decision_are_not_public(client, secretary, styrgruppen):
    assignment = services.create_assignment("Internt", owner=styrgruppen, deadline=datetime.date(2030, 1, 1))
    styrgruppen.secretaries.add(secretary)  # the secretariat of the body that carries it
    assert as_user(client, None).get(assignment.get_absolute_url()).status_code == 404
    assert as_user(client, secretary).get(assignment.get_absolute_url()).status_code == 200
