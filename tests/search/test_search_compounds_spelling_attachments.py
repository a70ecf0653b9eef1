"""What a reader types finds what they mean: compounds, misspellings, attachments' text, order and filters."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from samverkan.directory.models import Organization, Person
from samverkan.meetings import attachments as meeting_attachments
from samverkan.meetings.models import AgendaItem
from samverkan.search import vocabulary
from samverkan.search.models import AttachmentText, SearchWord
from samverkan.search.selectors import filter_choices, latest_decisions, search
from samverkan.search.services import index_meeting, rebuild_index

pytestmark = pytest.mark.django_db


def titles(page):
    return [hit.item.title for hit in page.hits]


def docx_upload(text: str, name: str = "underlag.docx") -> SimpleUploadedFile:
    import docx

    document = docx.Document()
    for paragraph in text.split("\n"):
        document.add_paragraph(paragraph)
    data = io.BytesIO()
    document.save(data)
    return SimpleUploadedFile(name, data.getvalue())


def pdf_upload(text: str, name: str = "bilaga.pdf") -> SimpleUploadedFile:
    from weasyprint import HTML

    return SimpleUploadedFile(name, HTML(string=f"<p>{text}</p>").write_pdf())


class TestCompounds:
    def test_the_first_part_finds_the_compound(self, make_meeting):
        make_meeting(items=[{"title": "Utredning", "agenda_text": "En översyn av hemsjukvårdsavtalet."}])
        for query in ("hemsjukvård", "hemsjukvård*", "Hemsjukvården", "hemsjukvårdsavtalet"):
            assert titles(search(query)) == ["Utredning"], query

    def test_an_exact_word_ranks_above_a_compound_it_begins(self, make_meeting):
        make_meeting(items=[{"title": "Budgetuppföljning"}, {"title": "Budget"}])
        assert titles(search("budget")) == ["Budget", "Budgetuppföljning"]

    def test_short_stems_match_only_themselves(self, make_meeting):
        make_meeting(items=[{"title": "Hemtjänst"}, {"title": "Hem för vård"}])
        assert titles(search("hem")) == ["Hem för vård"]

    def test_the_compound_is_highlighted_in_the_snippet(self, make_meeting):
        make_meeting(items=[{"title": "Utredning", "agenda_text": "En översyn av hemsjukvårdsavtalet."}])
        assert search("hemsjukvård").hits[0].snippet == "En översyn av <mark>hemsjukvårdsavtalet</mark>."


class TestMenadeDu:
    def test_a_misspelling_gets_the_indexed_spelling(self, make_meeting):
        make_meeting(items=[{"title": "Aktuellt covid-läge", "presenters": ["Ulrika Gärdsback"]}])
        page = search("covd")
        assert (page.total, page.suggestion) == (0, "covid")
        assert search("Gärdsbak").suggestion == "gärdsback"

    def test_a_misspelt_first_part_of_a_compound_is_corrected_to_that_part(self, make_meeting):
        make_meeting(items=[{"title": "Utredning", "agenda_text": "En översyn av Hemsjukvårdsavtalet."}])
        page = search("hemsjukvåd")
        assert page.suggestion == "hemsjukvård"
        assert titles(search(page.suggestion)) == ["Utredning"]

    def test_only_the_unknown_word_is_replaced(self, make_meeting):
        make_meeting(items=[{"title": "Kalendarium 2024", "agenda_text": "Mötena sker på torsdagar."}])
        assert search("kalendarium torsdgar").suggestion == "kalendarium torsdagar"

    def test_no_suggestion_when_the_query_finds_enough(self, make_meeting):
        make_meeting(items=[{"title": f"Budget {n}"} for n in range(3)] + [{"title": "Budgeten"}])
        assert search("budget").suggestion == ""

    def test_no_suggestion_that_finds_nothing_more(self, make_meeting):
        make_meeting(items=[{"title": "Budget"}])
        assert search("xyzzy").suggestion == ""

    def test_words_only_members_may_read_are_never_suggested(self, make_meeting):
        make_meeting(items=[{"title": "Utkast om lönerevision"}], published=False)
        assert search("lönerevisin").suggestion == ""

    def test_the_vocabulary_counts_entries_and_follows_the_index(self, make_meeting):
        meeting = make_meeting(items=[{"title": "Budget", "agenda_text": "budget budget"}, {"title": "Budget 2025"}])
        assert SearchWord.objects.get(word="budget").count == 2
        meeting.items.filter(title="Budget 2025").update(title="Verksamhetsplan")
        index_meeting(meeting)
        assert SearchWord.objects.get(word="budget").count == 1
        assert SearchWord.objects.filter(word="verksamhetsplan").exists()
        SearchWord.objects.all().delete()
        rebuild_index()
        assert dict(SearchWord.objects.values_list("word", "count")) == {"budget": 1, "verksamhetsplan": 1}

    def test_edit_distance_counts_a_swap_as_one(self):
        assert vocabulary.distances("kalednarium", "kalendarium", 2)[-1] == 1
        assert vocabulary.distances("abc", "xyz", 1) is None


class TestAttachments:
    def test_a_public_attachments_text_is_found_with_its_item(self, make_meeting):
        meeting = make_meeting(items=[{"title": "Läkarintyg"}])
        meeting_attachments.attach_file(meeting.items.get(), docx_upload("Avgiftsfrihet för försörjningsstöd."),
                                        public=True)
        page = search("försörjningsstöd")
        assert titles(page) == ["Läkarintyg"]
        assert "<mark>försörjningsstöd</mark>" in page.hits[0].snippet

    def test_pdf_text_is_searched_too(self, make_meeting):
        meeting = make_meeting(items=[{"title": "Kalendarium"}])
        meeting_attachments.attach_file(meeting.items.get(), pdf_upload("Mötena sker på torsdagar."), public=True)
        assert titles(search("torsdagar")) == ["Kalendarium"]

    def test_a_non_public_attachment_is_searched_only_by_the_bodys_members(self, make_meeting, body):
        meeting = make_meeting(items=[{"title": "Bemanning", "agenda_text": "Inför storhelgerna."}])
        meeting_attachments.attach_file(meeting.items.get(), docx_upload("Lönerevision för sjuksköterskor."))
        assert search("lönerevision").total == 0
        member_page = search("lönerevision", readable_body_ids={body.pk})
        assert titles(member_page) == ["Bemanning"]
        assert "<mark>Lönerevision</mark>" in member_page.hits[0].snippet
        # the rest of the item stays searchable by everyone, without the members' text in the snippet
        public_page = search("storhelgerna")
        assert titles(public_page) == ["Bemanning"] and "Lönerevision" not in public_page.hits[0].snippet
        assert titles(search("storhelgerna", readable_body_ids={body.pk})) == ["Bemanning"]

    def test_making_it_public_makes_it_searchable_by_everyone(self, make_meeting, body):
        meeting = make_meeting(items=[{"title": "Bemanning"}], published=True)
        attachment = meeting_attachments.attach_file(meeting.items.get(), docx_upload("Lönerevision."))
        meeting_attachments.set_public(attachment, True)
        assert titles(search("lönerevision")) == ["Bemanning"]

    def test_a_deleted_attachment_leaves_the_index(self, make_meeting, body):
        meeting = make_meeting(items=[{"title": "Bemanning"}])
        attachment = meeting_attachments.attach_file(meeting.items.get(), docx_upload("Lönerevision."), public=True)
        meeting_attachments.remove_attachment(attachment)
        assert search("lönerevision").total == 0
        assert search("lönerevision", readable_body_ids={body.pk}).total == 0
        assert not AttachmentText.objects.exists()

    def test_a_file_is_read_once_however_often_the_meeting_is_indexed(self, make_meeting, monkeypatch):
        from samverkan.search import attachments

        meeting = make_meeting(items=[{"title": "Bemanning"}])
        meeting_attachments.attach_file(meeting.items.get(), docx_upload("Lönerevision."), public=True)
        monkeypatch.setattr(attachments, "_read", lambda attachment: pytest.fail("read again"))
        index_meeting(meeting)
        assert search("lönerevision").total == 1

    def test_a_file_without_readable_text_adds_none_and_breaks_nothing(self, make_meeting):
        import zipfile

        meeting = make_meeting(items=[{"title": "Bemanning"}])
        workbook = io.BytesIO()
        with zipfile.ZipFile(workbook, "w") as archive:
            archive.writestr("xl/workbook.xml", "<workbook/>")
        meeting_attachments.attach_file(meeting.items.get(), SimpleUploadedFile("tabell.xlsx", workbook.getvalue()),
                                        public=True)
        assert search("bemanning").total == 1
        assert AttachmentText.objects.get().text == ""

    def test_deleting_the_meeting_removes_both_readings(self, make_meeting, body):
        meeting = make_meeting(items=[{"title": "Bemanning"}])
        meeting_attachments.attach_file(meeting.items.get(), docx_upload("Lönerevision."))
        meeting.delete()
        assert search("lönerevision", readable_body_ids={body.pk}).total == 0
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM search_fts")
                assert cursor.fetchone()[0] == 0


class TestOrderAndFilters:
    @pytest.fixture
    def archive(self, make_meeting):
        region = Organization.objects.create(name="Region Dalarna", kind=Organization.Kind.REGION)
        anna = Person.objects.create(name="Anna Berg", organization=region)
        old = make_meeting(date=datetime.date(2021, 2, 1), items=[
            {"title": "Budget", "decisions": ["att fastställa budget"], "type": AgendaItem.Type.DECISION}])
        make_meeting(date=datetime.date(2023, 2, 1), items=[
            {"title": "Rapport", "agenda_text": "Om budget.", "type": AgendaItem.Type.REPORT}])
        old.items.get().presentations.create(person=anna, position=0)
        index_meeting(old)
        return anna, region

    def test_relevance_puts_the_title_first_and_date_the_newest(self, archive):
        assert titles(search("budget")) == ["Budget", "Rapport"]
        assert titles(search("budget", order="date")) == ["Rapport", "Budget"]
        assert titles(search("budget", order="nonsense")) == ["Budget", "Rapport"]

    def test_filter_by_presenter_and_by_their_organisation(self, archive):
        anna, region = archive
        assert titles(search("budget", presenter_id=anna.pk)) == ["Budget"]
        assert titles(search("budget", organization_id=region.pk)) == ["Budget"]

    def test_the_choices_are_what_readable_items_have(self, archive, body):
        anna, region = archive
        choices = filter_choices()
        assert choices["years"] == [2023, 2021]
        assert choices["bodies"] == [body]
        assert choices["presenters"] == [anna] and choices["organizations"] == [region]

    def test_latest_decisions_newest_first_with_their_decision(self, archive, make_meeting):
        make_meeting(date=datetime.date(2024, 1, 1), published=False, items=[
            {"title": "Hemligt beslut", "type": AgendaItem.Type.DECISION}])
        decisions = latest_decisions()
        assert [hit.item.title for hit in decisions] == ["Budget"]
        assert decisions[0].snippet == "att fastställa budget"
