import datetime
import itertools

import pytest
from django.utils import timezone

from samverkan.directory.models import Body, Person
from samverkan.meetings.models import AgendaItem, Clause, Meeting, Presentation
from samverkan.search.services import index_meeting

_numbers = itertools.count(1)


@pytest.fixture
def body(db):
    return Body.objects.create(name="Styrgruppen för samverkan", short_name="Styrgruppen")


@pytest.fixture
def make_meeting(body):
    """Create a meeting with items, each item a dict of AgendaItem fields plus clauses/presenters."""

    def make(date=datetime.date(2024, 3, 14), items=(), meeting_body=None, index=True, published=True):
        published_at = timezone.now() if published else None
        meeting = Meeting.objects.create(body=meeting_body or body, date=date, published_at=published_at)
        for position, spec in enumerate(items):
            _make_item(meeting, position, dict(spec))
        if index:
            index_meeting(meeting)
        return meeting

    return make


def _make_item(meeting, position, spec):
    proposals = spec.pop("proposals", [])
    decisions = spec.pop("decisions", [])
    presenters = spec.pop("presenters", [])
    item = AgendaItem.objects.create(meeting=meeting, number=str(position + 1), position=position, **spec)
    for i, text in enumerate(proposals):
        Clause.objects.create(item=item, kind=Clause.Kind.PROPOSAL, position=i, text=text)
    for i, text in enumerate(decisions):
        Clause.objects.create(item=item, kind=Clause.Kind.DECISION, position=i, text=text)
    for i, name in enumerate(presenters):
        person = Person.objects.create(name=f"{name}")
        Presentation.objects.create(item=item, person=person, position=i)
    return item
