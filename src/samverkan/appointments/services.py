"""Writes for appointments: appoint, end an appointment, record a decided exception, table an election.

Rule breaches are not refused: the body decides, the system flags (see rules.check_appointment). The
secretariat's page asks first: with `refuse_breaches=True` an appointment that breaks a rule is not
saved, and the RuleConflict names every breach, so that the secretary can correct it or save anyway.
People are chosen from the directory; a new person is created only on purpose (appoint_new_person).
"""

from __future__ import annotations

import re
from datetime import date

from samverkan.core.actions import action
from samverkan.core.errors import UserError
from samverkan.directory.members import create_person
from samverkan.directory.models import Body, Membership, Organization, Person
from samverkan.meetings.models import AgendaItem, Clause

from .models import Appointment, BodyRules, Election, RuleException
from .rules import rule_breaches, term_bounds

Role = Appointment.Role
STEERING_GROUP_NAME = re.compile(r"^styrgrupp", re.IGNORECASE)
TABLED_ELECTION = re.compile(r"bordl[äa]gg\w*\s+(?:valet|val)\s+av\s+(vice\s+)?ordf[öo]rande", re.IGNORECASE)
YEAR = re.compile(r"\b(19|20)\d{2}\b")


@action
def set_rules(body: Body, **fields) -> BodyRules:
    """Create or change a body's rules; the steering group defaults to its child 'Styrgrupp…'."""
    rules, created = BodyRules.objects.get_or_create(body=body)
    if created and "steering_group" not in fields:
        rules.steering_group = next((child for child in body.children.all()
                                     if STEERING_GROUP_NAME.search(child.name)), None)
    for name, value in fields.items():
        setattr(rules, name, value)
    rules.save()
    return rules


def _side_of(organization: Organization | None) -> str:
    return organization.kind if organization is not None else ""


def _decision_date(decision_item, decided_on):
    if decided_on is None and decision_item is not None:
        return decision_item.meeting.date
    return decided_on


class RuleConflict(UserError):
    """The appointment breaks the body's rules; `breaches` are the findings, each a Swedish sentence."""

    def __init__(self, breaches: list[str]):
        super().__init__("Förtroendeuppdraget strider mot arbetsordningen: " + " ".join(breaches),
                         code="rule_conflict")
        self.breaches = breaches


@action
def appoint(person: Person, body: Body, role: str, start_date: date | None, end_date: date | None, *,
            side: str = "", organization: Organization | None = None, appointed_by: Body | None = None,
            decision_item=None, decision_text: str = "", decided_on: date | None = None,
            refuse_breaches: bool = False) -> Appointment:
    """Record an appointment for a term; a seat as member also makes the person a member of the body.

    The person is one recorded in the directory. An open (tabled) election of the same role and term
    is decided by it. With `refuse_breaches`, an appointment that breaks a rule raises RuleConflict
    and nothing is saved.
    """
    if not isinstance(person, Person):
        raise TypeError("appoint takes a Person from the directory, not a name")
    if start_date and end_date and end_date < start_date:
        raise UserError("Förtroendeuppdraget kan inte sluta innan det börjar.", code="end_before_start")
    organization = organization or person.organization
    appointment = Appointment.objects.create(
        person=person, body=body, role=role, start_date=start_date, end_date=end_date,
        side=side or _side_of(organization), organization=organization, appointed_by=appointed_by,
        decision_item=decision_item, decision_text=decision_text,
        decided_on=_decision_date(decision_item, decided_on),
    )
    if refuse_breaches:
        breaches = [finding.message for finding in rule_breaches(appointment)]
        if breaches:
            raise RuleConflict(breaches)  # the transaction is rolled back: nothing is saved
    if role == Role.MEMBER:
        appointment.membership = Membership.objects.create(
            person=person, body=body, organization=organization, role=Role.MEMBER.label,
            start_date=start_date, end_date=end_date)
        appointment.save(update_fields=["membership", "modified"])
    day = start_date or end_date
    if day is not None:
        election = (Election.objects.filter(body=body, role=role, decided_by__isnull=True,
                                            term_start__lte=day, term_end__gte=day).first())
        if election is not None:
            election.decided_by = appointment
            election.save(update_fields=["decided_by", "modified"])
    return appointment


@action
def appoint_new_person(name: str, body: Body, role: str, start_date: date | None, end_date: date | None, *,
                       person_organization: str = "", title: str = "", email: str = "",
                       **appointment) -> Appointment:
    """Create a new person on purpose (a name already recorded is refused) and appoint them."""
    if start_date and end_date and end_date < start_date:
        raise UserError("Förtroendeuppdraget kan inte sluta innan det börjar.", code="end_before_start")
    person = create_person(name, organization=person_organization, title=title, email=email)
    return appoint(person, body, role, start_date, end_date, **appointment)


@action
def end_appointment(appointment: Appointment, ended_on: date, reason: str = "") -> Appointment:
    """End an appointment before its term is out (the person left); a member's seat ends with it."""
    if appointment.start_date and ended_on < appointment.start_date:
        raise UserError("Förtroendeuppdraget kan inte avslutas innan det börjat.")
    appointment.ended_on, appointment.end_reason = ended_on, reason
    appointment.save(update_fields=["ended_on", "end_reason", "modified"])
    if appointment.membership_id:
        Membership.objects.filter(pk=appointment.membership_id).update(end_date=ended_on)
    return appointment


@action
def record_exception(appointment: Appointment, rule: str, *, decision_item=None, decision_text: str = "",
                     decided_on: date | None = None) -> RuleException:
    """Record the body's decision to make an exception from a rule for this appointment."""
    if rule not in RuleException.Rule.values:
        raise UserError("Okänd regel.")
    exception, _ = RuleException.objects.update_or_create(
        appointment=appointment, rule=rule,
        defaults={"decision_item": decision_item, "decision_text": decision_text,
                  "decided_on": _decision_date(decision_item, decided_on)},
    )
    return exception


@action
def table_election(body: Body, role: str, year: int, *, item=None, tabled_on: date | None = None) -> Election:
    """Record that the body tabled an election; it stays open until someone is appointed."""
    start, end = term_bounds(year)
    election, created = Election.objects.get_or_create(
        body=body, role=role, term_start=start,
        defaults={"term_end": end, "tabled_item": item, "tabled_on": _decision_date(item, tabled_on)})
    if not created and item is not None and election.tabled_item_id is None:
        election.tabled_item, election.tabled_on = item, _decision_date(item, tabled_on)
        election.save(update_fields=["tabled_item", "tabled_on", "modified"])
    held = Appointment.objects.filter(body=body, role=role, start_date__gte=start, start_date__lte=end,
                                      ended_on__isnull=True).exclude(election__isnull=False).first()
    if held is not None and election.decided_by_id is None:
        election.decided_by = held
        election.save(update_fields=["decided_by", "modified"])
    return election


@action
def find_tabled_elections(body: Body) -> list[Election]:
    """Elections of chair or vice chair that the body's minutes say were tabled ('att bordlägga val av …')."""
    found = []
    items = (AgendaItem.objects.filter(meeting__body=body, outcome=AgendaItem.Outcome.TABLED,
                                       clauses__kind=Clause.Kind.DECISION)
             .select_related("meeting").distinct())
    for item in items:
        for clause in item.clauses.filter(kind=Clause.Kind.DECISION):
            match = TABLED_ELECTION.search(clause.text)
            if not match:
                continue
            year_match = YEAR.search(clause.text) or YEAR.search(item.title)
            if year_match is None and item.meeting.date is None:
                continue
            year = int(year_match.group(0)) if year_match else item.meeting.date.year + 1
            role = Role.VICE_CHAIR if match.group(1) else Role.CHAIR
            found.append(table_election(body, role, year, item=item))
    return found
