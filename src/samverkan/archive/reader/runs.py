"""Attendance in text whose line breaks were lost: runs of names after a label, split into people by form.

A page of PDF text holds the attendance table as one run: "Beslutande Anna Berg (S) ordförande Per Ek (M)
Ersättare Eva Lund (S) Övriga Karin Holm, ekonom …". The run starts at a label of those present (any of
them, also mid-line), stops at those absent ("Frånvarande", until the next label of those present), and ends
at the signature block, the registry furniture or the end of the page. Inside it, people are told apart by
their form: a party in parentheses, a comma, an acronym ("PRO"), a lower-case word (a title) or a place
ends a name; a run of capitalised words with nothing between ("Anna Berg Per Ek") is two-word names, the
last one of three when the count is odd. "X ersätter Y", "(ers Y)", "ersättare för Y": Y is not there.
"""

from __future__ import annotations

import re
from collections import Counter

from samverkan.language.gazetteer import Gazetteer, reference
from samverkan.language.lexicon import (
    ABSENT_LABELS,
    CONTACT_WORDS,
    PRESENT_LABELS,
    RUN_OTHERS_LABEL,
    RUN_STOP_WORDS,
    STANDING_IN_WORDS,
)
from samverkan.language.patterns import alternation

from .document import Attendee
from .people import fix_glued_letter, is_name_token

_PRESENT_LABEL = alternation((*PRESENT_LABELS, RUN_OTHERS_LABEL))
_ABSENT_LABEL = alternation(ABSENT_LABELS)
_STOP = alternation((*RUN_STOP_WORDS, *(word.capitalize() for word in CONTACT_WORDS)))
# Labels are capitalised words of their own: "Beslutande", "Övriga deltagande:", "Frånvarande".
_MARK = re.compile(
    rf"(?<![\wåäöÅÄÖ-])(?:(?P<present>{_PRESENT_LABEL})|(?P<absent>{_ABSENT_LABEL})|(?P<stop>{_STOP}))"
    r"(?![\wåäöÅÄÖ-])\s*:?"
)
_STANDING_IN = re.compile(rf"\(?(?<![\wåäöÅÄÖ])(?:{alternation(STANDING_IN_WORDS)})\.?(?=\s)", re.IGNORECASE)
_PARENTHESES = re.compile(r"\([^()]{0,60}\)")
_BROKEN_PARTY = re.compile(r"\([A-Za-zåäöÅÄÖ]{1,4}\b,?")
_SEPARATORS = re.compile(r"[,;/]|\.(?=\s|$)|\s[-–]\s|\.{2,}|…")
_INITIAL = re.compile(r"^[A-ZÅÄÖ]$")
_ABSENT_MARK = "\u00ac"  # stands for "ersätter"/"ers": the next person is not there
_SEPARATOR_MARK = ";"
MIN_NAMES = 3  # fewer names after a label is no attendance run


def read_runs(text: str, gazetteer: Gazetteer) -> list[Attendee]:
    """The people of every attendance run in a page of flattened text, in order."""
    people: list[Attendee] = []
    position, present = 0, False
    for match in _MARK.finditer(text):
        if present:
            people += _people(text[position:match.start()], gazetteer)
        present = match.group("present") is not None
        position = match.end()
    if present:
        people += _people(text[position:], gazetteer)
    return people if len(people) >= MIN_NAMES else []


def _people(text: str, gazetteer: Gazetteer) -> list[Attendee]:
    text = _STANDING_IN.sub(f" {_ABSENT_MARK} ", text)
    for _ in range(2):  # "(ers Per Ek (M))": the inner parentheses first
        text = _PARENTHESES.sub(f" {_SEPARATOR_MARK} ", text)
    text = _BROKEN_PARTY.sub(f" {_SEPARATOR_MARK} ", text)
    text = _SEPARATORS.sub(f" {_SEPARATOR_MARK} ", text)
    runs: list[tuple[list[str], bool]] = []  # each run of name words, and whether it opens with an absent person
    run: list[str] = []
    absent_next = False
    for token in [*text.split(), _SEPARATOR_MARK]:
        word = fix_glued_letter(token)
        if is_name_token(word, gazetteer) or (run and _INITIAL.match(word)):
            run.append(word)
            continue
        if run:
            runs.append((run, absent_next))
            absent_next = False
        run = []
        if token == _ABSENT_MARK:
            absent_next = True
    # "Anna Berg, Mora Per Ek, Mora": a word that opens two or more odd runs is a place, the previous
    # person's, written after a comma (the document teaches its places).
    openers = Counter(words[0] for words, _ in runs if len(words) % 2)
    places = {word for word, count in openers.items() if count >= 2}
    # "Anna Berg, (s), Mora Per Ek, (s), Leksand Eva Lund …": when most runs have three words, each after
    # the first opens with the previous person's place (a real three-word name is the exception).
    threes = [words for words, _ in runs[1:] if len(words) == 3]
    if len(threes) >= MIN_NAMES and len(threes) * 2 > len(runs):
        places |= {words[0] for words in threes}
    people: list[Attendee] = []
    for words, absent in runs:
        names = _split_run(words, places)
        people += [Attendee(name) for name in (names[1:] if absent else names)]
    return people


def _split_run(run: list[str], places: set[str]) -> list[str]:
    """Capitalised words with nothing between them: two-word names, the last of three when odd; a place
    that opens a run of three is the previous person's ("Mora Anna Berg")."""
    while run and (_INITIAL.match(run[-1]) or run[0] in places or _is_place(run[0])):
        run = run[:-1] if _INITIAL.match(run[-1]) else run[1:]
    if len(run) < 2:
        return []
    sizes = [2] * (len(run) // 2)
    if len(run) % 2:
        sizes[-1] = 3
    names, start = [], 0
    for size in sizes:
        names.append(" ".join(run[start:start + size]))
        start += size
    return names


def _is_place(word: str) -> bool:
    """A municipality of Sweden's reference list, or its genitive ("Moras")."""
    names = reference().municipality_names
    return word in names or (word.endswith("s") and word[:-1] in names)
