"""The meeting made of an agenda and minutes does not depend on the order their versions were imported in.

Versions of one kind replace each other in order (v1, then v2); how the agenda's and the minutes'
imports interleave must not matter, and nothing a replaced version alone said may stay behind.
"""

import itertools

import pytest

from samverkan.archive.services import import_file
from samverkan.directory.models import Person
from samverkan.meetings.models import Meeting

pytestmark = pytest.mark.django_db

BODY = "Länsnätverket för förvaltningschefer (Länschefsnätverket, LCHNV)\n"
HEADER = BODY + "Datum: 19 november 2021\nTid: 9.30-11\n"
MINUTES_HEADER = BODY + "Minnesanteckningar\n\nDatum: 19 november 2021\nTid: 9.30-11\n"

AGENDA_V1 = HEADER + """Plats: Teams

1. Mötets öppnande

2. Rapport: Läget i hemsjukvården
Föredragande: Tanja Mårtensson, Chef RSS Dalarna

Förslag till beslut
Länschefsnätverket beslutar:
att lägga informationen till handlingarna.

3. Övriga frågor
"""

AGENDA_V2 = HEADER + """Plats: Myntgatan 2, Falun

1. Mötets öppnande

2. Rapport: Läget i hemsjukvården, Bilaga 1

Förslag till beslut
Länschefsnätverket beslutar:
att lägga informationen till handlingarna.

3. Beslut: Kalendarium 2022
Föredragande: Ulrika Gärdsback

Förslag till beslut
Länschefsnätverket beslutar:
att fastställa kalendariet.

4. Övriga frågor
"""

MINUTES_V1 = MINUTES_HEADER + """Plats: Teams

Närvarande: Anna Berg, Mora, Tomas Ahlin, Borlänge, Eva Lund, Leksand

1. Mötets öppnande

Länschefsnätverket beslutade:
att öppna mötet.

2. Rapport: Läget i hemsjukvården
Föredragande: Tanja Mårtensson, Chef RSS Dalarna

Länschefsnätverket beslutade:
att lägga informationen till handlingarna.
"""

MINUTES_V2 = MINUTES_HEADER + """Plats: Myntgatan 2, Falun

Närvarande: Anna Berg, Tomas Ahlin, Borlänge

1. Mötets öppnande

Länschefsnätverket beslutade:
att öppna mötet.

2. Rapport: Läget i hemsjukvården

Länschefsnätverket beslutade:
att lägga informationen till handlingarna.

3. Beslut: Kalendarium 2022
Föredragande: Ulrika Gärdsback

Länschefsnätverket beslutade:
att fastställa kalendariet.
"""

DOCUMENTS = {"agenda v1": AGENDA_V1, "agenda v2": AGENDA_V2, "minutes v1": MINUTES_V1, "minutes v2": MINUTES_V2}


def interleavings():
    """Every order of the four imports in which v1 of a kind comes before its v2."""
    for order in itertools.permutations(DOCUMENTS):
        if order.index("agenda v1") < order.index("agenda v2") and order.index("minutes v1") < order.index("minutes v2"):
            yield order


def meeting_as_imported(order, tmp_path) -> dict:
    tmp_path.mkdir(parents=True, exist_ok=True)
    for name in order:
        path = tmp_path / f"{name.split()[0]}.txt"  # a new version arrives under the same name
        path.write_text(DOCUMENTS[name], encoding="utf-8")
        import_file(path)
    meeting = Meeting.objects.get()
    items = meeting.items.order_by("position")
    return {
        "header": (meeting.date, meeting.start_time, meeting.end_time, meeting.location, meeting.status),
        "items": [(i.number, i.title, i.type, i.outcome,
                   [(c.kind, c.text) for c in i.clauses.order_by("kind", "position")],
                   sorted(p.person.name for p in i.presentations.all()),
                   sorted(a.label for a in i.attachments.all())) for i in items],
        "attendance": sorted((a.person.name, a.organization.name if a.organization else None)
                             for a in meeting.attendances.all()),
        "organisations": sorted((p.name, p.organization.name if p.organization else None)
                                for p in Person.objects.all()),
    }


def test_every_interleaving_ends_in_the_same_meeting(tmp_path):
    results = {}
    for order in interleavings():
        results[order] = meeting_as_imported(order, tmp_path / "-".join(o.replace(" ", "") for o in order))
        for model in (Meeting, Person):
            model.objects.all().delete()
    first = next(iter(results.values()))
    for order, result in results.items():
        assert result == first, f"{order} differs from the first order"


def test_the_current_minutes_keep_their_presenter_when_the_agenda_is_replaced(tmp_path):
    result = meeting_as_imported(["agenda v1", "minutes v1", "agenda v2"], tmp_path)
    report = result["items"][1]
    assert report[5] == ["Tanja Mårtensson"]


def test_an_organisation_learned_only_from_replaced_minutes_does_not_stay(tmp_path):
    result = meeting_as_imported(["minutes v1", "minutes v2"], tmp_path)
    assert ("Anna Berg", None) in result["organisations"]
    assert ("Eva Lund", None) in result["organisations"]
