"""PDF text that joined short lines: split at item numbers that continue the sequence, block
openers and clauses, but never inside dates, times, registry numbers, "§ 3" in a sentence or
decimal numbers."""

from samverkan.archive.reader import read_text
from samverkan.archive.reader.lines import clean_lines
from tests.reader.blankless import agreement, join_lines


def _lines(text: str) -> list[str]:
    return [line.text for line in clean_lines(text) if line.text]


def _items(body: str):
    return read_text("Minnesanteckningar Länschefsnätverket\n" + body, "x.pdf").items


def test_a_date_line_joined_with_the_first_heading_is_split_after_the_date():
    assert _lines("Datum: 19 november 2021 1. Mötets öppnande\n") == [
        "Datum: 19 november 2021",
        "1. Mötets öppnande",
    ]


def test_headings_block_openers_and_clauses_are_split_in_short_lines():
    assert _lines(
        "1. Mötets öppnande 2. Godkännande av dagordning Förslag till beslut\n"
        "Länschefsnätverket beslutar: att godkänna dagordningen. 3. Föregående minnesanteckningar 210924\n"
    ) == [
        "1. Mötets öppnande",
        "2. Godkännande av dagordning",
        "Förslag till beslut",
        "Länschefsnätverket beslutar:",
        "att godkänna dagordningen.",
        "3. Föregående minnesanteckningar 210924",
    ]


def test_items_titles_and_clauses_of_joined_short_lines():
    items = _items(
        "Datum: 19 november 2021 1. Mötets öppnande\n"
        "2. Godkännande av dagordning Förslag till beslut\n"
        "Länschefsnätverket beslutar: att godkänna dagordningen. 3. Föregående minnesanteckningar 210924\n"
        "Länschefsnätverket beslutade: att lägga minnesanteckningarna till handlingarna.\n"
    )
    assert [(i.number, i.title) for i in items] == [
        ("1", "Mötets öppnande"),
        ("2", "Godkännande av dagordning"),
        ("3", "Föregående minnesanteckningar 210924"),
    ]
    assert items[1].proposals == ["att godkänna dagordningen."] or items[1].decisions == ["att godkänna dagordningen."]


def test_a_presenter_without_colon_and_the_sentence_after_a_title_are_split():
    assert _lines("4. Ekonomisk uppföljning Föredragande Anna Berg, Controller\n") == [
        "4. Ekonomisk uppföljning",
        "Föredragande Anna Berg, Controller",
    ]
    assert _lines("1. Mötets öppnande 2. Övriga frågor Nästa möte sker i mars.\n") == [
        "1. Mötets öppnande",
        "2. Övriga frågor",
        "Nästa möte sker i mars.",
    ]


def test_sentences_after_a_presenter_line_are_split_off_even_when_the_last_one_runs_on():
    assert _lines(
        "Föredragande: Åsa Modin, Divisionschef Medicin Välfärdsrådet beslutade på möte den 4 juli att ge "
        "nätverket i uppdrag att utreda frågan. Kostnaderna fördelas mellan huvudmännen enligt en\n"
    )[0] == "Föredragande: Åsa Modin, Divisionschef Medicin"


def test_subitem_letters_inside_a_short_line_follow_the_heading():
    assert _lines("5. Rapporter och delgivningar a) Rapport: Barnahus b) Nytt från SKR\n") == [
        "5. Rapporter och delgivningar",
        "a) Rapport: Barnahus",
        "b) Nytt från SKR",
    ]
    # Before any item, "a)" is not a subitem.
    assert _lines("Enligt punkt a) Ansökan gäller.\n") == ["Enligt punkt a) Ansökan gäller."]


def test_numbers_that_do_not_continue_the_item_sequence_are_not_split():
    lines = [
        "1. Mötets öppnande",
        "Tid: kl. 9.30 - 11.00 i sal 5. Alla välkomna",
        "Dnr: RD23/06324 beslut 2021:14 gäller",
        "Enligt § 3 Kommunallagen gäller detta.",
        "Kostnaden blir 2.5 Mkr och 3,5 tkr.",
        "2. Godkännande av dagordning",
    ]
    assert _lines("\n".join(lines) + "\n") == lines


def test_a_paragraph_cited_in_a_sentence_is_not_a_heading():
    lines = ["§ 1 Mötets öppnande", "Beslutet fattades enligt § 2 Kommunallagen och gäller.", "§ 2 Val av justerare"]
    assert _lines("\n".join(lines) + "\n") == lines
    assert _lines("§ 1 Mötets öppnande § 2 Val av justerare\n") == ["§ 1 Mötets öppnande", "§ 2 Val av justerare"]


def test_a_clause_is_split_only_after_an_opener_or_a_clause():
    # Prose that happens to go on with "att" after a full stop stays one line.
    assert _lines("1. Information\nBeredningen är klar. att notera är att inget hänt.\n")[-1] == (
        "Beredningen är klar. att notera är att inget hänt."
    )
    assert _lines("Styrgruppen föreslår: att godkänna planen. att anslå medel.\n") == [
        "Styrgruppen föreslår:",
        "att godkänna planen.",
        "att anslå medel.",
    ]


def test_joined_generated_documents_keep_their_items():
    shares, failures = agreement(40, seed=3, join=True)
    for field in ("items", "types", "attachments"):
        assert shares[field] >= 0.95, (field, failures.get(field, [])[:3])
    assert shares["clauses"] >= 0.7, failures.get("clauses", [])[:3]
    assert shares["subitems"] >= 0.75, failures.get("subitems", [])[:3]


def test_join_lines_joins_two_or_three_lines():
    text = "".join(f"rad {i}\n\n" for i in range(10))
    joined = join_lines(text, seed=1).splitlines()
    assert 4 <= len(joined) <= 5
    assert " ".join(joined) == " ".join(f"rad {i}" for i in range(10))
