"""Attendees from lists and flattened two-column tables."""

from samverkan.archive.reader import read_text


def _attendees(text):
    return [(a.name, a.organization, a.title) for a in read_text(text + "\n\n1. Mötets öppnande\n", "x.txt").attendees]


def test_comma_list_with_names_broken_over_lines_and_duplicates():
    text = "Närvarande: Anna Berg, Per\nEk, Lisa Holm, Anna Berg samt föredragande enligt nedan."
    assert _attendees(text) == [("Anna Berg", None, None), ("Per Ek", None, None), ("Lisa Holm", None, None)]


def test_glued_stray_letter_is_removed():
    assert _attendees("Närvarande: Tanja\naMårtensson.")[0][0] == "Tanja Mårtensson"


def test_municipality_after_comma_is_the_organisation():
    assert _attendees("Närvarande: Anna Berg, Mora, Per Ek") == [("Anna Berg", "Mora", None), ("Per Ek", None, None)]


def test_party_is_dropped_and_chair_becomes_title():
    assert _attendees("Närvarande: Anna Berg (S), ordförande, Per Ek (M)") == [
        ("Anna Berg", None, "Ordförande"),
        ("Per Ek", None, None),
    ]


def test_people_under_forhinder_are_absent():
    text = "Närvarande: Anna Berg, Per Ek\nFörhinder: Olle Ström, Eva Lind"
    assert [a[0] for a in _attendees(text)] == ["Anna Berg", "Per Ek"]


def test_presence_by_phone_still_counts():
    assert _attendees("Närvarande: Karl Svensson per telefon, Eva Lind via Teams") == [
        ("Karl Svensson", None, None), ("Eva Lind", None, None),
    ]


def test_flattened_two_column_table_reads_left_then_right():
    text = (
        "Närvarande:\n\nKommun Region Dalarna\n\n"
        "Carina Johansson Avesta Åsa Dedering Hälso- och sjukvårdsdirektör\n\n"
        "Maria Jonsson, Arne Holmström,\n\nUlrika Forssell\nFalun Helen Kastemyr Divisionschef Primärvård\n\n"
        "Frida Hellberg, Patrik Prahl (tf)  Vansbro Tanja Mårtensson Chef RSS Dalarna\n"
    )
    assert _attendees(text) == [
        ("Carina Johansson", "Avesta", None),
        ("Åsa Dedering", "Region Dalarna", "Hälso- och sjukvårdsdirektör"),
        ("Maria Jonsson", "Falun", None),
        ("Arne Holmström", "Falun", None),
        ("Ulrika Forssell", "Falun", None),
        ("Helen Kastemyr", "Region Dalarna", "Divisionschef Primärvård"),
        ("Frida Hellberg", "Vansbro", None),
        ("Patrik Prahl", "Vansbro", None),
        ("Tanja Mårtensson", "Region Dalarna", "Chef RSS Dalarna"),
    ]


def test_other_municipalities_are_recognised_by_kommun():
    assert _attendees("Närvarande: Anna Berg, Uppsala kommun") == [("Anna Berg", "Uppsala kommun", None)]
