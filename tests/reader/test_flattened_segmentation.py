"""Segmentation of text whose line breaks are lost: pages at their marks, list bullets."""

from samverkan.archive.reader.lines import clean_lines, split_at_page_marks

FILLER = "Ordföranden redogör för ärendet och nämnden diskuterar frågan ingående. " * 3


def test_a_flattened_line_is_cut_before_each_page_mark_that_runs_in_order():
    text = f"PROTOKOLL 1(3) Närvarande: {FILLER} PROTOKOLL 2(3) 107 Dagordning {FILLER} PROTOKOLL 3(3) Slut"
    pages, numbers, opens = split_at_page_marks([text])
    assert [page.split()[:2] for page in pages] == [["PROTOKOLL", "1(3)"], ["PROTOKOLL", "2(3)"], ["PROTOKOLL", "3(3)"]]
    assert numbers == [1, 1, 1]
    assert opens == [False, True, True]


def test_a_lone_page_mark_or_marks_of_different_counts_cut_nothing():
    text = f"Sida 1 (24) {FILLER} enligt bilaga 2 (5) {FILLER}"
    assert split_at_page_marks([text]) == ([text], [1], [False])


def test_a_bullet_inside_a_flattened_line_opens_a_line_of_its_own():
    lines = clean_lines("4. Regional utveckling • Beredskapen / Anna Berg, Region • Rapport / Per Ek, Länsstyrelsen")
    assert [line.text for line in lines] == [
        "4. Regional utveckling", "• Beredskapen / Anna Berg, Region", "• Rapport / Per Ek, Länsstyrelsen",
    ]


def test_a_page_cut_keeps_the_page_counter_and_the_title_before_its_mark_with_the_page():
    text = (f"1 Sammanträdesprotokoll Sida 1 (24) Plats och tid {FILLER} "
            f"2 Sammanträdesprotokoll Sida 2 (24) 25 Ändring av dagordningen {FILLER}")
    pages, _, _ = split_at_page_marks([text])
    assert [page.split()[:4] for page in pages] == [
        ["1", "Sammanträdesprotokoll", "Sida", "1"], ["2", "Sammanträdesprotokoll", "Sida", "2"],
    ]


def test_bare_subitem_letters_that_run_a_b_c_get_their_brackets_and_lines():
    lines = clean_lines("1. Delgivningar a Yttrande över betänkandet b Protokoll från rådet c Protokoll från beredningen")
    assert [line.text for line in lines] == [
        "1. Delgivningar", "a) Yttrande över betänkandet", "b) Protokoll från rådet", "c) Protokoll från beredningen",
    ]


def test_two_bare_letters_are_no_list():
    text = "1. Delgivningar a Yttrande över betänkandet b Protokoll från rådet"
    assert [line.text for line in clean_lines(text)] == [text]
