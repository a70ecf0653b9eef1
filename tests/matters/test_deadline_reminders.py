"""A reminder e-mail to the owner a configurable number of days before the deadline, sent by
a daily command, never twice for the same deadline."""

import datetime
from io import StringIO
from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.management import call_command

from samverkan.directory.models import Person
from samverkan.matters import services
from samverkan.matters.models import Reminder

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2021, 6, 20)


def run(today=TODAY, **options):
    out = StringIO()
    call_command("send_deadline_reminders", today=today.isoformat(), stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def owner(db):
    return Person.objects.create(name="Kristina Boberg Petterson", email="kristina@region.example")


@pytest.fixture
def assignment(owner, lchnv):
    return services.create_assignment("Överenskommelse om samverkan kring personer med psykisk funktionsnedsättning",
                                      owner=owner, reports_to=lchnv, deadline=datetime.date(2021, 6, 30))


def test_sent_exactly_once_even_when_run_twice(assignment):
    output = run()
    assert "1 påminnelse(r) skickade" in output
    run()
    run(today=TODAY + datetime.timedelta(days=1))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["kristina@region.example"]
    assert "30 juni 2021" in message.subject and "Länschefsnätverket" in message.body
    reminder = Reminder.objects.get()
    assert reminder.due == datetime.date(2021, 6, 30) and reminder.deadline == assignment.deadlines.get()


def test_a_new_deadline_may_be_reminded_of_again(assignment, lchnv, item_at):
    run()
    services.extend_deadline(assignment, datetime.date(2021, 10, 31),
                             item=item_at(lchnv, datetime.date(2020, 9, 25), "9"))
    run()  # the new deadline is months away
    assert len(mail.outbox) == 1
    run(today=datetime.date(2021, 10, 20))
    run(today=datetime.date(2021, 10, 21))
    assert len(mail.outbox) == 2
    assert sorted(r.due.isoformat() for r in Reminder.objects.all()) == ["2021-06-30", "2021-10-31"]


def test_days_come_from_settings(assignment, settings):
    settings.SAMVERKAN_REMINDER_DAYS = 5
    run()
    assert mail.outbox == []
    run(today=datetime.date(2021, 6, 25))
    assert len(mail.outbox) == 1


def test_not_before_the_window_nor_after_the_deadline_nor_when_finished(owner):
    past = services.create_assignment("Redan passerat", owner=owner, deadline=datetime.date(2021, 6, 1))
    done = services.create_assignment("Klart", owner=owner, deadline=datetime.date(2021, 6, 25))
    services.complete_assignment(done, on=TODAY)
    services.create_assignment("Långt fram", owner=owner, deadline=datetime.date(2021, 12, 31))
    services.create_assignment("Utan tidsgräns", owner=owner)
    run()
    assert mail.outbox == [] and past.pk


def test_a_body_is_reminded_through_its_secretariat(styrgruppen):
    styrgruppen.secretaries.add(User.objects.create_user("rss", email="rss@region.example"))
    services.create_assignment("Bereda vägledning om familjecentraler", owner=styrgruppen,
                               deadline=datetime.date(2021, 6, 21))
    run()
    assert mail.outbox[0].to == ["rss@region.example"]


def test_an_organisation_needs_a_contact_person(region, owner):
    assignment = services.create_assignment("Utredning av extern konsult", owner=region,
                                            deadline=datetime.date(2021, 6, 30))
    output = run()
    assert mail.outbox == [] and not Reminder.objects.exists()
    assert "ingen kontaktperson" in output
    assignment.contact = owner
    assignment.save()
    run()
    assert mail.outbox[0].to == ["kristina@region.example"]


def test_a_failed_send_is_tried_again_next_run(assignment):
    with mock.patch("samverkan.matters.services.send_mail", side_effect=OSError("SMTP nere")):
        output = run()
    assert "kunde inte skickas" in output and not Reminder.objects.exists()
    run()
    assert len(mail.outbox) == 1 and Reminder.objects.count() == 1


def test_a_concurrent_run_that_sent_first_wins(assignment):
    """Both runs selected the assignment; the second insert hits the unique constraint and sends nothing."""
    selected = list(services.due_for_reminder(TODAY, 14))
    Reminder.objects.create(assignment=assignment, due=assignment.deadline)  # the other run
    with mock.patch("samverkan.matters.services.due_for_reminder", return_value=selected):
        result = services.send_due_reminders(today=TODAY, days=14)
    assert result.sent == [] and mail.outbox == []
    assert Reminder.objects.count() == 1
