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


def test_a_numbered_proposal_after_its_heading_opens_a_line_and_the_next_paragraph_keeps_its_number():
    text = ("Sammanträde 2006-11-16 4 Medborgarförslag om vykort Föreligger tjänsteutlåtande 2006-10-11. (Dnr 099-376/06) Förslag till "
            "beslut 1. Nämnden avslår framställan. ____ 5 Svar på medborgarförslag om en gata Föreligger "
            "tjänsteutlåtande 2006-10-19. (Dnr 099-481/06) 6 Övriga frågor Inga övriga frågor togs upp.")
    texts = [line.text for line in clean_lines(text)]
    assert "Förslag till beslut" in texts
    assert any(t.startswith("1. Nämnden avslår framställan.") for t in texts)
    assert [t for t in texts if t[:2] in ("4 ", "5 ", "6 ")] == [
        "4 Medborgarförslag om vykort", "5 Svar på medborgarförslag om en gata", "6 Övriga frågor",
    ]


def test_subitem_letters_written_with_a_dot_and_a_bracket_are_cut_like_letters():
    lines = clean_lines("3. Inkomna medborgarförslag a.) Förslag på soffa vid gången b.) Förslag på bänkar vid torget")
    assert [line.text for line in lines] == [
        "3. Inkomna medborgarförslag", "a.) Förslag på soffa vid gången", "b.) Förslag på bänkar vid torget",
    ]


def test_a_page_mark_with_the_running_header_between_page_and_count_cuts_pages():
    text = (f"Rådet Plats och tid: Rådhuset {FILLER} 2 Kommunala Rådet (19) 1 Mötets öppnande {FILLER} "
            f"3 Kommunala Rådet (19) 2 Val av justerare {FILLER}")
    pages, _, _ = split_at_page_marks([text])
    assert [page.split()[:3] for page in pages] == [
        ["Rådet", "Plats", "och"], ["2", "Kommunala", "Rådet"], ["3", "Kommunala", "Rådet"],
    ]


def test_a_bare_time_or_place_label_before_its_value_opens_a_line_in_a_long_line():
    text = ("Sammanträde 2006-11-16 Datum Klockan 18:00 Plats Tensta Träff, Hagstråket 13 Sammanträdet inleds "
            "med att direktören går igenom ärendena och allmänheten får ställa frågor.")
    texts = [line.text for line in clean_lines(text)]
    assert "Klockan 18:00" in texts
    assert any(t.startswith("Plats Tensta Träff, Hagstråket 13") for t in texts)


def test_the_paragraph_chain_runs_past_one_missing_number():
    text = ("Sammanträde 2012-06-12 7 Protokoll från rådet. 8 Protokoll från nämnden. "
            "10 Månadsrapport maj 2012. 11 Omstrukturering av boendet.")
    items = [line.text for line in clean_lines(text) if line.item]
    assert [t.split()[0] for t in items] == ["7", "8", "10", "11"]


def test_an_unnumbered_opening_before_item_2_still_lets_item_2_start_the_items():
    text = ("Minnesanteckningar Regionrådsmöte 12 juni 2012 Mötet öppnas Mötet öppnades av ordförande Johan "
            "Söderling. Dagordningen godkändes. 2. Föregående möte Minnesanteckningarna godkändes. "
            "3. Ekonomi Ekonomin redovisades.")
    texts = [line.text for line in clean_lines(text)]
    assert any(t.startswith("2. Föregående möte") for t in texts)
    assert any(t.startswith("3. Ekonomi") for t in texts)
