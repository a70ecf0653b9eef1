"""The loader: read documents become meetings, once, in one transaction per file."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command

from samverkan.archive.models import SourceDocument
from samverkan.archive.services import ImportFailed, import_file
from samverkan.directory.models import Person
from samverkan.meetings.models import AgendaItem, Attendance, Clause, Meeting

pytestmark = pytest.mark.django_db

MODELS = (Meeting, AgendaItem, Clause, Attendance, Person, SourceDocument)


def table_counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_sample_archive_becomes_five_meetings(sample_archive):
    assert [result.status for result in sample_archive] == ["imported"] * 5
    assert Meeting.objects.count() == 5
    assert Meeting.objects.filter(date=None).count() == 1  # seed 002 has no header


def test_minutes_record_decisions_and_attendance(sample_archive):
    meeting = Meeting.objects.get(date=date(2023, 11, 9))
    assert meeting.status == Meeting.Status.PUBLISHED
    assert meeting.registry_number == "HSN 2023/78"
    assert meeting.mode == Meeting.Mode.HYBRID
    election = meeting.items.get(number="7", parent=None)
    assert [c.text for c in election.decisions] == [
        "att bordlägga val av ordförande i Länschefsnätverket 2024.",
        "att utnämna Ulrika Gärdsback till vice ordförande i Länschefsnätverket 2024.",
    ]
    dedering = meeting.attendances.get(person__name="Åsa Dedering")
    assert dedering.organization.name == "Region Dalarna"
    assert dedering.title == "Hälso- och sjukvårdsdirektör"
    assert meeting.attendances.get(person__name="Carina Johansson").organization.kind == "municipality"


def test_reimporting_the_same_files_changes_nothing(sample_archive, sample_paths):
    before = table_counts()
    results = [import_file(path) for path in sample_paths]
    assert {result.status for result in results} == {"unchanged"}
    assert table_counts() == before


def test_a_person_in_several_documents_is_recorded_once(sample_archive):
    assert Person.objects.filter(name="Tanja Mårtensson").count() == 1
    tanja = Person.objects.get(name="Tanja Mårtensson")
    assert tanja.attendances.count() >= 3
    assert tanja.presentations.count() >= 5


def test_similar_spellings_are_kept_apart(sample_archive):
    names = set(Person.objects.values_list("name", flat=True))
    assert {"Ulrika Gärdback", "Ulrika Gärdsback"} <= names


def test_agenda_and_minutes_of_one_meeting_become_one_meeting(db, tmp_path, seed_text):
    agenda = tmp_path / "kallelse.txt"
    agenda.write_text(seed_text("000"), encoding="utf-8")
    minutes = tmp_path / "minnesanteckningar.txt"
    minutes.write_text(
        "Minnesanteckningar Länschefsnätverket\n\nDatum: 19 november 2021\nTid: 9.30-11\nPlats: Teams\n\n"
        "Närvarande: Anna Berg, Tomas Ahlin\n\n"
        "1. Mötets öppnande\n\n2. Godkännande av dagordning\n\nLänschefsnätverket beslutade:\n"
        "att godkänna dagordningen.\n\n5. Kalendarium för Länschefsnätverket 2022, Bilaga 2\n\n"
        "Länschefsnätverket beslutade:\natt fastställa Länschefsnätverkets kalendarium för 2022.\n",
        encoding="utf-8",
    )
    import_file(agenda)
    import_file(minutes)
    meeting = Meeting.objects.get()
    assert meeting.status == Meeting.Status.PUBLISHED
    assert meeting.source_documents.count() == 2
    calendar = meeting.items.get(number="5")
    assert [c.text for c in calendar.proposals] == ["att fastställa Länschefsnätverkets kalendarium för 2022."]
    assert [c.text for c in calendar.decisions] == ["att fastställa Länschefsnätverkets kalendarium för 2022."]
    assert meeting.items.filter(parent=None).count() == 10
    assert meeting.attendances.count() == 2


def test_a_new_version_of_the_minutes_replaces_the_old(db, tmp_path, seed_text):
    path = tmp_path / "minnesanteckningar.txt"
    path.write_text(seed_text("001"), encoding="utf-8")
    import_file(path)
    corrected = seed_text("001").replace("att öppna mötet.", "att förklara mötet öppnat.")
    path.write_text(corrected, encoding="utf-8")
    result = import_file(path)
    assert result.status == "replaced"
    meeting = Meeting.objects.get()
    assert meeting.source_documents.count() == 1
    opening = meeting.items.get(number="1")
    assert [c.text for c in opening.decisions] == ["att förklara mötet öppnat."]


def test_previous_minutes_link_to_the_meeting_of_that_date(db, sample_paths):
    for path in sample_paths:
        import_file(path)
    undated = Meeting.objects.get(date=None)  # seed 002 approves the minutes of 211119
    assert undated.previous_minutes_date == date(2021, 11, 19)
    assert undated.previous_meeting == Meeting.objects.get(date=date(2021, 11, 19))


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "tom"),
        (bytes(range(256)) * 40, ""),
        (b"Bara lite text utan punkter.", "inga numrerade punkter"),
    ],
    ids=["empty", "binary", "no-items"],
)
def test_bad_files_fail_with_their_name_and_write_nothing(tmp_path, content, reason):
    path = tmp_path / "trasig.txt"
    path.write_bytes(content)
    with pytest.raises(ImportFailed) as error:
        import_file(path)
    assert "trasig.txt" in str(error.value)
    assert reason in str(error.value)
    assert all(count == 0 for count in table_counts().values())


def test_a_file_over_the_size_limit_is_refused(tmp_path, settings, seed_text):
    settings.SAMVERKAN_MAX_IMPORT_BYTES = 1000
    path = tmp_path / "stor.txt"
    path.write_text(seed_text("000"), encoding="utf-8")
    with pytest.raises(ImportFailed, match="större än gränsen"):
        import_file(path)
    assert Meeting.objects.count() == 0


def test_windows_1252_text_is_read(tmp_path, seed_text):
    path = tmp_path / "ansi.txt"
    path.write_bytes(seed_text("000").encode("cp1252", errors="replace"))
    result = import_file(path)
    assert result.status == "imported"
    assert Meeting.objects.get().items.get(number="1").title == "Mötets öppnande"


def test_a_failure_while_writing_leaves_the_database_as_before(tmp_path, seed_text, monkeypatch, sample_archive):
    before = table_counts()
    path = tmp_path / "ny.txt"
    path.write_text(seed_text("003").replace("19 februari", "20 februari"), encoding="utf-8")

    def broken_index(meeting):
        raise RuntimeError("disk full")

    monkeypatch.setattr("samverkan.archive.services.index_meeting", broken_index)
    with pytest.raises(ImportFailed, match="ny.txt"):
        import_file(path)
    assert table_counts() == before


def test_import_command_summarises_and_fails_on_bad_files(tmp_path, sample_paths, capsys):
    call_command("import_documents", *map(str, sample_paths), verbosity=0)
    assert "5 importerade" in capsys.readouterr().out
    (tmp_path / "tom.txt").write_bytes(b"")
    with pytest.raises(CommandError, match="1 av 1"):
        call_command("import_documents", str(tmp_path), verbosity=0)
    assert "tom.txt" in capsys.readouterr().err


def test_import_command_names_a_missing_path():
    with pytest.raises(CommandError, match="finns inte"):
        call_command("import_documents", "/nonexistent/folder", verbosity=0)


def test_outcomes_are_read_from_the_decisions(sample_archive):
    meeting = Meeting.objects.get(date=date(2023, 11, 9))
    outcomes = {item.number: item.outcome for item in meeting.items.filter(parent=None)}
    assert outcomes["7"] == AgendaItem.Outcome.TABLED  # "att bordlägga val av ordförande …"
    assert outcomes["8"] == AgendaItem.Outcome.TAKEN_BACK  # "att Styrgruppen tar tillbaka frågan …"
    assert outcomes["9"] == AgendaItem.Outcome.DECIDED
    assert outcomes["12"] == AgendaItem.Outcome.OPEN
