"""The reader knows places and bodies only from the gazetteer it is given."""

from samverkan.archive.reader import read_text
from samverkan.archive.reader.runs import read_runs
from samverkan.language.gazetteer import Body, Gazetteer, Organization

# Made up for the test: two municipalities and the region of another county, and a body of theirs.
VASTERBOTTEN = Gazetteer(
    organizations=(
        Organization("Umeå", "municipality"),
        Organization("Skellefteå", "municipality"),
        Organization("Region Västerbotten", "region"),
    ),
    bodies=(Body("Länsgruppen för socialtjänst i norr", ("Socialchefsgruppen", "LSN")),),
)
EMPTY = Gazetteer()

TABLE = (
    "Minnesanteckningar\n\nNärvarande:\n\nKommun Region Västerbotten\n\n"
    "Karin Lund Umeå Sara Nyström Hälso- och sjukvårdsdirektör\n\n"
    "Olof Berg, Eva Strand\nSkellefteå Maja Öberg Divisionschef Primärvård\n\n"
    "1. Mötets öppnande\n"
)


def _attendees(text, gazetteer):
    document = read_text(text, "x.txt", gazetteer=gazetteer)
    return [(a.name, a.organization, a.title) for a in document.attendees]


def test_an_attendance_table_of_another_region_is_read_with_its_gazetteer():
    assert _attendees(TABLE, VASTERBOTTEN) == [
        ("Karin Lund", "Umeå", None),
        ("Sara Nyström", "Region Västerbotten", "Hälso- och sjukvårdsdirektör"),
        ("Olof Berg", "Skellefteå", None),
        ("Eva Strand", "Skellefteå", None),
        ("Maja Öberg", "Region Västerbotten", "Divisionschef Primärvård"),
    ]


def test_without_those_places_the_table_is_not_read_as_one():
    names = [name for name, _, _ in _attendees(TABLE, EMPTY)]
    assert ("Karin Lund", "Umeå", None) not in _attendees(TABLE, EMPTY)
    assert "Olof Berg" in names


def test_a_municipality_in_a_list_is_the_organisation_only_when_known():
    text = "Närvarande: Karin Lund, Umeå, Olof Berg\n\n1. Mötets öppnande\n"
    assert _attendees(text, VASTERBOTTEN) == [
        ("Karin Lund", "Umeå", None), ("Olof Berg", None, None),
    ]
    assert ("Karin Lund", "Umeå", None) not in _attendees(text, EMPTY)


def test_a_body_is_named_by_its_full_name_from_an_alias_in_the_gazetteer():
    text = "1. Mötets öppnande\nSocialchefsgruppen beslutar:\natt öppna mötet.\n"
    body = read_text(text, "x.txt", gazetteer=VASTERBOTTEN).body
    assert body == "Länsgruppen för socialtjänst i norr"
    assert read_text(text, "x.txt", gazetteer=EMPTY).body == "Socialchefsgruppen"


def test_the_sample_network_is_not_known_to_another_gazetteer():
    text = "Minnesanteckningar Länschefsnätverket\n\n1. Mötets öppnande\n"
    body = read_text(text, "x.txt", gazetteer=VASTERBOTTEN).body
    assert body != "Länsnätverket för förvaltningschefer"
    assert read_text(text, "x.txt").body == "Länsnätverket för förvaltningschefer"  # the default


def test_a_place_anywhere_in_sweden_is_no_part_of_a_name_in_an_attendance_run():
    # Sweden's reference list (language/data), not the network's gazetteer, tells a place in a run of
    # flattened text from a first name: "(sd), Piteå Hendrik Andersson" is Hendrik Andersson.
    text = ("Beslutande Sven Nordlund, (mp), Kalix Robert Håkansson, (sd), Piteå Hendrik Andersson, (fp), "
            "Boden, Övriga deltagare Henrik Ölvebo (mp), Gällivare Kajsa Myrberg, kansliet")
    assert [a.name for a in read_runs(text, EMPTY)] == [
        "Sven Nordlund", "Robert Håkansson", "Hendrik Andersson", "Henrik Ölvebo", "Kajsa Myrberg",
    ]
