"""Corrected readings exported as truth files, and kept when the meeting is made again from its documents."""

import io
import json
import zipfile

import jsonschema
import pytest
from django.urls import reverse

from samverkan.imports.services import confirm_file, correct_reading, upload_files
from samverkan.imports.truth import SCHEMA, truth_of
from samverkan.meetings.models import Clause, Meeting
from tests.conftest import SAMPLES
from tests.imports.conftest import sample

pytestmark = pytest.mark.django_db
SHARED_SCHEMA = SAMPLES.parents[1] / ".." / "shared" / "design" / "meeting-document.schema.json"


def test_the_export_holds_each_corrected_file_as_text_and_schema_json(client, secretary):
    corrected, _untouched = upload_files([sample(2), sample(0)], acting_user=secretary).files.all()
    correct_reading(corrected, {"meeting_date": "2022-03-25", "items/2/title": "Dagordningen"}, acting_user=secretary)
    client.force_login(secretary)
    assert "Ladda ner rättade läsningar som facitfiler (ZIP, 1 filer)" in client.get("/sekretariat/import/").content.decode()
    response = client.get(reverse("imports:truth_export"))
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="rattade-lasningar.zip"'
    packed = zipfile.ZipFile(io.BytesIO(response.content))
    stem = sample(2).name.removesuffix(".txt")
    assert packed.namelist() == [f"{stem}.txt", f"{stem}.json"]
    truth = json.loads(packed.read(f"{stem}.json"))
    jsonschema.validate(truth, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert (truth["source"], truth["meeting_date"], truth["items"][1]["title"]) == (
        f"{stem}.txt", "2022-03-25", "Dagordningen")
    assert "item_lines" not in truth and "coverage" not in truth
    assert packed.read(f"{stem}.txt").decode() == corrected.text


def test_the_projects_schema_is_the_shared_design_one():
    if not SHARED_SCHEMA.is_file():
        pytest.skip("the shared design folder is not beside this checkout")
    assert json.loads(SCHEMA.read_text(encoding="utf-8")) == json.loads(SHARED_SCHEMA.read_text(encoding="utf-8"))


def test_a_truth_file_refuses_what_the_schema_does_not_allow():
    with pytest.raises(jsonschema.ValidationError):
        truth_of({"kind": "protokoll", "attendees": [], "items": [], "warnings": []}, "x.txt")


def test_the_corrected_agenda_stays_corrected_when_its_minutes_come(secretary):
    # The undated agenda is corrected to the date of the minutes (2021-02-19), and one proposal with it.
    agenda = upload_files([sample(2)], acting_user=secretary).files.get()
    correct_reading(agenda, {"meeting_date": "2021-02-19", "items/5/proposals/0": "att utse en ordförande"},
                    acting_user=secretary)
    confirm_file(agenda, acting_user=secretary)
    minutes = upload_files([sample(3)], acting_user=secretary).files.get()
    confirm_file(minutes, acting_user=secretary)
    meeting = Meeting.objects.get()
    assert meeting.source_documents.count() == 2
    agenda.refresh_from_db()
    from_agenda = Clause.objects.filter(item__number="5", kind=Clause.Kind.PROPOSAL, source=agenda.source)
    assert from_agenda.order_by("position").first().text == "att utse en ordförande"
