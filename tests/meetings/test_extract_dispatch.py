"""Extracts of one item's decision (utdrag) and their dispatch (expediering): the extract's wording, who
verified and who certifies, the preview, the e-mails, the record, and what the public sees."""

import datetime
import smtplib

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.urls import reverse

from samverkan.core.errors import UserError
from samverkan.meetings import extracts, publishing, recording
from samverkan.meetings.documents.extract import extract_docx, extract_text, item_extract
from samverkan.meetings.models import ExtractRecipient
from tests import factories

pytestmark = pytest.mark.django_db

DECISION = "att anta de reviderade överenskommelserna och rekommendera huvudmännen att anta dem."


EXPECTED = """Länsnätverket för förvaltningschefer
(Länschefsnätverket, LCHNV)
Utdrag ur minnesanteckningar

Datum: 10 december 2026
Tid: Kl. 9.30–12.00
Plats: Myntgatan 2, Falun samt Teams
Punkt: 5

5. Beslut: Reviderade överenskommelser

Tanja Mårtensson redogjorde för revideringen.

Överenskommelserna gäller från 1 april 2027.

Länschefsnätverket beslutade:

att anta de reviderade överenskommelserna och rekommendera huvudmännen att anta dem.

Justerat
Maria Jonsson 11 december 2026
Åsa Dedering 12 december 2026
Rätt utdraget intygar
Anna Berg 14 december 2026

Färdigställt 12 december 2026
"""


def test_the_extract_of_verified_minutes_names_the_justerare_and_the_certifying_secretary(verified):
    extract = item_extract(verified, certified_by="Anna Berg", on=datetime.date(2026, 12, 14))
    assert extract_text(extract) == EXPECTED
    assert extract.header.lines == ["Utdrag ur minnesanteckningar Länschefsnätverket", "Datum: 2026-12-12",
                                    "Dnr: HSN 2026/12"]
    assert extract.file_stem == "utdrag-lchnv-2026-12-10-punkt-5"


def test_the_word_extract_has_the_same_lines_and_its_properties(verified):
    import io

    from docx import Document

    extract = item_extract(verified, certified_by="Anna Berg", on=datetime.date(2026, 12, 14))
    document = Document(io.BytesIO(extract_docx(extract)))
    lines = [p.text for p in document.paragraphs if p.text]
    assert lines == [line for line in EXPECTED.splitlines() if line]
    assert document.sections[0].header.paragraphs[0].text.splitlines() == extract.header.lines
    properties = document.core_properties
    assert properties.title == "Utdrag ur minnesanteckningar Länschefsnätverket 10 december 2026, punkt 5"
    assert properties.created.date() == datetime.date(2026, 12, 14)


def test_a_body_that_does_not_certify_extracts_gets_no_rätt_utdraget_intygar(verified):
    verified.meeting.body.certify_extracts = False
    verified.meeting.body.save()
    text = extract_text(item_extract(verified, certified_by="Anna Berg", on=datetime.date(2026, 12, 14)))
    assert "Rätt utdraget intygar" not in text and "Anna Berg" not in text
    assert "Justerat\nMaria Jonsson 11 december 2026\nÅsa Dedering 12 december 2026\n" in text


def test_minutes_without_justering_give_an_extract_without_signatures(item, anna):
    with time_machine.travel(datetime.datetime(2026, 12, 12, 9, 0)):
        publishing.publish_minutes(item.meeting, acting_user=anna)
    item.meeting.refresh_from_db()
    text = extract_text(item_extract(item, certified_by="Anna Berg", on=datetime.date(2026, 12, 14)))
    assert "Justerat" not in text and "Rätt utdraget intygar" not in text
    assert text.endswith("att anta de reviderade överenskommelserna och rekommendera huvudmännen att anta dem.\n\n"
                         "Färdigställt 12 december 2026\n")


def test_the_extract_reads_the_published_minutes_not_a_correction_draft(verified, anna):
    recording.record_item(verified, None, minutes_text="Utkast till rättelse.", decisions=["att ändra."],
                          outcome="decided")
    text = extract_text(item_extract(verified, certified_by="Anna Berg", on=datetime.date(2026, 12, 14)))
    assert DECISION in text and "Utkast till rättelse." not in text


def test_unpublished_minutes_give_no_extract(item):
    with pytest.raises(UserError) as error:
        item_extract(item, certified_by="Anna Berg")
    assert (error.value.code, error.value.message) == (
        "not_published", "Minnesanteckningarna är inte publicerade. Utdrag kan göras först när de är publicerade.")


@pytest.fixture
def borlange():
    organization = factories.municipality("Borlänge")
    organization.registry_email = "registrator@borlange.example"
    organization.save()
    return organization


def test_the_preview_shows_the_mail_and_each_address_once(verified, anna, borlange, members, other_body):
    other_body.secretaries.add(factories.user("vr", email="sekretariat@vfr.example"))
    choice = extracts.RecipientChoice(organizations=[borlange.pk], people=[members[0].pk], bodies=[other_body.pk],
                                      addresses=["REGISTRATOR@borlange.example", "kansli@falun.example"])
    with time_machine.travel(datetime.datetime(2026, 12, 14, 10, 0)):
        preview = extracts.dispatch_preview(verified, choice, acting_user=anna)
    assert [(r.name, r.email) for r in preview.recipients] == [
        ("Registrator, Borlänge", "registrator@borlange.example"),
        ("Maria Jonsson, Falun", "maria@falun.example"),
        ("Sekretariatet för Välfärdsrådet", "sekretariat@vfr.example"),
        ("kansli@falun.example", "kansli@falun.example"),
    ]
    assert preview.mail.subject == "Utdrag ur minnesanteckningar: Länschefsnätverket 10 december 2026, punkt 5"
    assert preview.mail.body == (
        "Hej!\n\nHär kommer ett utdrag ur minnesanteckningarna från Länschefsnätverket 10 december 2026, punkt 5: "
        "Reviderade överenskommelser.\n\nLänschefsnätverket beslutade:\n" + DECISION + "\n\n"
        "Utdraget finns som bifogad PDF (utdrag-lchnv-2026-12-10-punkt-5.pdf).\n\n"
        "Vänliga hälsningar\nSekretariatet för Länschefsnätverket\n")
    assert preview.mail.reply_to == ["anna@rss.example"]


@pytest.mark.parametrize(("choice", "code", "message"), [
    ({"organizations": "nameless"}, "no_registry_email",
     "Leksand har ingen e-postadress till registratorn. Lägg till den under Organisationer."),
    ({"people": "tomas"}, "no_email", "Tomas Ahlin har ingen e-postadress."),
    ({"bodies": "council"}, "no_secretary", "Välfärdsrådet har ingen sekreterare med e-postadress."),
    ({"addresses": ["registrator.borlange"]}, "invalid_email", "”registrator.borlange” är ingen e-postadress."),
])
def test_a_recipient_without_an_address_is_named(verified, anna, members, other_body, choice, code, message):
    ids = {"nameless": [factories.municipality("Leksand").pk], "tomas": [members[2].pk], "council": [other_body.pk]}
    chosen = extracts.RecipientChoice(**{key: ids.get(value, value) if isinstance(value, str) else value
                                         for key, value in choice.items()})
    with pytest.raises(UserError) as error:
        extracts.dispatch_preview(verified, chosen, acting_user=anna)
    assert (error.value.code, error.value.message) == (code, message)


def test_no_recipient_is_refused_in_the_preview_and_when_sent(verified, anna):
    preview = extracts.dispatch_preview(verified, extracts.RecipientChoice(), acting_user=anna)
    assert preview.refusal == "Välj minst en mottagare."
    with pytest.raises(UserError) as error:
        extracts.send_extract(verified, extracts.RecipientChoice(), acting_user=anna)
    assert error.value.message == "Välj minst en mottagare."


class RefusingBackend(EmailBackend):
    def send_messages(self, messages):
        if any("kansli@falun.example" in message.to for message in messages):
            raise smtplib.SMTPRecipientsRefused({"kansli@falun.example": (550, b"No such user")})
        return super().send_messages(messages)


def test_sending_mails_each_address_and_records_the_dispatch(verified, anna, borlange, settings):
    settings.EMAIL_BACKEND = "tests.meetings.test_extract_dispatch.RefusingBackend"
    choice = extracts.RecipientChoice(organizations=[borlange.pk], addresses=["kansli@falun.example"])
    preview = extracts.dispatch_preview(verified, choice, acting_user=anna)
    with time_machine.travel(datetime.datetime(2026, 12, 14, 10, 0)):
        dispatch = extracts.send_extract(verified, choice, token=preview.token, acting_user=anna)

    assert [message.to for message in mail.outbox] == [["registrator@borlange.example"]]
    message = mail.outbox[0]
    assert message.subject == "Utdrag ur minnesanteckningar: Länschefsnätverket 10 december 2026, punkt 5"
    [(name, content, content_type)] = message.attachments
    assert (name, content_type) == ("utdrag-lchnv-2026-12-10-punkt-5.pdf", "application/pdf")
    assert content.startswith(b"%PDF-1.7")
    assert dispatch.minutes_version.version == 1 and dispatch.sent_by == anna
    assert [(r.kind, r.name, r.status, r.error) for r in dispatch.recipients.all()] == [
        (ExtractRecipient.Kind.REGISTRY, "Registrator, Borlänge", "sent", ""),
        (ExtractRecipient.Kind.ADDRESS, "kansli@falun.example", "failed", "550 No such user"),
    ]
    [shown] = extracts.item_dispatches(verified)
    assert shown.line == ("Expedierat till Registrator, Borlänge (registrator@borlange.example), "
                          "kansli@falun.example (kansli@falun.example) – misslyckades den 14 december 2026")
    assert extracts.public_dispatch_lines([verified.pk]) == {
        verified.pk: ["Utdrag expedierat till Borlänge den 14 december 2026"]}


def test_an_extract_changed_since_the_preview_is_not_sent(verified, anna, borlange):
    choice = extracts.RecipientChoice(organizations=[borlange.pk])
    token = extracts.dispatch_preview(verified, choice, acting_user=anna).token
    borlange.registry_email = "diarium@borlange.example"
    borlange.save()
    with pytest.raises(UserError) as error:
        extracts.send_extract(verified, choice, token=token, acting_user=anna)
    assert error.value.message == ("Utdraget eller mottagarna har ändrats sedan du granskade utskicket. "
                                   "Granska det igen innan du expedierar.")
    assert not mail.outbox and not verified.extract_dispatches.exists()


def test_the_pages_preview_send_and_show_the_dispatch(client, verified, anna, borlange):
    client.force_login(anna)
    item_page = client.get(reverse("meetings:item", args=[verified.pk])).content.decode()
    assert "Utdraget är inte expedierat." in item_page
    assert reverse("meetings:extract_dispatch", args=[verified.pk]) in item_page
    page = client.get(reverse("meetings:extract_dispatch", args=[verified.pk])).content.decode()
    assert "Borlänge (registrator@borlange.example)" in page
    preview = client.get(reverse("meetings:extract_preview", args=[verified.pk]), {"organisation": borlange.pk})
    assert "Expediera till 1 mottagare" in preview.content.decode()
    token = preview.context["preview"].token
    response = client.post(reverse("meetings:extract_send", args=[verified.pk]),
                           {"organisation": borlange.pk, "epost": "", "token": token}, follow=True)
    assert "Utdraget är expedierat till 1 mottagare." in response.content.decode()
    assert "Expedierat till Registrator, Borlänge (registrator@borlange.example) den " in response.content.decode()
    public = client.get(verified.meeting.get_absolute_url()).content.decode()
    assert "Utdrag expedierat till Borlänge den " in public

    pdf = client.get(reverse("meetings:extract_pdf", args=[verified.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    docx = client.get(reverse("meetings:extract_docx", args=[verified.pk]))
    assert docx["Content-Disposition"] == 'attachment; filename="utdrag-lchnv-2026-12-10-punkt-5.docx"'


def test_the_public_page_names_no_address(client, verified, anna, borlange):
    extracts.send_extract(verified, extracts.RecipientChoice(organizations=[borlange.pk],
                                                             addresses=["kansli@falun.example"]),
                          acting_user=anna)
    public = client.get(verified.meeting.get_absolute_url()).content.decode()
    assert "Utdrag expedierat till Borlänge den " in public
    assert "registrator@borlange.example" not in public and "kansli@falun.example" not in public


def test_others_do_not_reach_the_extract_pages(client, verified, member_user):
    client.force_login(member_user)
    assert client.get(reverse("meetings:extract_dispatch", args=[verified.pk])).status_code == 404
    assert client.get(reverse("meetings:extract_pdf", args=[verified.pk])).status_code == 404
