"""How the meetings' objects read in the audit log: "punkt 6 Kalendarium (Länschefsnätverket
9 november 2023)", "beslutet i punkt 6 (…)"."""

from samverkan.directory.audit import register
from samverkan.language.dates import swedish_date

TITLE_LENGTH = 60


def meeting_label(meeting) -> str:
    """"Länschefsnätverket 9 november 2023"."""
    return f"{meeting.body.display_name} {swedish_date(meeting.date) if meeting.date else 'utan datum'}"


def _short(title: str) -> str:
    return title if len(title) <= TITLE_LENGTH else title[:TITLE_LENGTH - 1].rstrip() + "…"


def item_number(item) -> str:
    return f"punkt {item.full_number}"


def _in_item(item) -> str:
    return f"i {item_number(item)} ({meeting_label(item.meeting)})"


def _clause(clause) -> str:
    noun = "beslutet" if clause.kind == "decision" else "förslaget till beslut"
    return f"{noun} {_in_item(clause.item)}"


def register_describers() -> None:
    register("meetings.meeting", lambda meeting: f"mötet {meeting_label(meeting)}")
    register("meetings.agendaitem",
             lambda item: f"{item_number(item)} {_short(item.title)} ({meeting_label(item.meeting)})")
    register("meetings.clause", _clause)
    register("meetings.presentation",
             lambda presentation: f"föredragande {presentation.person.name} {_in_item(presentation.item)}")
    register("meetings.attachment",
             lambda attachment: f"bilaga {attachment.label} ”{attachment.original_name}” {_in_item(attachment.item)}"
             if attachment.original_name else f"bilaga {attachment.label} {_in_item(attachment.item)}")
    register("meetings.attendance",
             lambda attendance: f"närvaron för {attendance.person.name} vid {meeting_label(attendance.meeting)}")
    register("meetings.noticedispatch",
             lambda dispatch: f"utskicket av kallelsen, version {dispatch.version}, till "
                              f"{meeting_label(dispatch.meeting)}")
    register("meetings.minutesversion",
             lambda version: f"minnesanteckningarna, version {version.version}, från {meeting_label(version.meeting)}")
    register("meetings.verifier",
             lambda verifier: f"justeringen av {verifier.person.name} för {meeting_label(verifier.meeting)}")
    register("meetings.extractdispatch",
             lambda dispatch: f"expedieringen av utdraget {_in_item(dispatch.item)}")
    register("meetings.extractrecipient",
             lambda recipient: f"mottagaren {recipient.name} av utdraget {_in_item(recipient.dispatch.item)}")
