#!/usr/bin/env python3
"""How long Samverkan takes to render a 15-item meeting: notice, meeting packet and minutes.

    python bench/render.py [--items 15] [--repeat 5]

Builds the meeting through the same services the secretariat uses, in a fresh SQLite
database in a temporary folder, then times each document (median of the repeats,
after one warm-up). Reports only; nothing fails on a timing.
"""

from __future__ import annotations

import argparse
import datetime
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def _setup_django(data_dir: str) -> None:
    os.environ["SAMVERKAN_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "samverkan.settings"
    from samverkan.datadir import prepare

    prepare()
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _blank_pdf(pages: int) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def build_meeting(items: int):
    """A meeting like the network's: standard items plus decisions with presenters, attachments, attendance."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from samverkan.directory.services import (
        get_or_create_body,
        get_or_create_organization,
        get_or_create_person,
    )
    from samverkan.language.gazetteer import default_gazetteer
    from samverkan.meetings import recording, services
    from samverkan.meetings.attachments import attach_file

    body = get_or_create_body("Länsnätverket för förvaltningschefer", "Länschefsnätverket", "LCHNV")
    meeting = services.plan_meeting(body, datetime.date(2026, 12, 10), datetime.time(9, 30),
                                    datetime.time(12, 0), "Myntgatan 2, Falun samt Teams",
                                    registry_number="HSN 2026/12")
    for number in range(items - meeting.items.count()):
        item = services.add_item(
            meeting, f"Beslut om länsgemensam insats nummer {number + 1} inom området psykisk hälsa",
            "decision", agenda_text="Styrgruppen har berett ärendet. " * 12,
            proposals=[f"att godkänna insats {number + 1}.", "att Styrgruppen återkommer med en uppföljning."])
        services.update_item(item, None, title=item.title, type=item.type, agenda_text=item.agenda_text,
                             proposals=[c.text for c in item.proposals],
                             presenters=[("Tanja Mårtensson", "Chef RSS Dalarna")])
        if number % 3 == 0:
            attach_file(item, SimpleUploadedFile(f"underlag-{number}.pdf", _blank_pdf(2)))
    present = []
    for name in default_gazetteer().municipalities:
        organization = get_or_create_organization(name)
        present.append(recording.Presence(get_or_create_person(f"Socialchef {name}", organization), organization))
    recording.record_attendance(meeting, present, None)
    for item in meeting.items.all():
        recording.adopt_proposals(item)
    return meeting


def _time(render, repeat: int) -> float:
    render()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        render()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render times of one meeting's documents.")
    parser.add_argument("--items", type=int, default=15)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="samverkan-render-") as data_dir:
        _setup_django(data_dir)
        from samverkan.meetings.documents.agenda import agenda_docx, agenda_pdf
        from samverkan.meetings.documents.minutes import minutes_docx, minutes_pdf
        from samverkan.meetings.documents.packet import meeting_packet_pdf
        from samverkan.meetings.selectors import meeting_with_items

        meeting = meeting_with_items(build_meeting(args.items).pk)
        print(f"Render times, {meeting.items.count()} items, median of {args.repeat} (ms)")
        for label, render in (
            ("notice PDF", lambda: agenda_pdf(meeting)),
            ("notice DOCX", lambda: agenda_docx(meeting)),
            ("meeting packet PDF", lambda: meeting_packet_pdf(meeting)),
            ("minutes PDF", lambda: minutes_pdf(meeting)),
            ("minutes DOCX", lambda: minutes_docx(meeting)),
        ):
            print(f"  {label:<22} {_time(render, args.repeat):8.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
