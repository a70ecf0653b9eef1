"""Build items from headings: titles, types, presenters, attachments, clauses and running text."""

from __future__ import annotations

import re

from samverkan.language.gazetteer import Gazetteer
from samverkan.language.items import DECISION, INFORMATION, item_type, without_type_word
from samverkan.language.lexicon import (
    ATTACHMENT_ABBREVIATION,
    ATTACHMENT_LABEL,
    ATTACHMENT_WORDS,
    DEFINITE_ENDINGS,
    ITEM_COLUMN_WORDS,
    PRESENTER_LABELS,
    PRESENTER_PHRASES_BEFORE,
    PRESENTER_VERBS_AFTER,
    REGISTRY_LABELS,
    SECTION_TYPES,
)
from samverkan.language.patterns import alternation

from .clauses import is_block_opener, is_clause_line, read_clauses
from .document import Item, Presenter
from .headings import Heading
from .lines import Line
from .people import looks_like_people_line, parse_people, reads_as_prose, split_name, starts_with_name
from .vocabulary import is_title_word

# documents.layout imports item_type from here; it lives in samverkan.language.items.
__all__ = ["attachments_in", "build_items", "clean_title", "item_type"]

_ATTACHMENT_WORD = rf"(?:{alternation(ATTACHMENT_WORDS)}|{ATTACHMENT_ABBREVIATION}\.?)"
_ATTACHMENT = re.compile(
    rf"\b{_ATTACHMENT_WORD}\s*(\d{{1,3}}(?:\s*(?:,|och|&|-|–)\s*\d{{1,3}})*)(?!\s*§)", re.IGNORECASE
)
_TRAILING_ATTACHMENT = re.compile(
    rf"[\s,;–-]*\(?\b{_ATTACHMENT_WORD}\s*\d{{1,3}}(?:\s*(?:,|och|&|-|–)\s*\d{{1,3}})*\)?\s*$",
    re.IGNORECASE,
)
# A registry column's label left at the end of a title by a flattened table ("1 Upprop Dnr").
# … and a registry column's value with the initials beside it: "… AU RD 2015/79", "… BUN 2018/41".
_TRAILING_COLUMN_LABEL = re.compile(
    rf"\s+(?:{alternation(REGISTRY_LABELS)})$|(?:\s+[A-ZÅÄÖ]{{2,5}})*\s+[A-ZÅÄÖ]{{1,6}}\s?\d{{4}}[/:-]\d{{1,4}}$"
)
_ATTACHMENT_GATE = (ATTACHMENT_ABBREVIATION.lower(), ATTACHMENT_ABBREVIATION, ATTACHMENT_ABBREVIATION.upper())
# "Föredragande: …" or "Föredragande Anna Berg"; not "Föredragande rapporterade om …" (a sentence).
_PRESENTER_LABEL = re.compile(
    rf"^(?i:{alternation(PRESENTER_LABELS)})(?:\s*:\s*(.*)|\s+([A-ZÅÄÖÉ(].*)|\s*)$"
    rf"|^(?i:{alternation(PRESENTER_PHRASES_BEFORE)})\s*:?\s+([A-ZÅÄÖÉ].*)$"
)
# "Anna Berg, ekonom, informerar …", "Förvaltningschef Per Ek och controller Eva Lund föredrar ärendet".
_PRESENTER_VERB = re.compile(rf"^([A-ZÅÄÖÉ][^.!?:]{{3,150}}?),?\s+(?:{alternation(PRESENTER_VERBS_AFTER)})\b")
_FROM_ORGANIZATION = re.compile(r"\s+från\s+")
_INLINE_PRESENTER = re.compile(rf"\s+(?:{alternation(PRESENTER_LABELS[:2])})\s*:\s*(.*)$")
_TERMINAL = (".", "!", "?")


def build_items(
    lines: list[Line], headings: list[Heading], kind: str, gazetteer: Gazetteer
) -> tuple[list[Item], list[str]]:
    """Items with subitems from the headings, reading each item's body up to the next heading."""
    items: list[Item] = []
    warnings: list[str] = []
    heading_texts: dict[int, str] = {}
    sections: dict[int, str] = {}
    section = _section_in(lines[: headings[0].start]) if headings else None
    presenter_column = any(_PRESENTER_COLUMN.search(line.text) for line in lines)
    bodies: list[tuple[Item, list[Line]]] = []
    for position, heading in enumerate(headings):
        end = headings[position + 1].start if position + 1 < len(headings) else len(lines)
        item = _read_item(heading, lines[heading.end:end], kind, warnings, gazetteer)
        if presenter_column:
            _presenters_from_column(item, gazetteer)
        bodies.append((item, [Line(0, heading.text), *lines[heading.end:end]]))
        heading_texts[id(item)] = heading.text
        if section:
            sections[id(item)] = section
        section = _section_in(lines[heading.end:end]) or section
        if heading.level == 0 or not items:
            items.append(item)
        else:
            items[-1].subitems.append(item)
    _place_closing_attachments(bodies)
    for item in items:
        _lift_trailing_block(item)
        _assign_types(item, heading_texts)
        heading = heading_texts[id(item)]
        if id(item) in sections and item.type in (DECISION, INFORMATION) and without_type_word(heading) == heading:
            item.type = SECTION_TYPES[sections[id(item)]]
    return items, warnings


# A table of items with a presenter column: "Ärende/Föredragande", "Ärende Föredragande".
_PRESENTER_COLUMN = re.compile(rf"\b(?:{alternation(ITEM_COLUMN_WORDS)})\s*/?\s*(?:{alternation(PRESENTER_LABELS)})\b")


def _presenters_from_column(item: Item, gazetteer: Gazetteer) -> None:
    """Under a presenter column, the names that end a title are its presenters ("Information GDPR Hans
    Magnusson", "… Catharina Pålsson, Anna Frank", "… Cecilia Palmqvist och Louice MacDonald")."""
    words = item.title.split()
    found = []
    for start in range(1, len(words) - 1):
        segments = [part for part in re.split(r",\s*|\s+och\s+", " ".join(words[start:])) if part]
        if all(_is_whole_name(part, gazetteer) for part in segments):
            found.append((start, segments))
    if not found:
        return
    # "… i samarbete med Eslöv Catharina Pålsson": a place or a word of the title may look like a first
    # name; two-word names are the common case, so the latest start whose first name has two words wins.
    two_words = [(start, segments) for start, segments in found if len(segments[0].split()) == 2]
    start, segments = two_words[0] if two_words else found[0]
    item.title = " ".join(words[:start]).rstrip(" ,")
    item.presenters = [Presenter(part, None) for part in segments]


_INITIAL = re.compile(r"\s[A-ZÅÄÖ]\s")


def _is_whole_name(text: str, gazetteer: Gazetteer) -> bool:
    """Two or three name words ("Anna Berg", "Anna V Svensson" with an initial), nothing else."""
    name, rest = split_name(_INITIAL.sub(" ", text, count=1), gazetteer)
    return name is not None and not rest and len(name.split()) <= 3


# "Bilaga 1: Länsstyrelsens nya beredskapsdokument / Daniel Landin" in a closing list of papers.
_CLOSING_ATTACHMENT = re.compile(
    rf"\b{_ATTACHMENT_WORD}\s*(\d{{1,3}})\s*[:.–-]\s*(.{{8,}}?)(?:\s+/\s+.*)?$", re.IGNORECASE
)


def _place_closing_attachments(bodies: list[tuple[Item, list[Line]]]) -> None:
    """A list of attachments after the last item ("Presentationer • Bilaga 1: Titel") belongs, label by
    label, to the item whose heading or text names the attachment's title."""
    if len(bodies) < 2:
        return
    last, closing = bodies[-1]
    for line in closing[1:]:
        match = _CLOSING_ATTACHMENT.search(line.text)
        if not match:
            continue
        label, title = f"{ATTACHMENT_LABEL} {match.group(1)}", match.group(2).strip(" .").lower()
        for item, body in bodies[:-1]:
            if any(title in other.text.lower() for other in body):
                if label in last.attachments:
                    last.attachments.remove(label)
                if label not in item.attachments:
                    item.attachments.append(label)
                break


def clean_title(text: str) -> str:
    """The heading without type word, trailing attachment reference or dangling comma."""
    text = " ".join(text.split())
    text = without_type_word(text)
    text = _TRAILING_ATTACHMENT.sub("", text)
    text = _TRAILING_COLUMN_LABEL.sub("", text)
    return text.rstrip(" ,;")


def attachments_in(text: str) -> list[str]:
    """Attachment labels ("Bilaga 3") mentioned in the text, in order, each once."""
    labels: list[str] = []
    if not any(word in text for word in _ATTACHMENT_GATE):
        return labels
    for match in _ATTACHMENT.finditer(text):
        for number in _numbers(match.group(1)):
            label = f"{ATTACHMENT_LABEL} {number}"
            if label not in labels:
                labels.append(label)
    return labels


def _section_in(lines: list[Line]) -> str | None:
    """The last section heading ("BESLUTSÄRENDEN", "Informationsärenden:") among the lines."""
    found = None
    for line in lines:
        key = line.text.strip(" :").lower()
        if key in SECTION_TYPES:
            found = key
    return found


def _read_item(heading: Heading, body: list[Line], kind: str, warnings: list[str], gazetteer: Gazetteer) -> Item:
    heading_text, inline_presenters = _split_inline_presenters(heading.text)
    presenter_text, presenter_indexes = _presenter_block(body, gazetteer)
    if inline_presenters:
        presenter_text = f"{inline_presenters}, {presenter_text}" if presenter_text else inline_presenters
    rest = [Line(l.number, "") if i in presenter_indexes else l for i, l in enumerate(body)]
    clauses = read_clauses(rest, kind)
    warnings.extend(clauses.warnings)
    running = [l for i, l in enumerate(rest) if i not in clauses.used]
    item = Item(
        number=heading.number,
        title=clean_title(heading_text),
        presenters=[Presenter(p.name, p.title) for p in parse_people(presenter_text, gazetteer)],
        attachments=attachments_in(" ".join([heading_text] + [l.text for l in body])),
        proposals=clauses.proposals,
        decisions=clauses.decisions,
        text=_paragraphs(running),
        line=heading.line_number,
    )
    if presenter_text and not item.presenters:
        warnings.append(f"rad {heading.line_number}: föredragande kunde inte läsas: {presenter_text[:60]!r}")
    _add_listed_presenters(item, body, gazetteer)
    return item


# A point of an agenda item with its presenter after a slash: "• Ny plan för X / Eva Lund, Region X".
_LISTED_PRESENTER = re.compile(r"^[•\-–*·]\s*\S.*?\s/\s*([A-ZÅÄÖÉ].*)$")


def _add_listed_presenters(item: Item, body: list[Line], gazetteer: Gazetteer) -> None:
    names = {p.name for p in item.presenters}
    for line in body:
        match = _LISTED_PRESENTER.match(line.text)
        if not match or _CLOSING_ATTACHMENT.search(line.text):
            continue  # a closing list of attachments names who made them, not who presents here
        if not starts_with_name(match.group(1).split(",")[0], gazetteer):
            continue
        for person in parse_people(_one_person_then_title(match.group(1)), gazetteer):
            if person.name not in names:
                names.add(person.name)
                item.presenters.append(Presenter(person.name, person.title))


def _split_inline_presenters(text: str) -> tuple[str, str]:
    match = _INLINE_PRESENTER.search(text)
    if not match:
        return text, ""
    return text[: match.start()], match.group(1)


def _presenter_block(body: list[Line], gazetteer: Gazetteer) -> tuple[str, set[int]]:
    """Text of the "Föredragande:" block (or a name-and-title line under the heading) and its indexes."""
    first = next((i for i, l in enumerate(body) if not l.blank), None)
    if first is not None:
        narrative = _narrative_presenters(body[first].text, gazetteer)
        if narrative:
            return narrative, set()  # the sentence stays the item's text
    for index, line in enumerate(body):
        label = _PRESENTER_LABEL.match(line.text)
        unlabeled = index == first and looks_like_people_line(line.text, gazetteer)
        if label or unlabeled:
            start_text = (label.group(1) or label.group(2) or label.group(3) or "") if label else line.text
            text, used = _continue_presenters(body, index, start_text, gazetteer)
            if unlabeled and not label and reads_as_prose(text, gazetteer):
                continue  # a sentence that starts with names, wrapped over lines
            if label and label.group(3):  # "Information av Eva Lund, Exempelby kommun": one person, then who she is
                text = _one_person_then_title(text)
            return text, used
    return "", set()


def _one_person_then_title(text: str) -> str:
    """After "Information av", what follows a name's comma describes that person (until "och"): a title
    is kept, an organisation ("North Sweden Office", which may look like a name) is not."""
    people = []
    for person in re.split(r"\s+(?:och|samt)\s+", text.rstrip(" .")):
        name, *rest = [part.strip() for part in person.split(",")]
        titles = [part for part in rest if part and is_title_word(part.split()[0])]
        people.append(", ".join([name, *titles]))
    return " och ".join(people)


def _narrative_presenters(text: str, gazetteer: Gazetteer) -> str:
    """The people of a narrative line that opens an item: "Anna Berg, ekonom, informerar om …",
    "Förvaltningschef Per Ek och controller Eva Lund föredrar ärendet", "X från Y informerar"."""
    match = _PRESENTER_VERB.match(text)
    if not match:
        return ""
    people = _FROM_ORGANIZATION.sub(", ", match.group(1))
    segments = []
    for segment in re.split(r"(\s+och\s+|,\s*)", people):
        words = segment.split()
        # a title before the name: "controller Eva Lund" -> "Eva Lund, controller"
        if len(words) >= 3 and _is_title_before_name(words[0]) and starts_with_name(" ".join(words[1:]), gazetteer):
            segment = f"{' '.join(words[1:])}, {words[0]}"
        segments.append(segment)
    people = "".join(segments)
    return people if starts_with_name(people.split(",")[0], gazetteer) else ""


def _is_title_before_name(word: str) -> bool:
    """"controller", "Förvaltningschef", also in the definite form ("Socialchefen", "Ordföranden")."""
    return is_title_word(word) or any(
        word.endswith(ending) and is_title_word(word[: -len(ending)]) for ending in DEFINITE_ENDINGS
    )


def _continue_presenters(body: list[Line], index: int, text: str, gazetteer: Gazetteer) -> tuple[str, set[int]]:
    used = {index}
    position = index + 1
    after_blank = False
    while position < len(body) and len(used) < 5:
        line = body[position]
        if line.blank:
            if text.rstrip().endswith(","):
                position += 1
                after_blank = True
                continue
            break
        if after_blank and not _opens_person_or_title(line.text, gazetteer):
            break
        after_blank = False
        joiner = _presenter_joiner(text, line.text, gazetteer)
        if joiner is None:
            break
        text = f"{text}{joiner}{line.text}"
        used.add(position)
        position += 1
    return text, used


def _opens_person_or_title(text: str, gazetteer: Gazetteer) -> bool:
    return starts_with_name(text, gazetteer) or is_title_word(text.split()[0])


def _presenter_joiner(text: str, following: str, gazetteer: Gazetteer) -> str | None:
    if _PRESENTER_LABEL.match(following) or is_clause_line(following) or is_block_opener(following):
        return None
    current = text.rstrip()
    first_segment = following.split(",")[0].split()
    if current.endswith((",", " och")) or following[0].islower() or len(first_segment) == 1:
        return " "
    if starts_with_name(following, gazetteer) and not following.rstrip().endswith(_TERMINAL):
        # Without a blank line the first line of the text follows the presenters: a sentence that
        # opens with names ("Anna Berg och Per Ek föredrog ärendet och …") is no presenter line.
        return None if reads_as_prose(following, gazetteer) else ", "
    if looks_like_people_line(following, gazetteer):  # "Per Ek, Samordnare" under "Föredragande: Anna Berg, Chef"
        return ", "
    return None


def _paragraphs(lines: list[Line]) -> str:
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line.blank:
            if paragraphs[-1] and paragraphs[-1][-1].endswith(_TERMINAL + (":",)):
                paragraphs.append([])
            continue
        if is_block_opener(line.text):
            continue
        paragraphs[-1].append(line.text)
    return "\n\n".join(" ".join(p) for p in paragraphs if p)


def _lift_trailing_block(item: Item) -> None:
    """A decision block after the last subitem belongs to the parent item."""
    if not item.subitems:
        return
    last = item.subitems[-1]
    if any(s.proposals or s.decisions for s in item.subitems[:-1]):
        return
    item.proposals += [c for c in last.proposals if c not in item.proposals]
    item.decisions += [c for c in last.decisions if c not in item.decisions]
    last.proposals, last.decisions = [], []


def _assign_types(item: Item, heading_texts: dict[int, str]) -> None:
    item.type = item_type(heading_texts[id(item)], item.proposals + item.decisions)
    for subitem in item.subitems:
        _assign_types(subitem, heading_texts)


def _numbers(text: str) -> list[int]:
    numbers: list[int] = []
    for part in re.split(r"\s*(?:,|och|&)\s*", text):
        bounds = re.split(r"\s*[-–]\s*", part)
        if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit():
            low, high = int(bounds[0]), int(bounds[1])
            numbers.extend(range(low, high + 1) if 0 < high - low < 10 else [low, high])
        elif part.isdigit():
            numbers.append(int(part))
    return numbers
