"""An attachment whose file is gone (a restore without media, a file removed by hand): 404 and a warning."""

import datetime
import logging

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from samverkan.directory.models import Body
from samverkan.meetings.attachments import attach_file
from samverkan.meetings.models import AgendaItem, Meeting
from tests.meetings.test_agenda import pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def lost_attachment():
    """A public attachment of a published meeting whose file has disappeared from MEDIA_ROOT."""
    body = Body.objects.create(name="Länsnätverket för förvaltningschefer", short_name="Länschefsnätverket")
    meeting = Meeting.objects.create(body=body, date=datetime.date(2024, 3, 14), published_at=timezone.now())
    item = AgendaItem.objects.create(meeting=meeting, number="1", position=0, title="Budget 2025")
    attachment = attach_file(item, pdf_upload("budget.pdf"), public=True)
    attachment.file.storage.delete(attachment.file.name)
    return attachment


def test_downloading_it_is_not_found_and_logged(client, lost_attachment, caplog):
    with caplog.at_level(logging.WARNING, logger="samverkan.web.downloads"):
        response = client.get(reverse("web:attachment", args=[lost_attachment.pk]))
    assert response.status_code == 404
    assert any("saknar sin fil" in record.getMessage() and record.levelno == logging.WARNING
               for record in caplog.records)


def test_the_meeting_packet_says_it_is_missing_and_logs_it(client, lost_attachment, caplog):
    secretary = User.objects.create_user("sekreterare")
    lost_attachment.item.meeting.body.secretaries.add(secretary)
    client.force_login(secretary)
    with caplog.at_level(logging.WARNING, logger="samverkan.meetings.documents.packet"):
        response = client.get(reverse("web:packet_pdf", args=[lost_attachment.item.meeting_id]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert any("saknar sin fil" in record.getMessage() for record in caplog.records)
