"""PDFs (notice, packet, minutes, PDF attachments) open in the browser; Word files and the rest are saved."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from samverkan.meetings.models import Attachment

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretary_client(client, meeting):
    secretary = User.objects.create_user("sekreterare")
    meeting.body.secretaries.add(secretary)
    client.force_login(secretary)
    return client


@pytest.mark.parametrize(("route", "disposition"), [
    ("web:agenda_pdf", 'inline; filename="kallelse-LCHNV-2023-11-09.pdf"'),
    ("web:minutes_pdf", 'inline; filename="minnesanteckningar-LCHNV-2023-11-09.pdf"'),
    ("web:agenda_docx", 'attachment; filename="kallelse-LCHNV-2023-11-09.docx"'),
    ("web:meeting_ics", 'attachment; filename="mote-LCHNV-2023-11-09.ics"'),
])
def test_meeting_documents_open_inline_only_when_pdf(secretary_client, meeting, route, disposition):
    response = secretary_client.get(reverse(route, args=[meeting.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == disposition


def test_the_packet_opens_inline(secretary_client, meeting, monkeypatch):
    from samverkan.core import office

    monkeypatch.setattr(office, "soffice_path", lambda: None)
    response = secretary_client.get(reverse("web:packet_pdf", args=[meeting.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="handlingar-LCHNV-2023-11-09.pdf"'


def test_a_pdf_attachment_opens_inline_and_a_spreadsheet_is_saved(secretary_client, meeting, attachment_files):
    pdf = Attachment.objects.get(item__meeting=meeting, label="Bilaga 1")
    sheet = Attachment.objects.get(item__meeting=meeting, label="Bilaga 3")
    opened = secretary_client.get(reverse("web:attachment", args=[pdf.pk]))
    saved = secretary_client.get(reverse("web:attachment", args=[sheet.pk]))
    assert opened["Content-Disposition"] == 'inline; filename="minnesanteckningar_230922.pdf"'
    assert saved["Content-Disposition"] == 'attachment; filename="uppdrag_hjalpmedel.xlsx"'
