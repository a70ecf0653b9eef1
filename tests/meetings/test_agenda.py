"""Planning a meeting and building its agenda."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document
from pypdf import PdfWriter

from samverkan.core.locking import EditConflict
from samverkan.meetings import recording, services
from samverkan.meetings.attachments import AttachmentRejected, attach_file
from samverkan.meetings.models import AgendaItem, Meeting

pytestmark = pytest.mark.django_db


def titles(meeting):
    return [(item.number, item.title) for item in meeting.items.filter(parent=None).order_by("position")]


def pdf_upload(name="underlag.pdf"):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    from io import BytesIO
    buffer = BytesIO()
    writer.write(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/pdf")


def docx_upload(name="rapport.docx"):
    from io import BytesIO
    buffer = BytesIO()
    Document().save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def test_a_new_agenda_starts_with_the_standard_items(meeting):
    assert titles(meeting) == [
        ("1", "Mötets öppnande"), ("2", "Godkännande av dagordning"), ("3", "Föregående minnesanteckningar"),
        ("4", "Rapporter"), ("5", "Övriga frågor"),
    ]
    approval = meeting.items.get(number="2")
    assert [c.text for c in approval.proposals] == ["att godkänna dagordningen."]
    assert meeting.mode == Meeting.Mode.HYBRID


def test_previous_minutes_are_named_by_date_and_linked(body, meeting):
    later = services.plan_meeting(body, datetime.date(2027, 1, 21))
    assert later.items.get(number="3").title == "Föregående minnesanteckningar 261210"
    assert later.previous_meeting == meeting


def test_new_items_go_before_other_business_and_numbering_follows(meeting):
    services.add_item(meeting, "Kalendarium 2027", AgendaItem.Type.DECISION, proposals=["att fastställa kalendariet."])
    assert titles(meeting)[-2:] == [("5", "Kalendarium 2027"), ("6", "Övriga frågor")]


def test_reordering_renumbers_items_and_attachments(meeting):
    first = services.add_item(meeting, "Ekonomi")
    second = services.add_item(meeting, "Kvinnofrid")
    attach_file(first, pdf_upload("ekonomi.pdf"))
    attach_file(second, pdf_upload("kvinnofrid.pdf"))
    assert first.attachments.get().label == "Bilaga 1"
    meeting.refresh_from_db()
    order = list(meeting.items.filter(parent=None).order_by("position").values_list("pk", flat=True))
    order.remove(second.pk)
    order.insert(0, second.pk)
    services.reorder_items(meeting, order, meeting.lock_version)
    assert titles(meeting)[0] == ("1", "Kvinnofrid")
    assert second.attachments.get().label == "Bilaga 1"
    assert first.attachments.get().label == "Bilaga 2"


def test_moving_an_item_with_the_keyboard_buttons(meeting):
    item = services.add_item(meeting, "Ekonomi")
    meeting.refresh_from_db()
    services.move_item(item, -1, meeting.lock_version)
    assert titles(meeting)[3] == ("4", "Ekonomi")


def test_a_stale_reorder_loses_with_a_clear_message(meeting):
    stale = meeting.lock_version
    services.add_item(meeting, "Ekonomi")
    ids = list(meeting.items.filter(parent=None).values_list("pk", flat=True))
    with pytest.raises(EditConflict, match="har ändrats av någon annan"):
        services.reorder_items(meeting, ids, stale)


def test_two_secretaries_editing_one_item_do_not_overwrite_each_other(meeting):
    item = meeting.items.get(number="4")
    version = item.lock_version
    services.update_item(item, version, title="Rapporter och delgivningar", type="report", agenda_text="",
                         proposals=["att lägga informationen till handlingarna."], presenters=[])
    with pytest.raises(EditConflict):
        services.update_item(AgendaItem.objects.get(pk=item.pk), version, title="Rapporter", type="report",
                             agenda_text="", proposals=[], presenters=[])
    assert AgendaItem.objects.get(pk=item.pk).title == "Rapporter och delgivningar"


def test_presenters_come_from_the_directory_or_are_added(meeting, members):
    item = meeting.items.get(number="4")
    services.update_item(item, item.lock_version, title=item.title, type=item.type, agenda_text="",
                         proposals=[], presenters=[("Åsa Dedering", "Hälso- och sjukvårdsdirektör"),
                                                   ("Ny Person", "Utvecklingsledare")])
    presenters = [(p.person, p.title) for p in item.presentations.all()]
    assert presenters[0] == (members[1], "Hälso- och sjukvårdsdirektör")
    assert presenters[1][0].name == "Ny Person"


def test_office_files_are_accepted_by_content(meeting):
    item = meeting.items.get(number="4")
    attachment = attach_file(item, docx_upload("rapport"))
    assert attachment.original_name == "rapport.docx"
    assert attachment.content_type.endswith("wordprocessingml.document")


@pytest.mark.parametrize("content", [b"MZ\x90\x00 not a document", b"PK\x03\x04broken zip", b"%PD"])
def test_other_files_are_refused_whatever_their_name(meeting, content):
    with pytest.raises(AttachmentRejected, match="faktura.pdf"):
        attach_file(meeting.items.get(number="4"), SimpleUploadedFile("faktura.pdf", content))
    assert not meeting.items.get(number="4").attachments.exists()


def test_attachments_over_the_size_limit_are_refused(meeting, settings):
    settings.SAMVERKAN_MAX_ATTACHMENT_BYTES = 100
    with pytest.raises(AttachmentRejected, match="större än gränsen"):
        attach_file(meeting.items.get(number="4"), pdf_upload())


def test_tabled_items_are_offered_on_the_next_agenda(body, meeting):
    item = services.add_item(meeting, "Val av ordförande 2027", AgendaItem.Type.DECISION)
    recording.table_item(item)
    assert [c.text for c in item.decisions] == ["att bordlägga val av ordförande 2027."]
    later = services.plan_meeting(body, datetime.date(2027, 1, 21))
    assert list(services.pending_items(body, before=later)) == [item]
    carried = services.carry_over(later, item)
    assert carried.continues == item
    assert list(services.pending_items(body, before=later)) == []


def test_items_taken_back_are_offered_too(body, meeting):
    item = services.add_item(meeting, "Digitala hjälpmedel", AgendaItem.Type.DECISION)
    recording.record_item(item, None, minutes_text="Styrgruppen tar tillbaka frågan.",
                          decisions=["att Styrgruppen tar tillbaka frågan för vidare beredning."],
                          outcome=AgendaItem.Outcome.TAKEN_BACK)
    assert item in services.pending_items(body)


def test_the_meeting_form_is_read_from_the_place_when_not_chosen(body):
    meeting = services.plan_meeting(body, datetime.date(2027, 2, 4), location="Teams", mode=Meeting.Mode.UNKNOWN)
    assert meeting.mode == Meeting.Mode.DIGITAL


def test_removing_an_attachment_deletes_its_file_once_saved(meeting, settings, tmp_path,
                                                            django_capture_on_commit_callbacks):
    from pathlib import Path

    from samverkan.meetings.attachments import remove_attachment

    settings.MEDIA_ROOT = tmp_path
    attachment = attach_file(meeting.items.get(number="4"), pdf_upload())
    path = Path(attachment.file.path)
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        remove_attachment(attachment)
    assert not path.exists()


def test_a_stale_edit_of_the_meeting_details_is_refused(client, secretary, meeting):
    client.force_login(secretary)
    stale = meeting.lock_version
    services.add_item(meeting, "Något nytt")  # someone else changed the meeting meanwhile
    response = client.post(f"/sekretariat/moten/{meeting.pk}/uppgifter/", {
        "body": meeting.body_id, "date": "2026-12-11", "location": "Teams", "mode": "digital",
        "version": stale})
    assert response.status_code == 200
    assert "har ändrats av någon annan" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.date.isoformat() == "2026-12-10"


def test_sub_items_are_lettered_and_relettered(meeting):
    reports = meeting.items.get(number="4", parent=None)
    first = services.add_subitem(reports, "Rapporter från nationella nätverk")
    second = services.add_subitem(reports, "Rapport från Välfärdsrådet")
    third = services.add_subitem(reports, "Rapport från LGRS")
    assert [first.number, second.number, third.number] == ["a", "b", "c"]
    services.remove_item(second)
    assert list(reports.subitems.order_by("position").values_list("number", "title")) == [
        ("a", "Rapporter från nationella nätverk"), ("b", "Rapport från LGRS")]


def test_sub_item_letters_go_on_past_z():
    assert [services.subitem_letter(i) for i in (0, 1, 25, 26, 27)] == ["a", "b", "z", "aa", "ab"]


def test_the_secretariat_adds_a_sub_item_from_the_agenda(client, secretary, meeting):
    client.force_login(secretary)
    reports = meeting.items.get(number="4", parent=None)
    response = client.post(f"/sekretariat/punkter/{reports.pk}/underpunkt/", {"title": "Nationella nätverk"})
    assert response.status_code == 302
    assert reports.subitems.get().number == "a"
    page = client.get(f"/sekretariat/moten/{meeting.pk}/").content.decode()
    assert "a) Nationella nätverk" in page


def test_numbered_sub_items_stay_numbered(meeting):
    reports = meeting.items.get(number="4", parent=None)
    for number, title in (("1", "Första"), ("2", "Andra"), ("3", "Tredje")):
        AgendaItem.objects.create(meeting=meeting, parent=reports, number=number, position=int(number) - 1,
                                  title=title)
    services.remove_item(reports.subitems.get(number="2"))
    assert list(reports.subitems.order_by("position").values_list("number", flat=True)) == ["1", "2"]
