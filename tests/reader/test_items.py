"""Items: headings, subitems, titles, types, presenters and attachments."""

from samverkan.archive.reader import read_text
from samverkan.archive.reader.items import attachments_in, clean_title, item_type
from samverkan.archive.reader.people import parse_people
from samverkan.language.gazetteer import default_gazetteer

SAMPLE = default_gazetteer()


def _items(text, kind_line="Minnesanteckningar"):
    return read_text(f"{kind_line}\n\n{text}", "x.txt").items


def test_title_loses_type_word_and_trailing_attachment():
    assert clean_title("Beslut: Kalendarium för 2022, Bilaga 2") == "Kalendarium för 2022"
    assert clean_title("PRELIMINÄR rapport: Statliga överenskommelser 2022") == "Statliga överenskommelser 2022"
    assert clean_title("Beslut om ny ordförande") == "Beslut om ny ordförande"
    assert clean_title("Familjecentraler,") == "Familjecentraler"


def test_types_follow_the_precedence_of_the_rules():
    assert item_type("Beslut: Godkännande av dagordning", ["att godkänna"]) == "procedural"
    assert item_type("Val av justerare", []) == "procedural"
    assert item_type("Övriga frågor", []) == "other_business"
    assert item_type("Rapporter och delgivningar", ["att fastställa budget"]) == "report"
    assert item_type("Budget 2024", ["att fastställa budgeten"]) == "decision"
    assert item_type("Budget 2024", ["att lägga informationen till handlingarna."]) == "information"


def test_attachments_in_all_spellings():
    assert attachments_in("Bilaga 3,4 och Bil 5 samt bilaga\n6") == ["Bilaga 3", "Bilaga 4", "Bilaga 5", "Bilaga 6"]
    assert attachments_in("i enlighet med bilagt förslag") == []


def test_heading_over_two_lines_is_joined():
    items = _items("1. Beslut om utredning angående en översyn av\nHemsjukvårdsavtalet\nFöredragande: Anna Berg\n")
    assert items[0].title == "Beslut om utredning angående en översyn av Hemsjukvårdsavtalet"
    assert items[0].presenters[0].name == "Anna Berg"


def test_lettered_and_restarted_numbers_are_subitems():
    items = _items("1. Mötets öppnande\n2. Rapporter\na) Från nätverket\nb) Från regionen\n3. Ekonomi\n1. Budget\n2. Utfall\n4. Övriga frågor\n")
    assert [i.number for i in items] == ["1", "2", "3", "4"]
    assert [s.number for s in items[1].subitems] == ["a", "b"]
    assert [s.title for s in items[2].subitems] == ["Budget", "Utfall"]


def test_items_are_found_inside_long_lines_without_breaks():
    text = (
        "Nämnden Datum: 2023-03-15 Tid: 13.00-15.30 Plats: Rådhuset 1. Mötets öppnande Ordföranden öppnade mötet. "
        "2:Val av justerare Nämnden beslutade: att utse Per Ek. Sida 1 av 8 3. Ekonomisk uppföljning "
        "Föredragande: Anna Berg Nämnden beslutade: att godkänna rapporten. 4. Övriga frågor"
    )
    items = _items(text)
    assert [(i.number, i.title) for i in items] == [
        ("1", "Mötets öppnande"), ("2", "Val av justerare"), ("3", "Ekonomisk uppföljning"), ("4", "Övriga frågor"),
    ]
    assert items[2].presenters[0].name == "Anna Berg"
    assert items[2].decisions == ["att godkänna rapporten."]


def test_page_markers_are_not_items():
    items = _items("1. Mötets öppnande\nPROTOKOLL 2 (6)\nSida 2 av 8\n2. Övriga frågor\n")
    assert [i.title for i in items] == ["Mötets öppnande", "Övriga frågor"]


def test_repeated_page_headers_are_ignored():
    header = "Minnesanteckningar\nDatum: 200928\nDnr:RD20/01035\n"
    text = header + "\n1. Mötets öppnande\nText om mötet.\n\n" + header + "\nMer text.\n2. Övriga frågor\n"
    item = read_text(text, "x.txt").items[0]
    assert item.text == "Text om mötet.\n\nMer text."


def test_presenters_with_titles_and_shared_titles():
    people = parse_people("Caroline Mörk och Henrietta Forsman, Utvecklingsledare, Hälsa och välfärd", SAMPLE)
    assert [(p.name, p.title) for p in people] == [
        ("Caroline Mörk", "Utvecklingsledare, Hälsa och välfärd"),
        ("Henrietta Forsman", "Utvecklingsledare, Hälsa och välfärd"),
    ]
    people = parse_people(
        "Susanne Magnusson, Divisionschef medicin Region Dalarna, Tanja Mårtensson, RSS Dalarna", SAMPLE
    )
    assert [(p.name, p.title) for p in people] == [("Susanne Magnusson", "Divisionschef medicin"), ("Tanja Mårtensson", None)]


def test_steering_group_members_are_not_a_person():
    people = parse_people("Tanja Mårtensson, Maria Högkvist och ledamöter i Styrgrupp", SAMPLE)
    assert [p.name for p in people] == ["Tanja Mårtensson", "Maria Högkvist"]


def test_body_short_name_maps_to_full_name():
    document = read_text("1. Mötets öppnande\nLänschefsnätverket beslutar:\natt öppna mötet.\n", "x.txt")
    assert document.body == "Länsnätverket för förvaltningschefer"
    assert document.kind == "agenda"


def test_sentence_under_heading_that_opens_with_names_gives_no_presenters():
    items = _items(
        "1. Ekonomisk uppföljning\n"
        "Anna Hägglund och Ulrika Norberg föredrog ärendet och svarade på frågor från ledamöterna.\n"
        "2. Samverkan kring barn\n"
        "Per Ek och Eva Lind informerade om läget och\n"
        "svarade på frågor.\n"
        "3. Budget\n"
        "Föredragande rapporterade om det pågående arbetet.\n"
        "4. Rapporter\n"
        "Anna Berg Utvecklingsledare, Per Ek Ekonom\n"
        "\n"
        "Anna Berg och Per Ek föredrog.\n"
    )
    assert [i.presenters for i in items[:3]] == [[], [], []]
    assert [(p.name, p.title) for p in items[3].presenters] == [
        ("Anna Berg", "Utvecklingsledare"), ("Per Ek", "Ekonom"),
    ]
    assert "föredrog ärendet" in items[0].text
