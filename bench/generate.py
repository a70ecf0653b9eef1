#!/usr/bin/env python3
"""A deterministic generator of synthetic Swedish meeting documents for the benchmark.

The documents imitate the five seed documents in samples/archive: plain agendas
("Förslag till beslut / Länschefsnätverket beslutar: / att …"), minutes with a
two-column flattened attendance table, minutes with a "Närvarande:" comma list,
and Markdown minutes with repeated page headers. Every document is drawn from a
seeded random.Random, so the same seed always gives byte-identical files. An archive
of any size spreads over several bodies (BODIES × COUNTIES, data below) and decades, each
body meeting every 3–9 weeks, with topics that keep appearing as the archive grows.

    python bench/generate.py OUTDIR --count 500 --seed 1

The generator knows what it wrote: generate_document() returns a GeneratedDocument
with the text and the expected kind, meeting date, attendees and items (numbers,
titles, types, presenters, attachments, proposals, decisions, subitems), following
the conventions of docs/import-rules.md. Only the text files are written to disk.
Standard library only.
"""

from __future__ import annotations

import argparse
import heapq
import random
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

BODY = "Länsnätverket för förvaltningschefer"
BODY_HEADER = "Länsnätverket för förvaltningschefer (Länschefsnätverket, LCHNV)"
SHORT = "Länschefsnätverket"

AGENDA, MINUTES = "agenda", "minutes"
LAYOUTS = {
    AGENDA: ("agenda_plain", "agenda_compact"),
    MINUTES: ("minutes_table", "minutes_list", "minutes_markdown"),
}

MIN_BYTES, MAX_BYTES = 5_000, 13_000

# --------------------------------------------------------------------------- vocabulary

MUNICIPALITIES = [
    "Avesta", "Borlänge", "Falun", "Gagnef", "Hedemora", "Leksand", "Ludvika",
    "Malung-Sälen", "Mora", "Orsa", "Rättvik", "Smedjebacken", "Säter", "Vansbro", "Älvdalen",
]

# Bodies: (full name, short name, abbreviation). The first is the seed network; every archive has it.
# The same kinds of networks exist in every county: outside Dalarna the name gets "i <county>" and
# the abbreviation the county letter, so names and slugs stay unique.
BODIES = [
    ("Länsnätverket för förvaltningschefer", "Länschefsnätverket", "LCHNV"),
    ("Regionalt samverkansråd för vård och omsorg", "Samverkansrådet", "RSVO"),
    ("Nätverket för socialchefer", "Socialchefsnätverket", "NSC"),
    ("Länsgruppen för äldreomsorg och hälso- och sjukvård", "Äldreomsorgsgruppen", "LÄHS"),
    ("Länsövergripande ledningsgrupp för barn och unga", "Barnledningsgruppen", "LLBU"),
    ("Regionala chefsnätverket för funktionsstöd", "Funktionsstödsnätverket", "RCFS"),
    ("Länets nätverk för individ- och familjeomsorg", "Familjeomsorgsnätverket", "LIFO"),
    ("Samverkansgruppen för psykisk hälsa", "Psykiatrigruppen", "SGPH"),
]

# Counties: (county, county letter, region, municipalities). Dalarna first: the seed network's.
COUNTIES = [
    ("Dalarna", "W", "Region Dalarna", MUNICIPALITIES),
    ("Gävleborg", "X", "Region Gävleborg", [
        "Bollnäs", "Gävle", "Hofors", "Hudiksvall", "Ljusdal", "Nordanstig", "Ockelbo", "Ovanåker",
        "Sandviken", "Söderhamn"]),
    ("Värmland", "S", "Region Värmland", [
        "Arvika", "Eda", "Filipstad", "Forshaga", "Grums", "Hagfors", "Hammarö", "Karlstad", "Kil",
        "Kristinehamn", "Munkfors", "Storfors", "Sunne", "Säffle", "Torsby", "Årjäng"]),
    ("Västmanland", "U", "Region Västmanland", [
        "Arboga", "Fagersta", "Hallstahammar", "Kungsör", "Köping", "Norberg", "Sala",
        "Skinnskatteberg", "Surahammar", "Västerås"]),
    ("Uppsala", "C", "Region Uppsala", [
        "Enköping", "Heby", "Håbo", "Knivsta", "Tierp", "Uppsala", "Älvkarleby", "Östhammar"]),
    ("Södermanland", "D", "Region Sörmland", [
        "Eskilstuna", "Flen", "Gnesta", "Katrineholm", "Nyköping", "Oxelösund", "Strängnäs", "Trosa",
        "Vingåker"]),
    ("Västernorrland", "Y", "Region Västernorrland", [
        "Härnösand", "Kramfors", "Sollefteå", "Sundsvall", "Timrå", "Ånge", "Örnsköldsvik"]),
    ("Jämtland", "Z", "Region Jämtland Härjedalen", [
        "Berg", "Bräcke", "Härjedalen", "Krokom", "Ragunda", "Strömsund", "Åre", "Östersund"]),
    ("Örebro", "T", "Region Örebro län", [
        "Askersund", "Degerfors", "Hallsberg", "Hällefors", "Karlskoga", "Kumla", "Laxå", "Lekeberg",
        "Lindesberg", "Ljusnarsberg", "Nora", "Örebro"]),
]


@dataclass(frozen=True)
class BodyInfo:
    """A body the generator writes documents of, and the county it works in."""

    name: str
    short: str
    abbreviation: str
    region: str
    municipalities: tuple[str, ...]

    @property
    def header(self) -> str:
        return f"{self.name} ({self.short}, {self.abbreviation})"


def all_bodies() -> list[BodyInfo]:
    """Every body, county by county (Dalarna's first, the seed network first of all)."""
    out = []
    for county, letter, region, municipalities in COUNTIES:
        for name, short, abbreviation in BODIES:
            if county != "Dalarna":
                name, abbreviation = f"{name} i {county}", abbreviation + letter
            out.append(BodyInfo(name, short, abbreviation, region, tuple(municipalities)))
    return out


SEED_BODY = all_bodies()[0]

FIRST_NAMES = [
    "Anna", "Maria", "Karin", "Eva", "Lena", "Kerstin", "Ulrika", "Helena", "Sara", "Johanna",
    "Erik", "Lars", "Anders", "Johan", "Per", "Magnus", "Fredrik", "Mikael", "Tomas", "Jonas",
    "Åsa", "Ingrid", "Birgitta", "Linnea", "Elin", "Oskar", "Gustav", "Henrik", "Sofia", "Malin",
    "Annika", "Camilla", "Therese", "Petra", "Stefan", "Mats", "Jenny", "Ylva", "Ebba", "Örjan",
]

LAST_NAMES = [
    "Andersson", "Berglund", "Dahlgren", "Ekström", "Forsberg", "Grahn", "Hedlund", "Isaksson",
    "Jernberg", "Kvist", "Lindqvist", "Modin", "Norberg", "Olsson", "Persson", "Ridderstråle",
    "Sjöberg", "Tholén", "Wallin", "Åkesson", "Östlund", "Nordin-Kask", "Bergström", "Hägglund",
    "Lundmark", "Sandberg", "Westerlund", "Fältskog", "Axelsson", "Mörk", "Påhlsson", "Zetterlund",
]

REGION_TITLES = [
    "Hälso- och sjukvårdsdirektör", "Divisionschef Primärvård", "Divisionschef Medicin",
    "Divisionschef Psykiatri", "Vårdvalschef", "Chef RSS Dalarna", "Samordnare",
    "Avdelningschef hälsa och välfärd", "Förvaltningschef DHC",
]

PRESENTER_TITLES = [
    "Utvecklingsledare Hälsa och välfärd", "Processledare", "Verksamhetschef", "Socialchef",
    "Enhetschef IFO", "Projektledare God och nära vård", "Samordnare", "Divisionschef Medicin",
    "Verksamhetsutvecklare DHC", "Avdelningschef hälsa och välfärd",
]

PLACES = [
    "Teams", "Skype", "Myntgatan 2, Falun", "Framtidens hus, Mora", "Region Dalarna, Vasagatan 27, Falun",
    "Hotell och restaurang Moskogen, Leksand samt digitalt via Teams", "Folkets hus, Borlänge",
]

TIMES = [  # (as written, start, end)
    ("Kl. 9.30 - 11.00", "09:30", "11:00"), ("9-12.15", "09:00", "12:15"),
    ("Kl. 15.00 – 16.30", "15:00", "16:30"), ("9.30-12", "09:30", "12:00"),
    ("Kl. 13.00 - 15.30", "13:00", "15:30"), ("Kl. 8.30 – 12.00", "08:30", "12:00"),
]

MONTHS = [
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
]

# Topics: (noun phrase, lower-case form for running text). "{year}" is the meeting year.
TOPICS = [
    "Kalendarium för Länschefsnätverket {year}",
    "Överenskommelse om samverkan kring barn och ungas hälsa",
    "Länsgemensam strategi för god och nära vård",
    "Statliga stimulansmedel inom området psykisk hälsa {year}",
    "Suicidprevention i Dalarnas län",
    "Samverkan kring utskrivningsklara patienter",
    "Utvärdering av tillnyktringsplatserna i Dalarnas län",
    "Digitala hjälpmedel i samverkan",
    "Familjecentraler och ungdomsmottagningar",
    "Översyn av Hemsjukvårdsavtalet",
    "Kompetensförsörjning inom äldreomsorgen",
    "Bostad först i Dalarna",
    "Länsgemensam MiniMaria-verksamhet",
    "Kunskapsstyrning inom socialtjänst och hälso- och sjukvård",
    "Regionalt resurscentrum mot hedersrelaterat våld",
    "Vårdplatsläget och smittspridning inför storhelgerna",
    "Välfärdsteknik och digitalisering i kommunerna",
    "Samordnad individuell plan (SIP) för barn och unga",
    "Mobil närvård i Dalarna",
    "Barnahus Dalarna",
    "Projekt ungdomshälsa",
    "Lokala programområden inom kunskapsstyrningen",
    "Regional överenskommelse om rehabilitering, habilitering och hjälpmedel",
    "Stöd till anhöriga och närstående",
    "Uppdrag Kvinnofrid {year}",
    "Länsgemensamt HVB för unga",
    "Arbetsordning för Länsnätverket för förvaltningschefer",
    "Samsjuklighetsutredningens delbetänkande",
    "Hantering av överskjutande länsgemensamma medel {year}",
    "Inspirationsdag om god och nära vård",
]

SUBTOPICS = [
    "Rapporter från nationella nätverk", "Vecka 41 – Fokus på psykisk ohälsa",
    "LAG samsjuklighet", "Styrgrupp God och nära vård", "Referensbrev avseende yrkeshögskoleutbildning",
    "Nätverket för välfärdsteknik", "Redovisning av Projekt ungdomshälsa",
    "Implementeringsuppdrag regional ÖK rehabilitering", "Socialchefsnätverkets arbete",
    "Nytt från SKR", "Brukarinflytande och Inflytandeprojektet",
]

DECISION_VERBS = [
    "godkänna {t}", "fastställa {t}", "ge Styrgruppen i uppdrag att bereda ärendet om {t} till nästa möte",
    "anslå {k} 000 kr vardera till arbetet med {t}", "uppdra åt RSS Dalarna att samordna arbetet med {t}",
    "ställa sig bakom förslaget om {t}", "förlänga uppdragstiden för {t} till och med {d}",
    "återremittera ärendet om {t} till Styrgruppen",
]

SENTENCES = [
    "Styrgruppen har berett ärendet {yymmdd} och föreslår att arbetet med {t} fortsätter under {year}.",
    "{name} beskrev det aktuella läget och de erfarenheter som gjorts i {muni} och {muni2}.",
    "Arbetet bedrivs i nära samverkan med Avdelningen för hälsa och välfärd på Region Dalarna.",
    "Därefter följde en diskussion i {short} om hur resultaten ska förankras i respektive kommun.",
    "Från kommunalt håll framfördes att frågan behöver beredas vidare innan beslut kan fattas.",
    "Medlen uppgår till ca {k} tkr och ska användas i enlighet med överenskommelsen.",
    "Välfärdsrådet beslutade på möte den {day} {month} att ge {short} i uppdrag att utreda frågan.",
    "Syftet är att skapa en gemensam lägesbild och samverka kring {t}.",
    "Regionens företrädare underströk att frågorna kan hanteras stegvis under kommande år.",
    "En arbetsgrupp med representanter från {muni}, {muni2} och regionen har bildats.",
    "Inga synpunkter fördes fram på det presenterade materialet.",
    "Det konstaterades att det finns ett värde i en gemensam vägledning för hela länet.",
    "Uppdraget ska återrapporteras till {short} senast den {day} {month}.",
    "Kommunerna uppmanas att se över sina lokala planer och rutiner inför {season}.",
    "{name} och {name2} föredrog ärendet och svarade på frågor från ledamöterna.",
    "Under perioden har en kartläggning genomförts av det pågående arbetet med {t}.",
    "Det föreslås att mötena företrädesvis sker på torsdagar under förmiddagen.",
    "Socialchefsnätverket har lyft frågan och den har därefter beretts i Styrgruppen.",
    "Kostnaderna fördelas mellan huvudmännen enligt en fördelning om 50/50 utifrån befolkningsunderlag.",
    "Ärendet har tidigare behandlats på möte {yymmdd} och återkommer nu för slutligt ställningstagande.",
    "Projektledaren redogjorde för tidsplan, organisation och de risker som identifierats.",
    "Ledamöterna var eniga om att fortsätta med veckovisa avstämningsmöten på fredagar.",
]

SEASONS = ["sommaren", "hösten", "jul och nyår", "våren", "semesterperioden"]

# Vocabulary that grows with the archive: new compounds and project names keep appearing over the
# years (Heaps' law), so a large archive has a large vocabulary, as a real one does. None of these
# titles opens with a word that gives an item its type ("Beslut", "Rapport", "Information" …).
COMPOUND_HEADS = [
    "välfärds", "barnhälso", "äldreomsorgs", "läkemedels", "missbruks", "anhörig", "digitaliserings",
    "kompetens", "boende", "hemtjänst", "rehabiliterings", "elevhälso", "integrations", "kris",
    "beredskaps", "vaccinations", "tandvårds", "ungdoms", "familje", "demens", "nutritions",
    "trygghets", "brottsoffer", "våldspreventions", "hjälpmedels", "habiliterings", "arbetsmiljö",
    "rekryterings", "journal", "kvalitets",
]
COMPOUND_TAILS = [
    "strategi", "planering", "arbete", "samverkan", "uppdrag", "projekt", "nätverk", "modell",
    "satsning", "utredning", "rutiner", "avtal", "program", "analys", "stöd", "team", "register",
]
NAME_SYLLABLES = [
    "sam", "fram", "ny", "tid", "lin", "vi", "ka", "ro", "mo", "dal", "berg", "ste", "ga", "ljus",
    "nä", "ra", "vå", "ren", "ö", "lå", "to", "va", "sti", "gen", "hem", "kvist", "när", "bo",
]
TOPIC_PATTERNS = [
    "Handlingsplan för {c}", "Uppföljning av {c}", "Länsgemensam {c}", "Överenskommelse om {c}",
    "Projekt {n}", "Modellen {n} för {c}", "Utvecklingsarbete med {c}", "Kartläggning av {c}",
    "Pilotprojektet {n} i kommunerna", "Samverkansavtal om {c}", "Nationell satsning på {c}",
]


def new_topic(rng: random.Random) -> str:
    """A topic the archive has not had before: a new compound or a newly coined project name."""
    compound = rng.choice(COMPOUND_HEADS) + rng.choice(COMPOUND_TAILS)
    coined = "".join(rng.choice(NAME_SYLLABLES) for _ in range(rng.choice([2, 2, 3]))).capitalize()
    return rng.choice(TOPIC_PATTERNS).format(c=compound, n=coined)


def grown_topic_count(meetings: int) -> int:
    """How many new topics an archive of that many meetings has seen: sublinear growth."""
    return int(4 * meetings ** 0.6)


# --------------------------------------------------------------------------- expected structure

@dataclass
class GeneratedItem:
    number: str
    title: str  # the title the reader should give (no number, no type word, no ", Bilaga N")
    type: str
    heading: str = ""  # the heading as written, without its number
    presenters: list[tuple[str, str | None]] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    proposals: list[str] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    subitems: list[GeneratedItem] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    # what the item says in an agenda / in minutes (clauses kept as plain strings)
    agenda_clauses: list[str] = field(default_factory=list)
    minutes_clauses: list[str] = field(default_factory=list)
    proposer_clauses: list[str] = field(default_factory=list)  # "Styrgruppen föreslår:" block
    minutes_paragraphs: list[str] = field(default_factory=list)
    body_attachment: str | None = None


@dataclass
class GeneratedDocument:
    text: str
    kind: str
    layout: str
    meeting_date: date
    items: list[GeneratedItem]
    attendees: list[str] = field(default_factory=list)  # distinct names as the reader should give them
    registry_number: str | None = None
    document_date: date | None = None
    body: BodyInfo = SEED_BODY

    def __str__(self) -> str:
        return self.text

    @property
    def size(self) -> int:
        return len(self.text.encode("utf-8"))

    def all_clauses(self) -> tuple[list[str], list[str]]:
        """(proposals, decisions) over items and subitems, in document order."""
        proposals, decisions = [], []
        for item in self.items:
            for node in [item, *item.subitems]:
                proposals.extend(node.proposals)
                decisions.extend(node.decisions)
        return proposals, decisions


@dataclass
class Meeting:
    """One meeting; rendered as an agenda, as minutes, or both."""

    date: date
    previous: date
    time: tuple[str, str, str]
    place: str
    registry: str
    registry_style: str
    items: list[GeneratedItem]
    people: list[tuple[str, str | None, str]]  # (name, title or None, organisation)
    body: BodyInfo = SEED_BODY


# --------------------------------------------------------------------------- helpers

def yymmdd(d: date) -> str:
    return d.strftime("%y%m%d")


def long_date(d: date, with_year: bool = True) -> str:
    text = f"{d.day} {MONTHS[d.month - 1]}"
    return f"{text} {d.year}" if with_year else text


def _person(rng: random.Random, used: set[str]) -> str:
    for _ in range(1000):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if name not in used:
            used.add(name)
            return name
    raise RuntimeError("ran out of names")


BAD_LINE_START = ("att", "Att", "Föredragande", "Bilaga", "bilaga", "Bil", "Förslag", "Närvarande")


def _bad_start(word: str) -> bool:
    return word[:1].isdigit() or word in BAD_LINE_START or word.rstrip(":") in BAD_LINE_START or (
        len(word) == 2 and word[1] == ")"
    )


def wrap(text: str, width: int, trail: str = "") -> list[str]:
    """Greedy word wrap that never starts a continuation line with something that looks like a
    heading, a clause or a label (a digit, "att", "Föredragande", "Bilaga", "a)")."""
    words = text.split()
    if len(text) <= width:  # fits on one line: nothing to wrap or repair
        return [" ".join(words) + trail]
    lines: list[list[str]] = [[]]
    length = 0
    for word in words:
        if lines[-1] and length + 1 + len(word) > width:
            lines.append([])
            length = 0
        lines[-1].append(word)
        length += len(word) + (1 if length else 0)
    # repair bad starts by pulling the last word of the previous line down (or merging)
    i = 1
    while i < len(lines):
        if _bad_start(lines[i][0]):
            if len(lines[i - 1]) > 1:
                lines[i].insert(0, lines[i - 1].pop())
                continue  # re-check the same line
            lines[i - 1].extend(lines.pop(i))
            continue
        i += 1
    return [" ".join(line) + trail for line in lines]


_FILLERS = {
    "name": lambda rng, ctx: rng.choice(ctx["names"]),
    "name2": lambda rng, ctx: rng.choice(ctx["names"]),
    "muni": lambda rng, ctx: rng.choice(ctx.get("municipalities", MUNICIPALITIES)),
    "muni2": lambda rng, ctx: rng.choice(ctx.get("municipalities", MUNICIPALITIES)),
    "k": lambda rng, ctx: rng.choice([150, 250, 350, 400, 700, 1200]),
    "day": lambda rng, ctx: rng.randint(1, 28),
    "month": lambda rng, ctx: rng.choice(MONTHS),
    "season": lambda rng, ctx: rng.choice(SEASONS),
    "short": lambda rng, ctx: SHORT,
}


class _Values(dict):
    """The context, and a fresh random value for each other field the template names (drawn on use)."""

    def __init__(self, ctx: dict, rng: random.Random):
        super().__init__(ctx)
        self.ctx, self.rng = ctx, rng

    def __missing__(self, key):
        value = self[key] = _FILLERS[key](self.rng, self.ctx)
        return value


def _fill(template: str, rng: random.Random, ctx: dict) -> str:
    return template.format_map(_Values(ctx, rng))


def _paragraph(rng: random.Random, ctx: dict, sentences: int | None = None) -> str:
    count = sentences or rng.randint(2, 5)
    return " ".join(_fill(s, rng, ctx) for s in rng.sample(SENTENCES, count))


# --------------------------------------------------------------------------- the meeting plan

def plan_meeting(rng: random.Random, meeting_date: date, body: BodyInfo = SEED_BODY,
                 topics: list[str] | None = None) -> Meeting:
    """A meeting of `body`; its content items are drawn from `topics` (default: the standing TOPICS)."""
    year = meeting_date.year
    municipalities = body.municipalities
    used: set[str] = set()
    people_count = rng.randint(8, 30)
    people = []
    for i in range(people_count):
        name = _person(rng, used)
        if i % 3 == 2:
            people.append((name, rng.choice(REGION_TITLES), body.region))
        else:
            people.append((name, None, municipalities[i % len(municipalities)]))
    names = [p[0] for p in people]
    previous = meeting_date - timedelta(days=rng.choice([28, 35, 42, 56, 63]))
    ctx_base = {"year": year, "names": names, "yymmdd": yymmdd(meeting_date - timedelta(days=14)),
                "short": body.short, "municipalities": municipalities}

    items: list[GeneratedItem] = []
    attachment_no = 0

    def next_attachment() -> str:
        nonlocal attachment_no
        attachment_no += 1
        return f"Bilaga {attachment_no}"

    file_it = "att lägga informationen till handlingarna."
    # procedural opening
    items.append(GeneratedItem("1", "Mötets öppnande", "procedural", heading="Mötets öppnande",
                               minutes_clauses=["att öppna mötet."] if rng.random() < 0.3 else []))
    items.append(GeneratedItem("2", "Godkännande av dagordning", "procedural",
                               heading="Godkännande av dagordning",
                               agenda_clauses=["att godkänna dagordningen."],
                               minutes_clauses=["att godkänna dagordningen."]))
    prev_title = f"Föregående minnesanteckningar {yymmdd(previous)}"
    prev = GeneratedItem("3", prev_title, "procedural", heading=prev_title,
                         agenda_clauses=["att lägga minnesanteckningarna till handlingarna."],
                         minutes_clauses=["att lägga minnesanteckningarna till handlingarna."])
    if rng.random() < 0.6:
        prev.attachments.append(next_attachment())
        prev.heading += f", {prev.attachments[-1]}"
    items.append(prev)

    content_count = rng.randint(8, 15) - 4  # total 8–15 with the 3 opening items and "Övriga frågor"
    topics = rng.sample(topics or TOPICS, content_count)
    report_item_at = rng.randrange(content_count) if rng.random() < 0.6 else None
    for index, topic in enumerate(topics):
        number = str(len(items) + 1)
        title = topic.format(year=year)
        lower = title[0].lower() + title[1:] if not title[:3].isupper() else title
        ctx = dict(ctx_base, t=lower, d=long_date(date(year, 12, 31)))
        if index == report_item_at:
            item = GeneratedItem(number, "Rapporter och delgivningar", "report",
                                 heading="Rapporter och delgivningar",
                                 agenda_clauses=[file_it], minutes_clauses=[file_it])
            for letter, sub in zip("abcd", rng.sample(SUBTOPICS, rng.randint(1, 3))):
                word, subtype = rng.choice([("", "information"), ("Rapport: ", "report"),
                                            ("Information: ", "information")])
                if not word and sub.startswith("Rapport"):  # "Rapporter från …" is a report
                    subtype = "report"
                subitem = GeneratedItem(letter, sub, subtype, heading=word + sub)
                subitem.paragraphs = [_paragraph(rng, ctx, rng.randint(1, 3))]
                item.subitems.append(subitem)
            items.append(item)
            continue
        style = rng.choices(["Beslut", "Rapport", "Information", "Beslut om", "Lägesrapport", "plain"],
                            weights=[30, 20, 20, 10, 5, 15])[0]
        substantive = [
            "att " + _fill(verb, rng, ctx).rstrip(".") + "."
            for verb in rng.sample(DECISION_VERBS, rng.choices([1, 2, 3], weights=[6, 3, 1])[0])
        ]
        if style == "Beslut":
            heading, item_type, clauses = f"Beslut: {title}", "decision", substantive
        elif style == "Beslut om":
            title = f"Beslut om {lower}"
            heading, item_type, clauses = title, "decision", substantive
        elif style in ("Rapport", "Lägesrapport"):
            heading, item_type, clauses = f"{style}: {title}", "report", [file_it]
        elif style == "Information":
            heading, item_type, clauses = f"Information: {title}", "information", [file_it]
        else:
            decide = rng.random() < 0.5
            heading, item_type = title, "decision" if decide else "information"
            clauses = substantive if decide else [file_it]
        item = GeneratedItem(number, title, item_type, heading=heading,
                             agenda_clauses=list(clauses), minutes_clauses=list(clauses))
        if item_type == "decision" and rng.random() < 0.2:
            # the steering group proposes, the network decides accordingly
            item.proposer_clauses = item.agenda_clauses
            item.agenda_clauses = ["att besluta i enlighet med Styrgruppens förslag."]
            item.minutes_clauses = ["att besluta i enlighet med Styrgruppens förslag."]
        elif item_type == "decision" and rng.random() < 0.15:
            item.minutes_clauses = ["att Styrgruppen återkommer med ett nytt förslag i ärendet."]
        for _ in range(rng.choices([0, 1, 2, 3], weights=[2, 5, 3, 1])[0]):
            name = rng.choice(names)
            if name in {p[0] for p in item.presenters}:
                continue
            item.presenters.append((name, rng.choice(PRESENTER_TITLES) if rng.random() < 0.5 else None))
        if rng.random() < 0.3:
            item.attachments.append(next_attachment())
            if rng.random() < 0.5:
                item.heading += f", {item.attachments[-1]}"
            else:
                item.body_attachment = item.attachments[-1]
        item.paragraphs = [_paragraph(rng, ctx) for _ in range(rng.randint(0, 2))]
        item.minutes_paragraphs = [_paragraph(rng, ctx) for _ in range(rng.randint(1, 2))]
        items.append(item)

    items.append(GeneratedItem(str(len(items) + 1), "Övriga frågor", "other_business",
                               heading="Övriga frågor",
                               paragraphs=[f"Nästa möte den {long_date(meeting_date + timedelta(days=35), False)} "
                                           f"sker {rng.choice(['fysiskt', 'digitalt via Teams'])}."]))
    if rng.random() < 0.5:
        registry, style = f"HSN {year}/{rng.randint(10, 400)}", "hsn"
    else:
        registry, style = f"RD{year % 100:02d}/{rng.randint(100, 9999):05d}", "rd"
    return Meeting(meeting_date, previous, rng.choice(TIMES), rng.choice(PLACES), registry, style,
                   items, people, body)


# --------------------------------------------------------------------------- rendering

def _clause_lines(clauses: list[str], rng: random.Random, width: int) -> list[str]:
    lines = []
    for clause in clauses:
        lines.extend(wrap(clause, width if rng.random() < 0.5 else 200, " "))
    return lines


def _presenter_line(presenters: list[tuple[str, str | None]], rng: random.Random) -> str:
    label = "Föredragande:" if rng.random() < 0.9 else "Föredragande"
    parts = [f"{name}, {title}" if title else name for name, title in presenters]
    if len(parts) == 2 and all(title for _, title in presenters) and rng.random() < 0.5:
        return f"{label} " + " och ".join(parts)
    return f"{label} " + ", ".join(parts)


def render(meeting: Meeting, kind: str, layout: str, rng: random.Random) -> GeneratedDocument:
    items = _expected_items(meeting, kind)
    if layout in ("agenda_plain", "agenda_compact"):
        text, attendees, doc_date, registry = _render_agenda(meeting, items, layout, rng)
    elif layout == "minutes_markdown":
        text, attendees, doc_date, registry = _render_markdown(meeting, items, rng)
    else:
        text, attendees, doc_date, registry = _render_minutes(meeting, items, layout, rng)
    return GeneratedDocument(text, kind, layout, meeting.date, items, attendees, registry, doc_date,
                             meeting.body)


def _expected_items(meeting: Meeting, kind: str) -> list[GeneratedItem]:
    out = []
    for item in meeting.items:
        copy = GeneratedItem(**item.__dict__)
        copy.subitems = [GeneratedItem(**s.__dict__) for s in item.subitems]
        if kind == AGENDA:
            copy.proposals = list(item.proposer_clauses) + list(item.agenda_clauses)
            copy.decisions = []
        else:
            copy.proposals = list(item.proposer_clauses)
            copy.decisions = list(item.minutes_clauses)
        out.append(copy)
    return out


def _item_body(item: GeneratedItem, kind: str, rng: random.Random, width: int, markdown: bool,
               trail: str, short: str = SHORT) -> list[str]:
    """The lines under a heading: presenters, paragraphs, proposer block, decision block."""
    lines: list[str] = []
    if item.presenters:
        line = _presenter_line(item.presenters, rng)
        lines.append(f"*{line}*" if markdown else line + trail)
        lines.append("")
    paragraphs = list(item.paragraphs)
    if kind == MINUTES:
        paragraphs += item.minutes_paragraphs
    if item.body_attachment:
        who = item.presenters[0][0] if item.presenters else "Styrgruppen"
        paragraphs.append(f"{who} föredrog ärendet, {item.body_attachment.lower() if rng.random() < 0.5 else item.body_attachment}.")
    for paragraph in paragraphs:
        lines.extend(wrap(paragraph, 10_000 if markdown else width, trail))
        lines.append(" " if not markdown and rng.random() < 0.5 else "")
    if item.proposer_clauses:
        opener = "Styrgruppen föreslår:" if kind == AGENDA else "Styrgruppen föreslog:"
        lines.append(f"**{opener}**" if markdown else opener + trail)
        lines.append("")
        lines.extend(f"**{c}**" if markdown else c for c in _clause_lines(item.proposer_clauses, rng, width))
        lines.append("")
    clauses = item.agenda_clauses if kind == AGENDA else item.minutes_clauses
    if clauses:
        if kind == AGENDA:
            lines.append(rng.choice(["Förslag till beslut", "Förslag till beslut:"]) + trail)
            lines.append(f"{short} beslutar:" + trail)
        else:
            opener = f"{short} beslutade:"
            lines.append(f"**{opener}**  " if markdown else opener + trail)
        if markdown:
            lines.extend(f"**{c}**" for c in clauses)
        else:
            lines.extend(_clause_lines(clauses, rng, width))
        lines.append("")
    return lines


def _heading_lines(number: str, heading: str, width: int, trail: str) -> list[str]:
    first, *rest = wrap(f"{number}. {heading}", width, trail)
    return [first, *rest]


def _render_agenda(meeting: Meeting, items, layout, rng):
    trail = " " if layout == "agenda_plain" else ""
    date_text = long_date(meeting.date) if rng.random() < 0.7 else meeting.date.isoformat()
    lines = [
        f" {meeting.body.header}  ",
        f"Datum: {date_text} ",
        "",
        f"Tid: {meeting.time[0]} ",
        "",
        f"Plats: {meeting.place} ",
        "",
        " ",
        "",
    ]
    for item in items:
        lines.extend(_heading_lines(item.number, item.heading, 78, trail))
        if layout == "agenda_plain":
            lines.append(" ")
        for sub in item.subitems:
            lines.append(f"{sub.number}) {sub.heading}{trail}")
            for p in sub.paragraphs:
                lines.extend(wrap(p, 80, trail))
            lines.append("")
        lines.extend(_item_body(item, AGENDA, rng, 80, False, trail, meeting.body.short))
        lines.append(" ")
    lines.append("VÄLKOMMEN! ")
    return "\n".join(lines) + "\n", [], None, None


def _attendance_table(meeting: Meeting, rng: random.Random) -> tuple[list[str], list[str]]:
    """A two-column table flattened into lines: municipality members left, region members right."""
    region = meeting.body.region
    left_people = [p for p in meeting.people if p[2] != region]
    right = [p for p in meeting.people if p[2] == region]
    # group municipality members per municipality, in municipality order
    groups: dict[str, list[str]] = {}
    for name, _, muni in left_people:
        groups.setdefault(muni, []).append(name)
    left_rows = [(names, muni) for muni, names in groups.items()]
    rows = ["Närvarande: (Överstruken = icke närvarande) ", f"Kommun {region} "]
    order: list[str] = []
    for i in range(max(len(left_rows), len(right))):
        left = ""
        if i < len(left_rows):
            names, muni = left_rows[i]
            left = f"{', '.join(names)} {muni}"
            order.extend(names)
        if i < len(right):
            name, title, _ = right[i]
            order.append(name)
            rows.append(f"{left} {name} {title} ".lstrip() if left else f"{name} {title} ")
        else:
            rows.append(f"{left}     ")
    return rows, order


def _attendance_list(meeting: Meeting, rng: random.Random, markdown: bool) -> tuple[list[str], list[str]]:
    names = [p[0] for p in meeting.people]
    listed = list(names)
    if len(listed) > 3 and rng.random() < 0.3:  # a name listed twice is listed once
        listed.insert(rng.randrange(len(listed)), rng.choice(names))
    text = ", ".join(listed) + " samt föredragande enligt nedan."
    names = list(dict.fromkeys(listed))  # in order of first mention
    if markdown:
        return [f"**Närvarande:** {text}"], names
    return wrap(f"Närvarande: {text}", 82, ""), names


def _render_minutes(meeting: Meeting, items, layout, rng):
    body = meeting.body
    lines = [f" {body.name},  ", "", f"({body.short}, {body.abbreviation})  ", "", " ", ""]
    doc_date = registry = None
    if layout == "minutes_table":
        doc_date = meeting.date + timedelta(days=rng.randint(2, 9))
        registry = meeting.registry
        lines += [f"Minnesanteckningar {body.short} ", "", f"Datum: {doc_date.isoformat()} ", "",
                  f"Dnr: {registry} ", "", " ", "", f"Datum: {long_date(meeting.date)} ", ""]
    else:
        # the year may be left out when the previous minutes' date gives it
        with_year = meeting.date.month < 4 or rng.random() < 0.4
        lines = [f" {body.header}  ", f"Datum: {long_date(meeting.date, with_year)} "]
    lines += [f"Tid: {meeting.time[0]} ", "", f"Plats: {meeting.place} ", "", ""]
    if layout == "minutes_table":
        rows, attendees = _attendance_table(meeting, rng)
    else:
        rows, attendees = _attendance_list(meeting, rng, markdown=False)
    lines += rows + ["", " ", ""]
    for item in items:
        lines.extend(_heading_lines(item.number, item.heading, 78, " "))
        lines.append("")
        for sub in item.subitems:
            lines.append(f"{sub.number}) {sub.heading} ")
            for p in sub.paragraphs:
                lines.extend(wrap(p, 82, " "))
            lines.append(" ")
        lines.extend(_item_body(item, MINUTES, rng, 82, False, " ", meeting.body.short))
        lines.append(" ")
    return "\n".join(lines) + "\n", attendees, doc_date, registry


def _render_markdown(meeting: Meeting, items, rng):
    doc_date = meeting.date + timedelta(days=rng.randint(2, 9))
    registry = meeting.registry.replace(" ", "")
    registry = meeting.registry if meeting.registry_style == "hsn" else registry
    page_header = ["# Minnesanteckningar", "", f"Datum: {yymmdd(doc_date)}  ", f"Dnr:{registry}", ""]
    lines = ["", ""] + page_header + [
        f"## {meeting.body.header}", "", long_date(meeting.date, with_year=False), "",
        f"Tid: {meeting.time[0].replace('Kl. ', '')}", "", f"Plats: {meeting.place}", "",
    ]
    rows, attendees = _attendance_list(meeting, rng, markdown=True)
    lines += rows + [""]
    since_header = 0
    for index, item in enumerate(items):
        block: list[str] = []
        if index < 4 and not item.subitems and not item.presenters:
            block.append(f"{item.number}. **{item.heading}**")
        else:
            hashes = rng.choice(["##", "###"])
            bold = rng.random() < 0.3
            heading = f"**{item.number}. {item.heading}**" if bold else f"{item.number}. {item.heading}"
            block += [f"{hashes} {heading}"]
        block.append("")
        for sub in item.subitems:
            block += [f"### **{ord(sub.number) - 96}. {sub.heading}**", ""]
            for p in sub.paragraphs:
                block += [p, ""]
        block += _item_body(item, MINUTES, rng, 10_000, True, "", meeting.body.short)
        lines += block
        since_header += sum(len(b) for b in block)
        if since_header > 2200 and index < len(items) - 1:
            lines += ["", rng.choice(["#", "##"]) + page_header[0][1:]] + page_header[1:]
            since_header = 0
    # markdown subitems are numbered 1., 2. …
    for item in items:
        for sub in item.subitems:
            sub.number = str(ord(sub.number) - 96)
    return "\n".join(lines) + "\n", attendees, doc_date, registry


# --------------------------------------------------------------------------- sizing and the API

def _fit(meeting: Meeting, kind: str, layout: str, seed: int, target: int) -> GeneratedDocument:
    """Render, adding or dropping paragraphs until the size is within bounds (near target)."""
    grow = random.Random(seed ^ 0x5EED)
    content = [i for i in meeting.items if i.type not in ("procedural", "other_business") and not i.subitems]
    for _ in range(60):
        document = render(meeting, kind, layout, random.Random(seed))
        size = document.size
        if size < min(target, MIN_BYTES + 300):
            item = grow.choice(content)
            ctx = {"year": meeting.date.year, "names": [p[0] for p in meeting.people],
                   "short": meeting.body.short, "municipalities": meeting.body.municipalities,
                   "yymmdd": yymmdd(meeting.previous), "t": item.title[0].lower() + item.title[1:],
                   "d": long_date(meeting.date)}
            (item.paragraphs if kind == AGENDA else item.minutes_paragraphs).append(_paragraph(grow, ctx))
        elif size > MAX_BYTES - 300:
            candidates = [i for i in content if i.paragraphs or i.minutes_paragraphs]
            if not candidates:
                break
            item = grow.choice(candidates)
            (item.minutes_paragraphs if item.minutes_paragraphs else item.paragraphs).pop()
        else:
            break
    return document


def generate_document(rng: random.Random, *, kind: str | None = None, layout: str | None = None,
                      meeting_date: date | None = None, body: BodyInfo = SEED_BODY) -> GeneratedDocument:
    """One document drawn from rng. `str(result)` / `result.text` is the text."""
    meeting_date = meeting_date or _random_date(rng)
    kind = kind or (layout and ("agenda" if layout.startswith("agenda") else "minutes")) or rng.choice(
        [AGENDA, MINUTES])
    layout = layout or rng.choice(LAYOUTS[kind])
    meeting = plan_meeting(rng, meeting_date, body)
    return _fit(meeting, kind, layout, rng.randrange(2**31), rng.randint(6_000, 11_500))


def generate_meeting_documents(rng: random.Random, meeting_date: date, kinds: list[str],
                               body: BodyInfo = SEED_BODY,
                               topics: list[str] | None = None) -> list[GeneratedDocument]:
    """The documents of one meeting (an agenda and/or minutes) from the same plan."""
    meeting = plan_meeting(rng, meeting_date, body, topics)
    documents = []
    for kind in kinds:
        layout = rng.choice(LAYOUTS[kind])
        documents.append(_fit(meeting, kind, layout, rng.randrange(2**31), rng.randint(6_000, 11_500)))
    return documents


def _meeting_day(day: date) -> date:
    """The first weekday on or after `day` outside July (no meetings in the summer holiday)."""
    while day.weekday() >= 5 or day.month == 7:
        day += timedelta(days=1)
    return day


def _random_date(rng: random.Random) -> date:
    start = date(2019, 1, 7)
    return _meeting_day(start + timedelta(days=rng.randrange((date(2026, 12, 18) - start).days)))


LAST_DAY = date(2026, 12, 18)  # the archives end here (all meetings lie before it, give or take a year)
DOCUMENTS_PER_MEETING = 1.35  # 35 % of the meetings have an agenda and minutes, the rest one of them
MEETINGS_PER_YEAR = 8  # a body meets every 3–9 weeks (mean 6.5 weeks minus the summer)
MIN_BODIES, YEARS_PER_BODY = 3, 25


def plan_archive(count: int) -> tuple[list[BodyInfo], date]:
    """The bodies an archive of `count` documents spreads over and the day it starts.

    At least three bodies (the seed network first); more, up to every body of every county, as the
    archive grows, each meeting for about 25 years; beyond that the archive reaches further back.
    """
    bodies = all_bodies()
    meetings = max(1.0, count / DOCUMENTS_PER_MEETING)
    wanted = max(MIN_BODIES, -(-int(meetings) // (MEETINGS_PER_YEAR * YEARS_PER_BODY)))
    chosen = bodies[:min(len(bodies), wanted)]
    years = meetings / len(chosen) / MEETINGS_PER_YEAR
    return chosen, LAST_DAY - timedelta(days=round(years * 365.25))


def generate_documents(count: int, seed: int = 1) -> list[tuple[str, GeneratedDocument]]:
    """(file name, document) pairs in the order the meetings were held, over several bodies.

    Each body meets every 3–9 weeks on a weekday outside July, so (body, date, kind) is unique by
    construction and any count can be made: nothing is drawn until it is new. About a third of the
    meetings have both agenda and minutes. New topics appear as the archive grows (new_topic).
    """
    rng = random.Random(seed)
    bodies, first_day = plan_archive(count)
    # (next meeting day, body index): always the earliest next meeting, so the archive is chronological
    upcoming = [(_meeting_day(first_day + timedelta(days=rng.randrange(60))), index)
                for index in range(len(bodies))]
    heapq.heapify(upcoming)
    grown: list[str] = []
    out: list[tuple[str, GeneratedDocument]] = []
    meetings = 0
    while len(out) < count:
        meeting_date, index = heapq.heappop(upcoming)
        heapq.heappush(upcoming, (_meeting_day(meeting_date + timedelta(days=rng.randint(21, 63))), index))
        meetings += 1
        while len(grown) < grown_topic_count(meetings):
            grown.append(new_topic(rng))
        topics = TOPICS + grown[-30:]  # the standing topics and the current ones
        roll = rng.random()
        kinds = [AGENDA, MINUTES] if roll < 0.35 and count - len(out) >= 2 else [AGENDA] if roll < 0.65 else [MINUTES]
        body = bodies[index]
        for document in generate_meeting_documents(rng, meeting_date, kinds, body, topics):
            name = f"{len(out):05d}_{meeting_date.isoformat()}_{body.abbreviation.lower()}_{document.kind}.txt"
            out.append((name, document))
    return out


def generate_archive(directory: Path, count: int, seed: int = 1) -> list[Path]:
    """Write `count` generated documents into `directory` and return their paths."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, document in generate_documents(count, seed):
        path = directory / name
        path.write_text(document.text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    paths = generate_archive(args.outdir, args.count, args.seed)
    total = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} documents, {total / 1e6:.2f} MB in {args.outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
