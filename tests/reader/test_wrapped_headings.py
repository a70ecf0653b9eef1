"""Headings wrapped by a page layout (PDF text: no blank lines) whose next line starts with a digit or a capital."""

import pytest

from samverkan.archive.reader import read_text

# Running text wrapped at about 95 characters, as PDF text of minutes comes out.
PROSE = (
    "Styrgruppen har berett ärendet och föreslår att medlen fördelas mellan huvudmännen enligt en\n"
    "fördelning om 50/50. Kommunernas fördelning sker utifrån befolkningsunderlag och medlen ska\n"
    "användas i enlighet med överenskommelsen. Insatser för medlen ska redovisas till RSS Dalarna\n"
    "senast vid årets slut. Tanja Mårtensson föredrog ärendet och Länschefsnätverket godkände det.\n"
)
DECISION = "Länschefsnätverket beslutade:\natt lägga informationen till handlingarna.\n"
LONG_FIRST = "9. Beslut: Hantering av överskjutande länsgemensamma medel enligt Överenskommelse\n"
LONG_SECOND = "mellan staten och SKR om Insatser inom området psykisk hälsa och suicidprevention\n"
FULL_TITLE = (
    "Hantering av överskjutande länsgemensamma medel enligt Överenskommelse mellan staten och SKR "
    "om Insatser inom området psykisk hälsa och suicidprevention 2023 (ÖK psykisk hälsa 2023)"
)


def _minutes(*items: str):
    text = "Minnesanteckningar Länschefsnätverket\nDatum: 2023-11-15\n" + "".join(items)
    return read_text(text, "x.pdf").items


def _item(number: int, heading: str, after: str = "") -> str:
    return f"{number}. {heading}\n{after}{PROSE}{DECISION}"


def test_continuation_starting_with_a_digit_is_joined():
    items = _minutes(
        _item(8, "Information: Aktuellt covidläge"),
        LONG_FIRST + LONG_SECOND + "2023 (ÖK psykisk hälsa 2023)\n"
        "Föredragande: Tanja Mårtensson, RSS Dalarna\n" + PROSE + DECISION,
        _item(10, "Övriga frågor"),
    )
    assert [i.number for i in items] == ["8", "9", "10"]
    assert items[1].title == FULL_TITLE
    assert [(p.name, p.title) for p in items[1].presenters] == [("Tanja Mårtensson", None)]
    assert items[1].type == "decision"
    assert items[1].text.startswith("Styrgruppen har berett ärendet")


def test_heading_wrapped_onto_one_line_of_its_own():
    """The brief's form: the whole first part on one line, then the remainder."""
    items = _minutes(
        "9. Beslut: Hantering av överskjutande länsgemensamma medel enligt Överenskommelse mellan staten och "
        "SKR om Insatser inom området psykisk hälsa och suicidprevention\n"
        "2023 (ÖK psykisk hälsa 2023)\nFöredragande: Tanja Mårtensson, RSS Dalarna\n" + PROSE + DECISION,
    )
    assert items[0].title == FULL_TITLE
    assert items[0].presenters[0].name == "Tanja Mårtensson"


@pytest.mark.parametrize("tail", ["2024–2026", "Dalarna 2024–2026", "ÖK psykisk hälsa 2024", "Överenskommelse 2024"])
def test_capitalised_remainder_followed_directly_by_running_text(tail):
    heading = "Beslut: Fortsatt arbete med den länsgemensamma handlingsplanen för suicidprevention"
    items = _minutes(_item(4, "Rapporter"), f"5. {heading}\n{tail}\n{PROSE}{DECISION}", _item(6, "Övriga frågor"))
    assert [i.number for i in items] == ["4", "5", "6"]
    assert items[1].title == f"{heading[len('Beslut: '):]} {tail}"
    assert items[1].text.startswith("Styrgruppen har berett ärendet")


def test_first_line_of_running_text_is_not_taken_into_a_long_heading():
    heading = "Beslut: Godkännande av reviderad länsövergripande överenskommelse om samverkan kring barn"
    items = _minutes(_item(3, heading), _item(4, "Övriga frågor"))
    assert items[0].title == heading[len("Beslut: "):]
    assert items[0].text.startswith("Styrgruppen har berett ärendet")


def test_short_heading_keeps_a_short_capitalised_line_apart():
    items = _minutes(_item(3, "Rapporter", "Inga rapporter lämnades\n"), _item(4, "Övriga frågor"))
    assert items[0].title == "Rapporter"
    assert items[0].text.startswith("Inga rapporter lämnades")


def test_presenter_line_without_label_under_a_long_heading_stays_a_presenter_line():
    heading = "Beslut: Godkännande av slutredovisning av uppdraget om kvinnofrid och våld i nära relationer"
    items = _minutes(_item(
        9, heading,
        "Agneta Haraldsson Utvecklingsledare, Hanna Lundgren Utvecklingsledare, Region\nDalarna,\n",
    ))
    assert items[0].title == heading[len("Beslut: "):]
    assert [p.name for p in items[0].presenters] == ["Agneta Haraldsson", "Hanna Lundgren"]


@pytest.mark.parametrize("structural", [
    "Föredragande: Tanja Mårtensson, RSS Dalarna",
    "Föredragande Tanja Mårtensson",
    "Tanja Mårtensson",
    "Bilaga 3",
    "Bakgrund",
    "Närvarande: Anna Berg, Mora",
    "Datum: 2023-11-09",
    "Länschefsnätverket beslutade:",
    "Förslag till beslut",
    "att lägga informationen till handlingarna.",
])
def test_structural_line_under_a_long_heading_is_not_part_of_the_title(structural):
    heading = "Beslut: Godkännande av reviderad länsövergripande överenskommelse om samverkan kring barn"
    items = _minutes(_item(3, heading, structural + "\n"), _item(4, "Övriga frågor"))
    assert items[0].title == heading[len("Beslut: "):]
    assert [i.number for i in items] == ["3", "4"]


@pytest.mark.parametrize("ending", [".", ")", "”", ":"])
def test_heading_that_ends_its_title_takes_no_capitalised_line(ending):
    heading = "Beslut: Godkännande av reviderad länsövergripande överenskommelse (om samverkan kring barn"
    heading = heading.replace("(", "") + ending if ending != ")" else heading + ")"
    items = _minutes(_item(3, heading, "Ulricehamnsmodellen 2024\n"), _item(4, "Övriga frågor"))
    assert "Ulricehamnsmodellen" not in items[0].title


def test_lowercase_continuation_is_still_joined_with_a_blank_line_between():
    items = _minutes("4. Beslut om utredning angående en översyn av det länsgemensamma\n\nhemsjukvårdsavtalet\n"
                     + PROSE + DECISION)
    assert items[0].title == "Beslut om utredning angående en översyn av det länsgemensamma hemsjukvårdsavtalet"


def test_capitalised_line_after_a_blank_line_is_not_joined():
    heading = "Beslut: Godkännande av reviderad länsövergripande överenskommelse om samverkan kring barn"
    items = _minutes(_item(3, heading, "\nUlricehamnsmodellen 2024\n\n"), _item(4, "Övriga frågor"))
    assert items[0].title == heading[len("Beslut: "):]
