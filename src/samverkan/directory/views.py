"""The secretariat's directory pages: the bodies it serves, their secretaries and members.

Views parse the request, call one action through run_action, and respond; the rules are in
bodies.py, members.py and member_import.py.
"""

import secrets
from datetime import date

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from samverkan.core.errors import UserError
from samverkan.core.views import run_action

from . import bodies, members, organizations
from .access import secretariat_required, served_body, served_body_ids
from .forms import (
    BodyForm,
    ExistingMemberForm,
    ImportForm,
    MembershipForm,
    NewPersonForm,
    OrganizationForm,
    SecretaryForm,
)
from .member_import import ImportRow, Status, import_members, preview, read_member_file
from .models import Body, Membership, Organization
from .selectors import (
    body_memberships,
    organization_names,
    people_to_choose,
    person_choices,
    split_memberships,
)

IMPORT_SESSION_KEY = "directory-member-import"


def _members_url(body: Body) -> str:
    return reverse("directory:members", args=[body.slug])


@secretariat_required
def body_list(request):
    served = (Body.objects.filter(pk__in=served_body_ids(request.user)).select_related("parent")
              .prefetch_related("secretaries"))
    return render(request, "directory/body_list.html", {"bodies": served})


@secretariat_required
def body_new(request):
    form = BodyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = None

        def create():
            nonlocal created
            created = bodies.create_body(data["name"], data["short_name"], data["abbreviation"], data["parent"],
                                         attachments_public_by_default=data["attachments_public_by_default"],
                                         acting_user=request.user)
            return created

        if run_action(request, create, lambda body: f"{body.name} är skapat. Du är dess sekreterare."):
            return redirect(_members_url(created))
    return render(request, "directory/body_form.html", {"form": form})


@secretariat_required
def body_edit(request, slug):
    body = served_body(request, slug)
    form = BodyForm(request.POST or None, body=body)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if run_action(request, lambda: bodies.update_body(body, data["name"], data["short_name"],
                                                          data["abbreviation"], data["parent"],
                                                          attachments_public_by_default=data[
                                                              "attachments_public_by_default"],
                                                          certify_extracts=data["certify_extracts"],
                                                          acting_user=request.user),
                      "Organets uppgifter är sparade."):
            return redirect("directory:body", body.slug)
        body.refresh_from_db()
    return render(request, "directory/body_form.html", {
        "form": form, "body": body, "secretaries": body.secretaries.order_by("username"),
        "secretary_form": SecretaryForm(),
    })


@secretariat_required
@require_POST
def secretary_add(request, slug):
    body = served_body(request, slug)
    form = SecretaryForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Ange ett användarnamn eller en e-postadress.")
    else:
        run_action(request, lambda: bodies.add_secretary(body, form.cleaned_data["identifier"],
                                                         acting_user=request.user),
                   lambda user: f"{user.get_username()} är sekreterare för {body.display_name}.")
    return redirect("directory:body", body.slug)


@secretariat_required
@require_POST
def secretary_remove(request, slug, user_id):
    body = served_body(request, slug)
    user = get_object_or_404(get_user_model(), pk=user_id)
    removed = run_action(request, lambda: bodies.remove_secretary(body, user, acting_user=request.user),
                         f"{user.get_username()} är inte längre sekreterare för {body.display_name}.")
    if removed and user.pk == request.user.pk:
        return redirect("directory:bodies")
    return redirect("directory:body", body.slug)


# --- People ----------------------------------------------------------------------------------

@secretariat_required
def person_search(request):
    """The people whose name holds the words of ?q=: a list of choices for htmx, a page without it."""
    context = person_choices(request.GET.get("q", "").strip())
    template = "directory/_person_choices.html" if request.htmx else "directory/person_search.html"
    return render(request, template, context)


# --- Members ---------------------------------------------------------------------------------

@secretariat_required
def member_list(request, slug):
    body = served_body(request, slug)
    current, coming, ended = split_memberships(body_memberships(body))
    return render(request, "directory/member_list.html", {
        "body": body, "current": current, "coming": coming, "ended": ended,
        "without_account": [m.person for m in current if m.person.email and m.person.user_id is None],
    })


def _member_page(request, body, existing_form=None, new_form=None):
    return render(request, "directory/member_add.html", {
        "body": body,
        "existing_form": existing_form or ExistingMemberForm(),
        "new_form": new_form or NewPersonForm(),
        "people": people_to_choose(),
        "organizations": organization_names(),
    })


@secretariat_required
def member_add(request, slug):
    """Add an existing person, chosen by name (GET shows both ways of adding a member)."""
    body = served_body(request, slug)
    if request.method != "POST":
        return _member_page(request, body)
    form = ExistingMemberForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data

        def add():
            person = members.find_person(data["person"])
            return members.add_member(body, person, organization=data["organization"], role=data["role"],
                                      start_date=data["start_date"], end_date=data["end_date"],
                                      acting=data["acting"], acting_user=request.user)

        if run_action(request, add, lambda membership: f"{membership.person.name} är medlem i {body.display_name}."):
            return redirect(_members_url(body))
    return _member_page(request, body, existing_form=form)


@secretariat_required
@require_POST
def member_add_new(request, slug):
    """Create a new person on purpose and make them a member."""
    body = served_body(request, slug)
    form = NewPersonForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        if run_action(request, lambda: members.add_new_person(
                body, data["name"], organization=data["organization"], title=data["title"], email=data["email"],
                role=data["role"], start_date=data["start_date"], end_date=data["end_date"], acting=data["acting"],
                acting_user=request.user),
                lambda membership: f"{membership.person.name} är tillagd och medlem i {body.display_name}."):
            return redirect(_members_url(body))
    return _member_page(request, body, new_form=form)


def _membership(request, slug, pk) -> Membership:
    body = served_body(request, slug)
    return get_object_or_404(Membership.objects.select_related("person__organization", "organization", "body"),
                             pk=pk, body=body)


@secretariat_required
def membership_edit(request, slug, pk):
    membership = _membership(request, slug, pk)
    form = MembershipForm(request.POST or None, membership=membership)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if run_action(request, lambda: members.update_membership(
                membership, organization=data["organization"], role=data["role"], start_date=data["start_date"],
                end_date=data["end_date"], acting=data["acting"], email=data["email"], acting_user=request.user),
                f"Medlemskapet för {membership.person.name} är sparat."):
            return redirect(_members_url(membership.body))
    return render(request, "directory/membership_form.html", {
        "form": form, "membership": membership, "body": membership.body, "organizations": organization_names(),
    })


@secretariat_required
@require_POST
def membership_end(request, slug, pk):
    membership = _membership(request, slug, pk)
    run_action(request, lambda: members.end_membership(membership, acting_user=request.user),
               lambda ended: f"Medlemskapet för {ended.person.name} slutar i dag.")
    return redirect(_members_url(membership.body))


# --- Importing a member list ------------------------------------------------------------------

def _stored_import(request, body: Body) -> dict | None:
    stored = request.session.get(IMPORT_SESSION_KEY)
    return stored if stored and stored.get("body") == body.pk else None


@secretariat_required
def member_import(request, slug):
    """Upload a file: it is read and kept in the session for the preview; nothing is saved."""
    body = served_body(request, slug)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        start_date = form.cleaned_data["start_date"]
        try:
            read = preview(body, read_member_file(upload.name, upload.read()), start_date)
        except UserError as error:
            form.add_error("file", error.message)
        else:
            request.session[IMPORT_SESSION_KEY] = {
                "body": body.pk, "token": secrets.token_urlsafe(16), "filename": read.filename,
                "start_date": start_date.isoformat() if start_date else None,
                "rows": [row.as_dict() for row in read.rows],
            }
            return redirect("directory:member_import_preview", body.slug)
    return render(request, "directory/member_import.html", {"body": body, "form": form})


@secretariat_required
def member_import_preview(request, slug):
    body = served_body(request, slug)
    stored = _stored_import(request, body)
    if stored is None:
        messages.error(request, "Det finns ingen uppladdad fil att granska. Välj filen igen.")
        return redirect("directory:member_import", body.slug)
    rows = [ImportRow(**row) for row in stored["rows"]]
    valid = [row for row in rows if not row.errors]
    return render(request, "directory/member_import_preview.html", {
        "body": body, "stored": stored, "rows": rows,
        "start_date": date.fromisoformat(stored["start_date"]) if stored["start_date"] else None,
        "errors": [error for row in rows for error in row.errors],
        "counts": {label: sum(1 for row in valid if row.status == status) for status, label in Status.LABELS.items()},
        "to_add": sum(1 for row in valid if row.status != Status.MEMBER),
        "valid": valid,
    })


@secretariat_required
@require_POST
def member_import_confirm(request, slug):
    body = served_body(request, slug)
    stored = _stored_import(request, body)
    if stored is None or request.POST.get("token") != stored["token"]:
        messages.error(request, "Granskningen gäller inte längre (en annan fil har laddats upp). Välj filen igen.")
        return redirect("directory:member_import", body.slug)
    valid = [row for row in stored["rows"] if not row["errors"]]
    start_date = date.fromisoformat(stored["start_date"]) if stored["start_date"] else None

    def save():
        return import_members(body, valid, start_date, acting_user=request.user)

    def done(result) -> str:
        added = "1 medlem är tillagd" if result.added == 1 else f"{result.added} medlemmar är tillagda"
        new = "1 ny person" if result.new_people == 1 else f"{result.new_people} nya personer"
        text = f"{added} i {body.display_name}, varav {new}."
        if result.already_members:
            text += f" {result.already_members} var redan medlem{'mar' if result.already_members > 1 else ''}."
        return text

    if run_action(request, save, done):
        del request.session[IMPORT_SESSION_KEY]
        return redirect(_members_url(body))
    return redirect("directory:member_import_preview", body.slug)


@secretariat_required
def organization_list(request):
    """The organisations and their registry addresses, where extracts are dispatched."""
    return render(request, "directory/organization_list.html",
                  {"organizations": Organization.objects.order_by("kind", "name")})


@secretariat_required
def organization_edit(request, slug):
    organization = get_object_or_404(Organization, slug=slug)
    form = OrganizationForm(request.POST or None, initial={"registry_email": organization.registry_email})
    if request.method == "POST" and form.is_valid() and run_action(
            request, lambda: organizations.set_registry_email(
                organization, form.cleaned_data["registry_email"], acting_user=request.user),
            f"Uppgifterna för {organization.name} är sparade."):
        return redirect("directory:organizations")
    return render(request, "directory/organization_form.html", {"form": form, "organization": organization})
