"""Reads of the follow-through: who is asked, who answers for an organisation, the chain of a matter.

Who sees what (decided here, on the rules of samverkan.directory.access):
- A recommendation is read by whoever may see its matter (matters.selectors.visible_matters) and, when
  it came from an item, that item's meeting: for the public once the minutes are published. The
  organisations' answers are their own public decisions and are shown with it.
- Only the secretariat of the recommendation's body marks, sends, reminds and records answers for
  others; a signed-in current member of that body answers for the organisation they represent there;
  anyone with the e-mail's signed link answers for that one organisation, without signing in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.utils import timezone

from samverkan.directory.access import is_secretary, visible_meetings_filter
from samverkan.directory.models import Body, Membership, Organization, Person
from samverkan.directory.selectors import current_membership
from samverkan.matters.models import Matter, MatterItem
from samverkan.matters.selectors import visible_matters
from samverkan.meetings.models import AgendaItem, Meeting

from .models import Answer, Recommendation


def member_organizations(body: Body) -> list[Organization]:
    """The organisations the body's current members represent (the membership's, else the person's)."""
    found = {}
    for membership in (Membership.objects.filter(current_membership(), body=body)
                       .select_related("organization", "person__organization")):
        organization = membership.organization or membership.person.organization
        if organization is not None:
            found[organization.pk] = organization
    return sorted(found.values(), key=lambda o: (o.kind, o.name))


def representatives(body: Body, organizations) -> dict[int, list[Person]]:
    """For each organisation, the body's current members who represent it and have an e-mail address."""
    ids = {organization.pk for organization in organizations}
    found: dict[int, list[Person]] = {}
    for membership in (Membership.objects.filter(current_membership(), body=body)
                       .filter(Q(organization_id__in=ids) | Q(organization__isnull=True,
                                                               person__organization_id__in=ids))
                       .exclude(person__email="").select_related("person").order_by("person__name")):
        organization_id = membership.organization_id or membership.person.organization_id
        people = found.setdefault(organization_id, [])
        if membership.person not in people:
            people.append(membership.person)
    return found


def represented_organizations(user, body: Body) -> set[int]:
    """The organisations a signed-in user represents in a body today."""
    person = getattr(user, "person", None) if user.is_authenticated else None
    if person is None:
        return set()
    ids = set()
    for membership in person.memberships.filter(current_membership(), body=body).select_related("person"):
        organization_id = membership.organization_id or person.organization_id
        if organization_id:
            ids.add(organization_id)
    return ids


def visible_recommendations(user):
    """The recommendations a reader may see: those of a visible matter, from a visible meeting if any."""
    meetings = Meeting.objects.filter(visible_meetings_filter(user))
    return (Recommendation.objects.filter(matter__in=visible_matters(user))
            .filter(Q(item__isnull=True) | Q(item__meeting__in=meetings))
            .select_related("body", "matter", "item__meeting"))


def can_edit_recommendation(user, recommendation: Recommendation) -> bool:
    return is_secretary(user, recommendation.body)


def can_answer_for(user, recommendation: Recommendation, organization: Organization) -> bool:
    """The secretariat, or a current member of the body who represents the organisation there."""
    return (can_edit_recommendation(user, recommendation)
            or organization.pk in represented_organizations(user, recommendation.body))


# --- The chain: network → the bodies the matter went to → each organisation ----------------------


@dataclass
class Step:
    """A body the matter passed through, with its latest meeting date on it."""

    body: Body
    date: date | None
    note: str = ""


@dataclass
class StatusCount:
    status: str
    label: str
    count: int
    percent: int = 0  # of the organisations asked, for the bar chart's widths


@dataclass
class Chain:
    recommendation: Recommendation
    steps: list[Step]
    answers: list[Answer]
    counts: list[StatusCount] = field(default_factory=list)

    @property
    def asked(self) -> int:
        return len(self.answers)

    @property
    def required(self) -> int:
        """The parties whose adoption is needed: everyone asked but those it does not concern."""
        return sum(1 for answer in self.answers if answer.status != Answer.Status.NOT_APPLICABLE)

    @property
    def adopted(self) -> int:
        return sum(1 for answer in self.answers if answer.is_adopted)

    @property
    def waiting(self) -> int:
        return sum(1 for answer in self.answers if not answer.is_answered)

    @property
    def all_adopted(self) -> bool:
        return self.required > 0 and self.adopted == self.required

    @property
    def in_force(self) -> bool:
        """An agreement is in force only when every required party has adopted it."""
        return self.recommendation.kind == Recommendation.Kind.AGREEMENT and self.all_adopted

    @property
    def overdue(self) -> bool:
        return self.waiting > 0 and self.recommendation.answer_by < timezone.localdate()


def _steps(matter: Matter, user) -> list[Step]:
    """The bodies of the matter's visible items in date order, each once with its latest date; a
    forwarding not yet taken up adds the receiving body."""
    items = (AgendaItem.objects.filter(matter_links__matter=matter, matter_links__state=MatterItem.State.CONFIRMED,
                                       meeting__in=Meeting.objects.filter(visible_meetings_filter(user)))
             .select_related("meeting__body", "forwarded_to", "forwarding").order_by("meeting__date", "pk"))
    steps: dict[int, Step] = {}
    for item in items:
        body = item.meeting.body
        step = steps.pop(body.pk, None) or Step(body, None)
        step.date = item.meeting.date or step.date
        steps[body.pk] = step  # re-inserted: a body met again moves to its latest place
        forwarding = getattr(item, "forwarding", None)
        if item.outcome == AgendaItem.Outcome.FORWARDED and item.forwarded_to and item.forwarded_to.pk not in steps \
                and (forwarding is None or not forwarding.is_received):
            steps[item.forwarded_to.pk] = Step(item.forwarded_to, None, "överlämnat, ännu inte behandlat")
    return list(steps.values())


def chain(recommendation: Recommendation, user) -> Chain:
    """The recommendation's chain and its organisations' answers, in a fixed number of queries."""
    answers = list(recommendation.answers.select_related("organization", "answered_by__person"))
    found = Chain(recommendation, _steps(recommendation.matter, user), answers)
    asked = len(answers) or 1
    for status, label in Answer.Status.choices:
        count = sum(1 for answer in answers if answer.status == status)
        found.counts.append(StatusCount(status, label, count, round(100 * count / asked)))
    return found


def recommendation_detail(pk: int, user) -> Recommendation:
    return visible_recommendations(user).prefetch_related("mailings__sent_by").get(pk=pk)


def matter_recommendations(matter: Matter, user) -> list[Recommendation]:
    return list(visible_recommendations(user).filter(matter=matter).order_by("decided_on", "pk"))


def recommendations_of_items(items, user) -> dict[int, Recommendation]:
    """For the meeting page: the visible recommendation made from each of these items, by item id."""
    return {recommendation.item_id: recommendation
            for recommendation in visible_recommendations(user).filter(item__in=items)}


def answerable(user, organization: Organization, answers) -> set[int]:
    """The ids of the answers the user may give for the organisation (asked once per body)."""
    by_body: dict[int, bool] = {}
    found = set()
    for answer in answers:
        body_id = answer.recommendation.body_id
        if body_id not in by_body:
            by_body[body_id] = can_answer_for(user, answer.recommendation, organization)
        if by_body[body_id]:
            found.add(answer.pk)
    return found
