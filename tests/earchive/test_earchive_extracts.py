"""Extracts and their dispatch go into the e-archive package: a record per dispatch naming who was reached (not
their addresses), and the extract of the item as PDF/A-2u with its fixity."""

import datetime
import hashlib

import pytest

from samverkan.meetings.extracts import RecipientChoice, send_extract
from samverkan.meetings.models import Meeting
from tests import factories
from tests.earchive.conftest import Unpacked, build
from tests.earchive.test_earchive_mets_premis import REP, M
from tests.pdfa import pdfa_2u_problems

pytestmark = pytest.mark.django_db


@pytest.fixture
def dispatched(year_with_attachments):
    """A decision of 19 February 2021 sent to Borlänge's registrator."""
    meeting = Meeting.objects.get(body=year_with_attachments, date=datetime.date(2021, 2, 19))
    item = next(item for item in meeting.items.order_by("position") if item.decisions)
    borlange = factories.municipality("Borlänge")
    borlange.registry_email = "registrator@borlange.example"
    borlange.save()
    secretary = factories.secretary_of(year_with_attachments, first_name="Åsa", last_name="Sekreterare")
    return send_extract(item, RecipientChoice(organizations=[borlange.pk]), acting_user=secretary)


def test_each_dispatch_is_a_record_naming_who_was_reached(dispatched, tmp_path):
    build(dispatched.item.meeting.body, tmp_path / "paket.zip")
    description = Unpacked(tmp_path / "paket.zip").xml("metadata/descriptive/meetings.xml")
    [record] = description.iterfind("d:extension[@name='extracts']/d:record", M)
    fields = {f.get("name"): f.text for f in record.iterfind("d:field", M)}
    assert (record.get("kind"), fields["item"], fields["sentBy"]) == (
        "extract_dispatch", dispatched.item.full_number, "Åsa Sekreterare")
    assert "Borlänge" in fields["recipients"] and "@" not in fields["recipients"]


def test_the_extract_is_in_the_package_as_pdf_a_with_its_fixity(dispatched, tmp_path):
    build(dispatched.item.meeting.body, tmp_path / "paket.zip")
    unpacked = Unpacked(tmp_path / "paket.zip")
    path = f"{REP}data/extracts/2021-02-19/utdrag-punkt-{dispatched.item.full_number}.pdf"
    assert pdfa_2u_problems(unpacked.files[path]) == []
    premis = unpacked.xml(f"{REP}metadata/preservation/premis.xml")
    assert hashlib.sha256(unpacked.files[path]).hexdigest() in {
        d.text for d in premis.iterfind(".//premis:messageDigest", M)}
