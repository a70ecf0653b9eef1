"""The reader's gazetteer from the directory: its organisations and bodies, over the defaults."""

from __future__ import annotations

from samverkan.directory.models import Body, Organization
from samverkan.language.gazetteer import Body as NamedBody
from samverkan.language.gazetteer import Gazetteer, default_gazetteer
from samverkan.language.gazetteer import Organization as NamedOrganization

# Only places teach the reader: an "other" organisation named once in a document says nothing
# about how later documents write names.
PLACE_KINDS = (Organization.Kind.MUNICIPALITY, Organization.Kind.REGION)


def directory_gazetteer(base: Gazetteer | None = None) -> Gazetteer:
    """The default gazetteer (or `base`) with the directory's municipalities, regions and bodies."""
    base = default_gazetteer() if base is None else base
    organizations = tuple(
        NamedOrganization(name, kind, code)
        for name, kind, code in Organization.objects.filter(kind__in=PLACE_KINDS)
        .order_by("name").values_list("name", "kind", "code")
    )
    bodies = tuple(
        NamedBody(name, tuple(alias for alias in (short_name, abbreviation) if alias))
        for name, short_name, abbreviation in Body.objects.order_by("name")
        .values_list("name", "short_name", "abbreviation")
    )
    return base.merged(Gazetteer(organizations, bodies))
