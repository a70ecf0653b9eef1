"""The secretariat's writes on matters and assignments, named for what they do."""

import logging
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from samverkan.core.actions import action, signed_in
from samverkan.core.errors import UserError
from samverkan.directory.models import Body, Organization, Person
from samverkan.language.dates import swedish_date
from samverkan.meetings.models import AgendaItem, Clause, Meeting

from . import similarity
from .models import Assignment, Deadline, Matter, MatterItem, Reminder

log = logging.getLogger(__name__)

SUGGESTION_THRESHOLD = 0.2
SUGGESTIONS_PER_ITEM = 3
DEFAULT_REMINDER_DAYS = 14

# Decisions that leave a matter waiting for someone to come back with it.
WAITING_WORDS = re.compile(
    r"återkomm\w*|i uppdrag att bereda|bereda ärendet|för (vidare |fortsatt )?beredning|tar tillbaka|återremitt\w*",
    re.IGNORECASE,
)
# Decisions that send a matter on to another body.
FORWARDED_WORDS = re.compile(r"(skickas|sänds|lämnas|överlämnas|översänds)\s+vidare|överlämna\w*", re.IGNORECASE)


def reminder_days() -> int:
    """Days before a deadline that the owner is reminded (SAMVERKAN_REMINDER_DAYS)."""
    return int(getattr(settings, "SAMVERKAN_REMINDER_DAYS", DEFAULT_REMINDER_DAYS))


# --- Matters -----------------------------------------------------------------------------------


@action
def open_matter(title: str, *, registry_number: str = "", description: str = "", body: Body | None = None,
                status: str = Matter.Status.OPEN, items: list[AgendaItem] = (), suggest: bool = False,
                acting_user=None) -> Matter:
    """Open a matter with the items the secretariat knows belong to it; `suggest` asks the archive for more."""
    title = title.strip()
    if not title:
        raise UserError("Ett ärende behöver en rubrik.")
    if status not in Matter.Status.values:
        raise UserError(f"Okänd status: {status}")
    matter = Matter.objects.create(title=title, registry_number=registry_number.strip(),
                                   description=description, body=body, status=status)
    for item in items:
        link_item(matter, item, acting_user=acting_user)
    if suggest:
        suggest_matters(matters=[matter])
    return matter


@action
def update_matter(matter: Matter, *, title: str, registry_number: str = "", description: str = "",
                  body: Body | None = None, status: str | None = None) -> Matter:
    if not title.strip():
        raise UserError("Ett ärende behöver en rubrik.")
    matter.title, matter.registry_number = title.strip(), registry_number.strip()
    matter.description, matter.body = description, body
    if status:
        matter.status = status
    matter.save()
    return matter


@action
def change_status(matter: Matter, status: str) -> Matter:
    if status not in Matter.Status.values:
        raise UserError(f"Okänd status: {status}")
    matter.status = status
    matter.save(update_fields=["status", "modified"])
    return matter


@action
def close_matter(matter: Matter) -> Matter:
    return change_status(matter, Matter.Status.CLOSED)


def _is_waiting(item: AgendaItem) -> bool:
    return bool(WAITING_WORDS.search(" ".join(c.text for c in item.clauses.all() if c.kind == Clause.Kind.DECISION)))


def status_after(item: AgendaItem, today: date | None = None) -> str | None:
    """What an item says about its matter's status, or None when it says nothing new."""
    today = today or timezone.localdate()
    if item.outcome in (AgendaItem.Outcome.TABLED, AgendaItem.Outcome.TAKEN_BACK):
        return Matter.Status.PREPARATION
    if item.outcome == AgendaItem.Outcome.DECIDED:
        return Matter.Status.PREPARATION if _is_waiting(item) else Matter.Status.DECIDED
    if item.outcome == AgendaItem.Outcome.FORWARDED:
        return Matter.Status.PREPARATION
    if item.meeting.date and item.meeting.date >= today:
        return Matter.Status.ON_AGENDA
    return None


def _latest_item(matter: Matter) -> AgendaItem | None:
    return (AgendaItem.objects.filter(matter_links__matter=matter, matter_links__state=MatterItem.State.CONFIRMED)
            .select_related("meeting").order_by("-meeting__date", "-position").first())


def _follow_latest_item(matter: Matter) -> None:
    """A matter's status follows its latest item, unless the secretariat has closed it."""
    if matter.status == Matter.Status.CLOSED:
        return
    latest = _latest_item(matter)
    status = status_after(latest) if latest else None
    if status and status != matter.status:
        change_status(matter, status)


@action
def link_item(matter: Matter, item: AgendaItem, *, acting_user=None) -> MatterItem:
    """Put an agenda item on a matter's timeline (a suggestion for it counts as confirmed)."""
    link, _ = MatterItem.objects.get_or_create(matter=matter, item=item)
    link.state = MatterItem.State.CONFIRMED
    link.decided_by = signed_in(acting_user)
    link.decided_at = timezone.now()
    link.save()
    _follow_latest_item(matter)
    return link


@action
def unlink_item(matter: Matter, item: AgendaItem) -> None:
    """Take an item off a matter's timeline; it is not suggested to the matter again."""
    MatterItem.objects.filter(matter=matter, item=item).update(
        state=MatterItem.State.REJECTED, decided_at=timezone.now())


@action
def confirm_suggestion(link: MatterItem, *, acting_user=None) -> MatterItem:
    if link.state != MatterItem.State.SUGGESTED:
        raise UserError("Förslaget är redan hanterat.")
    return link_item(link.matter, link.item, acting_user=acting_user)


@action
def reject_suggestion(link: MatterItem, *, acting_user=None) -> MatterItem:
    if link.state != MatterItem.State.SUGGESTED:
        raise UserError("Förslaget är redan hanterat.")
    link.state = MatterItem.State.REJECTED
    link.decided_by = signed_in(acting_user)
    link.decided_at = timezone.now()
    link.save()
    return link


def _item_texts(item: AgendaItem) -> list[str]:
    return [item.agenda_text, item.minutes_text, *(c.text for c in item.clauses.all())]


def _candidate_items():
    return (AgendaItem.objects.exclude(type=AgendaItem.Type.PROCEDURAL)
            .select_related("meeting").prefetch_related("clauses"))


def _matter_query(matter: Matter, corpus: similarity.Corpus) -> dict[str, float]:
    confirmed = AgendaItem.objects.filter(matter_links__matter=matter,
                                          matter_links__state=MatterItem.State.CONFIRMED)
    texts = [matter.description, *confirmed.values_list("title", flat=True)]
    return corpus.vector(similarity.bag(matter.title, texts))


def similar_items(matter: Matter, items=None,
                  threshold: float = SUGGESTION_THRESHOLD) -> list[tuple[AgendaItem, float]]:
    """Items like the matter, best first, with their scores; nothing is written."""
    candidates = list(items if items is not None else _candidate_items())
    corpus = similarity.Corpus(similarity.bag(i.title, _item_texts(i)) for i in _candidate_items())
    query = _matter_query(matter, corpus)
    scored = []
    for item in candidates:
        score = similarity.best_passage_score(corpus, query, similarity.passages(item.title, _item_texts(item)))
        if score >= threshold:
            scored.append((item, score))
    return sorted(scored, key=lambda pair: -pair[1])


def suggest_matters(items=None, matters=None, threshold: float = SUGGESTION_THRESHOLD,
                    per_item: int = SUGGESTIONS_PER_ITEM) -> list[MatterItem]:
    """Suggest open matters for agenda items by similarity; the secretariat confirms or rejects each.

    Nothing is linked: suggestions are stored as such, and an item already suggested, linked or
    rejected for a matter is not suggested to it again. Returns the new suggestions.
    """
    matters = list(matters if matters is not None else Matter.objects.exclude(status=Matter.Status.CLOSED))
    if not matters:
        return []
    items = list(items if items is not None else _candidate_items())
    items = [i for i in items if i.type != AgendaItem.Type.PROCEDURAL]
    corpus = similarity.Corpus(similarity.bag(i.title, _item_texts(i)) for i in _candidate_items())
    queries = {matter.pk: _matter_query(matter, corpus) for matter in matters}
    known = set(MatterItem.objects.filter(matter__in=matters, item__in=items).values_list("matter_id", "item_id"))
    created = []
    for item in items:
        item_passages = similarity.passages(item.title, _item_texts(item))
        scored = []
        for matter in matters:
            if (matter.pk, item.pk) in known:
                continue
            score = similarity.best_passage_score(corpus, queries[matter.pk], item_passages)
            if score >= threshold:
                scored.append((score, matter))
        for score, matter in sorted(scored, key=lambda pair: -pair[0])[:per_item]:
            link, made = MatterItem.objects.get_or_create(matter=matter, item=item,
                                                          defaults={"score": round(score, 4)})
            if made:
                created.append(link)
    return created


def suggest_for_meeting(meeting: Meeting) -> list[MatterItem]:
    """Suggestions for the items of one meeting, e.g. right after it was imported."""
    return suggest_for_meetings([meeting.pk])


def suggest_for_meetings(meeting_ids) -> list[MatterItem]:
    """Suggestions for the items of several meetings at once, e.g. after an import."""
    meeting_ids = list(meeting_ids)
    if not meeting_ids:
        return []
    return suggest_matters(items=_candidate_items().filter(meeting_id__in=meeting_ids))


# --- Assignments -------------------------------------------------------------------------------


def _owner_fields(owner) -> dict:
    if isinstance(owner, Body):
        return {"owner_body": owner, "owner_organization": None, "owner_person": None}
    if isinstance(owner, Organization):
        return {"owner_body": None, "owner_organization": owner, "owner_person": None}
    if isinstance(owner, Person):
        return {"owner_body": None, "owner_organization": None, "owner_person": owner}
    raise UserError("Ett uppdrag bärs av ett organ, en organisation eller en person.")


def _decision(item: AgendaItem | None, clause: Clause | None) -> tuple[AgendaItem | None, str, date | None]:
    if clause is not None:
        if item is not None and clause.item_id != item.pk:
            raise UserError("Beslutet hör inte till punkten.")
        item = clause.item
    text = clause.text if clause is not None else ""
    if item is not None and not text:
        text = "\n".join(c.text for c in (item.decisions or item.proposals))
    return item, text, item.meeting.date if item is not None else None


@action
def create_assignment(title: str, *, owner, item: AgendaItem | None = None, clause: Clause | None = None,
                      reports_to: Body | None = None, deadline: date | None = None, matter: Matter | None = None,
                      description: str = "", decided_on: date | None = None, decision_text: str = "",
                      contact: Person | None = None, acting_user=None) -> Assignment:
    """An assignment from a decision: what, who carries it, to whom it reports, and by when."""
    title = title.strip()
    if not title:
        raise UserError("Beskriv uppdraget.")
    item, text, item_date = _decision(item, clause)
    assignment = Assignment.objects.create(
        title=title, description=description, matter=matter, item=item, clause=clause,
        decision_text=decision_text or text, decided_on=decided_on or item_date, reports_to=reports_to,
        contact=contact, deadline=deadline, **_owner_fields(owner),
    )
    if deadline is not None:
        Deadline.objects.create(assignment=assignment, due=deadline, item=item, clause=clause,
                                decision_text=assignment.decision_text, decided_on=assignment.decided_on,
                                set_by=signed_in(acting_user))
    if matter is not None and item is not None:
        link_item(matter, item, acting_user=acting_user)
    return assignment


@action
def extend_deadline(assignment: Assignment, due: date, *, item: AgendaItem | None = None,
                    clause: Clause | None = None, decision_text: str = "", decided_on: date | None = None,
                    note: str = "", acting_user=None) -> Deadline:
    """A later decision sets a new deadline; the earlier ones stay in the history."""
    if assignment.status != Assignment.Status.ACTIVE:
        raise UserError("Uppdraget är inte längre pågående.")
    if due == assignment.deadline:
        raise UserError("Uppdraget har redan den tidsgränsen.")
    item, text, item_date = _decision(item, clause)
    deadline = Deadline.objects.create(
        assignment=assignment, due=due, item=item, clause=clause, decision_text=decision_text or text,
        decided_on=decided_on or item_date, note=note,
        set_by=signed_in(acting_user),
    )
    assignment.deadline = due
    assignment.save(update_fields=["deadline", "modified"])
    if assignment.matter is not None and item is not None:
        link_item(assignment.matter, item, acting_user=acting_user)
    return deadline


@action
def complete_assignment(assignment: Assignment, *, on: date | None = None, item: AgendaItem | None = None,
                        acting_user=None) -> Assignment:
    """The assignment is reported back (redovisat), at a meeting when item is given."""
    if assignment.status != Assignment.Status.ACTIVE:
        raise UserError("Uppdraget är inte längre pågående.")
    assignment.status = Assignment.Status.COMPLETED
    assignment.completed_item = item
    assignment.completed_on = on or (item.meeting.date if item is not None else None) or timezone.localdate()
    assignment.save()
    if assignment.matter is not None and item is not None:
        link_item(assignment.matter, item, acting_user=acting_user)
    return assignment


@action
def cancel_assignment(assignment: Assignment) -> Assignment:
    if assignment.status != Assignment.Status.ACTIVE:
        raise UserError("Uppdraget är inte längre pågående.")
    assignment.status = Assignment.Status.CANCELLED
    assignment.save(update_fields=["status", "modified"])
    return assignment


def next_meeting_date(body: Body, after: date) -> date | None:
    """'Till nästa möte': the body's first planned meeting after a date, when there is one."""
    meeting = Meeting.objects.filter(body=body, date__gt=after).order_by("date").first()
    return meeting.date if meeting else None


# --- Reminders ---------------------------------------------------------------------------------


@dataclass
class ReminderRun:
    sent: list[Reminder] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _emails(values) -> list[str]:
    return sorted({v.strip() for v in values if v and v.strip()})


def reminder_recipients(assignment: Assignment) -> tuple[list[str], str]:
    """Who is reminded, and a warning when nobody can be: a person, a body's secretariat, or
    an organisation's contact person."""
    contact = [assignment.contact.email] if assignment.contact else []
    if assignment.owner_person:
        emails = _emails([assignment.owner_person.email, *contact])
        missing = f"{assignment.owner_person} har ingen e-postadress"
    elif assignment.owner_body:
        secretaries = assignment.owner_body.secretaries.select_related("person")
        emails = _emails([*(u.email or getattr(getattr(u, "person", None), "email", "") for u in secretaries),
                          *contact])
        missing = f"{assignment.owner_body.display_name} har inget sekretariat med e-postadress"
    else:
        emails = _emails(contact)
        missing = f"{assignment.owner_organization} har ingen kontaktperson med e-postadress"
    return emails, "" if emails else missing


def due_for_reminder(today: date, days: int):
    """Active assignments whose deadline is within `days` days and not yet reminded of."""
    reminded = Reminder.objects.filter(assignment=OuterRef("pk"), due=OuterRef("deadline"))
    return (Assignment.objects.filter(status=Assignment.Status.ACTIVE, deadline__gte=today,
                                      deadline__lte=today + timedelta(days=days))
            .exclude(Exists(reminded))
            .select_related("owner_body", "owner_organization", "owner_person", "contact", "reports_to"))


def _reminder_message(assignment: Assignment, site_url: str) -> tuple[str, str]:
    due = swedish_date(assignment.deadline)
    subject = f"Påminnelse: uppdraget ”{assignment.title}” ska redovisas senast {due}"
    lines = [
        "Hej!",
        "",
        f"Uppdraget ”{assignment.title}” ska vara klart senast {due}.",
        f"Uppdraget bärs av: {assignment.owner_name}.",
    ]
    if assignment.reports_to:
        lines.append(f"Det återrapporteras till: {assignment.reports_to.display_name}.")
    if assignment.decided_on:
        lines.append(f"Beslutat: {swedish_date(assignment.decided_on)}.")
    if assignment.decision_text:
        lines += ["", assignment.decision_text]
    if site_url:
        lines += ["", f"Läs mer: {site_url.rstrip('/')}{assignment.get_absolute_url()}"]
    lines += ["", "Det här är en automatisk påminnelse från Samverkan. Den skickas en gång per tidsgräns."]
    return subject, "\n".join(lines)


@action
def send_due_reminders(today: date | None = None, days: int | None = None) -> ReminderRun:
    """E-mail the owners of assignments due within `days` days; once per assignment and deadline.

    Each reminder is recorded in the same transaction as it is sent; the unique constraint on
    (assignment, due) makes a second or concurrent run skip it. A failed send is rolled back
    and tried again on the next run.
    """
    today = today or timezone.localdate()
    days = reminder_days() if days is None else days
    site_url = getattr(settings, "SAMVERKAN_SITE_URL", "")
    run = ReminderRun()
    for assignment in due_for_reminder(today, days):
        emails, warning = reminder_recipients(assignment)
        if not emails:
            run.warnings.append(f"Ingen påminnelse för ”{assignment.title}”: {warning}.")
            continue
        subject, body = _reminder_message(assignment, site_url)
        try:
            with transaction.atomic():
                reminder = Reminder.objects.create(
                    assignment=assignment, due=assignment.deadline, recipients=emails,
                    deadline=assignment.deadlines.filter(due=assignment.deadline).last(),
                )
                send_mail(subject, body, None, emails)
        except IntegrityError:
            continue  # another run sent it first
        except (OSError, DatabaseError) as error:
            run.warnings.append(f"Påminnelsen för ”{assignment.title}” kunde inte skickas: {error}")
            log.warning("reminder for assignment %s failed: %s", assignment.pk, error)
            continue
        run.sent.append(reminder)
    return run
