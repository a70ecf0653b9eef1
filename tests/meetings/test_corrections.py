"""Published minutes never change in place: an edit is a correction draft until it is published."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from docx import Document
from pypdf import PdfWriter

from samverkan.core.errors import UserError
from samverkan.matters.models import Matter
from samverkan.matters.services import link_item
from samverkan.meetings import attachments, publishing, recording
from samverkan.meetings.models import Meeting, MinutesVersion
from samverkan.search.selectors import search

pytestmark = pytest.mark.django_db

FIRST = "att godkänna dagordningen."
CORRECTED = "att godkänna dagordningen med ett tillägg."


@pytest.fixture
def published(meeting, members):
    """The meeting, held a week ago, with item 2 decided as proposed and the minutes published."""
    meeting.date = timezone.localdate() - datetime.timedelta(days=7)
    meeting.save()
    recording.adopt_proposals(meeting.items.get(number="2"))
    publishing.publish_minutes(meeting, publish_unrecorded=True)
    return meeting


def correct_item_2(meeting, decision=CORRECTED):
    item = meeting.items.get(number="2")
    recording.record_item(item, None, minutes_text="", decisions=[decision], outcome="decided")


def page_text(client, meeting) -> str:
    return client.get(meeting.get_absolute_url()).content.decode()


def docx_text(content: bytes) -> str:
    return "\n".join(paragraph.text for paragraph in Document(io.BytesIO(content)).paragraphs)


def one_page_pdf(name="beslutsunderlag.pdf") -> SimpleUploadedFile:
    writer, out = PdfWriter(), io.BytesIO()
    writer.add_blank_page(width=595, height=842)
    writer.write(out)
    return SimpleUploadedFile(name, out.getvalue(), content_type="application/pdf")


def test_the_public_reads_the_published_decision_while_a_correction_is_drafted(client, published, secretary):
    correct_item_2(published)
    public_page = page_text(client, published)
    assert FIRST in public_page
    assert CORRECTED not in public_page

    client.force_login(secretary)
    assert CORRECTED in page_text(client, published)


def test_publishing_the_correction_shows_it_and_keeps_the_first_version_readable(client, published):
    correct_item_2(published)
    second = publishing.publish_minutes(published, note="Tillägg i punkt 2.")
    assert second.version == 2
    public_page = page_text(client, published)
    assert CORRECTED in public_page
    first = published.minutes_versions.get(version=1)
    assert FIRST in client.get(f"/minnesanteckningar/{first.pk}/").content.decode()


def test_the_minutes_documents_follow_the_published_version(client, published, secretary):
    correct_item_2(published)
    public_docx = docx_text(client.get(f"/moten/{published.pk}/minnesanteckningar.docx").content)
    assert FIRST in public_docx and CORRECTED not in public_docx
    client.force_login(secretary)
    draft_docx = docx_text(client.get(f"/moten/{published.pk}/minnesanteckningar.docx").content)
    assert CORRECTED in draft_docx


def test_search_finds_the_published_text_until_the_correction_is_published(published):
    correct_item_2(published, decision="att godkänna dagordningen med ett ordförandeval.")
    assert search("ordförandeval").total == 0
    publishing.publish_minutes(published, note="Punkt 2 rättad.")
    assert search("ordförandeval").total == 1


def test_an_attachment_added_after_publication_stays_hidden_until_the_correction(client, published):
    item = published.items.get(number="2")
    attachment = attachments.attach_file(item, one_page_pdf(), public=True)
    assert client.get(f"/bilagor/{attachment.pk}/").status_code == 404
    assert "beslutsunderlag.pdf" not in page_text(client, published)

    publishing.publish_minutes(published, note="Bilaga till punkt 2.")
    assert client.get(f"/bilagor/{attachment.pk}/").status_code == 200
    assert "beslutsunderlag.pdf" in page_text(client, published)


def test_the_first_edit_of_imported_minutes_keeps_them_as_version_1(client, meeting, members, secretary):
    recording.adopt_proposals(meeting.items.get(number="2"))
    imported_at = timezone.now() - datetime.timedelta(days=400)
    Meeting.objects.filter(pk=meeting.pk).update(published_at=imported_at, status=Meeting.Status.PUBLISHED)
    item = meeting.items.get(number="2")
    client.force_login(secretary)

    client.post(f"/sekretariat/punkter/{item.pk}/anteckna/", {
        f"item-{item.pk}-version": item.lock_version, f"item-{item.pk}-minutes_text": "",
        f"item-{item.pk}-decisions": CORRECTED, f"item-{item.pk}-outcome": "decided",
    })

    kept = MinutesVersion.objects.get(meeting=meeting)
    assert (kept.version, kept.note, kept.published_at) == (1, "Publicerad vid import från arkivet.", imported_at)
    assert FIRST in kept.text
    client.logout()
    public_page = page_text(client, meeting)
    assert FIRST in public_page and CORRECTED not in public_page


def test_minutes_of_a_meeting_not_yet_held_are_refused(meeting, members, time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 2, 12, 0, tzinfo=datetime.UTC))
    with pytest.raises(UserError) as refused:
        publishing.publish_minutes(meeting, publish_unrecorded=True)
    assert refused.value.message == ("Mötet hålls 10 december 2026 och minnesanteckningarna kan publiceras "
                                     "först från mötesdagen.")
    assert refused.value.code == "meeting_not_held"
    assert not meeting.minutes_versions.exists()


def test_items_with_nothing_recorded_are_named_before_publishing(published_later):
    meeting = published_later
    with pytest.raises(UserError) as refused:
        publishing.publish_minutes(meeting)
    assert refused.value.message == ("4 punkter är inte behandlade: 1, 3, 4, 5. Ange vad som hände med dem, "
                                     "eller kryssa i ”Publicera ändå”.")
    version = publishing.publish_minutes(meeting, publish_unrecorded=True)
    assert version.version == 1


def test_the_minutes_date_is_the_day_of_publication_never_before_the_meeting(published):
    published.refresh_from_db()
    assert published.minutes_date == timezone.localdate()
    assert published.minutes_date >= published.date


@pytest.fixture
def published_later(meeting, members):
    """The meeting held yesterday with only item 2 recorded, not yet published."""
    meeting.date = timezone.localdate() - datetime.timedelta(days=1)
    meeting.save()
    recording.adopt_proposals(meeting.items.get(number="2"))
    return meeting


def test_a_published_reading_names_the_kept_person_after_two_people_are_merged(client, published, members):
    from samverkan.directory.models import Person
    from samverkan.directory.services import merge_people

    maria = members[0]
    duplicate = Person.objects.create(name="Maria Jonsson (dubblett)")
    recording.record_attendance(published, [recording.Presence(duplicate), recording.Presence(maria)], None)
    publishing.publish_minutes(published, note="Närvaron rättad.")

    merge_people(maria, duplicate)

    page = page_text(client, published)
    assert "Maria Jonsson (dubblett)" not in page
    assert page.count(f'href="{maria.get_absolute_url()}"') == 1


def test_a_matters_timeline_reads_the_published_decision_while_a_correction_is_drafted(client, published, secretary):
    matter = Matter.objects.create(title="Dagordningen", body=published.body)
    link_item(matter, published.items.get(number="2"))
    correct_item_2(published)

    public_page = client.get(f"/arenden/{matter.pk}/").content.decode()
    assert FIRST in public_page
    assert CORRECTED not in public_page
    client.force_login(secretary)
    assert CORRECTED in client.get(f"/arenden/{matter.pk}/").content.decode()
