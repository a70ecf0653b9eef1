"""A network, another body in Samverkan, and Hjälpmedelsnämnden's Thursdays as an .ics file."""

import pytest

from tests import factories

HJALPMEDELSNAMNDEN_ICS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Region Dalarna//Nämnder//SV
BEGIN:VEVENT
UID:hjalpmedelsnamnden-2024@regiondalarna.example
DTSTAMP:20231101T080000Z
DTSTART;TZID=Europe/Stockholm:20240104T090000
DTEND;TZID=Europe/Stockholm:20240104T120000
RRULE:FREQ=WEEKLY;BYDAY=TH;UNTIL=20241231T230000Z
SUMMARY:Hjälpmedelsnämnden
END:VEVENT
END:VCALENDAR
"""


@pytest.fixture
def hjalpmedel_ics():
    return HJALPMEDELSNAMNDEN_ICS


@pytest.fixture
def secretary(network):
    return factories.secretary_of(network)
