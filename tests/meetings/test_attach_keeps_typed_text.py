"""Pressing "Bifoga" on an item saves what was typed in the item together with the file."""

import io

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter

pytestmark = pytest.mark.django_db


def pdf(name="underlag.pdf") -> SimpleUploadedFile:
    writer, out = PdfWriter(), io.BytesIO()
    writer.add_blank_page(width=595, height=842)
    writer.write(out)
    return SimpleUploadedFile(name, out.getvalue(), content_type="application/pdf")


def typed(item, **changes) -> dict:
    """The item's form as the page shows it, with what the secretary typed over it."""
    data = {"version": item.lock_version, "title": item.title, "type": item.type, "presenters": "",
            "agenda_text": item.agenda_text, "proposals": "\n".join(c.text for c in item.proposals)}
    return data | changes


def post(client, item, data):
    return client.post(reverse("meetings:item", args=[item.pk]), data)


def messages_of(response) -> list[tuple[str, str]]:
    return [(message.level_tag, message.message) for message in get_messages(response.wsgi_request)]


def test_bifoga_saves_the_typed_proposal_and_the_file(client, secretary, meeting):
    client.force_login(secretary)
    item = meeting.items.get(number="2")
    response = post(client, item, typed(item, proposals="att godkänna dagordningen med tillägg.", intent="attach",
                                        **{"bilaga-file": pdf()}))

    assert response.status_code == 302 and response.url == reverse("meetings:item", args=[item.pk])
    assert [clause.text for clause in item.proposals] == ["att godkänna dagordningen med tillägg."]
    assert [a.original_name for a in item.attachments.all()] == ["underlag.pdf"]
    assert messages_of(response) == [("success", "Punkt 2 är sparad."),
                                     ("success", "Bilaga 1: underlag.pdf är bifogad.")]


def test_bifoga_without_a_file_still_keeps_the_text(client, secretary, meeting):
    client.force_login(secretary)
    item = meeting.items.get(number="2")
    response = post(client, item, typed(item, agenda_text="Underlaget skickas senare.", intent="attach"))

    item.refresh_from_db()
    assert item.agenda_text == "Underlaget skickas senare."
    assert messages_of(response) == [("success", "Punkt 2 är sparad."), ("error", "Välj en fil att bifoga.")]


def test_bifoga_with_an_unchanged_item_only_attaches(client, secretary, meeting):
    client.force_login(secretary)
    item = meeting.items.get(number="2")
    version = item.lock_version
    response = post(client, item, typed(item, intent="attach", **{"bilaga-file": pdf()}))

    item.refresh_from_db()
    assert item.lock_version == version
    assert messages_of(response) == [("success", "Bilaga 1: underlag.pdf är bifogad.")]


def test_an_invalid_item_is_shown_again_and_nothing_is_attached(client, secretary, meeting):
    client.force_login(secretary)
    item = meeting.items.get(number="2")
    response = post(client, item, typed(item, proposals="godkänna dagordningen", intent="attach",
                                        **{"bilaga-file": pdf()}))

    assert response.status_code == 200
    assert "Varje förslag ska börja med ”att”: godkänna dagordningen" in response.content.decode()
    assert "godkänna dagordningen</textarea>" in response.content.decode()
    assert not item.attachments.exists()
    assert messages_of(response) == [
        ("error", "Bilagan är inte bifogad: rätta felen i punkten och välj filen igen.")]
