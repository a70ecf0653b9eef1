"""The places and names a reader knows: organisations (municipalities, regions, others) and bodies.

A gazetteer is data, passed to whoever reads documents; nothing here knows a particular county or
network. `Gazetteer.from_files` reads it from two CSV files (see data/README.md), `reference()` is
Sweden's municipalities and regions shipped in data/, and `default_gazetteer()` is what a reader
without a database uses: the directory named by $SAMVERKAN_GAZETTEER, else the sample archive's.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from .lexicon import MUNICIPALITY_WORD, REGION_WORD
from .patterns import alternation, longest_first

MUNICIPALITY = "municipality"
REGION = "region"
OTHER = "other"
KINDS = (MUNICIPALITY, REGION, OTHER)

DATA = Path(__file__).resolve().parent / "data"
REFERENCE_FILE = DATA / "municipalities.csv"
ORGANIZATIONS_FILE = "organisations.csv"
BODIES_FILE = "bodies.csv"
ENVIRONMENT_VARIABLE = "SAMVERKAN_GAZETTEER"
# The sample archive's gazetteer, in a source checkout: <repository>/samples/gazetteer.
SAMPLE_DIRECTORY = Path(__file__).resolve().parents[3] / "samples" / "gazetteer"
ALIAS_SEPARATOR = ";"


@dataclass(frozen=True)
class Organization:
    """An organisation by its name as documents write it ("Ystad", "Region X"), kind and code."""

    name: str
    kind: str = OTHER
    code: str = ""


@dataclass(frozen=True)
class Body:
    """A body by its full name, with the short names and abbreviations used in running text."""

    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Gazetteer:
    """Organisations and bodies a reader recognises by name."""

    organizations: tuple[Organization, ...] = ()
    bodies: tuple[Body, ...] = ()

    @classmethod
    def from_files(cls, organizations: Path | None = None, bodies: Path | None = None) -> Gazetteer:
        """Read organisations (name,kind,code) and bodies (name,aliases) from CSV files."""
        return cls(
            tuple(_read_organizations(Path(organizations))) if organizations else (),
            tuple(_read_bodies(Path(bodies))) if bodies else (),
        )

    @classmethod
    def from_directory(cls, directory: Path) -> Gazetteer:
        """Read organisations.csv and bodies.csv from a directory; a missing file is empty."""
        directory = Path(directory)
        organizations, bodies = directory / ORGANIZATIONS_FILE, directory / BODIES_FILE
        return cls.from_files(organizations if organizations.exists() else None,
                              bodies if bodies.exists() else None)

    def merged(self, other: Gazetteer) -> Gazetteer:
        """This gazetteer with what `other` adds: new organisations, new bodies and aliases."""
        known = {o.name.lower() for o in self.organizations}
        organizations = self.organizations + tuple(
            o for o in other.organizations if o.name.lower() not in known
        )
        bodies = {b.name.lower(): b for b in self.bodies}
        for body in other.bodies:
            mine = bodies.get(body.name.lower(), Body(body.name))
            known_aliases = {alias.lower() for alias in mine.aliases}
            extra = tuple(a for a in body.aliases if a.lower() not in known_aliases)
            bodies[body.name.lower()] = Body(mine.name, mine.aliases + extra)
        return Gazetteer(organizations, tuple(bodies.values()))

    @cached_property
    def municipalities(self) -> tuple[str, ...]:
        """Names of the municipalities, as documents write them bare ("Ystad")."""
        return tuple(o.name for o in self.organizations if o.kind == MUNICIPALITY)

    @cached_property
    def municipality_names(self) -> frozenset[str]:
        """The municipalities' names, for membership tests."""
        return frozenset(self.municipalities)

    @cached_property
    def municipality_alternation(self) -> str:
        """The municipalities' names as a regex alternation, longest first."""
        return alternation(longest_first(self.municipalities))

    @cached_property
    def place_words(self) -> frozenset[str]:
        """Lower-case places of the regions and their genitives ("region x" -> "x", "xs")."""
        words = set()
        for organization in self.organizations:
            if organization.kind == REGION and organization.name.startswith(f"{REGION_WORD} "):
                place = organization.name[len(REGION_WORD) + 1:].lower()
                if " " not in place:
                    words |= {place, place if place.endswith("s") else f"{place}s"}
        return frozenset(words)

    @cached_property
    def organization_heads(self) -> frozenset[str]:
        """Lower-case first words of the other organisations' names ("ABC Region" -> "abc")."""
        return frozenset(o.name.split()[0].lower() for o in self.organizations
                         if o.kind == OTHER and o.name.split())

    @cached_property
    def body_aliases(self) -> dict[str, str]:
        """Lower-case full names, short names and abbreviations -> the body's full name."""
        found = {}
        for body in self.bodies:
            for alias in (body.name, *body.aliases):
                found.setdefault(" ".join(alias.split()).lower(), body.name)
        return found

    def canonical_body(self, name: str) -> str | None:
        """The full name of the body a name or alias stands for, else None."""
        return self.body_aliases.get(" ".join(name.split()).lower())

    def aliases_of(self, full_name: str) -> tuple[str, ...]:
        """The short names and abbreviations of a body, as written in the data."""
        for body in self.bodies:
            if body.name.lower() == full_name.lower():
                return body.aliases
        return ()

    @cached_property
    def _by_name(self) -> dict[str, Organization]:
        """Lower-case names -> the first organisation of that name (Sweden's list has 311)."""
        found: dict[str, Organization] = {}
        for organization in self.organizations:
            found.setdefault(organization.name.lower(), organization)
        return found

    def organization(self, name: str) -> Organization | None:
        """The organisation of exactly that name (any case), else None."""
        return self._by_name.get(" ".join(name.split()).lower())

    def kind_of(self, name: str) -> str:
        """Municipality, region or other: by the data, else by "X kommun" / "Region X"."""
        known = self._known(name)
        if known:
            return known.kind
        if name.endswith(f" {MUNICIPALITY_WORD}"):
            return MUNICIPALITY
        if name.startswith(f"{REGION_WORD} "):
            return REGION
        return OTHER

    def code_of(self, name: str) -> str:
        """The organisation's code (SCB's kommunkod or länskod), or ""."""
        known = self._known(name)
        return known.code if known else ""

    def _known(self, name: str) -> Organization | None:
        """By the name as written, without "kommun", or as the genitive before it ("Leksands kommun")."""
        if found := self.organization(name):
            return found
        bare = _without_municipality_word(name)
        if found := self.organization(bare):
            return found
        if bare != name.strip() and bare.endswith("s"):
            return self.organization(bare[:-1])
        return None


def _without_municipality_word(name: str) -> str:
    return name.removesuffix(f" {MUNICIPALITY_WORD}").strip()


def _read_organizations(path: Path):
    with path.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            kind = (row.get("kind") or OTHER).strip()
            if kind not in KINDS:
                raise ValueError(f"{path}: okänd typ {kind!r} för {row.get('name')!r}")
            yield Organization(row["name"].strip(), kind, (row.get("code") or "").strip())


def _read_bodies(path: Path):
    with path.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            aliases = (row.get("aliases") or "").split(ALIAS_SEPARATOR)
            yield Body(row["name"].strip(), tuple(a.strip() for a in aliases if a.strip()))


@lru_cache(maxsize=1)
def reference() -> Gazetteer:
    """Sweden's 290 municipalities and 21 regions as shipped in data/municipalities.csv (see its README)."""
    return Gazetteer.from_files(REFERENCE_FILE)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The gazetteer of a reader without a database: $SAMVERKAN_GAZETTEER, else the samples'."""
    configured = os.environ.get(ENVIRONMENT_VARIABLE)
    directory = Path(configured) if configured else SAMPLE_DIRECTORY
    return Gazetteer.from_directory(directory) if directory.is_dir() else Gazetteer()
