"""A meeting's mode from its location line, an item's outcome from its decisions: pure Swedish rules."""

import pytest

from samverkan.language.outcomes import (
    DECIDED,
    DIGITAL,
    HYBRID,
    ON_SITE,
    OPEN,
    TABLED,
    TAKEN_BACK,
    UNKNOWN,
    mode_from_location,
    outcome_from_decisions,
)


@pytest.mark.parametrize("location, mode", [
    ("", UNKNOWN),
    ("Myntgatan 2, Falun", ON_SITE),
    ("Teams", DIGITAL),
    ("Digitalt via Zoom", DIGITAL),
    ("Hotell Moskogen, Leksand samt digitalt via Teams", HYBRID),
    ("Stadshuset och Skype", HYBRID),
])
def test_the_mode_follows_the_location_line(location, mode):
    assert mode_from_location(location) == mode


@pytest.mark.parametrize("decisions, outcome", [
    ([], OPEN),
    (["att godkänna dagordningen."], DECIDED),
    (["att bordlägga val av ordförande 2024."], TABLED),
    (["att Styrgruppen tar tillbaka frågan för vidare beredning."], TAKEN_BACK),
    (["att återremittera ärendet."], TAKEN_BACK),
])
def test_the_outcome_follows_the_decisions(decisions, outcome):
    assert outcome_from_decisions(decisions) == outcome
