"""`samverkan parse FILE [--format json|text]`: show how one meeting document is read."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from samverkan.core.errors import UserError
from samverkan.language.gazetteer import ENVIRONMENT_VARIABLE, Gazetteer, default_gazetteer

from .extract import extract_text
from .reader import Deadline, Item, Limits, MeetingDocument, read_text

_KINDS = {"agenda": "Dagordning", "minutes": "Minnesanteckningar/protokoll"}
_TYPES = {
    "procedural": "formalia", "decision": "beslut", "information": "information",
    "report": "rapport", "other_business": "övriga frågor",
}


def run_parse(argv: list[str]) -> int:
    """Run the parse command on the arguments after "parse"; return the exit code."""
    parser = argparse.ArgumentParser(prog="samverkan parse", description="Läs ett mötesdokument och visa resultatet.")
    parser.add_argument("file", type=Path, help="dokumentet (.txt, .md, .pdf, .docx)")
    parser.add_argument("--format", choices=("json", "text"), default="json")
    parser.add_argument(
        "--gazetteer", type=Path, metavar="MAPP",
        help=f"mapp med organisations.csv och bodies.csv (standard: ${ENVIRONMENT_VARIABLE}, "
        "annars exempelarkivets)",
    )
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        document = read_document_file(args.file, _gazetteer(args.gazetteer))
    except UserError as error:
        print(f"samverkan parse: {error}", file=sys.stderr)
        return 1
    except Exception:  # a bug, not a bad file: the traceback goes to the log (standard error)
        logging.getLogger(__name__).exception("samverkan parse: %s: internt fel vid läsning", args.file.name)
        return 2
    if args.format == "json":
        print(json.dumps(document.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_summary(document))
    return 0


def _gazetteer(directory: Path | None) -> Gazetteer:
    if directory is None:
        return default_gazetteer()
    if not directory.is_dir():
        raise SystemExit(f"samverkan parse: {directory} är ingen mapp")
    return Gazetteer.from_directory(directory)


def read_document_file(path: Path, gazetteer: Gazetteer, limits: Limits | None = None) -> MeetingDocument:
    """Extract a file's text and read it with the gazetteer; extraction warnings come first."""
    limits = Limits() if limits is None else limits
    deadline = Deadline(limits.max_seconds, path.name)
    extracted = extract_text(path, limits=limits, deadline=deadline)
    document = read_text(extracted.text, path.name, gazetteer=gazetteer, limits=limits, deadline=deadline)
    document.warnings = extracted.warnings + document.warnings
    return document


def format_summary(document: MeetingDocument) -> str:
    """A readable Swedish summary of the document."""
    data = document.to_dict()
    lines = [
        f"Fil: {data['source']}",
        f"Organ: {data['body'] or '–'}",
        f"Typ: {_KINDS[data['kind']]}",
        f"Mötesdatum: {data['meeting_date'] or '–'}",
        f"Tid: {data['start_time'] or '–'}–{data['end_time'] or '–'}",
        f"Plats: {data['location'] or '–'}",
        f"Dnr: {data['registry_number'] or '–'}",
        f"Dokumentdatum: {data['document_date'] or '–'}",
        "",
        f"Närvarande ({len(document.attendees)}):",
    ]
    for person in document.attendees:
        extra = ", ".join(x for x in (person.organization, person.title) if x)
        lines.append(f"  {person.name}" + (f" ({extra})" if extra else ""))
    lines += ["", f"Punkter ({len(document.items)}):"]
    for item in document.items:
        lines += _item_lines(item, "  ")
    if document.warnings:
        lines += ["", "Varningar:"] + [f"  {w}" for w in document.warnings]
    return "\n".join(lines)


def _item_lines(item: Item, indent: str) -> list[str]:
    marker = "." if item.number[0].isdigit() else ")"
    lines = [f"{indent}{item.number}{marker} {item.title} [{_TYPES[item.type]}]"]
    for presenter in item.presenters:
        suffix = f", {presenter.title}" if presenter.title else ""
        lines.append(f"{indent}   Föredragande: {presenter.name}{suffix}")
    if item.attachments:
        lines.append(f"{indent}   Bilagor: {', '.join(item.attachments)}")
    lines += [f"{indent}   Förslag: {c}" for c in item.proposals]
    lines += [f"{indent}   Beslut: {c}" for c in item.decisions]
    for subitem in item.subitems:
        lines += _item_lines(subitem, indent + "   ")
    return lines
