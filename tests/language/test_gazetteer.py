"""The gazetteer: organisations and bodies as data, read from files."""

from samverkan.language.gazetteer import (
    Body,
    Gazetteer,
    Organization,
    default_gazetteer,
)


def test_from_directory_reads_organisations_and_bodies(tmp_path):
    (tmp_path / "organisations.csv").write_text(
        "name,kind,code\nUmeå,municipality,\nRegion Västerbotten,region,\nABC,other,\n",
        encoding="utf-8",
    )
    bodies = "name,aliases\nLänsgruppen i norr,Norrgruppen; LGN\n"
    (tmp_path / "bodies.csv").write_text(bodies, encoding="utf-8")
    gazetteer = Gazetteer.from_directory(tmp_path)
    assert gazetteer.municipalities == ("Umeå",)
    assert gazetteer.place_words == {"västerbotten", "västerbottens"}
    assert gazetteer.organization_heads == {"abc"}
    assert gazetteer.canonical_body("norrgruppen") == "Länsgruppen i norr"
    assert gazetteer.canonical_body("LGN") == "Länsgruppen i norr"
    assert gazetteer.aliases_of("Länsgruppen i norr") == ("Norrgruppen", "LGN")


def test_a_missing_directory_file_is_empty(tmp_path):
    assert Gazetteer.from_directory(tmp_path) == Gazetteer()
    assert Gazetteer().municipality_alternation == "(?!)"


def test_merged_adds_new_organisations_and_aliases():
    base = Gazetteer((Organization("Umeå", "municipality"),), (Body("Gruppen X", ("GX",)),))
    other = Gazetteer((Organization("umeå", "other"), Organization("Lycksele", "municipality")),
                      (Body("Gruppen X", ("GX", "Xgruppen")), Body("Rådet Y")))
    merged = base.merged(other)
    assert merged.municipalities == ("Umeå", "Lycksele")
    assert merged.aliases_of("Gruppen X") == ("GX", "Xgruppen")
    assert merged.canonical_body("rådet y") == "Rådet Y"


def test_kind_and_code_come_from_the_data_then_from_the_name():
    gazetteer = Gazetteer((Organization("Umeå", "municipality", "2480"),))
    assert gazetteer.kind_of("Umeå") == gazetteer.kind_of("Umeå kommun") == "municipality"
    assert gazetteer.code_of("Umeå kommun") == "2480"
    assert gazetteer.kind_of("Lycksele kommun") == "municipality"
    assert gazetteer.kind_of("Region Västerbotten") == "region"
    assert gazetteer.kind_of("Försäkringskassan") == "other"
    assert gazetteer.code_of("Lycksele") == ""


def test_the_default_is_the_sample_archive_gazetteer():
    gazetteer = default_gazetteer()
    assert len(gazetteer.municipalities) == 15
    assert gazetteer.canonical_body("LCHNV") == "Länsnätverket för förvaltningschefer"
