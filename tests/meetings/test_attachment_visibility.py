"""Whether an attachment is public: the body's default at upload, a toggle afterwards, and duplicates flagged."""

import datetime
import io

import pytest
from auditlog.models import LogEntry
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfWriter

from samverkan.meetings import attachments, publishing, recording
from samverkan.meetings.models import Attachment

pytestmark = pytest.mark.django_db


def pdf(name="beslutsunderlag.pdf", pages=1) -> SimpleUploadedFile:
    writer, out = PdfWriter(), io.BytesIO()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    writer.write(out)
    return SimpleUploadedFile(name, out.getvalue(), content_type="application/pdf")


def item_page(client, item) -> str:
    return client.get(reverse("meetings:item", args=[item.pk])).content.decode()


def messages_of(response) -> list[tuple[str, str]]:
    return [(message.level_tag, message.message) for message in get_messages(response.wsgi_request)]


def upload(client, item, file, public=None):
    data = {"file": file}
    if public:
        data["public"] = "on"
    return client.post(reverse("meetings:attachment_add", args=[item.pk]), data)


def test_the_upload_form_ticks_offentlig_as_the_body_says(client, secretary, meeting, body):
    client.force_login(secretary)
    item = meeting.items.get(number="2")
    assert 'name="bilaga-public" form="punkt" id="id_bilaga-public" checked' in item_page(client, item)

    body.attachments_public_by_default = False
    body.save()
    assert 'name="bilaga-public" form="punkt" id="id_bilaga-public">' in item_page(client, item)


def test_the_body_setting_is_changed_on_its_edit_page(client, secretary, body):
    client.force_login(secretary)
    url = reverse("directory:body", args=[body.slug])
    assert "Bilagor är offentliga som standard" in client.get(url).content.decode()

    client.post(url, {"name": body.name, "short_name": body.short_name, "abbreviation": body.abbreviation})
    body.refresh_from_db()
    assert body.attachments_public_by_default is False

    client.post(url, {"name": body.name, "short_name": body.short_name, "abbreviation": body.abbreviation,
                      "attachments_public_by_default": "on"})
    body.refresh_from_db()
    assert body.attachments_public_by_default is True


def test_toggling_an_attachment_is_audited(client, secretary, meeting):
    item = meeting.items.get(number="2")
    attachment = attachments.attach_file(item, pdf(), public=True)
    client.force_login(secretary)
    assert 'Gör ej offentlig<span class="visually-hidden"> Bilaga 1</span></button>' in item_page(client, item)

    response = client.post(reverse("meetings:attachment_set_public", args=[attachment.pk]), {"public": "0"})
    assert messages_of(response) == [("success", "Bilaga 1 är inte offentlig.")]
    attachment.refresh_from_db()
    assert attachment.public is False
    entry = LogEntry.objects.get_for_object(attachment).filter(action=LogEntry.Action.UPDATE,
                                                                changes__icontains="public").get()
    assert entry.changes_dict == {"public": ["True", "False"]}
    assert entry.actor == secretary
    assert 'Gör offentlig<span class="visually-hidden"> Bilaga 1</span></button>' in item_page(client, item)

    attachments.set_public(attachment, True, acting_user=secretary)
    attachment.refresh_from_db()
    assert attachment.public is True


def test_a_reference_without_a_file_cannot_be_made_public(meeting, secretary):
    reference = Attachment.objects.create(item=meeting.items.get(number="2"), label="Bilaga A", position=0)
    with pytest.raises(attachments.UserError) as raised:
        attachments.set_public(reference, True, acting_user=secretary)
    assert raised.value.message == "Bilaga A är en hänvisning utan fil och kan inte göras offentlig."


def test_the_same_file_twice_in_a_meeting_is_accepted_with_a_warning(client, secretary, meeting):
    client.force_login(secretary)
    first_item, fourth_item = meeting.items.get(number="2"), meeting.items.get(number="4")
    attachments.attach_file(first_item, pdf("kalendarium.pdf", pages=2))
    attachments.attach_file(fourth_item, pdf("underlag.pdf"))

    response = upload(client, first_item, pdf("beslutsunderlag.pdf"))
    assert messages_of(response) == [
        ("success", "Bilaga 2: beslutsunderlag.pdf är bifogad."),
        ("warning", "beslutsunderlag.pdf är samma fil som Bilaga 3 (punkt 4)."),
    ]
    assert 'samma fil som Bilaga 3</strong>' in item_page(client, first_item)
    assert 'samma fil som Bilaga 2</strong>' in item_page(client, fourth_item)


def test_the_public_page_links_each_public_attachment_with_a_file(client, meeting, members):
    item = meeting.items.get(number="2")
    shown = attachments.attach_file(item, pdf("offentlig.pdf"), public=True)
    attachments.attach_file(item, pdf("intern.pdf", pages=2), public=False)
    meeting.date = timezone.localdate() - datetime.timedelta(days=7)
    meeting.save()
    recording.adopt_proposals(item)
    publishing.publish_minutes(meeting, publish_unrecorded=True)

    page = client.get(meeting.get_absolute_url()).content.decode()
    assert f'<a href="/bilagor/{shown.pk}/">Bilaga 1: offentlig.pdf</a>' in page
    assert "intern.pdf" not in page and "Bilaga 2" in page


def test_toggling_on_a_published_meeting_is_a_correction_draft(client, secretary, meeting, members):
    item = meeting.items.get(number="2")
    attachment = attachments.attach_file(item, pdf(), public=True)
    meeting.date = timezone.localdate() - datetime.timedelta(days=7)
    meeting.save()
    recording.adopt_proposals(item)
    publishing.publish_minutes(meeting, publish_unrecorded=True)
    client.force_login(secretary)

    response = client.post(reverse("meetings:attachment_set_public", args=[attachment.pk]), {"public": "0"})
    assert messages_of(response) == [
        ("success", "Bilaga 1 är inte offentlig. Ändringen syns för allmänheten när rättelsen publiceras.")]
    client.logout()
    assert "beslutsunderlag.pdf" in client.get(meeting.get_absolute_url()).content.decode()
    assert client.get(f"/bilagor/{attachment.pk}/").status_code == 200

    publishing.publish_minutes(meeting, note="Bilaga 1 är inte offentlig.")
    assert "beslutsunderlag.pdf" not in client.get(meeting.get_absolute_url()).content.decode()
