"""Reads of the rules of procedure: whose turn the chair is, and which appointments break a rule.

The rules are data per body (BodyRules), never written into the code:
- alternate_chair: chair and vice chair alternate between the region and the municipalities from one term
  to the next (Länschefsnätverket's arbetsordning 2 §);
- chair_in_steering_group: chair and vice chair are members of the steering group (3 §), unless the body
  decided an exception (RuleException) for that appointment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import F, Q

from samverkan.directory.models import Body, Membership, Organization

from .models import SIDE_LABELS, Appointment, BodyRules, Election, RuleException

Role = Appointment.Role
SIDES = (Organization.Kind.REGION, Organization.Kind.MUNICIPALITY)
CHAIRS = (Role.CHAIR, Role.VICE_CHAIR)


def other_side(side: str) -> str:
    return Organization.Kind.MUNICIPALITY if side == Organization.Kind.REGION else Organization.Kind.REGION


def side_label(side: str) -> str:
    return SIDE_LABELS.get(side, "okänd sida")


def term_bounds(year: int) -> tuple[date, date]:
    """A term is a calendar year (the only term length the network uses)."""
    return date(year, 1, 1), date(year, 12, 31)


def appointment_year(appointment: Appointment) -> int | None:
    day = appointment.start_date or appointment.end_date
    return day.year if day else None


def rules_for(body: Body) -> BodyRules | None:
    """The body's rules, or None when the body has none."""
    return BodyRules.objects.filter(body=body).select_related("steering_group").first()


def overlapping(queryset, start: date | None, end: date | None):
    """Appointments or memberships that are in force some day between start and end."""
    if end is not None:
        queryset = queryset.filter(Q(start_date__isnull=True) | Q(start_date__lte=end))
    if start is not None:
        queryset = queryset.filter(Q(end_date__isnull=True) | Q(end_date__gte=start))
    return queryset


@dataclass(frozen=True)
class ChairSide:
    year: int
    side: str | None
    reason: str
    based_on: Appointment | None = None

    @property
    def vice_side(self) -> str | None:
        return other_side(self.side) if self.side else None

    @property
    def label(self) -> str:
        return side_label(self.side) if self.side else "okänt"

    @property
    def vice_label(self) -> str:
        return side_label(self.vice_side) if self.side else "okänt"


def next_chair_side(body: Body, year: int, *, exclude: Appointment | None = None) -> ChairSide:
    """Which side holds the chair in a year, from the latest chair before it and the alternation rule."""
    rules = rules_for(body)
    if rules is None or not rules.alternate_chair:
        return ChairSide(year, None, "Organet har ingen regel om att ordförandeposten växlar.")
    earlier = (Appointment.objects.filter(body=body, role=Role.CHAIR, side__in=SIDES)
               .filter(Q(start_date__lt=date(year, 1, 1)) | Q(start_date__isnull=True, end_date__lt=date(year, 1, 1)))
               .select_related("person")
               .order_by(F("start_date").desc(nulls_last=True), F("end_date").desc(nulls_last=True), "-pk"))
    if exclude is not None:
        earlier = earlier.exclude(pk=exclude.pk)
    last = earlier.first()
    if last is None:
        return ChairSide(year, None, "Ingen tidigare ordförande finns registrerad.")
    last_year = appointment_year(last)
    side = last.side if (year - last_year) % 2 == 0 else other_side(last.side)
    section = f" enligt arbetsordningen {rules.alternation_section}" if rules.alternation_section else ""
    reason = (f"{side_label(last.side).capitalize()} hade ordförandeposten {last_year} ({last.person.name}); "
              f"posterna växlar varje mandatperiod{section}. {year} har {side_label(side)} ordförandeposten "
              f"och {side_label(other_side(side))} posten som vice ordförande.")
    return ChairSide(year, side, reason, last)


@dataclass(frozen=True)
class Finding:
    """What a rule says about an appointment; an exception the body decided makes it no breach."""
    rule: str
    message: str
    exception: RuleException | None = None

    @property
    def breaks_rule(self) -> bool:
        return self.exception is None


def in_steering_group(person, steering_group: Body, start: date | None, end: date | None) -> bool:
    """True when the person is a member of the steering group some time during the term."""
    memberships = overlapping(Membership.objects.filter(person=person, body=steering_group), start, end)
    seats = overlapping(Appointment.objects.filter(person=person, body=steering_group, ended_on__isnull=True),
                        start, end)
    return memberships.exists() or seats.exists()


def check_appointment(appointment: Appointment) -> list[Finding]:
    """Every rule the appointment touches: breaches, and breaches the body made an exception for."""
    role = appointment.role
    if role not in CHAIRS:  # the rules of procedure are about the chair and the vice chair
        return []
    findings: list[Finding] = []
    body = appointment.body
    exceptions = {e.rule: e for e in appointment.exceptions.all()}
    rules = rules_for(body)
    clash = (overlapping(Appointment.objects.filter(body=body, role=role, ended_on__isnull=True),
                         appointment.start_date, appointment.last_day)
             .exclude(pk=appointment.pk).select_related("person").first())
    if clash is not None:
        findings.append(Finding("single_seat", f"{clash.person.name} är redan "
                                f"{clash.get_role_display().lower()} under samma period."))
    if rules is None:
        return findings
    year = appointment_year(appointment)
    if rules.alternate_chair and year is not None:
        turn = next_chair_side(body, year, exclude=appointment)
        expected = turn.side if role == Role.CHAIR else turn.vice_side
        if expected and appointment.side and appointment.side != expected:
            section = f" {rules.alternation_section}" if rules.alternation_section else ""
            findings.append(Finding(
                RuleException.Rule.ALTERNATION,
                f"Enligt arbetsordningen{section} ska {side_label(expected)} ha posten som "
                f"{appointment.get_role_display().lower()} {year}, men {appointment.person.name} "
                f"företräder {side_label(appointment.side)}.",
                exceptions.get(RuleException.Rule.ALTERNATION)))
    if rules.chair_in_steering_group and rules.steering_group_id and not in_steering_group(
            appointment.person, rules.steering_group, appointment.start_date, appointment.last_day):
        section = f" {rules.steering_group_section}" if rules.steering_group_section else ""
        findings.append(Finding(
            RuleException.Rule.STEERING_GROUP,
            f"{appointment.person.name} ingår inte i {rules.steering_group.display_name}; enligt "
            f"arbetsordningen{section} ska ordförande och vice ordförande ingå där.",
            exceptions.get(RuleException.Rule.STEERING_GROUP)))
    return findings


def rule_breaches(appointment: Appointment) -> list[Finding]:
    """The findings without a decided exception: what the secretariat must act on."""
    return [finding for finding in check_appointment(appointment) if finding.breaks_rule]


@dataclass(frozen=True)
class OpenElection:
    body: Body
    role: str
    term_start: date
    term_end: date
    election: Election | None = None

    @property
    def role_label(self) -> str:
        return Role(self.role).label

    @property
    def tabled_item(self):
        return self.election.tabled_item if self.election else None


def open_elections(body: Body, years: list[int]) -> list[OpenElection]:
    """Tabled elections not yet decided, and chair posts of the given years that nobody holds."""
    found = [OpenElection(body, e.role, e.term_start, e.term_end, e)
             for e in Election.objects.filter(body=body, decided_by__isnull=True)
             .select_related("tabled_item__meeting").order_by("term_start", "role")]
    taken = {(e.role, e.term_start) for e in found}
    rules = rules_for(body)
    if rules is not None:
        for year in years:
            start, end = term_bounds(year)
            for role in CHAIRS:
                if (role, start) in taken:
                    continue
                held = overlapping(Appointment.objects.filter(body=body, role=role, ended_on__isnull=True),
                                   start, end)
                if not held.exists():
                    found.append(OpenElection(body, role, start, end))
    return sorted(found, key=lambda e: (e.term_start, e.role != Role.CHAIR))


def body_appointments(body: Body):
    """A body's appointments, newest term first, with what is needed to show them."""
    return (Appointment.objects.filter(Q(body=body) | Q(appointed_by=body))
            .select_related("person", "body", "organization", "decision_item__meeting", "appointed_by")
            .prefetch_related("exceptions__decision_item__meeting")
            .order_by(F("start_date").desc(nulls_last=True), "body__name", "role", "person__name"))


def is_public(appointment: Appointment) -> bool:
    """Public when the decision's meeting is published, or when no meeting in the system made it."""
    item = appointment.decision_item
    return item is None or item.meeting.published_at is not None


def public_appointments(body: Body):
    return [a for a in body_appointments(body) if is_public(a)]
