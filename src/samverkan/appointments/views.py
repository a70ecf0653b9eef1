"""Pages for appointments and the rules of procedure: the secretariat's, and the public list.

Views check who may act, call one service, and say what happened; the rules are in rules.py.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from samverkan.core.errors import UserError
from samverkan.directory.access import (
    is_secretary,
    secretariat_required,
    served_body,
    served_body_ids,
)
from samverkan.directory.models import Body
from samverkan.directory.selectors import organization_names, person_choices

from . import services
from .forms import (
    AppointForm,
    EndAppointmentForm,
    ExceptionForm,
    PersonChoiceForm,
    RulesForm,
    TableElectionForm,
)
from .models import Appointment
from .rules import (
    body_appointments,
    check_appointment,
    next_chair_side,
    open_elections,
    public_appointments,
    rules_for,
)


def _served_appointment(request, pk) -> Appointment:
    appointment = get_object_or_404(Appointment.objects.select_related("body", "appointed_by", "person"), pk=pk)
    home = appointment.appointed_by or appointment.body
    if not (is_secretary(request.user, appointment.body) or is_secretary(request.user, home)):
        raise Http404("Förtroendeuppdraget finns inte.")
    return appointment


def _home_of(appointment: Appointment) -> Body:
    return appointment.appointed_by or appointment.body


@secretariat_required
def appointment_bodies(request):
    bodies = Body.objects.filter(pk__in=served_body_ids(request.user))
    return render(request, "appointments/appointment_bodies.html", {"bodies": bodies})


@secretariat_required
def body_appointments_page(request, slug):
    body = served_body(request, slug)
    year = timezone.localdate().year
    ruled: dict[int, bool] = {}
    rows = []
    for appointment in body_appointments(body):
        if appointment.body_id not in ruled:
            ruled[appointment.body_id] = rules_for(appointment.body) is not None
        rows.append((appointment, check_appointment(appointment),
                     "" if ruled[appointment.body_id] else _no_rules_text(appointment.body)))
    served = Body.objects.filter(pk__in=served_body_ids(request.user))
    return render(request, "appointments/appointments.html", {
        "body": body,
        "rules": rules_for(body),
        "rows": rows,
        "breaches": sum(1 for _, findings, _ in rows for f in findings if f.breaks_rule),
        "turns": [next_chair_side(body, y) for y in (year, year + 1)],
        "open_elections": open_elections(body, [year, year + 1]),
        "appoint_form": AppointForm(body=body, bodies=served | Body.objects.filter(pk=body.pk)),
        "table_form": TableElectionForm(body=body, initial={"year": year + 1}),
    })


def _no_rules_text(body: Body) -> str:
    return f"Inga regler för {body.display_name} registrerade."


@secretariat_required
def appoint(request, slug):
    """Choose a person from the directory (or a new one on purpose); a rule breach is shown before saving."""
    body = served_body(request, slug)
    served = Body.objects.filter(pk__in=served_body_ids(request.user))
    form = AppointForm(request.POST or None, body=body, bodies=served | Body.objects.filter(pk=body.pk))
    person_form = PersonChoiceForm(request.POST or None)
    breaches = []
    if request.method == "POST" and form.is_valid() and person_form.is_valid():
        data, who = form.cleaned_data, person_form.cleaned_data
        anyway = bool(request.POST.get("spara_anda"))
        details = {"side": data["side"], "organization": data["organization"], "appointed_by": body,
                   "decision_item": data["decision_item"], "decision_text": data["decision_text"],
                   "decided_on": data["decided_on"], "refuse_breaches": not anyway, "acting_user": request.user}
        try:
            if who["chosen"] is not None:
                appointment = services.appoint(who["chosen"], data["body"], data["role"], data["start_date"],
                                               data["end_date"], **details)
            else:
                appointment = services.appoint_new_person(
                    who["new_name"], data["body"], data["role"], data["start_date"], data["end_date"],
                    person_organization=who["new_organization"], title=who["new_title"], email=who["new_email"],
                    **details)
        except services.RuleConflict as conflict:
            breaches = conflict.breaches
        except UserError as error:
            messages.error(request, error.message)
        else:
            _say_appointed(request, appointment)
            return redirect("appointments:body", body.slug)
    chosen = person_form.cleaned_data.get("chosen") if person_form.is_bound and person_form.is_valid() else None
    query = request.GET.get("q", "") if request.method == "GET" else ""
    target = form["body"].value() if form.is_bound else body.pk
    checked_body = Body.objects.filter(pk=target).first() if str(target or "").isdigit() else body
    return render(request, "appointments/appoint.html", {
        "body": body, "form": form, "person_form": person_form, "breaches": breaches,
        "no_rules": _no_rules_text(checked_body or body) if rules_for(checked_body or body) is None else "",
        "organizations": organization_names(),
        **person_choices(query.strip(), chosen),
    })


def _say_appointed(request, appointment: Appointment) -> None:
    """Registered: plainly, or as a warning when it breaks a rule, or saying that no rules were checked."""
    breaches = [finding.message for finding in check_appointment(appointment) if finding.breaks_rule]
    if breaches:
        messages.warning(request, f"{appointment} är registrerat trots att det strider mot arbetsordningen: "
                                  + " ".join(breaches) + " Registrera ett beslutat undantag under ”Undantag”.")
    elif rules_for(appointment.body) is None:
        messages.success(request, f"{appointment} är registrerat. {_no_rules_text(appointment.body)}")
    else:
        messages.success(request, f"{appointment} är registrerat.")


@secretariat_required
@require_POST
def end_appointment(request, pk):
    appointment = _served_appointment(request, pk)
    form = EndAppointmentForm(request.POST)
    if form.is_valid():
        try:
            services.end_appointment(appointment, form.cleaned_data["ended_on"], form.cleaned_data["reason"],
                                     acting_user=request.user)
            messages.success(request, f"{appointment} är avslutat.")
        except UserError as error:
            messages.error(request, error.message)
    else:
        messages.error(request, "Ange när förtroendeuppdraget avslutades.")
    return redirect("appointments:body", _home_of(appointment).slug)


@secretariat_required
def record_exception(request, pk):
    appointment = _served_appointment(request, pk)
    home = _home_of(appointment)
    form = ExceptionForm(request.POST or None, body=home)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.record_exception(appointment, data["rule"], decision_item=data["decision_item"],
                                  decision_text=data["decision_text"], decided_on=data["decided_on"],
                                      acting_user=request.user)
        messages.success(request, "Undantaget från arbetsordningen är registrerat.")
        return redirect("appointments:body", home.slug)
    return render(request, "appointments/exception_form.html", {
        "appointment": appointment, "body": home, "form": form, "findings": check_appointment(appointment),
        "no_rules": _no_rules_text(appointment.body) if rules_for(appointment.body) is None else ""})


@secretariat_required
def body_rules(request, slug):
    body = served_body(request, slug)
    rules = rules_for(body)
    form = RulesForm(request.POST or None, instance=rules, body=body)
    if request.method == "POST" and form.is_valid():
        services.set_rules(body, **form.cleaned_data, acting_user=request.user)
        messages.success(request, "Arbetsordningen är sparad.")
        return redirect("appointments:body", body.slug)
    return render(request, "appointments/rules_form.html", {"body": body, "form": form})


@secretariat_required
@require_POST
def table_election(request, slug):
    body = served_body(request, slug)
    form = TableElectionForm(request.POST, body=body)
    if form.is_valid():
        data = form.cleaned_data
        election = services.table_election(body, data["role"], data["year"], item=data["item"],
                                           acting_user=request.user)
        messages.success(request, f"{election} är registrerat som bordlagt.")
    else:
        messages.error(request, "Ange val och år.")
    return redirect("appointments:body", body.slug)


@secretariat_required
@require_POST
def find_tabled_elections(request, slug):
    body = served_body(request, slug)
    found = services.find_tabled_elections(body, acting_user=request.user)
    messages.success(request, f"{len(found)} bordlagda val hittades i minnesanteckningarna.")
    return redirect("appointments:body", body.slug)


# Public pages -------------------------------------------------------------------------------------

def public_body_appointments(request, slug):
    body = get_object_or_404(Body, slug=slug)
    year = timezone.localdate().year
    return render(request, "appointments/public_appointments.html", {
        "body": body, "appointments": public_appointments(body),
        "turn": next_chair_side(body, year + 1),
    })
