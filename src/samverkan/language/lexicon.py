"""The Swedish words of meeting documents, written once.

Order matters where a list becomes a regex alternation: the first word that matches wins, so a
word comes before any word it starts with unless the pattern itself requires a boundary.
Names of places, organisations and bodies are data (see samverkan.language.gazetteer), not words.
"""

from __future__ import annotations

# ---------------------------------------- calendar
MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
    "oktober", "november", "december",
)
# Abbreviations as written in documents ("9 nov. 2023"); May has none.
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sept": 9, "sep": 9,
    "okt": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
CLOCK_WORD = "kl"  # "kl. 9.30"
CLOCK_WORD_IN_FULL = "klockan"  # "klockan 9.30"
UNTIL_WORD = "till"  # "9.30 till 11.00"
DATE_ARTICLE = "den"  # "tisdag den 14 mars"

# ---------------------------------------- header labels
DOCUMENT_DATE_LABEL = "Datum"  # may date the document rather than the meeting
MEETING_DATE_LABELS = ("Mötesdatum", "Sammanträdesdatum")
DATE_LABELS = (DOCUMENT_DATE_LABEL, *MEETING_DATE_LABELS)
TIME_LABELS = ("Tid", "Tidpunkt", "Klockan")  # "Klockan" / "18:00" in a web page's label column
PLACE_LABELS = ("Plats", "Lokal", "Mötesplats")
REGISTRY_LABELS = ("Dnr", "Diarienummer", "Diarienr")
# The words of a combined label: "Plats och tid", "Tid och plats", "Datum, tid och plats".
COMBINED_LABEL_WORDS = ("Plats", "Tid", "Datum")
COMBINED_LABELS = ("Plats och tid", "Tid och plats")
PAGE_WORDS = ("sida", "page")
# Words that end a place's value in a flattened header: a list of those called, a note on attendance.
PLACE_STOP_WORDS = ("Kallade", "Ledamöter", "Ersättare", "För kännedom", "enligt bifogad", "Vänligen", "Välkomna")
# Labels of a protocol's header that end the field before them: "Omfattning 1-17", "Paragrafer 84-100".
HEADER_FIELD_LABELS = ("Omfattning", "Paragrafer", "Paragraf")
CONTACT_WORDS = ("telefon", "tel", "e-post")
# The notice of adjusted minutes (anslag/bevis): "Organ: Socialnämnden", "Beslutsinstans: Arbetsutskottet",
# and the fields that follow it.
NOTICE_BODY_LABELS = ("Organ", "Beslutsinstans")
NOTICE_FIELD_LABELS = (
    "Sammanträdesdatum", "Datum", "Anslaget", "Anslag", "Förvaringsplats", "Underskrift", "Paragrafer",
)

# ---------------------------------------- document titles
MINUTES_TITLES = ("Minnesanteckningar", "Mötesanteckningar")
NOTES_TITLE = "Anteckningar"  # tells minutes, but names no body after it
PROTOCOL_EXTRACT_SUFFIX = "sutdrag"  # "Protokollsutdrag"
PROTOCOL_WORD = "protokoll"  # "Protokoll", "Sammanträdesprotokoll", "Protokollsutdrag"
AGENDA_TITLES = ("Dagordning", "Kallelse", "Föredragningslista", "Underrättelse")
# Words only a record of a held meeting opens with: who took the decisions, the certified extract.
MINUTES_MARKERS = ("Beslutande", "Utdragsbestyrkande")
PAGE_FURNITURE_TITLES = (
    "PROTOKOLL", "MINNESANTECKNINGAR", "KALLELSE", "DAGORDNING", "FÖREDRAGNINGSLISTA", "Protokoll",
    "Minnesanteckningar",
)
SIGNATURE_HOLDERS = ("Justerandes", "Justerande", "Ordförandes", "Sekreterarens", "Sekreteraren")
SIGNATURE_WORD = "sign"  # "sign", "sign.", "signatur", "signaturer"
SIGNATURE_CERTIFICATE = "Utdragsbestyrkande"

# ---------------------------------------- attendance
PRESENT_LABELS = (
    "Närvarande", "Övriga närvarande", "Övriga deltagare", "Övriga deltagande", "Dessutom närvarande", "Beslutande",
    "Tjänstgörande ersättare", "Deltagare", "Inbjudna", "Ersättare", "Tjänstepersoner",
    "Tjänstemän", "Ledamöter", "Adjungerade", "Adjungerad",
)
# Labels a qualifier may follow: "Närvarande ledamöter", "Beslutande ledamöter".
QUALIFIED_PRESENT_LABELS = ("Närvarande", "Beslutande")
PRESENT_QUALIFIERS = ("ledamöter", "ersättare", "tjänstepersoner", "tjänstemän")
NEGATION = "Ej"
NEGATABLE_PRESENT_LABELS = ("Tjänstgörande ersättare",)  # "Ej tjänstgörande ersättare"
ABSENT_LABELS = (
    "Anmält förhinder", "Förhinder", "Förhindrade", "Frånvarande", "Ej närvarande",
    "Anmäld frånvaro",
)
ROLE_LABELS = ("Ordförande", "Vice ordförande", "Sekreterare", "Justerare")
# In a page of flattened text (see reader/runs.py): "Övriga" opens a run of those present too, and these
# words end it (the signature block, the notice of the minutes, the letterhead's contact fields).
RUN_OTHERS_LABEL = "Övriga"
RUN_STOP_WORDS = (
    "Utses", "Utsedd", "Justerare", "Justerande", "Justeringens", "Underskrifter", "Underskrift", "Sekreterare",
    "Ordförande", "Paragrafer", "Paragraf", "ANSLAG", "BEVIS", "Sammanträdesdatum", "Postadress",
    "Besöksadress", "Telefax", "Internet", "Dagordning", "Föredragningslista", "Protokollet",
)
# "Per Ek ersätter Eva Lund", "(ers Eva Lund)", "ersättare för Eva Lund": Eva Lund is not there.
STANDING_IN_WORDS = ("ersättare för", "i stället för", "istället för", "ersätter", "ers")
MUNICIPALITY_COLUMN = "Kommun"  # the left column of an attendance table: "Kommun", "Kommuner"
# A person listed but not there, or there at a distance.
ABSENT_MARKERS = ("deltog inte", "ej närvarande", "frånvarande")
REMOTE_PRESENCE = (
    "per telefon", "via Teams", "via Skype", "via Zoom", "via länk", "digitalt", "på distans",
)
MEETING_SERVICES = ("teams", "skype", "zoom")
# A notice lists those called, not who came: "Ledamöter kallas", "Kallade", "underrättas", "För kännedom".
CALLED_WORDS = ("kallas", "kallade", "underrättas", "för kännedom")
PRESENTERS_NOTE = ("samt föredragande", "samt övriga")  # "… samt föredragande enligt nedan"
LIST_JOINERS = ("samt", "och")

# ---------------------------------------- items
PRESENTER_LABELS = ("Föredragande", "Föredragare", "Presentatör")
# Narrative presenter phrases under a heading: "Information av Eva Lund", "Muntlig information av …",
# "Anna Berg, ekonom, informerar", "Per Ek föredrar ärendet".
PRESENTER_PHRASES_BEFORE = ("Muntlig information av", "Information av")
# Present tense only: "föredrog ärendet och svarade på frågor" in minutes is narrative.
PRESENTER_VERBS_AFTER = ("informerar", "föredrar", "redogör", "presenterar")
# The definite form of a title before a name: "Socialchefen Eva Lind informerar".
DEFINITE_ENDINGS = ("en", "n")
# Labels of a list of papers under an item: its letters are neither subitems nor attachments.
PAPERS_LABELS = ("Bilagor", "Handlingar", "Underlag", "Beslutsunderlag", "Handlingar i ärendet")
ATTACHMENT_LABEL = "Bilaga"  # "Bilaga 3"
ITEM_COLUMN_WORDS = ("Ärende", "Ärenden", "Punkt")  # the item column of an agenda table: "Ärende/Föredragande"
ATTACHMENT_WORDS = ("Bilagor", ATTACHMENT_LABEL)
ATTACHMENT_ABBREVIATION = "Bil"  # "Bil. 3"
# Section words of a case that open a line of their own under a heading.
CASE_SECTIONS = (
    "Bakgrund", "Ärendet", "Ärendebeskrivning", "Sammanfattning", "Beslutsunderlag", "Underlag",
    "Diskussion", "Protokollsanteckning", "Anteckningar", "Noteringar", "Yrkanden",
    "Propositionsordning", "Justering",
)
# Type words that open a heading ("Beslut: Kalendarium 2024") and the type they give.
TYPE_WORDS = {
    "Beslut": "decision", "Rapporter": "report", "Rapport": "report", "Lägesrapport": "report",
    "Statusrapport": "report", "Information": "information", "Info": "information",
}
# Section headings that group items, and the type of the items under them (unless their own heading
# says otherwise): "BESLUTSÄRENDEN", "Informationsärenden".
SECTION_TYPES = {
    "beslutsärenden": "decision", "informationsärenden": "information", "anmälningsärenden": "information",
    "beslutspunkter": "decision", "informationspunkter": "information", "ärenden för beslut": "decision",
    "ärenden för information": "information",
}
# Procedural items: opening and closing, roll call, adjusting the minutes, the agenda.
OPENING_AND_CLOSING = ("öppnande", "öppnas", "avslutande", "avslutning", "avslutas")
MEETING_GENITIVES = ("mötets", "mötet", "sammanträdets", "sammanträdet")  # "Mötets öppnande"
ROLL_CALL = ("upprop", "närvaro")
# "Justering", "Justering av dagens protokoll": adjusting the minutes (not "Justering av upptagningsområde").
ADJUSTMENT = "justering"
ADJUSTED_RECORDS = ("protokoll", "minnesanteckningar", "justera", "tid", "dag", "plats")
ADJUSTING = "justera"  # "Val av justerare", "Justerare"
ADJUSTING_NOUN = "justering"  # "Protokolljustering", "Val av justeringsperson"
ELECTION_OF = ("val av", "utseende av")  # "Utseende av protokolljusterare"
SECRETARY = "sekreterare"
MEETING_CHAIR = ("mötesordförande", "ordförande för mötet", "ordförande för sammanträdet")  # "Val av mötesordförande"
CHAIR_OPENS = ("ordföranden öppnar", "ordförande öppnar")  # "Ordföranden öppnar mötet"
APPROVAL = ("godkännande", "fastställande", "ändring", "ändringar")
AGENDA_WORDS = ("dagordning", "föredragningslista")
PREVIOUS = "föregående"
PREVIOUS_RECORDS = ("minnesanteckningar", "protokoll", "mötes")
# "Föredragningslistans fastställande", "Dagordningens godkännande".
APPROVAL_AFTER = ("fastställande", "godkännande", "fastställs", "godkänns")
RECORD_WORDS = ("minnesanteckningar", "protokoll", "anteckningar")  # "Protokoll från föregående möte"
RECORD_LINKS = ("från", "vid")
OTHER_BUSINESS_OPENINGS = ("övriga frågor", "övrig frågor", "nya frågor")
OTHER_BUSINESS_WORDS = ("övrigt",)

# ---------------------------------------- proposals and decisions
PRESENT_DECIDING_VERB = "beslutar"  # proposes in an agenda, decides in minutes
DECIDED_VERBS = ("beslutade", "beslöt")
DECIDING_VERBS = (PRESENT_DECIDING_VERB, *DECIDED_VERBS)
PROPOSING_VERBS = ("föreslår", "föreslog")
PROPOSAL_HEADING = "Förslag till beslut"
PROPOSAL_OPENERS = (PROPOSAL_HEADING, "Beslutsförslag")
PROPOSAL_LABEL = "Förslag"
ENCLOSED_NOTES = ("Ärendet bifogas", "Ärende bifogas", "Handlingar bifogas", "Handlingarna bifogas", "Underlag bifogas")
DECISION_LABEL = "Beslut"
CLAUSE_WORD = "att"
# The clause that only files a matter: "att lägga informationen till handlingarna".
FILING_VERB = "lägga"
FILING_PHRASE = "till handlingarna"
TABLING_STEM = "bordl"  # "bordlägga", "bordlades"
# Abbreviations whose full stop does not end a clause.
ABBREVIATIONS = (
    "s.k", "t.ex", "bl.a", "fr.o.m", "t.o.m", "p", "ca", "resp", "enl", "inkl", "dvs", "ev", "nr",
    "kl",
)
# Who decides, when it is no body's name: "Nätverket beslutade:".
GENERIC_SUBJECTS = ("nätverket", "gruppen", "mötet", "styrgruppen", "rådet", "nämnden", "man", "vi")

# ---------------------------------------- people and organisations
# Endings of words that name a role ("Divisionschef", "Utvecklingsledare").
TITLE_ENDINGS = (
    "chef", "direktör", "ledare", "samordnare", "utvecklare", "konsulent", "strateg",
    "handläggare", "sekreterare", "ordförande", "deltagare", "ansvarig", "controller",
    "ekonom", "läkare", "sköterska", "terapeut", "assistent", "administratör",
    "representant", "kommunikatör", "jurist", "specialist", "analytiker", "rådgivare",
    "utredare", "inspektör", "koordinator", "expert", "föreståndare", "rektor", "kurator",
    "psykolog", "företrädare", "ledamot", "sakkunnig", "tjänsteperson", "tjänsteman",
    "medarbetare", "pedagog", "socionom", "dietist", "ombud", "revisor", "planerare",
    "projektör", "forskare", "doktorand", "sjukgymnast", "statistiker", "arkivarie",
)
TITLE_PREFIXES = ("tf", "tf.", "bitr", "bitr.", "biträdande", "vice", "t.f.", "vd", "chef")
ACTING = ("tf", "tf.", "t.f.")  # "(tf)" after a name
# Words that make a capitalised pair an organisation rather than a person ("Region X").
ORGANIZATION_HEADS = (
    "region", "regionen", "länsstyrelsen", "landstinget", "skr", "kommunförbundet",
    "socialstyrelsen", "polisen", "försäkringskassan", "arbetsförmedlingen",
)
# Heads of an organisation that is named in full, never shortened to its place.
REGIONAL_HEADS = ("Region", "Länsstyrelsen", "Landstinget")
ORGANIZATION_ENDINGS = (
    "kommun", "kommuner", "län", "center", "centrum", "centralen", "förvaltningen",
    "avdelningen", "enheten", "nämnden", "regionen", "sjukhus", "vårdcentral", "nätverket",
    "gruppen", "rådet", "kansliet", "myndigheten", "styrelsen", "verket", "universitet",
    "högskola", "förbund", "förbundet",
)
# The last word of an organisation's name: "Ystads kommun", "Skåne län".
ORGANIZATION_TAILS = ("kommun", "län", "landsting")
MUNICIPALITY_WORD = "kommun"
REGION_WORD = "Region"
# Capitalised words that are never part of a person's name.
NOT_NAMES = (
    "den", "det", "de", "vid", "inom", "enligt", "under", "efter", "inför", "från", "med", "för",
    "mötet", "nätverket", "styrgruppen", "styrgrupp", "arbetsgruppen", "avdelningen", "hälsa",
    "kommun", "kommunerna", "regionen", "länet", "sverige", "obs", "välkommen", "samt", "och",
    "eller", "även", "ärendet",
) + MEETING_SERVICES
# Words a body's name opens or ends with: "Socialnämnden", "Länsnätverket för …".
BODY_WORDS = (
    "nämnd", "nämnden", "nätverk", "nätverket", "rådet", "styrelse", "styrelsen", "utskott",
    "utskottet", "beredning", "beredningen", "gruppen", "fullmäktige", "presidiet", "forum",
)
MEETING_WORDS = ("möte", "mötet", "sammanträde", "sammanträdet", "sammankomst")

# ---------------------------------------- prepositions
# Words a heading's line may end with when its title runs on to the next line.
CONNECTORS = (
    "och", "i", "av", "om", "för", "enligt", "under", "med", "på", "till", "mellan", "samt",
    "från", "mot", "vid", "eller", "rörande", "avseende", "kring", "inom", "den", "det", "de",
    "en", "ett", "s.k.", "inkl.", "t.ex.", "angående", "gällande", "efter", "hos", "som", "när",
    "ur", "åt", "genom", "inför",
)
# Words before "§ 3" when a paragraph is cited in a sentence, not opened: "enligt § 3".
CITING_WORDS = (
    "enligt", "i", "under", "se", "jfr", "jämför", "av", "till", "med", "från", "om", "på", "vid",
    "inom", "samt", "och", "eller",
)
# Words inside a title that cannot be part of a body's name: "Protokoll till …".
NOT_IN_BODY_NAME = ("till", "i", "från", "med", "vid", "hos", "inom", "om", "av")
TITLE_LINKS = ("från", "för", "till", "vid")  # "Minnesanteckningar från …"
TITLE_MEETING = ("mötet med", "mötet i")  # "Minnesanteckningar från mötet med …"

# ---------------------------------------- search
# PostgreSQL's swedish.stop (the Snowball list), so both search backends ignore the same words.
STOP_WORDS = frozenset("""
och det att i en jag hon som han på den med var sig för så till är men ett om hade de av
icke mig du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde
något från ut när efter upp vi dem vara vad över än dig kan sina här ha mot alla under
någon eller allt mycket sedan ju denna själv detta åt utan varit hur ingen mitt ni bli
blev oss din dessa några deras blir mina samma vilken er sådan vår blivit dess inom mellan
sådant varför varje vilka ditt vem vilket sitta sådana vart dina vars vårt våra ert era
vilkas
""".split())  # noqa: SIM905 - kept as PostgreSQL's file lists them
# Words that open most items and say nothing about what an item is about.
GENERIC_ITEM_WORDS = (
    "beslut", "beslutade", "beslutar", "information", "rapport", "rapporter", "förslag",
    "godkännande", "godkänna", "lägga", "handlingarna", "ärendet", "att", "punkt", "bilaga",
    "föredragande",
)

# ---------------------------------------- meeting mode and outcomes
# A location line naming one of these is (also) a digital meeting: "Teams", "Leksand samt digitalt via Teams".
DIGITAL_PLACE_WORDS = ("teams", "skype", "zoom", r"digital\w*", "videolänk", "distans")
ALSO_WORDS = ("samt", "och", r"\+", "eller")  # "X samt Teams": on site and digital
TABLED_STEM = r"bordl[äa]gg"  # "att bordlägga", "bordläggs"
TAKEN_BACK_PHRASES = (r"(?:tar|tas|tog)\s+tillbaka", r"återremitt\w*")
