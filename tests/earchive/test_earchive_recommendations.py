"""The follow-through goes into the e-archive package: the recommendation decided in the year, each organisation's
answer in the descriptive metadata, and an answer's decision file in the package with its fixity."""

import datetime
import hashlib

import pytest

from samverkan.earchive.validation import validate_package
from samverkan.followup.models import Answer
from samverkan.followup.services import mark_recommendation, record_answer
from samverkan.meetings.models import Meeting
from tests import factories
from tests.earchive.conftest import Unpacked, build, pdf_upload
from tests.earchive.test_earchive_mets_premis import REP, M

pytestmark = pytest.mark.django_db
FEBRUARY_19 = datetime.date(2021, 2, 19)


@pytest.fixture
def recommended(year_with_attachments):
    """The revised agreements of 19 February 2021 recommended to Borlänge and the region: one answer with a file."""
    meeting = Meeting.objects.get(body=year_with_attachments, date=FEBRUARY_19)
    item = next(item for item in meeting.items.order_by("position") if item.decisions)
    borlange, region = factories.municipality("Borlänge"), factories.region()
    recommendation = mark_recommendation(item=item, answer_by=datetime.date(2021, 6, 30),
                                         organizations=[borlange, region])
    answer = Answer.objects.get(recommendation=recommendation, organization=borlange)
    record_answer(answer, status=Answer.Status.ADOPTED, decided_on=datetime.date(2021, 4, 12),
                  deciding_body="Socialnämnden, Borlänge", registry_number="SN 2021/33",
                  file=pdf_upload("beslut-borlange.pdf"))
    return recommendation


def test_the_recommendation_and_each_answer_are_in_the_descriptive_metadata(recommended, tmp_path):
    build(recommended.body, tmp_path / "paket.zip")
    description = Unpacked(tmp_path / "paket.zip").xml("metadata/descriptive/meetings.xml")
    extension = description.find("d:extension[@name='recommendations']", M)
    records = {(r.get("kind"), r.findtext("d:field[@name='organization']", namespaces=M))
               for r in extension.iterfind("d:record", M)}
    assert records == {("recommendation", None), ("recommendation_answer", "Borlänge"),
                       ("recommendation_answer", "Region Dalarna")}
    borlange = extension.find("d:record[d:field='Borlänge']", M)
    fields = {f.get("name"): f.text for f in borlange.iterfind("d:field", M)}
    assert (fields["status"], fields["decidedOn"], fields["decidingBody"], fields["registryNumber"]) == (
        "adopted", "2021-04-12", "Socialnämnden, Borlänge", "SN 2021/33")


def test_an_answers_decision_file_is_in_the_package_with_its_fixity(recommended, tmp_path):
    build(recommended.body, tmp_path / "paket.zip")
    unpacked = Unpacked(tmp_path / "paket.zip")
    answer = Answer.objects.exclude(file="").get()
    path = f"{REP}data/recommendations/{recommended.pk}/borlange-{answer.pk}.pdf"
    with answer.file.open("rb") as handle:
        assert unpacked.files[path] == handle.read()
    premis = unpacked.xml(f"{REP}metadata/preservation/premis.xml")
    digests = {d.text for d in premis.iterfind(".//premis:messageDigest", M)}
    assert hashlib.sha256(unpacked.files[path]).hexdigest() in digests


def test_the_package_with_the_follow_through_still_validates(recommended, tmp_path):
    build(recommended.body, tmp_path / "paket.zip")
    result = validate_package(tmp_path / "paket.zip", tmp_path / "uppackat", corrected_sip14=True)
    assert result.errors == [], "\n".join(str(f) for f in result.findings if f.severity != "Info")
