"""Accounts come by invitation: the secretariat invites by e-mail, the person chooses a password by a link."""

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail

from samverkan.accounts import invitations
from samverkan.core.errors import UserError
from tests import factories

pytestmark = pytest.mark.django_db

SITE = "https://samverkan.example"


@pytest.fixture(autouse=True)
def locmem_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.DEFAULT_FROM_EMAIL = "Samverkan <noreply@samverkan.example>"


def link_in(message) -> str:
    return re.search(r"https://samverkan\.example(/konto/valj-losenord/[^\s]+/)", message.body).group(1)


def test_an_invited_member_gets_an_account_and_an_email_with_a_link():
    network = factories.network()
    secretary = factories.secretary_of(network, email="sara@region.example", first_name="Sara", last_name="Sekr")
    maria = factories.member(network, "Maria Jonsson", email="Maria@Falun.example")

    invitations.invite_person(maria, site_url=SITE, acting_user=secretary)

    maria.refresh_from_db()
    assert (maria.user.username, maria.user.email) == ("maria@falun.example", "Maria@falun.example")
    assert (maria.user.first_name, maria.user.last_name) == ("Maria", "Jonsson")
    assert not maria.user.has_usable_password()
    [message] = mail.outbox
    assert message.to == ["Maria@falun.example"]
    assert message.reply_to == ["sara@region.example"]
    assert message.subject == "Inbjudan till Samverkan"
    assert message.body.startswith("Hej Maria Jonsson!\n\nSara Sekr har bjudit in dig till Samverkan som medlem.\n")
    assert "Länken gäller i 7 dagar och kan användas en gång. Ditt användarnamn är maria@falun.example." in message.body
    assert link_in(message).startswith("/konto/valj-losenord/")


def test_an_invitation_needs_an_email_address():
    network = factories.network()
    tomas = factories.member(network, "Tomas Ahlin")
    with pytest.raises(UserError) as refused:
        invitations.invite_person(tomas, site_url=SITE)
    assert refused.value.message == "Tomas Ahlin saknar e-postadress. Lägg till en först."
    assert not User.objects.exists()


def test_an_invitation_is_sent_again_until_a_password_is_chosen():
    network = factories.network()
    maria = factories.member(network, "Maria Jonsson", email="maria@falun.example")
    invitations.invite_person(maria, site_url=SITE)
    invitations.invite_person(maria, site_url=SITE)
    assert User.objects.count() == 1
    assert len(mail.outbox) == 2

    maria.user.set_password("Ett-bra-lösen-9")
    maria.user.save()
    with pytest.raises(UserError) as refused:
        invitations.invite_person(maria, site_url=SITE)
    assert refused.value.message == ("Maria Jonsson har redan valt ett lösenord. Om det är glömt väljer hen ett nytt "
                                     "med ”Glömt lösenordet?” på inloggningssidan.")


def test_an_existing_account_with_the_address_is_linked_not_duplicated():
    network = factories.network()
    existing = factories.user("maria", email="maria@falun.example")
    maria = factories.member(network, "Maria Jonsson", email="maria@falun.example")
    invitations.invite_person(maria, site_url=SITE)
    maria.refresh_from_db()
    assert maria.user == existing


def test_inviting_all_members_skips_those_without_address_or_with_an_account():
    network = factories.network()
    factories.member(network, "Maria Jonsson", email="maria@falun.example")
    factories.member(network, "Tomas Ahlin")
    invitations.invite_person(factories.member(network, "Åsa Dedering", email="asa@region.example"), site_url=SITE)
    mail.outbox.clear()

    sent = invitations.invite_members(network, site_url=SITE)

    assert [invitation.address for invitation in sent] == ["maria@falun.example"]
    assert [message.to for message in mail.outbox] == [["maria@falun.example"]]


def test_a_new_secretary_is_invited_by_email():
    council = factories.council()
    invited = invitations.invite_secretary(council, " Rut  Rådsson ", "rut@region.example", site_url=SITE)
    assert list(council.secretaries.all()) == [invited.user]
    [message] = mail.outbox
    assert "har bjudit in dig till Samverkan som sekreterare för Välfärdsrådet." in message.body

    with pytest.raises(UserError) as refused:
        invitations.invite_secretary(council, "Rut Rådsson", "RUT@region.example", site_url=SITE)
    assert refused.value.message == "rut@region.example är redan sekreterare för Välfärdsrådet."


def test_choosing_a_password_through_the_link_then_signing_in(client):
    network = factories.network()
    maria = factories.member(network, "Maria Jonsson", email="maria@falun.example")
    invitations.invite_person(maria, site_url=SITE)
    link = link_in(mail.outbox[0])

    form_page = client.get(link, follow=True)
    assert "Användarnamn: <strong>maria@falun.example</strong>" in form_page.content.decode()
    chosen = client.post(form_page.redirect_chain[-1][0], {"new_password1": "Ett-bra-lösen-9",
                                                           "new_password2": "Ett-bra-lösen-9"}, follow=True)
    assert "Ditt lösenord är sparat. Logga in med ditt användarnamn maria@falun.example." in chosen.content.decode()
    signed_in = client.post("/logga-in/", {"username": "maria@falun.example", "password": "Ett-bra-lösen-9"})
    assert signed_in.status_code == 302

    again = client.get(link, follow=True)
    assert "Länken fungerar inte längre" in again.content.decode()


def test_a_forgotten_password_gets_a_swedish_link(client, settings):
    settings.SAMVERKAN_SITE_URL = SITE
    factories.user("maria", email="maria@falun.example", password="Gammalt-lösen-1")
    response = client.post("/konto/glomt-losenord/", {"email": "maria@falun.example"}, follow=True)
    assert "Om adressen hör till ett konto har vi skickat en länk dit." in response.content.decode()
    [message] = mail.outbox
    assert message.subject == "Nytt lösenord till Samverkan"
    assert "ditt konto maria i Samverkan" in message.body
    assert link_in(message)


def test_only_the_secretariat_of_the_members_body_invites(client):
    network, council = factories.network(), factories.council()
    client.force_login(factories.secretary_of(council, username="radssekreterare"))
    maria = factories.member(network, "Maria Jonsson", email="maria@falun.example")
    response = client.post(f"/sekretariat/konton/bjud-in/{maria.pk}/")
    assert response.status_code == 404
    assert not mail.outbox
