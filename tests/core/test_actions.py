"""Actions run in one transaction and name who acted in the audit log, also outside a request."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import User

from samverkan.core.actions import action
from samverkan.core.errors import UserError
from samverkan.directory.models import Body
from samverkan.meetings import services

pytestmark = pytest.mark.django_db


def test_the_acting_user_is_the_actor_in_the_audit_log():
    secretary = User.objects.create_user("sekreterare")
    body = Body.objects.create(name="Välfärdsrådet")
    meeting = services.plan_meeting(body, dt.date(2026, 3, 5), acting_user=secretary)
    entry = LogEntry.objects.get_for_object(meeting).get(action=LogEntry.Action.CREATE)
    assert entry.actor == secretary


def test_an_action_without_a_user_records_no_actor_and_the_next_one_its_own():
    secretary = User.objects.create_user("sekreterare")
    body = Body.objects.create(name="Välfärdsrådet")
    first = services.plan_meeting(body, dt.date(2026, 3, 5))
    second = services.plan_meeting(body, dt.date(2026, 4, 2), acting_user=secretary)
    third = services.plan_meeting(body, dt.date(2026, 5, 7))
    actors = [LogEntry.objects.get_for_object(m).get(action=LogEntry.Action.CREATE).actor for m in (first, second, third)]
    assert actors == [None, secretary, None]


def test_an_action_that_fails_writes_nothing():
    @action
    def create_then_refuse(name):
        Body.objects.create(name=name)
        raise UserError("Nej.", code="refused")

    with pytest.raises(UserError, match="Nej.") as raised:
        create_then_refuse("Styrgruppen")
    assert raised.value.code == "refused"
    assert not Body.objects.filter(name="Styrgruppen").exists()


def test_an_action_that_names_acting_user_receives_it():
    seen = []

    @action
    def remember(*, acting_user=None):
        seen.append(acting_user)

    remember(acting_user="någon")
    assert seen == ["någon"]
