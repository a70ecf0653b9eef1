"""The forms of other bodies (import rules, "Forms of other bodies"): flattened PDF pages, paragraph
numbers without a dot, attendance runs, narrative presenters, proposals without "att"."""

from samverkan.archive.reader import read_text


def _read(text):
    return read_text(text, "x.txt")


def _items(document):
    return [(i.number, i.title, i.type) for i in document.items]


def test_paragraph_numbers_running_in_order_inside_a_flattened_page_are_items():
    document = _read(
        "Direktionsprotokoll\n\n"
        "1 Val av mötesordförande Till mötesordförande utses Eva Lund (S). 2 Fastställande av dagordning "
        "att fastställa dagordningen 3 Val av justerare Per Ek (M) utses att jämte ordförande justera dagens "
        "protokoll. 4 Föregående mötesprotokoll Protokoll från sammanträdet läggs till handlingarna.\n"
    )
    assert _items(document) == [
        ("1", "Val av mötesordförande", "procedural"),
        ("2", "Fastställande av dagordning", "procedural"),
        ("3", "Val av justerare", "procedural"),
        ("4", "Föregående mötesprotokoll", "procedural"),
    ]
    assert document.items[1].decisions == ["att fastställa dagordningen"]


def test_a_body_prefix_before_the_paragraph_number_is_no_part_of_it_and_a_lone_number_is_no_item():
    document = _read(
        "Protokoll Rådet\n"
        "Rådet KHR 1 Mötets öppnande Ordföranden hälsar alla välkomna. Rådet KHR 2 Val av justerare "
        "Till justerare valdes Eva Lund. Rådet KHR 3 Godkännande av dagordning Dagordningen godkändes.\n"
        "Kungsgatan 12 Socialnämndens sammanträdesrum\n"
    )
    assert [(i.number, i.title) for i in document.items] == [
        ("1", "Mötets öppnande"), ("2", "Val av justerare"), ("3", "Godkännande av dagordning"),
    ]


def test_a_paragraph_at_the_start_of_a_flattened_page_is_an_item_even_alone():
    page_one = "Sammanträdesprotokoll Plats och tid Rådhuset, klockan 13 Beslutande " + " ".join(
        f"{first} {last} (S) ledamot" for first, last in [("Anna", "Berg"), ("Per", "Ek"), ("Eva", "Lund")] * 6
    )
    document = _read(
        f"1 {page_one}\n\n"
        "2 Sammanträdesprotokoll 25 Ändring av dagordningen Ärendebeskrivning Ordföranden föreslår att ärende 6 "
        "utgår. Beslut - beslutar i enlighet med ordförandens förslag.\n"
    )
    assert _items(document) == [("25", "Ändring av dagordningen", "procedural")]
    assert document.items[0].decisions == ["i enlighet med ordförandens förslag."]


def test_an_attendance_run_in_a_flattened_page_is_split_into_people_by_their_form():
    document = _read(
        "1 Protokoll Plats och tid Borås Beslutande Ulf Olsson (S) ordförande Margareta Lövgren (M) 1-e vice "
        "ordförande Annette Carlson (M) Marie Göransson (S) ersättare för Agneta Nilsson (S) Ersättare Lena "
        "Palmén (S) Adjungerade Jana Nilsson (S) Övriga Lena Brännmar, förbundsdirektör Joakim Svärdström, "
        "regionutvecklingschef Frånvarande Karin Holm (C) Ledamöter: Hasse Karlsson PRO Vivanne Gustavsson "
        "PRO Gudrun Sjödin Bertil Böhlin Åke Sundin Utses att justera Margareta Lövgren Underskrifter\n\n"
        "2 Protokoll 1 Mötets öppnande Ordföranden öppnade mötet.\n"
    )
    assert [a.name for a in document.attendees] == [
        "Ulf Olsson", "Margareta Lövgren", "Annette Carlson", "Marie Göransson", "Lena Palmén", "Jana Nilsson",
        "Lena Brännmar", "Joakim Svärdström", "Hasse Karlsson", "Vivanne Gustavsson", "Gudrun Sjödin",
        "Bertil Böhlin", "Åke Sundin",
    ]


def test_a_notice_lists_those_called_not_who_came():
    document = _read(
        "Kallelse\nRådet\n\nLedamöter kallas\nAnna Berg (S), ordförande\nNärvarande: Per Ek, Eva Lund\n\n"
        "1. Mötets öppnande\n"
    )
    assert document.kind == "agenda"
    assert document.attendees == []


def test_presenters_from_information_av_and_from_narrative_lines_in_the_present_tense():
    document = _read(
        "Minnesanteckningar Rådet\n\n"
        "1. Ny projektperiod\nInformation av Mikael Jansson, North Sweden European Office\n"
        "Bilagor: a) PM, b) Förslag till samarbetsavtal\n\n"
        "2. Budget\nFörvaltningschef Per Ek och controller Eva Lund föredrar ärendet.\n\n"
        "3. Läget\nAnna Berg och Per Ek informerade om läget och svarade på frågor.\n"
    )
    assert [[(p.name, p.title) for p in item.presenters] for item in document.items] == [
        [("Mikael Jansson", None)], [("Per Ek", "Förvaltningschef"), ("Eva Lund", "controller")], [],
    ]
    assert document.items[0].subitems == []


def test_proposals_without_att_under_förslag_till_beslut_and_its_numbered_points():
    document = _read(
        "Föredragningslista\nDirektionen\n\n"
        "1. Remiss om service i glesbygd\nFörslag till beslut: Arbetsutskottet föreslår direktionen besluta: "
        "Remissen besvaras enligt yttrandeförslaget. Ärendet bifogas.\n\n"
        "2. Medborgarförslag om vykort\nFörslag till beslut\n\n1. Nämnden avslår framställan.\n"
        "2. Nämnden ger förvaltningen i uppdrag att svara förslagsställaren.\n"
    )
    assert [(i.number, i.proposals, i.subitems) for i in document.items] == [
        ("1", ["Remissen besvaras enligt yttrandeförslaget."], []),
        ("2", ["Nämnden avslår framställan.", "Nämnden ger förvaltningen i uppdrag att svara förslagsställaren."], []),
    ]


def test_presenters_from_an_agenda_tables_presenter_column_and_from_listed_points():
    document = _read(
        "Kallelse\nNämnden\nÄrende/Föredragande\n"
        "1 Upprop Dnr\n2 Information GDPR Hans Magnusson\n"
        "3 Lägesrapport om SFI i samarbete med Eslöv Catharina Pålsson, Anna Frank\n"
        "4 Regional beredskap\n• Nya beredskapsdokument / Daniel Landin, Länsstyrelsen\n"
    )
    assert [(i.title, [p.name for p in i.presenters]) for i in document.items] == [
        ("Upprop", []), ("Information GDPR", ["Hans Magnusson"]),
        ("Lägesrapport om SFI i samarbete med Eslöv", ["Catharina Pålsson", "Anna Frank"]),
        ("Regional beredskap", ["Daniel Landin"]),
    ]


def test_a_closing_list_of_attachments_goes_to_the_item_that_names_each_title():
    document = _read(
        "Dagordning\n\n1. Godkännande av dagordning\n\n2. Beredskap\n• Nya beredskapsdokument / Daniel Landin\n\n"
        "3. Mötet avslutas\n\nPresentationer\n• Bilaga 1: Nya beredskapsdokument / Daniel Landin\n"
    )
    assert [i.attachments for i in document.items] == [[], ["Bilaga 1"], []]
    assert [i.type for i in document.items] == ["procedural", "information", "procedural"]
