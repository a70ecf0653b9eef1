"""A realistic meeting of the county network: 15 items, sub-items, presenters, clauses, attendance."""

from datetime import UTC, date, datetime, time

import pytest
from django.core.files.base import ContentFile

from samverkan.directory.models import Body, Organization, Person
from samverkan.meetings.models import (
    AgendaItem,
    Attachment,
    Attendance,
    Clause,
    Meeting,
    Presentation,
)

TYPE = AgendaItem.Type
FILING = "att lägga informationen till handlingarna."

# (number, title, type, presenters [(name, title)], background, notes, proposals, decisions, attachments)
ITEMS = [
    ("1", "Mötets öppnande", TYPE.PROCEDURAL, [], "", "", [], ["att öppna mötet."], []),
    ("2", "Godkännande av dagordning", TYPE.PROCEDURAL, [], "",
     "Ulrika Gärdsback anmälde en övrig fråga om bemanning under storhelgerna.",
     ["att godkänna dagordningen."], ["att godkänna dagordningen."], []),
    ("3", "Föregående minnesanteckningar 230922", TYPE.PROCEDURAL, [], "",
     "Inga synpunkter fördes fram på föregående minnesanteckningar.",
     ["att lägga minnesanteckningarna till handlingarna."],
     ["att lägga minnesanteckningarna till handlingarna."], ["Bilaga 1"]),
    ("4", "Rapporter", TYPE.REPORT, [], "Rapporter från länets samverkansarenor.", "",
     [FILING], [FILING], []),
    ("5", "Aktuellt covidläge", TYPE.INFORMATION, [("Susanne Magnusson", "Divisionschef Medicin")],
     "Läget kring vårdplatser och smittspridning inför vintern.",
     "Susanne beskrev läget kring vårdplatser och smittspridning av både covid och säsongsinfluensa. "
     "Kommunerna uppmanas att se över sina lokala omfallsplaner inför jul och nyår.\n\n"
     "De veckovisa avstämningsmötena återupptas på fredagar kl. 8.00.",
     [FILING], [FILING], []),
    ("6", "Kalendarium för Länschefsnätverket 2024", TYPE.DECISION, [("Tanja Mårtensson", "Chef RSS Dalarna")],
     "Styrgruppen har tagit fram ett kalendarium för nätverkets möten under 2024.",
     "Efter en kortare diskussion framgick att de föreslagna tiderna krockar med andra möten.",
     ["att fastställa Länschefsnätverkets kalendarium för 2024."],
     ["att Styrgruppen återkommer med ett nytt förslag till kalendarium för 2024."], ["Bilaga 2"]),
    ("7", "Val av ordförande och vice ordförande 2024", TYPE.DECISION, [("Tanja Mårtensson", "Chef RSS Dalarna")],
     "Regionen och kommunerna växlar ordförandeposten vartannat år.",
     "Region Dalarna återkommer med förslag till ordförande.",
     ["att utse ordförande i Länschefsnätverket 2024.", "att utse vice ordförande i Länschefsnätverket 2024."],
     ["att bordlägga valet av ordförande.", "att utse Ulrika Gärdsback till vice ordförande 2024."], []),
    ("8", "Uppdrag om digitala hjälpmedel i samverkan", TYPE.DECISION,
     [("Katarina Nordin-Kajblad", "Verksamhetsutvecklare DHC"), ("Jenny Jansson", "Hjälpmedelskonsulent DHC")],
     "Arbetsgruppen från Nätverket för välfärdsteknik önskar ett fortsatt uppdrag.",
     "Från kommunalt håll efterfrågades en tydlighet i uppdraget och i den ekonomiska påverkan.",
     ["att ge Dalarnas hjälpmedelscenter uppdraget med Nätverket för välfärdsteknik som referensgrupp."],
     ["att Styrgruppen tar tillbaka frågan för vidare beredning av uppdraget."], ["Bilaga 3"]),
    ("9", "Överskjutande medel inom ÖK psykisk hälsa 2023", TYPE.DECISION, [("Tanja Mårtensson", "Chef RSS Dalarna")],
     "De icke förbrukade medlen uppgår till ungefär fyra miljoner kronor.",
     "Länschefsnätverket godkände förslaget. Fakturaunderlag skickas ut snarast möjligt.",
     ["att överskjutande medel fördelas till vardera huvudman enligt en fördelning 50/50."],
     ["att överskjutande medel enligt ÖK psykisk hälsa 2023 fördelas till vardera huvudman enligt en "
      "fördelning 50/50, där kommunernas andel fördelas utifrån befolkningsunderlag."], []),
    ("10", "Överskjutande medel inom ÖK god och nära vård 2023", TYPE.DECISION,
     [("Tanja Mårtensson", "Chef RSS Dalarna")],
     "De icke förbrukade medlen uppgår till 700 tkr.", "Länschefsnätverket godkände förslaget.",
     ["att överskjutande medel fördelas till Region Dalarna."],
     ["att överskjutande gemensamt anslagna medel enligt ÖK god och nära vård 2023 fördelas till Region Dalarna."],
     []),
    ("11", "Regionens arbete med FVIS och införandet av Cosmic Link", TYPE.REPORT,
     [("Robin Ström", "Uppdragsledare Cosmic Link"), ("Åsa Koivisto", "Expertgruppsdeltagare Cosmic Link")],
     "Regionen informerar om införandet och om HSA-trädet.",
     "Kommunföreträdare uppgav att det råder oro i verksamheterna inför införandet. "
     "Regionens företrädare underströk att frågorna kan hanteras stegvis.",
     [FILING], [FILING], ["Bilaga 4"]),
    ("12", "Länsgemensamt HVB", TYPE.INFORMATION, [("Helen Kastemyr", "Divisionschef Primärvård")],
     "Ett nytt uppdrag kan komma från Ledningsgrupp för regional samverkan.",
     "Frågan har diskuterats i Välfärdsrådet och förs vidare dit för beslut.", [FILING], [], []),
    ("13", "Läkarintyg i samband med försörjningsstöd", TYPE.INFORMATION, [("Jeanette Hjortsberg", "Utvecklingsledare")],
     "Socialchefsnätverket har lyft frågan om regionens avgifter för läkarintyg.",
     "Frågan bordlades i brist på tid.", [FILING], [], []),
    ("14", "Övriga frågor", TYPE.OTHER_BUSINESS, [], "", "Bemanning inför storhelgerna togs upp.", [], [], []),
    ("15", "Mötets avslutande", TYPE.PROCEDURAL, [], "", "", [], ["att avsluta mötet."], []),
]

SUBITEMS = [  # sub-items of item 4: (letter, title, presenter, notes)
    ("a", "Välfärdsrådet", ("Ulrika Gärdsback", "Socialchef"), "Välfärdsrådet har antagit en avsiktsförklaring om MiniMaria."),
    ("b", "Hemsjukvårdsavtalet", ("Helen Kastemyr", "Divisionschef Primärvård"), "Utredningsuppdraget godkändes."),
    ("c", "Nätverket för välfärdsteknik", ("Tanja Mårtensson", "Chef RSS Dalarna"), "Arbetet fortsätter enligt plan."),
]

# (name, organisation, title, acting, substitute for)
ATTENDANCE = [
    ("Carina Johansson", "Avesta", "", False, None),
    ("Tomas Ahlin", "Borlänge", "", False, None),
    ("Maria Jonsson", "Falun", "", False, None),
    ("Arne Holmström", "Falun", "", False, None),
    ("Ulrika Gärdsback", "Gagnef", "Socialchef", False, None),
    ("Anna Frisk", "Hedemora", "", False, None),
    ("Isabella Piva-Hultström", "Leksand", "", False, None),
    ("Anna Ståhlkloo", "Mora", "", False, None),
    ("Greta Lindqvist", "Säter", "", False, "Inga-Lill Frank"),
    ("Patrik Prahl", "Vansbro", "", True, None),
    ("Mikko Talala", "Älvdalen", "", False, None),
    ("Åsa Dedering", "Region Dalarna", "Hälso- och sjukvårdsdirektör", False, None),
    ("Beat Axå", "Region Dalarna", "Divisionschef Psykiatri", False, None),
    ("Helen Kastemyr", "Region Dalarna", "Divisionschef Primärvård", False, None),
    ("Susanne Magnusson", "Region Dalarna", "Divisionschef Medicin", False, None),
    ("Sofia Knöös", "Region Dalarna", "Förvaltningschef DHC", True, None),
    ("Tanja Mårtensson", "RSS Dalarna", "Chef RSS Dalarna", False, None),
    ("Stefan Nielsen", "RSS Dalarna", "Samordnare", False, None),
]

KINDS = {"Region Dalarna": Organization.Kind.REGION, "RSS Dalarna": Organization.Kind.OTHER}


def _person(name, organization=None, title=""):
    person, _ = Person.objects.get_or_create(name=name, defaults={"organization": organization, "title": title})
    return person


def _organization(name):
    kind = KINDS.get(name, Organization.Kind.MUNICIPALITY)
    return Organization.objects.get_or_create(name=name, defaults={"kind": kind})[0]


def _add_item(meeting, number, title, type_, presenters, background, notes, proposals, decisions,
              labels, position, parent=None):
    item = AgendaItem.objects.create(
        meeting=meeting, parent=parent, number=number, title=title, type=type_, position=position,
        agenda_text=background, minutes_text=notes,
    )
    for index, (name, title_) in enumerate(presenters):
        Presentation.objects.create(item=item, person=_person(name), title=title_, position=index)
    clauses = [(Clause.Kind.PROPOSAL, t) for t in proposals] + [(Clause.Kind.DECISION, t) for t in decisions]
    for index, (kind, text) in enumerate(clauses):
        Clause.objects.create(item=item, kind=kind, text=text, position=index)
    for index, label in enumerate(labels):
        Attachment.objects.create(item=item, label=label, position=index)
    return item


@pytest.fixture
def body(db):
    return Body.objects.create(
        name="Länsnätverket för förvaltningschefer", short_name="Länschefsnätverket", abbreviation="LCHNV"
    )


@pytest.fixture
def meeting(body, settings, tmp_path):
    """A published 15-item meeting with sub-items, presenters, proposals, decisions and attendance."""
    settings.MEDIA_ROOT = tmp_path / "media"
    meeting = Meeting.objects.create(
        body=body, date=date(2023, 11, 9), start_time=time(15, 0), end_time=time(16, 30),
        location="Hotell och restaurang Moskogen, Leksand samt digitalt via Teams",
        registry_number="HSN 2023/78", status=Meeting.Status.PUBLISHED,
        published_at=datetime(2023, 11, 15, 9, 0, tzinfo=UTC),
    )
    welfare_council = Body.objects.create(name="Välfärdsrådet")
    for position, row in enumerate(ITEMS):
        item = _add_item(meeting, *row, position=position)
        if item.number == "4":
            for sub_position, (letter, title, presenter, notes) in enumerate(SUBITEMS):
                _add_item(meeting, letter, title, TYPE.REPORT, [presenter], notes, notes, [], [], [],
                          sub_position, parent=item)
        if item.number == "7":
            item.outcome = AgendaItem.Outcome.TABLED
        if item.number == "8":
            item.outcome = AgendaItem.Outcome.TAKEN_BACK
        if item.number == "12":
            item.outcome, item.forwarded_to = AgendaItem.Outcome.FORWARDED, welfare_council
        item.save()
    for position, (name, org_name, title, acting, substitute_for) in enumerate(ATTENDANCE):
        organization = _organization(org_name)
        Attendance.objects.create(
            meeting=meeting, person=_person(name, organization, title), organization=organization,
            title=title, acting=acting, position=position,
            substitute_for=_person(substitute_for) if substitute_for else None,
        )
    return meeting


@pytest.fixture
def attachment_files(meeting):
    """Files on the meeting's attachments: a 2-page PDF, a DOCX, an XLSX and one missing file."""
    from samverkan.core.rendering import html_to_pdf

    two_pages = html_to_pdf("<p>Kalendarium 2024</p><p style='break-before: page'>Sida två</p>")
    files = {
        "Bilaga 1": ("minnesanteckningar_230922.pdf", two_pages, "application/pdf"),
        "Bilaga 2": ("kalendarium_2024.docx", b"PK\x03\x04 not really a docx",
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        "Bilaga 3": ("uppdrag_hjalpmedel.xlsx", b"PK\x03\x04 sheet",
                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        "Bilaga 4": ("cosmic_link.pdf", None, "application/pdf"),
    }
    for attachment in Attachment.objects.filter(item__meeting=meeting):
        name, data, content_type = files[attachment.label]
        attachment.original_name, attachment.content_type, attachment.sha256 = name, content_type, "0" * 64
        if data is not None:
            attachment.file.save(name, ContentFile(data), save=False)
        else:
            attachment.file.name = "bilagor/saknas/cosmic_link.pdf"
        attachment.save()
    return files
