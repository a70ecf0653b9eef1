"""The appointment form: a person chosen from the directory's search or created on purpose, rule breaches
shown as a warning before anything is saved ("Spara ändå"), and no rules said to be none."""

import datetime as dt

import pytest
from django.urls import reverse

from samverkan.appointments import services
from samverkan.appointments.models import Appointment
from samverkan.directory.models import Person

pytestmark = pytest.mark.django_db
BREACH = ("Åsa Dedering ingår inte i Styrgruppen; enligt arbetsordningen 3 § ska ordförande och vice "
          "ordförande ingå där.")


@pytest.fixture
def signed_in(client, secretary):
    client.force_login(secretary)
    return client


def appoint_url(body):
    return reverse("appointments:appoint", args=[body.slug])


def chair_2022(network, person, **extra):
    return {"person": person, "role": "chair", "body": network.pk, "start_date": "2022-01-01",
            "end_date": "2022-12-31", **extra}


def messages_of(response):
    return [(message.level_tag, message.message) for message in response.context["messages"]]


def test_the_search_without_javascript_lists_the_people_to_choose(signed_in, network, people):
    page = signed_in.get(appoint_url(network), {"q": "dede"}).content.decode()
    dedering = people["dedering"]
    assert f'<input type="radio" name="person" value="{dedering.pk}" id="person-{dedering.pk}">' in page
    assert "Åsa Dedering, Region Dalarna" in page and "Ulf Björnfot" not in page
    assert 'hx-get="/sekretariat/organ/personer/"' in page
    assert '<input type="radio" name="person" value="ny" id="person-ny">' in page


def test_a_breach_is_a_warning_before_saving_and_nothing_is_saved(signed_in, network, rules, people):
    response = signed_in.post(appoint_url(network), chair_2022(network, people["dedering"].pk))
    page = response.content.decode()
    assert response.status_code == 200
    assert not Appointment.objects.exists()
    assert "<h2>Strider mot arbetsordningen</h2>" in page and f"<li>{BREACH}</li>" in page
    assert '<button type="submit" name="spara_anda" value="1" class="secondary">Spara ändå</button>' in page
    assert "message-success" not in page
    dedering = people["dedering"]
    assert f'value="{dedering.pk}" id="person-{dedering.pk}" checked>' in page  # still chosen


def test_saved_anyway_it_is_a_warning_not_a_success(signed_in, network, rules, people):
    response = signed_in.post(appoint_url(network), chair_2022(network, people["dedering"].pk, spara_anda="1"),
                              follow=True)
    appointment = Appointment.objects.get()
    assert messages_of(response) == [("warning", (
        f"{appointment} är registrerat trots att det strider mot arbetsordningen: {BREACH} Registrera ett "
        "beslutat undantag under ”Undantag”."))]


def test_an_appointment_that_keeps_the_rules_is_saved_at_once(signed_in, network, steering_group, rules, people):
    services.appoint(people["dedering"], steering_group, Appointment.Role.MEMBER, dt.date(2021, 1, 1), None)
    response = signed_in.post(appoint_url(network), chair_2022(network, people["dedering"].pk), follow=True)
    appointment = Appointment.objects.get(body=network)
    assert messages_of(response) == [("success", f"{appointment} är registrerat.")]
    assert response.redirect_chain[-1][0] == reverse("appointments:body", args=[network.slug])


def test_no_person_chosen_is_refused(signed_in, network, rules):
    page = signed_in.post(appoint_url(network), chair_2022(network, "")).content.decode()
    assert '<strong class="error" role="alert">Välj en person i listan, eller ”Ny person”.</strong>' in page
    assert not Appointment.objects.exists()


def test_a_typed_name_is_no_person(signed_in, network, rules, people):
    page = signed_in.post(appoint_url(network), chair_2022(network, "Åsa Dedring")).content.decode()
    assert "Välj en person i listan, eller ”Ny person”." in page
    assert not Person.objects.filter(name="Åsa Dedring").exists()


def test_a_new_person_only_on_purpose_with_its_own_fields(signed_in, network, region):
    page = signed_in.post(appoint_url(network), chair_2022(network, "ny")).content.decode()
    assert '<strong class="error" role="alert">Ange den nya personens namn.</strong>' in page
    response = signed_in.post(appoint_url(network), chair_2022(
        network, "ny", new_name="Karin Vikström", new_organization="Region Dalarna", new_title="Regiondirektör",
        new_email="karin@regiondalarna.example"), follow=True)
    karin = Person.objects.get(name="Karin Vikström")
    assert (karin.organization, karin.title, karin.email) == (region, "Regiondirektör", "karin@regiondalarna.example")
    appointment = Appointment.objects.get(person=karin)
    assert messages_of(response) == [
        ("success", f"{appointment} är registrerat. Inga regler för Länschefsnätverket registrerade.")]


def test_a_new_person_already_recorded_is_refused_with_the_name(signed_in, network, people):
    response = signed_in.post(appoint_url(network), chair_2022(network, "ny", new_name="åsa dedering"))
    assert messages_of(response) == [("error", "Det finns redan en person som heter ”Åsa Dedering” "
                                               "(Region Dalarna). Välj personen i listan i stället.")]
    assert Person.objects.filter(name_key="åsa dedering").count() == 1
    assert 'id="person-ny" checked>' in response.content.decode()


def test_without_rules_the_pages_say_so_instead_of_following_them(signed_in, network, people):
    services.appoint(people["dedering"], network, Appointment.Role.CHAIR, dt.date(2022, 1, 1),
                     dt.date(2022, 12, 31), appointed_by=network)
    page = signed_in.get(reverse("appointments:body", args=[network.slug])).content.decode()
    assert "Följer reglerna" not in page
    assert "<td>Inga regler för Länschefsnätverket registrerade.</td>" in page
    assert "Inga regler för Länschefsnätverket registrerade: förtroendeuppdragen prövas inte" in page
    form = signed_in.get(appoint_url(network)).content.decode()
    assert "<p>Inga regler för Länschefsnätverket registrerade. Förtroendeuppdraget prövas inte mot någon " \
        "arbetsordning.</p>" in form


def test_with_rules_an_appointment_without_breach_follows_them(signed_in, network, steering_group, rules, people):
    services.appoint(people["dedering"], steering_group, Appointment.Role.MEMBER, dt.date(2021, 1, 1), None)
    services.appoint(people["dedering"], network, Appointment.Role.CHAIR, dt.date(2022, 1, 1),
                     dt.date(2022, 12, 31), appointed_by=network)
    page = signed_in.get(reverse("appointments:body", args=[network.slug])).content.decode()
    assert "Följer reglerna." in page
