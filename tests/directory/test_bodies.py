"""The secretariat creates and edits bodies and names their secretaries, without the admin."""

import pytest

from samverkan.core.errors import UserError
from samverkan.directory.bodies import add_secretary, create_body, remove_secretary, update_body
from samverkan.directory.models import Body
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_creator_of_a_body_keeps_its_meetings(network):
    secretary = factories.secretary_of(network)
    body = create_body("Välfärdsrådet Dalarna", "Välfärdsrådet", "VR", network, acting_user=secretary)
    assert (body.name, body.short_name, body.abbreviation, body.parent, body.slug) == (
        "Välfärdsrådet Dalarna", "Välfärdsrådet", "VR", network, "vr")
    assert list(body.secretaries.all()) == [secretary]


@pytest.mark.parametrize(("name", "abbreviation", "message"), [
    ("  ", "", "Ange organets namn."),
    ("länsnätverket för förvaltningschefer", "", "Det finns redan ett organ som heter "
                                                 "”länsnätverket för förvaltningschefer”."),
    ("Ett nytt nätverk", "LCHNV", "Adressen ”lchnv” är redan upptagen av ett annat organ. Ange en annan förkortning."),
    ("Nytt", "", "Adressen ”nytt” är redan upptagen av ett annat organ. Ange en annan förkortning."),
    ("–", "", "Ange ett namn eller en förkortning med bokstäver eller siffror."),
])
def test_a_body_needs_a_free_name_and_address(network, name, abbreviation, message):
    with pytest.raises(UserError) as error:
        create_body(name, abbreviation=abbreviation, acting_user=factories.secretary_of(network))
    assert error.value.message == message
    assert Body.objects.count() == 1


def test_renaming_keeps_the_slug(network):
    body = update_body(network, "Länschefsnätverket i Dalarna", "LCHN", "LCH")
    body.refresh_from_db()
    assert (body.name, body.short_name, body.abbreviation, body.slug) == (
        "Länschefsnätverket i Dalarna", "LCHN", "LCH", "lchnv")


def test_a_body_cannot_be_its_own_parent_nor_under_its_child(network):
    group = factories.steering_group(parent=network)
    with pytest.raises(UserError) as error:
        update_body(network, network.name, parent=network)
    assert error.value.message == "Ett organ kan inte vara överordnat sig självt."
    with pytest.raises(UserError) as error:
        update_body(network, network.name, parent=group)
    assert error.value.message == ("Styrgruppen för Länschefsnätverket hör under Länsnätverket för "
                                   "förvaltningschefer och kan inte vara dess överordnade organ.")


def test_secretaries_are_named_by_user_name_or_email(network):
    first = factories.secretary_of(network)
    anna = factories.user("anna", email="Anna.Berg@rss.example")
    assert add_secretary(network, "anna.berg@RSS.example", acting_user=first) == anna
    bo = factories.user("bo")
    assert add_secretary(network, " BO ", acting_user=first) == bo
    assert set(network.secretaries.all()) == {first, anna, bo}


@pytest.mark.parametrize(("identifier", "message"), [
    ("", "Ange ett användarnamn eller en e-postadress."),
    ("nobody@rss.example", "Det finns inget användarkonto med användarnamnet eller e-postadressen "
                           "”nobody@rss.example”."),
    ("delad@rss.example", "Flera användarkonton har e-postadressen ”delad@rss.example”. Ange användarnamnet."),
    ("sekreterare", "sekreterare är redan sekreterare för Länschefsnätverket."),
    ("avstangd", "Det finns inget användarkonto med användarnamnet eller e-postadressen ”avstangd”."),
])
def test_naming_a_secretary_needs_one_active_account(network, identifier, message):
    factories.secretary_of(network)
    factories.user("delad1", email="delad@rss.example")
    factories.user("delad2", email="Delad@rss.example")
    factories.user("avstangd", is_active=False)
    with pytest.raises(UserError) as error:
        add_secretary(network, identifier)
    assert error.value.message == message


def test_the_last_secretary_stays(network):
    first = factories.secretary_of(network)
    with pytest.raises(UserError) as error:
        remove_secretary(network, first)
    assert error.value.message == "Länschefsnätverket måste ha minst en sekreterare. Lägg till en annan först."
    second = factories.user("andra")
    add_secretary(network, "andra")
    remove_secretary(network, first)
    assert list(network.secretaries.all()) == [second]
    with pytest.raises(UserError) as error:
        remove_secretary(network, first)
    assert error.value.message == "sekreterare är inte sekreterare för Länschefsnätverket."


def test_naming_and_removing_secretaries_is_in_the_bodys_audit_log(network):
    from auditlog.models import LogEntry

    first = factories.secretary_of(network)
    factories.user("andra")
    add_secretary(network, "andra", acting_user=first)
    remove_secretary(network, first, acting_user=first)
    entries = LogEntry.objects.get_for_object(network).filter(changes__icontains="secretaries", actor=first)
    assert sorted((entry.additional_data["body_id"], entry.changes["secretaries"]["operation"])
                  for entry in entries) == [(network.pk, "add"), (network.pk, "delete")]


def test_the_audit_log_page_shows_who_named_a_secretary(client, network):
    first = factories.secretary_of(network)
    factories.user("andra")
    add_secretary(network, "andra", acting_user=first)
    client.force_login(first)
    page = client.get("/sekretariat/logg/").content.decode()
    assert "sekreterare ändrade organet Länsnätverket för förvaltningschefer: sekretariat: lade till andra." in page
