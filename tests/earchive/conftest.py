"""A year of the sample archive with more than it imports: a correction that adds a public and a non-public
attachment to the minutes of 19 February 2021, so the package has minutes versions and files of both kinds."""

import datetime
import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from lxml import etree
from pypdf import PdfWriter

from samverkan.core.archiving import ArchiveSelection
from samverkan.directory.models import Body
from samverkan.earchive.package import build_package
from samverkan.meetings import attachments, publishing
from samverkan.meetings.models import Meeting

YEAR = (datetime.date(2021, 1, 1), datetime.date(2021, 12, 31))


def pdf_upload(name: str, pages: int = 1) -> SimpleUploadedFile:
    writer, out = PdfWriter(), io.BytesIO()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    writer.write(out)
    return SimpleUploadedFile(name, out.getvalue(), content_type="application/pdf")


@pytest.fixture
def year_with_attachments(sample_archive):
    """The network with a corrected 2021-02-19 meeting: version 1 as imported, version 2 with two attachments."""
    network = Body.objects.get(abbreviation="LCHNV")
    meeting = Meeting.objects.get(body=network, date=datetime.date(2021, 2, 19))
    publishing.keep_published_reading(meeting)
    item = meeting.items.filter(parent=None).order_by("position")[2]
    attachments.attach_file(item, pdf_upload("verksamhetsplan.pdf"), public=True)
    attachments.attach_file(item, pdf_upload("personuppgifter.pdf", pages=2), public=False)
    publishing.publish_minutes(meeting, note="Bilagor tillagda.")
    return network


def build(network: Body, target: Path, *, include_non_public: bool = False):
    selection = ArchiveSelection(network.pk, *YEAR, include_non_public=include_non_public)
    return build_package(selection, target, exported_by="sekreterare")


class Unpacked:
    """A package ZIP read back: its root folder name and its members by path under that folder."""

    def __init__(self, path: Path):
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            self.roots = {name.split("/", 1)[0] for name in names}
            (self.root,) = self.roots
            self.files = {name.split("/", 1)[1]: archive.read(name) for name in names}

    def xml(self, path: str) -> etree._Element:
        return etree.fromstring(self.files[path])
