"""The document header: body, kind, meeting and document dates, times, place and registry number."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, time

from samverkan.language.dates import (
    PartialDate,
    find_dates,
    infer_year,
    parse_time_range,
    referenced_dates,
    remove_dates,
    remove_times,
    remove_weekdays,
    years_in,
)
from samverkan.language.gazetteer import Gazetteer
from samverkan.language.lexicon import (
    ABSENT_LABELS,
    AGENDA_TITLES,
    BODY_WORDS,
    CLOCK_WORD,
    CLOCK_WORD_IN_FULL,
    COMBINED_LABEL_WORDS,
    COMBINED_LABELS,
    DATE_ARTICLE,
    DATE_LABELS,
    DECIDED_VERBS,
    DECIDING_VERBS,
    DECISION_LABEL,
    DOCUMENT_DATE_LABEL,
    GENERIC_SUBJECTS,
    HEADER_FIELD_LABELS,
    MEETING_DATE_LABELS,
    MEETING_WORDS,
    MINUTES_MARKERS,
    MINUTES_TITLES,
    MONTHS,
    NOT_IN_BODY_NAME,
    NOTES_TITLE,
    NOTICE_BODY_LABELS,
    NOTICE_FIELD_LABELS,
    ORGANIZATION_TAILS,
    PLACE_LABELS,
    PLACE_STOP_WORDS,
    PRESENT_DECIDING_VERB,
    PRESENT_LABELS,
    PROPOSAL_HEADING,
    PROTOCOL_EXTRACT_SUFFIX,
    PROTOCOL_WORD,
    REGISTRY_LABELS,
    ROLE_LABELS,
    TIME_LABELS,
    TITLE_LINKS,
    TITLE_MEETING,
    UNTIL_WORD,
    WEEKDAYS,
)
from samverkan.language.patterns import alternation

from .document import AGENDA, MINUTES
from .lines import Line
from .people import split_name

_LABELS = alternation((*DATE_LABELS, *TIME_LABELS, *PLACE_LABELS, *REGISTRY_LABELS))
_COMBINED_WORD = alternation(COMBINED_LABEL_WORDS)
_LABEL = re.compile(
    rf"^(?P<label>(?:{_COMBINED_WORD})(?:,\s*\w+)?\s+och\s+(?:{_COMBINED_WORD})|{_LABELS})"
    r"(?![a-zåäöA-ZÅÄÖ])\.?\s*:?\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_DATE_NAME = DOCUMENT_DATE_LABEL.lower()
_MEETING_DATE_NAMES = frozenset(label.lower() for label in MEETING_DATE_LABELS)
_TIME_NAMES = tuple(label.lower() for label in TIME_LABELS)
_PLACE_NAMES = frozenset(label.lower() for label in PLACE_LABELS)
_PLACE_WORD = PLACE_LABELS[0].lower()  # in "Plats och tid", "Tid och plats"
_REGISTRY_NAMES = tuple(label.lower() for label in REGISTRY_LABELS)
_REGISTRY = re.compile(
    rf"\b(?:{alternation(REGISTRY_LABELS)})\.?\s*:?\s*([A-ZÅÄÖ]{{0,6}}\s?\d{{2,4}}[/-]\d+(?:[/-]\d+)?)"
)
_REGISTRY_YEAR = re.compile(r"(?:^|[A-ZÅÄÖ\s])(20\d{2}|\d{2})[/-]")
_BODY_WITH_ALIASES = re.compile(r"^(?P<name>[A-ZÅÄÖ][^()]{3,90}?)[\s,]*\((?P<aliases>[^)]{2,60})\)")
_PROTOCOL = rf"[\wåäö-]*{PROTOCOL_WORD}"  # "Protokoll", "Sammanträdesprotokoll"
_TITLE_LINE = re.compile(
    rf"^(?:{alternation(MINUTES_TITLES[:1])}|{_PROTOCOL}|{alternation((*MINUTES_TITLES[1:], *AGENDA_TITLES))})"
    rf"(?:\s+(?:{alternation(TITLE_LINKS)}))?\s+(?:(?:{alternation(TITLE_MEETING)})\s+)?"
    r"(?P<body>[A-ZÅÄÖ][\wåäöÅÄÖ -]{3,80})$",
    re.IGNORECASE,
)
# "Protokoll", "Sammanträdesprotokoll", "Protokollsutdrag", "Minnesanteckningar".
_MINUTES_TITLE = re.compile(
    rf"^(?:{alternation(MINUTES_TITLES[:1])}|{_PROTOCOL}(?:{PROTOCOL_EXTRACT_SUFFIX})?"
    rf"|{alternation((*MINUTES_TITLES[1:], NOTES_TITLE))})\b",
    re.IGNORECASE,
)
_AGENDA_TITLE = re.compile(rf"^(?:{alternation(AGENDA_TITLES)})\b", re.IGNORECASE)
# A title word anywhere in the opening lines (inside a long line of PDF text too): capitalised or in
# capitals, a compound ending in "protokoll" included ("Direktionsprotokoll", "SAMMANTRÄDESPROTOKOLL").
# Group 1 is a minutes word, group 2 an agenda word.
_MINUTES_WORDS = alternation((*MINUTES_TITLES, PROTOCOL_WORD.capitalize()))
_AGENDA_WORDS = alternation(AGENDA_TITLES)
_TITLE_WORD = re.compile(
    rf"(?<![\wåäöÅÄÖ])(?:((?:{_MINUTES_WORDS})|[A-ZÅÄÖ][a-zåäö]+{PROTOCOL_WORD}|[A-ZÅÄÖ]*{PROTOCOL_WORD.upper()}"
    rf"|{_MINUTES_WORDS.upper()})|((?:{_AGENDA_WORDS})|{_AGENDA_WORDS.upper()}))(?![\wåäöÅÄÖ])"
)
_MINUTES_MARKER = re.compile(rf"(?<![\wåäöÅÄÖ])(?:{alternation(MINUTES_MARKERS)})(?![\wåäöÅÄÖ])")
OPENING_LINES = 5
OPENING_CHARS = 400
# Counted over the lowercased full text; the word boundary or line start before a match is
# checked in _count. Group 1, the label "beslut:", counts only at a line start.
_DECIDED = re.compile(rf"(?:{alternation(DECIDED_VERBS)}|({DECISION_LABEL.lower()}))\s*:")
_PROPOSED = re.compile(
    rf"({alternation([PROPOSAL_HEADING.lower()])})|{PRESENT_DECIDING_VERB}\s*:?\s*$", re.MULTILINE
)
_OPENER_SUBJECT = re.compile(
    rf"^([A-ZÅÄÖ][\wåäöÅÄÖ]*(?:\s[\wåäöÅÄÖ]+)?)\s+(?:{alternation(DECIDING_VERBS)})\s*:?\s*$", re.MULTILINE
)
_GENERIC_SUBJECTS = frozenset(GENERIC_SUBJECTS)
_BODY_WORD = re.compile(rf"^[A-ZÅÄÖ][\wåäö-]*(?:{alternation(BODY_WORDS)})\b")
ADJACENT_LINES = 4
# A label inside a header line whose line breaks were lost (PDF text):
# "Minnesanteckningar Foo Datum: 2023-11-15 Dnr: HSN 2023/78".
_INLINE_LABEL = re.compile(
    rf"\s(?=(?:{_LABELS})\.?\s*:|{DOCUMENT_DATE_LABEL}\s+\d|(?:{alternation(COMBINED_LABELS)})\s+[A-ZÅÄÖ0-9])"
)


# Where a header field's value ends when the line goes on (PDF text): at the next label.
_FIELD_END = re.compile(
    rf"\s(?:{alternation((*PRESENT_LABELS, *ABSENT_LABELS, *ROLE_LABELS, *HEADER_FIELD_LABELS))})(?![\wåäöÅÄÖ])"
)
_PLACE_END = re.compile(rf"[\s,]+(?:{CLOCK_WORD_IN_FULL}|{CLOCK_WORD}\.?)(?:\s|$).*$", re.IGNORECASE)


def field_value(value: str) -> str:
    """A label's value up to the next label in the same line ("Borås, kl Beslutande Anna Berg …")."""
    match = _FIELD_END.search(value)
    return value[: match.start()].strip() if match else value


def _place_value(value: str) -> str | None:
    """A place's value without what follows it: the next label, the time."""
    place = _PLACE_END.sub("", field_value(value)).strip(" ,")
    return place or None


@dataclass
class Header:
    body: str | None = None
    kind: str = AGENDA
    meeting_date: date | None = None
    document_date: date | None = None
    start_time: time | None = None
    end_time: time | None = None
    location: str | None = None
    registry_number: str | None = None
    warnings: list[str] = field(default_factory=list)


def read_header(header_lines: list[Line], full_text: str, gazetteer: Gazetteer) -> Header:
    """Read the header lines before the first item, using the full text for year and kind clues."""
    header = Header()
    header.kind = document_kind(header_lines, full_text)
    header.body = body_name(header_lines, full_text, gazetteer)
    header.registry_number = _registry(header_lines)
    _read_labels(header, header_lines, full_text)
    return header


def document_kind(header_lines: list[Line], full_text: str) -> str:
    """Minutes when the text records decisions ("beslutade:", "Minnesanteckningar"), else agenda."""
    for line in header_lines:
        if _MINUTES_TITLE.match(line.text):
            return MINUTES
        if _AGENDA_TITLE.match(line.text):
            return AGENDA
    # The raw text: cleaning drops "PROTOKOLL 2(6)" as page furniture.
    opening = [text[:OPENING_CHARS] for text in full_text[: OPENING_LINES * OPENING_CHARS * 2].splitlines()
               if text.strip()][:OPENING_LINES]
    for text in opening:
        word = _TITLE_WORD.search(text)
        if word:
            return MINUTES if word.group(1) else AGENDA
    if any(_MINUTES_MARKER.search(text) for text in opening):
        return MINUTES
    lowered = full_text.lower()
    decided, proposed = _count(_DECIDED, lowered), _count(_PROPOSED, lowered)
    return MINUTES if decided > proposed else AGENDA


def _count(pattern: re.Pattern, lowered: str) -> int:
    """Matches that start a word; those with group 1 must also start a line."""
    count = 0
    for match in pattern.finditer(lowered):
        start = match.start()
        before = lowered[start - 1] if start else "\n"
        if match.group(1) is not None:
            count += before == "\n"
        else:
            count += not (before.isalnum() or before == "_")
    return count


def body_name(header_lines: list[Line], full_text: str, gazetteer: Gazetteer) -> str | None:
    """The body's full name: "<Name> (<short>, <abbr>)", a known short name, or the deciding subject."""
    joined = " ".join(l.text for l in header_lines if l.text)
    texts = [l.text for l in header_lines if l.text]
    for text, following in zip(texts, texts[1:] + [""]):
        for candidate in (text, f"{text} {following}"):
            match = _BODY_WITH_ALIASES.match(candidate)
            if (
                match
                and _are_aliases(match.group("aliases"))
                and ":" not in match.group("name")
                and not _is_person(match.group("name"), gazetteer)
            ):
                name = match.group("name").strip(" ,")
                return gazetteer.canonical_body(name) or name
    known = _known_body(joined, gazetteer)
    if known:
        return known
    notice = _body_in_notice(full_text)
    if notice:
        return gazetteer.canonical_body(notice) or notice
    for line in header_lines:
        title = _TITLE_LINE.match(line.text)
        if title:
            body = _body_from_title(title.group("body"))
            if body:
                return gazetteer.canonical_body(body) or body
        if _names_body(line.text):
            return line.text.strip(" ,")
    known = _known_body(full_text, gazetteer)
    if known:
        return known
    subjects = [s for s in _OPENER_SUBJECT.findall(full_text) if s.lower() not in _GENERIC_SUBJECTS]
    if subjects:
        subject = Counter(subjects).most_common(1)[0][0]
        return gazetteer.canonical_body(subject) or subject
    return None


# The notice of adjusted minutes names the body: "Organ: X", "Beslutsinstans: X", "Organ och §§: X".
_NOTICE_BODY = re.compile(
    rf"\b(?:{alternation(NOTICE_BODY_LABELS)})(?:\s+och\s+§§)?\s*:?\s*\n?\s*(?P<value>[A-ZÅÄÖ][^:\n]{{2,90}}?)"
    rf"\s*(?=\s(?:{alternation(NOTICE_FIELD_LABELS)})\b|\s:|\n|$)"
)
_NOTICE_LABEL_START = re.compile(rf"^(?:{alternation(NOTICE_FIELD_LABELS)})\b")


def _body_in_notice(full_text: str) -> str | None:
    """The body a notice of the minutes names; "Exempelby kommun, Socialnämnden" → "Socialnämnden,
    Exempelby kommun" (the body first, its organisation after)."""
    match = _NOTICE_BODY.search(full_text)
    if not match or _NOTICE_LABEL_START.match(match.group("value")):
        return None
    value = match.group("value").strip(" ,")
    organization, _, body = value.partition(", ")
    if body and organization.split()[-1].lower() in ORGANIZATION_TAILS:
        return f"{body}, {organization}"
    return value


def _known_body(text: str, gazetteer: Gazetteer) -> str | None:
    """The body whose name or alias the text mentions, the longest alias first."""
    lowered = text.lower()
    aliases = gazetteer.body_aliases
    for alias in sorted(aliases, key=len, reverse=True):
        if alias in lowered and re.search(rf"(?<![\wåäö]){re.escape(alias)}(?![\wåäö])", lowered):
            return aliases[alias]
    return None


_MEETING_WORD = re.compile(rf"(?:s)?\s+(?:{alternation(MEETING_WORDS)})\b.*$", re.IGNORECASE)
_TRAILING_DATE = re.compile(r"[\s,–-]+\d.*$")
_NOT_IN_BODY_NAME = frozenset(NOT_IN_BODY_NAME)


def _body_from_title(text: str) -> str | None:
    """The body in a title: "Socialchefsnätverkets möte 2022-11-10" -> "Socialchefsnätverket"."""
    text = _TRAILING_DATE.sub("", text.strip())
    text = _MEETING_WORD.sub("", text).strip(" ,-–")
    return text if len(text) > 3 else None


def _names_body(text: str) -> bool:
    """A short header line naming a body: "Socialnämnden", "Kommunala pensionärsrådet"."""
    words = text.split()
    if not words or len(words) > 6 or ":" in text:
        return False
    if _BODY_WORD.search(text):  # opens with the body word: "Länsnätverket för …"
        return True
    if len(words) > 4 or not text[0].isupper() or any(c.isdigit() for c in text):
        return False
    if any(word.lower() in _NOT_IN_BODY_NAME for word in words):
        return False
    return bool(_BODY_WORD.match(words[-1].capitalize()))


def _is_person(text: str, gazetteer: Gazetteer) -> bool:
    name, rest = split_name(text.strip(" ,"), gazetteer)
    return bool(name) and not rest


def _are_aliases(text: str) -> bool:
    """Short names and abbreviations, not a page count ("(19)")."""
    return all(len(part.split()) <= 2 for part in text.split(",")) and "=" not in text and not text.strip().isdigit()


def _registry(header_lines: list[Line]) -> str | None:
    for line in header_lines:
        match = _REGISTRY.search(line.text)
        if match:
            return match.group(1).strip()
        label = _LABEL.match(line.text)
        if label and label.group("label").lower().startswith(_REGISTRY_NAMES) and label.group("value"):
            return label.group("value").strip()
    return None


def _read_labels(header: Header, lines: list[Line], full_text: str) -> None:
    datum: list[tuple[Line, PartialDate]] = []
    meeting: list[tuple[Line, PartialDate]] = []
    time_lines: list[Line] = []
    place_lines: list[Line] = []
    document_header: set[int] = set()  # ids of "Datum:" lines that date the document, not the meeting
    lines = _split_inline_labels(lines)
    for position, line in enumerate(lines):
        label = _LABEL.match(line.text)
        name = label.group("label").lower() if label else ""
        value = field_value(_LEADING_LABELS.sub("", label.group("value").strip())) if label else ""
        if " och " in name and _PLACE_WORD in name:  # "Plats och tid:", "Tid och plats:", "Datum, tid och plats:"
            time_lines.append(line)
            _read_times(header, line, value)
            meeting += [(line, d) for d in find_dates(value, compact=False)[:1]]
            if not header.location:
                header.location = _place_in(value)
        elif name.startswith((*_TIME_NAMES, f"{_DATE_NAME} och")):
            time_lines.append(line)
            if not value and label.group(0).strip().lower() in _TIME_NAMES:  # "Tid" / "14:00"
                value = _next_value(lines, position)
            _read_times(header, line, value)
            meeting += [(line, d) for d in find_dates(value, compact=False)[:1]]
        elif name in _MEETING_DATE_NAMES:
            meeting += [(line, d) for d in find_dates(value)[:1]]
            _read_times_beside_date(header, value)
        elif name == _DATE_NAME:
            found = find_dates(value)
            if found:
                datum.append((line, found[0]))
                if _dates_document(lines, position):
                    document_header.add(id(line))
                _read_times_beside_date(header, value)
            else:
                header.warnings.append(f"rad {line.number}: datumet kunde inte läsas: {value[:40]!r}")
        elif name in _PLACE_NAMES:
            place_lines.append(line)
            if not value and label.group(0).strip().lower() in _PLACE_NAMES:  # "Plats" / "Rådhuset"
                value = _next_value(lines, position)
            if value and not header.location:
                header.location = _place_value(value)
        elif not label and (_is_title_with_date(line.text) or _is_date_line(line.text)):
            # "Minnesanteckningar från … möte 2022-11-10"
            meeting += [(line, d) for d in find_dates(line.text, compact=False)[:1]]
            _read_times_beside_date(header, line.text)
    if not meeting and not datum:
        meeting = _date_in_running_text(lines)
    _assign_dates(header, datum, meeting, time_lines + place_lines, document_header, full_text)


# "… beslutsgruppsmöte den 3 oktober 1997", "Dag tisdagen den 12 juni 2012": a date in running text.
_DATE_ARTICLE = re.compile(rf"\b{DATE_ARTICLE}\s+(?=\d{{1,2}}\s+[a-zåäö])", re.IGNORECASE)
DATE_REACH = 30


def _date_in_running_text(lines: list[Line]) -> list[tuple[Line, PartialDate]]:
    """Without a labelled date, the first date written "den 3 oktober 1997" in the header."""
    for line in lines:
        for match in _DATE_ARTICLE.finditer(line.text):
            found = find_dates(line.text[match.end():match.end() + DATE_REACH], compact=False)
            if found:
                return [(line, found[0])]
    return []


def _next_value(lines: list[Line], position: int) -> str:
    """The value under a label alone on its line, unless that line is a label of its own."""
    following = next((l.text for l in lines[position + 1:position + 3] if l.text), "")
    return "" if not following or _LABEL.match(following) else field_value(following)


def _split_inline_labels(lines: list[Line]) -> list[Line]:
    """Header lines cut where a label starts inside them ("… Datum: 2023-11-15 Dnr: HSN 2023/78")."""
    result = []
    for line in lines:
        if (":" in line.text or DOCUMENT_DATE_LABEL in line.text or " och " in line.text) and _INLINE_LABEL.search(
            line.text
        ):
            result += [Line(line.number, part) for part in _INLINE_LABEL.split(line.text) if part]
        else:
            result.append(line)
    return result


def _dates_document(lines: list[Line], position: int) -> bool:
    """A "Datum:" of the document header: directly followed by the registry number or under the title."""
    following = next((l.text for l in lines[position + 1:] if l.text), "")
    previous = next((l.text for l in reversed(lines[:position]) if l.text), "")
    label = _LABEL.match(following)
    if label and label.group("label").lower().startswith(_REGISTRY_NAMES):
        return True
    return bool(_MINUTES_TITLE.match(previous) or _AGENDA_TITLE.match(previous))


def _read_times(header: Header, line: Line, value: str) -> None:
    start, end = parse_time_range(value)
    if start is None and value:
        header.warnings.append(f"rad {line.number}: tiden kunde inte läsas: {value[:40]!r}")
    if header.start_time is None:
        header.start_time, header.end_time = start, end


def _read_times_beside_date(header: Header, value: str) -> None:
    """Times written on a date line ("Tisdag den 14 mars 2023 kl. 13.00–15.30"); silent when absent."""
    if header.start_time is None and (CLOCK_WORD in value or "-" in value or "–" in value or UNTIL_WORD in value):
        start, end = parse_time_range(value)
        if start is not None:
            header.start_time, header.end_time = start, end


# Where a date or weekday starts in a "Plats och tid" value: "Rådhuset Måndagen den 18 juni 2018 kl 18".
_DATE_START = re.compile(
    rf"(?<![\wåäö])(?:(?:{alternation(WEEKDAYS)})(?:en|ar)?\b|\d{{1,2}}\s+(?:{alternation(MONTHS)})\b|\d{{4}}-\d{{2}}-\d{{2}}\b)",
    re.IGNORECASE,
)
# A flattened label column before the value: "Plats och tid Beslutande Övriga deltagande Rådhuset, …".
_LEADING_LABELS = re.compile(rf"^(?:(?:{alternation((*PRESENT_LABELS, *ABSENT_LABELS))})\s+)+(?=[A-ZÅÄÖ])")
_PLACE_STOP = re.compile(rf"\s(?:{alternation(PLACE_STOP_WORDS)})\b.*$")


def _place_in(value: str) -> str | None:
    """The place in a "Plats och tid" value: what is left without weekday, date and times; when the place
    comes first, it ends where the date starts."""
    value = _PLACE_STOP.sub("", _LEADING_LABELS.sub("", value))
    start = _DATE_START.search(value)
    if start and start.start() > 0 and any(c.isalpha() for c in value[: start.start()]):
        value = value[: start.start()].rstrip(" ,")
    text = remove_weekdays(remove_times(remove_dates(value)))
    parts = [" ".join(p.split()) for p in re.split(r"[,;]", text)]
    place = ", ".join(p for p in parts if p.strip(" .-–"))
    return _place_value(place) if place else None


def _is_title_with_date(text: str) -> bool:
    return bool(_MINUTES_TITLE.match(text) or _AGENDA_TITLE.match(text)) and bool(find_dates(text, compact=False))


_DATE_LINE_FILLER = re.compile(rf"[\d\s.,:–-]|{CLOCK_WORD}\.?", re.IGNORECASE)


def _is_date_line(text: str) -> bool:
    if len(text) > 60 or ":" in text.split(" ")[0]:
        return False
    dates = find_dates(text, compact=False)
    if not dates:
        return False
    leftover = remove_weekdays(text)
    return len(_DATE_LINE_FILLER.sub("", leftover)) <= 16


def _assign_dates(header, datum, meeting, anchors, document_header, full_text) -> None:
    """Meeting date from a meeting line; else from the "Datum:" closest to "Tid:"/"Plats:" that does not
    date the document (under the title, above the registry number); the other "Datum:" dates the document."""
    if not meeting:
        near = []
        for line, d in datum:
            distance = min((abs(line.number - a.number) for a in anchors), default=ADJACENT_LINES + 1)
            if distance <= ADJACENT_LINES:
                near.append((id(line) in document_header, distance, -line.number, (line, d)))
        if near:
            meeting = [min(near, key=lambda entry: entry[:3])[3]]
    if not meeting and datum:
        meeting = datum[-1:]
    document = [(line, d) for line, d in datum if (line, d) not in meeting]
    if document:
        header.document_date = _complete(document[0], None, header, full_text)
    if meeting:
        header.meeting_date = _complete(meeting[0], header.document_date, header, full_text)
    if header.document_date == header.meeting_date:
        header.document_date = None


def _complete(found: tuple[Line, PartialDate], before: date | None, header: Header, full_text: str) -> date | None:
    line, partial = found
    if partial.year:
        return partial.complete()
    if before:
        same_year = partial.with_year(before.year)
        if same_year and same_year <= before:
            return same_year
        return partial.with_year(before.year - 1)
    resolved = infer_year(partial, referenced_dates(full_text), _registry_years(header) + years_in(full_text))
    if resolved is None:
        header.warnings.append(f"rad {line.number}: året för mötesdatumet gick inte att avgöra")
    return resolved


def _registry_years(header: Header) -> list[int]:
    if not header.registry_number:
        return []
    match = _REGISTRY_YEAR.search(header.registry_number)
    if not match:
        return []
    year = int(match.group(1))
    return [year if year > 100 else 2000 + year]
