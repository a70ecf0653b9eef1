"""Document styles that are not in the seeds but common in Swedish municipal and regional meetings.

Each case is a short synthetic document; the expectations follow docs/import-rules.md.
"""

from datetime import date, time

from samverkan.archive.reader import read_text


def _read(text):
    return read_text(text, "x.txt")


def _people(document):
    return [(a.name, a.organization, a.title) for a in document.attendees]


def _items(document):
    return [(i.number, i.title, i.type) for i in document.items]


def test_protokoll_with_paragraph_numbers_party_list_and_page_footers():
    document = _read(
        "PROTOKOLL\n"
        "Socialnämnden\n"
        "Sammanträdesdatum: Tisdag den 14 mars 2023 kl. 13.00–15.30\n"
        "Plats: Kommunhuset, sammanträdesrum Dalen\n"
        "\n"
        "Närvarande:\n"
        "Anna Berg (S), ordförande\n"
        "Per Ek (M)\n"
        "Lisa Holm (C)\n"
        "Förhinder: Karl Svensson (V)\n"
        "\n"
        "§ 12 Mötets öppnande\n"
        "Ordföranden förklarade mötet öppnat.\n"
        "\n"
        "§ 13 Val av justerare\n"
        "Socialnämnden beslutade:\n"
        "att utse Per Ek att justera protokollet.\n"
        "\n"
        "Justerandes sign\n"
        "Sida 2 av 5\n"
        "Socialnämnden PROTOKOLL 3 (5)\n"
        "\n"
        "§ 14 Ekonomisk uppföljning\n"
        "Föredragande: Maria Lund, ekonom\n"
        "Socialnämnden beslutade:\n"
        "att godkänna uppföljningen\n"
        "\n"
        "Justerandes sign\n"
        "Sida 3 av 5\n"
        "\n"
        "§ 15 Övriga frågor\n"
        "Inga övriga frågor.\n"
    )
    assert document.kind == "minutes"
    assert document.body == "Socialnämnden"
    assert document.meeting_date == date(2023, 3, 14)
    assert (document.start_time, document.end_time) == (time(13, 0), time(15, 30))
    assert document.location == "Kommunhuset, sammanträdesrum Dalen"
    assert _people(document) == [
        ("Anna Berg", None, "Ordförande"), ("Per Ek", None, None), ("Lisa Holm", None, None),
    ]
    assert _items(document) == [
        ("12", "Mötets öppnande", "procedural"),
        ("13", "Val av justerare", "procedural"),
        ("14", "Ekonomisk uppföljning", "decision"),
        ("15", "Övriga frågor", "other_business"),
    ]
    assert document.items[1].decisions == ["att utse Per Ek att justera protokollet."]
    assert document.items[1].text == ""  # signature box and page footer are furniture
    assert document.items[2].decisions == ["att godkänna uppföljningen"]
    assert [(p.name, p.title) for p in document.items[2].presenters] == [("Maria Lund", "ekonom")]


def test_member_substitute_and_other_present_blocks():
    document = _read(
        "Protokoll\n"
        "Välfärdsrådet\n"
        "Datum: 2023-05-04\n"
        "Tid: 09.00-12.00\n"
        "\n"
        "Ledamöter:\n"
        "Anna Berg, Mora\n"
        "Per Ek, Falun\n"
        "\n"
        "Ersättare:\n"
        "Lisa Holm, Borlänge\n"
        "\n"
        "Övriga närvarande:\n"
        "Maria Lund, sekreterare\n"
        "Olle Ström, Region Dalarna\n"
        "\n"
        "Frånvarande:\n"
        "Karl Svensson, Leksand\n"
        "\n"
        "1. Mötets öppnande\n"
        "2. Övriga frågor\n"
    )
    assert document.body == "Välfärdsrådet"
    assert document.meeting_date == date(2023, 5, 4)
    assert _people(document) == [
        ("Anna Berg", "Mora", None),
        ("Per Ek", "Falun", None),
        ("Lisa Holm", "Borlänge", None),
        ("Maria Lund", None, "Sekreterare"),
        ("Olle Ström", "Region Dalarna", None),
    ]


def test_pdf_agenda_on_one_long_line():
    document = _read(
        "Dagordning Socialchefsnätverket Datum: 2024-02-08 Tid: 09.00–12.00 Plats: Regionhuset, Falun "
        "1. Mötets öppnande 2. Val av justerare 3. Föregående minnesanteckningar 4. Ekonomisk uppföljning "
        "Föredragande: Anna Berg, ekonom Förslag till beslut att godkänna den ekonomiska uppföljningen. "
        "5. Information: Läget i länet, bilaga 3 Sida 1 av 2 6. Övriga frågor\n"
    )
    assert document.kind == "agenda"
    assert document.body == "Socialchefsnätverket"
    assert document.meeting_date == date(2024, 2, 8)
    assert (document.start_time, document.end_time) == (time(9, 0), time(12, 0))
    assert _items(document) == [
        ("1", "Mötets öppnande", "procedural"),
        ("2", "Val av justerare", "procedural"),
        ("3", "Föregående minnesanteckningar", "procedural"),
        ("4", "Ekonomisk uppföljning", "decision"),
        ("5", "Läget i länet", "information"),
        ("6", "Övriga frågor", "other_business"),
    ]
    item = document.items[3]
    assert [(p.name, p.title) for p in item.presenters] == [("Anna Berg", "ekonom")]
    assert item.proposals == ["att godkänna den ekonomiska uppföljningen."]
    assert document.items[4].attachments == ["Bilaga 3"]


def test_decision_without_att_and_type_word_with_attachment():
    document = _read(
        "Minnesanteckningar från Socialchefsnätverkets möte 2022-11-10\n"
        "\n"
        "1. Mötets öppnande\n"
        "2. Rapport: Ekonomiskt utfall, Bilaga 1\n"
        "Beslut: Nätverket beslutade godkänna rapporten.\n"
        "3. Information: Läget i länet, bilaga 3\n"
        "Rapporten godkändes av ledamöterna.\n"
        "4. Mötets avslutande\n"
    )
    assert document.kind == "minutes"
    assert document.body == "Socialchefsnätverket"
    assert document.meeting_date == date(2022, 11, 10)
    assert _items(document)[1:3] == [
        ("2", "Ekonomiskt utfall", "report"),
        ("3", "Läget i länet", "information"),
    ]
    assert document.items[1].decisions == ["godkänna rapporten."]
    assert document.items[1].attachments == ["Bilaga 1"]
    assert document.items[2].attachments == ["Bilaga 3"]
    assert document.items[2].decisions == []


def test_weekday_date_line_with_clock_times_and_no_labels():
    document = _read(
        "Kallelse\n"
        "Kommunala pensionärsrådet\n"
        "Tisdag den 14 mars 2023 kl. 13.00–15.30\n"
        "Stadshuset, lokal Siljan\n"
        "\n"
        "1. Sammanträdets öppnande\n"
        "2. Godkännande av dagordning\n"
        "3. Beslut om mötesplan 2024\n"
        "Förslag till beslut:\n"
        "att fastställa mötesplanen för 2024.\n"
        "4. Övriga frågor\n"
    )
    assert document.kind == "agenda"
    assert document.body == "Kommunala pensionärsrådet"
    assert document.meeting_date == date(2023, 3, 14)
    assert (document.start_time, document.end_time) == (time(13, 0), time(15, 30))
    assert _items(document)[2] == ("3", "Beslut om mötesplan 2024", "decision")
    assert document.items[2].proposals == ["att fastställa mötesplanen för 2024."]


def test_participants_with_titles_and_party_and_decision_makers_block():
    document = _read(
        "Protokoll\n"
        "Folkhälsorådet\n"
        "Plats och tid: Regionhuset, Falun, onsdag 7 juni 2023 kl. 9.00-11.30\n"
        "\n"
        "Beslutande:\n"
        "Eva Lind (S), ordförande\n"
        "Jonas Mattsson (KD), vice ordförande\n"
        "\n"
        "Övriga deltagare:\n"
        "Sara Nyström, folkhälsostrateg, Rättviks kommun\n"
        "Johan Ek, sekreterare\n"
        "\n"
        "1. Mötets öppnande\n"
        "2. Val av protokolljusterare\n"
        "Folkhälsorådet beslutade:\n"
        "att utse Jonas Mattsson att justera protokollet.\n"
        "3. Övriga frågor\n"
    )
    assert document.meeting_date == date(2023, 6, 7)
    assert (document.start_time, document.end_time) == (time(9, 0), time(11, 30))
    assert document.body == "Folkhälsorådet"
    assert [a.name for a in document.attendees] == ["Eva Lind", "Jonas Mattsson", "Sara Nyström", "Johan Ek"]
    assert document.attendees[0].title == "Ordförande"
    assert document.attendees[1].title == "Vice ordförande"
    assert document.attendees[2].organization == "Rättvik"


def test_name_and_title_line_under_heading_and_sentence_with_names():
    document = _read(
        "Minnesanteckningar Välfärdsrådet\n"
        "Datum: 2023-09-21\n"
        "\n"
        "1. Samordnad individuell plan\n"
        "Karin Holm, utvecklingsledare, Region Dalarna\n"
        "\n"
        "Karin Holm presenterade arbetet med SIP.\n"
        "\n"
        "2. Läkemedelsgenomgångar\n"
        "Johan Berg och Sara Lind redogjorde för uppföljningen i kommunerna.\n"
        "Välfärdsrådet beslutade:\n"
        "att lägga informationen till handlingarna.\n"
    )
    assert document.body == "Välfärdsrådet"
    assert [(p.name, p.title) for p in document.items[0].presenters] == [("Karin Holm", "utvecklingsledare")]
    assert document.items[1].presenters == []
    assert document.items[1].type == "information"


def test_markdown_agenda_with_bold_labels_and_lettered_subitems():
    document = _read(
        "# Dagordning\n"
        "**Socialchefsnätverket**\n"
        "**Datum:** 12 oktober 2023, kl. 10.00 – 12.00\n"
        "\n"
        "## 1. Mötets öppnande\n"
        "## 2. Rapporter\n"
        "a) Från länsstyrelsen\n"
        "b) Från regionen, bilaga 2\n"
        "## 3. Beslut: Gemensam riktlinje för hemsjukvård\n"
        "**Föredragande:** Lena Ek, MAS\n"
        "**Förslag till beslut:**\n"
        "att anta riktlinjen.\n"
        "## 4. Övriga frågor\n"
    )
    assert document.kind == "agenda"
    assert document.body == "Socialchefsnätverket"
    assert document.meeting_date == date(2023, 10, 12)
    assert (document.start_time, document.end_time) == (time(10, 0), time(12, 0))
    assert _items(document) == [
        ("1", "Mötets öppnande", "procedural"),
        ("2", "Rapporter", "report"),
        ("3", "Gemensam riktlinje för hemsjukvård", "decision"),
        ("4", "Övriga frågor", "other_business"),
    ]
    assert [(s.number, s.title, s.attachments) for s in document.items[1].subitems] == [
        ("a", "Från länsstyrelsen", []), ("b", "Från regionen", ["Bilaga 2"]),
    ]
    assert [(p.name, p.title) for p in document.items[2].presenters] == [("Lena Ek", "MAS")]
    assert document.items[2].proposals == ["att anta riktlinjen."]


def test_pdf_protocol_with_paragraph_numbers_in_one_line_and_repeated_openers():
    document = _read(
        "PROTOKOLL Socialnämnden Sammanträdesdatum: 2023-03-14 § 12 Mötets öppnande Ordföranden öppnade mötet. "
        "§ 13 Budget 2024 Socialnämnden beslutade: att anta budgeten. Sida 2 av 3 "
        "§ 14 Taxor Socialnämnden beslutade: att anta taxorna. § 15 Övriga frågor\n"
    )
    assert [(i.number, i.title) for i in document.items] == [
        ("12", "Mötets öppnande"), ("13", "Budget 2024"), ("14", "Taxor"), ("15", "Övriga frågor"),
    ]
    assert [i.decisions for i in document.items[1:3]] == [["att anta budgeten."], ["att anta taxorna."]]


def test_municipal_protocol_with_label_column_without_colons():
    document = _read(
        "Sammanträdesprotokoll\n"
        "Socialnämnden\n"
        "Sammanträdesdatum 2023-03-14\n"
        "Plats och tid Kommunhuset, kl. 13.00-15.30\n"
        "\n"
        "Beslutande Anna Berg (S), ordförande\n"
        "Per Ek (M)\n"
        "Övriga närvarande Maria Lund, nämndsekreterare\n"
        "\n"
        "§ 14 Ekonomisk uppföljning\n"
        "Dnr SN 2023/45\n"
        "\n"
        "Beslut\n"
        "Socialnämnden beslutar att godkänna den ekonomiska uppföljningen.\n"
        "\n"
        "§ 15 Information om läget i verksamheten\n"
        "Socialchefen Eva Lind informerar om läget.\n"
        "\n"
        "Socialnämnden beslutar\n"
        "att lägga informationen till handlingarna.\n"
    )
    assert document.kind == "minutes"
    assert (document.meeting_date, document.location) == (date(2023, 3, 14), "Kommunhuset")
    assert (document.start_time, document.end_time) == (time(13, 0), time(15, 30))
    assert _people(document) == [
        ("Anna Berg", None, "Ordförande"), ("Per Ek", None, None), ("Maria Lund", None, "Nämndsekreterare"),
    ]
    assert _items(document) == [
        ("14", "Ekonomisk uppföljning", "decision"),
        ("15", "Information om läget i verksamheten", "information"),
    ]
    assert document.items[0].decisions == ["att godkänna den ekonomiska uppföljningen."]
    assert document.items[1].decisions == ["att lägga informationen till handlingarna."]
    assert [(p.name, p.title) for p in document.items[1].presenters] == [("Eva Lind", "Socialchefen")]
