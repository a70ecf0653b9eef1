"""The shared cast of the tests: the network, its neighbours, people and users, made the same way everywhere.

Names follow the seed documents (Länschefsnätverket in Dalarna); nothing in the application depends on them.
"""

from __future__ import annotations

from django.contrib.auth.models import User

from samverkan.directory.models import Body, Membership, Organization, Person

NETWORK = "Länsnätverket för förvaltningschefer"
COUNCIL = "Välfärdsrådet"
STEERING_GROUP = "Styrgruppen för Länschefsnätverket"
REGION = "Region Dalarna"


def network() -> Body:
    """Länschefsnätverket with its short name and abbreviation."""
    return Body.objects.create(name=NETWORK, short_name="Länschefsnätverket", abbreviation="LCHNV")


def council() -> Body:
    """Välfärdsrådet, the body the network forwards matters to."""
    return Body.objects.create(name=COUNCIL)


def steering_group(parent: Body | None = None, abbreviation: str = "") -> Body:
    """Styrgruppen, which prepares the network's matters."""
    return Body.objects.create(name=STEERING_GROUP, short_name="Styrgruppen", parent=parent,
                               abbreviation=abbreviation)


def municipality(name: str) -> Organization:
    return Organization.objects.get_or_create(name=name, defaults={"kind": Organization.Kind.MUNICIPALITY})[0]


def region(name: str = REGION) -> Organization:
    return Organization.objects.get_or_create(name=name, defaults={"kind": Organization.Kind.REGION})[0]


def user(username: str, **fields) -> User:
    return User.objects.create_user(username, **fields)


def secretary_of(*bodies: Body, username: str = "sekreterare", **fields) -> User:
    """A user who keeps the meetings of these bodies."""
    secretary = user(username, **fields)
    for body in bodies:
        body.secretaries.add(secretary)
    return secretary


def member(body: Body, name: str, organization: Organization | None = None, **fields) -> Person:
    """A person with a current membership of the body."""
    person = Person.objects.create(name=name, organization=organization, **fields)
    Membership.objects.create(person=person, body=body)
    return person


def member_user(body: Body, username: str, name: str, organization: Organization | None = None,
                password: str | None = None) -> User:
    """A signed-in member: a user linked to a person with a current membership."""
    account = user(username, password=password)
    person = member(body, name, organization)
    person.user = account
    person.save(update_fields=["user"])
    return account
