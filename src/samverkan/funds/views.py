"""Pages of the funds: members of a body read its agreements, its secretariat records; others see nothing.

Views check who may act, call one service, and say what happened; the rules are in the services.
"""

import datetime
from functools import wraps

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from samverkan.core.errors import UserError
from samverkan.directory.access import (
    is_member,
    is_secretary,
    member_body_ids,
    served_body_ids,
    served_or_404,
)
from samverkan.directory.access import secretariat_required as web_secretariat_required
from samverkan.directory.models import Body

from . import documents, selectors, services
from .distribution import TIE_RULE
from .forms import (
    AgreementForm,
    AllocationForm,
    DistributionForm,
    FocusAreaForm,
    PopulationImportForm,
    ReceiptForm,
    ReturnForm,
    UseForm,
)
from .models import Agreement, Allocation, Distribution


def _members_only(view):
    """Signed in and a member (or secretary) of some body; everyone else, the public too, gets 404."""
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not member_body_ids(request.user):
            raise Http404("Sidan finns inte.")
        return view(request, *args, **kwargs)
    return wrapped


def secretariat_required(view):
    """The project's secretariat check, but the public gets 404 rather than a login page: funds are not public."""
    checked = web_secretariat_required(view)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            raise Http404("Sidan finns inte.")
        return checked(request, *args, **kwargs)
    return wrapped


def _readable(request, agreement: Agreement) -> Agreement:
    if not is_member(request.user, agreement.body):
        raise Http404("Överenskommelsen finns inte.")
    return agreement


def _editable(request, pk) -> Agreement:
    return served_or_404(request, Agreement.objects.select_related("body"), pk, "Överenskommelsen finns inte.")


def _editable_allocation(request, pk) -> Allocation:
    return served_or_404(request, Allocation.objects.select_related("agreement__body"), pk,
                         "Anslaget finns inte.")


def _readable_distribution(request, pk) -> Distribution:
    distribution = get_object_or_404(
        Distribution.objects.select_related("agreement__body", "region", "decision_item__meeting__body"), pk=pk)
    _readable(request, distribution.agreement)
    return distribution


def _file(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _form_page(request, title, form, back_url, intro="", submit="Spara"):
    return render(request, "funds/form.html",
                  {"title": title, "form": form, "back_url": back_url, "intro": intro, "submit": submit})


# --- Reading -----------------------------------------------------------------------------------

@_members_only
def overview(request):
    years = selectors.overview(request.user)
    return render(request, "funds/overview.html", {
        "years": years, "can_edit": bool(served_body_ids(request.user)),
    })


@_members_only
def agreement(request, pk):
    try:
        found = selectors.agreement_detail(pk)
    except Agreement.DoesNotExist:
        raise Http404("Överenskommelsen finns inte.") from None
    _readable(request, found)
    allocations = selectors.with_use(found.allocations.all())
    return render(request, "funds/agreement.html", {
        "agreement": found, "totals": selectors.agreement_totals(found),
        "allocations": [a for a in allocations if a.distribution_id is None],
        "distributions": found.distributions.all(),
        "can_edit": is_secretary(request.user, found.body),
    })


@_members_only
def distribution(request, pk):
    found = _readable_distribution(request, pk)
    return render(request, "funds/distribution.html", {
        "distribution": found, "lines": documents.lines(found), "decision_text": documents.decision_text(found),
        "reference": documents.meeting_reference(found), "tie_rule": TIE_RULE,
        "region_amount": documents.region_amount(found),
        "municipalities_amount": documents.municipalities_amount(found),
        "population_source": documents.population_source(found),
        "split": documents.split_words(found.region_weight, found.municipalities_weight),
        "can_edit": is_secretary(request.user, found.agreement.body),
    })


@_members_only
def distribution_xlsx(request, pk):
    found = _readable_distribution(request, pk)
    return _file(documents.distribution_xlsx(found),
                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                 f"fordelning-{found.agreement.year}-{found.pk}.xlsx")


@_members_only
def distribution_csv(request, pk):
    found = _readable_distribution(request, pk)
    return _file(documents.all_lines_csv(found), "text/csv; charset=utf-8",
                 f"fordelning-{found.agreement.year}-{found.pk}.csv")


@_members_only
def invoices_zip(request, pk):
    found = _readable_distribution(request, pk)
    return _file(documents.invoices_zip(found), "application/zip",
                 f"fakturaunderlag-{found.agreement.year}-{found.pk}.zip")


def _invoice_line(request, pk, organization_pk):
    found = _readable_distribution(request, pk)
    line = documents.line_for(found, organization_pk)
    if line is None:
        raise Http404("Kommunen finns inte i fördelningen.")
    return found, line


@_members_only
def invoice_pdf(request, pk, organization_pk):
    found, line = _invoice_line(request, pk, organization_pk)
    return _file(documents.invoice_pdf(found, line), "application/pdf",
                 documents.invoice_filename(found, line) + ".pdf")


@_members_only
def invoice_csv(request, pk, organization_pk):
    found, line = _invoice_line(request, pk, organization_pk)
    return _file(documents.invoice_csv(found, line), "text/csv; charset=utf-8",
                 documents.invoice_filename(found, line) + ".csv")


@_members_only
def population(request):
    form = None
    if served_body_ids(request.user):
        form = PopulationImportForm()
    return render(request, "funds/population.html", {"dates": selectors.population_dates(), "form": form})


@_members_only
def population_date(request, date):
    try:
        when = datetime.date.fromisoformat(date)
    except ValueError:
        raise Http404("Datumet finns inte.") from None
    figures = sorted(selectors.population_on(when).values(), key=lambda f: f.code)
    if not figures:
        raise Http404("Ingen folkmängd det datumet.")
    return render(request, "funds/population_date.html", {
        "date": when, "figures": figures, "total": sum(f.population for f in figures),
        "sources": sorted({f.source for f in figures if f.source}),
    })


# --- Recording (secretariat) -------------------------------------------------------------------

@secretariat_required
def population_import(request):
    form = PopulationImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = services.import_population(upload.read(), filename=upload.name,
                                                 date=form.cleaned_data["date"], source=form.cleaned_data["source"],
                                                     acting_user=request.user)
        except UserError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, f"Importerat: {result}")
            return redirect("funds:population")
    return render(request, "funds/population.html",
                  {"dates": selectors.population_dates(), "form": form}, status=400 if form.is_bound else 200)


@secretariat_required
def agreement_new(request):
    bodies = Body.objects.filter(pk__in=served_body_ids(request.user))
    form = AgreementForm(request.POST or None, bodies=bodies)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = services.record_agreement(data["body"], data["name"], data["year"], title=data["title"],
                                                notes=data["notes"], focus_areas=data["focus_areas"],
                                                    acting_user=request.user)
        except services.FundsError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{created} är registrerad.")
            return redirect(created)
    return _form_page(request, "Ny överenskommelse", form, reverse("funds:overview"))


def _agreement_form(request, pk, form_class, title, action, success, with_agreement=False, intro=""):
    """A form on an agreement's page: on success, back to the agreement."""
    found = _editable(request, pk)
    kwargs = {"agreement": found} if with_agreement else {}
    form = form_class(request.POST or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            action(found, form.cleaned_data)
        except services.FundsError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, success)
            return redirect(found)
    return render(request, "funds/form.html", {"title": f"{title} – {found}", "form": form,
                                               "back_url": found.get_absolute_url(), "intro": intro,
                                               "submit": "Spara"})


@secretariat_required
def focus_area_add(request, pk):
    return _agreement_form(request, pk, FocusAreaForm, "Nytt inriktningsområde",
                           lambda a, d: services.add_focus_area(a, d["name"], d["code"], acting_user=request.user),
                           "Inriktningsområdet är tillagt.")


@secretariat_required
def receipt_add(request, pk):
    return _agreement_form(request, pk, ReceiptForm, "Mottagna medel",
                           lambda a, d: services.record_receipt(a, d["amount"], d["received_on"], d["note"],
                                                                acting_user=request.user),
                           "Medlen är registrerade.")


@secretariat_required
def allocation_add(request, pk):
    def action(found, d):
        services.allocate(found, d["amount"], recipient_organization=d["recipient_organization"],
                          recipient_project=d["recipient_project"], focus_area=d["focus_area"],
                          decided_on=d["decided_on"], decision_item=d["decision_item"],
                          decision_reference=d["decision_reference"], note=d["note"], acting_user=request.user)
    return _agreement_form(request, pk, AllocationForm, "Nytt anslag", action, "Anslaget är registrerat.",
                           with_agreement=True)


def _allocation_form(request, pk, form_class, title, action, success):
    allocation = _editable_allocation(request, pk)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            action(allocation, form.cleaned_data)
        except services.FundsError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, success)
            return redirect(allocation.agreement)
    return render(request, "funds/form.html", {
        "title": f"{title} – {allocation.recipient}", "form": form,
        "back_url": allocation.agreement.get_absolute_url(), "submit": "Spara",
        "intro": f"Anslag {documents.kronor(allocation.amount)} ur {allocation.agreement}.",
    })


@secretariat_required
def use_add(request, pk):
    return _allocation_form(request, pk, UseForm, "Redovisad användning",
                            lambda a, d: services.report_use(a, d["amount"], d["reported_on"], d["description"],
                                                             acting_user=request.user),
                            "Användningen är registrerad.")


@secretariat_required
def unspent_return(request, pk):
    return _allocation_form(request, pk, ReturnForm, "Återför ej förbrukade medel",
                            lambda a, d: services.return_unspent(a, d["amount"], acting_user=request.user),
                            "Ej förbrukade medel är återförda till överenskommelsen.")


@secretariat_required
def distribute(request, pk):
    """The distribution tool: a preview first, then the decision is recorded."""
    found = _editable(request, pk)
    totals = selectors.agreement_totals(found)
    form = DistributionForm(request.POST or None, agreement=found, initial={"total": totals.left})
    plan = None
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        chosen = list(d["municipalities"])
        try:
            if request.POST.get("action") == "save":
                created = services.distribute_leftover(
                    found, d["total"], region=d["region"], region_weight=d["region_weight"],
                    municipalities_weight=d["municipalities_weight"], population_date=d["population_date"],
                    municipalities=chosen, focus_area=d["focus_area"], decided_on=d["decided_on"],
                    decision_item=d["decision_item"], decision_reference=d["decision_reference"], note=d["note"],
                        acting_user=request.user)
                messages.success(request, "Fördelningen är registrerad.")
                return redirect(created)
            if d["total"] > totals.left:
                raise services.FundsError(
                    f"Beloppet {d['total']} kr är mer än vad som finns kvar att fördela ({totals.left} kr).")
            plan = services.plan_distribution(d["total"], d["region"], d["region_weight"],
                                              d["municipalities_weight"], d["population_date"], chosen)
        except services.FundsError as error:
            form.add_error(None, str(error))
    return render(request, "funds/distribute.html", {
        "agreement": found, "totals": totals, "form": form, "plan": plan, "tie_rule": TIE_RULE,
    })
