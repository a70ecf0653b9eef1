"""Follow-through pages: mark a decision, follow the answers, send and remind, answer for an organisation.

Views parse the request, call one action, and say how it went; the rules are in services and selectors.
"""

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from samverkan.core.errors import UserError
from samverkan.core.views import run_action
from samverkan.directory.access import secretariat_required
from samverkan.directory.models import Organization
from samverkan.matters.selectors import can_edit_matter, visible_items, visible_matters

from . import selectors, services
from .forms import AnswerForm, RecommendationForm
from .models import Answer, Recommendation


def site_url(request) -> str:
    """SAMVERKAN_SITE_URL, or the address this request came to: the base of the links in the e-mail."""
    return settings.SAMVERKAN_SITE_URL or request.build_absolute_uri("/").rstrip("/")


def _recommendation(request, pk) -> Recommendation:
    try:
        return selectors.recommendation_detail(pk, request.user)
    except Recommendation.DoesNotExist:
        raise Http404("Rekommendationen finns inte.") from None


def _editable(request, pk) -> Recommendation:
    recommendation = _recommendation(request, pk)
    if not selectors.can_edit_recommendation(request.user, recommendation):
        raise Http404("Rekommendationen finns inte.")
    return recommendation


@secretariat_required
def recommendation_new(request):
    """Mark an item's decision (?punkt=) or a matter (?arende=) as a recommendation to the members."""
    item = matter = None
    if request.GET.get("punkt"):
        item = get_object_or_404(visible_items(request.user).select_related("meeting__body"),
                                 pk=request.GET["punkt"])
        body = item.meeting.body
        title = item.title
    else:
        matter = get_object_or_404(visible_matters(request.user).select_related("body"),
                                   pk=request.GET.get("arende") or 0)
        if not can_edit_matter(request.user, matter):
            raise Http404("Ärendet finns inte.")
        body, title = matter.body, matter.title
    if body is None:
        messages.error(request, "Ärendet har inget ansvarigt organ. Ange organet på ärendet först.")
        return redirect(matter)
    defaults = services.default_organizations(body)
    form = RecommendationForm(request.POST or None, initial={
        "title": title[:300], "organizations": [organization.pk for organization in defaults]})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            recommendation = services.mark_recommendation(
                item=item, matter=matter, kind=data["kind"], answer_by=data["answer_by"],
                organizations=list(data["organizations"]), title=data["title"], acting_user=request.user)
        except UserError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, f"”{recommendation.title}” följs upp hos {recommendation.answers.count()} "
                                      "organisationer. Skicka den till dem när du är klar.")
            return redirect(recommendation)
    return render(request, "followup/recommendation_form.html", {
        "form": form, "item": item, "matter": matter, "body": body, "defaults": defaults})


def recommendation_detail(request, pk):
    recommendation = _recommendation(request, pk)
    editable = selectors.can_edit_recommendation(request.user, recommendation)
    represented = selectors.represented_organizations(request.user, recommendation.body)
    return render(request, "followup/recommendation_detail.html", {
        "recommendation": recommendation,
        "chain": selectors.chain(recommendation, request.user),
        "is_secretariat": editable,
        "represented": represented,
        "mailings": recommendation.mailings.all() if editable else [],
    })


@secretariat_required
@require_POST
def recommendation_send(request, pk):
    recommendation = _editable(request, pk)

    def sent(mailing):
        reached = sum(1 for entry in mailing.recipients if entry["status"] == "sent")
        noun = "Påminnelsen" if mailing.kind == mailing.Kind.REMINDER else "Begäran"
        text = f"{noun} gick till {mailing.organization_count} organisationer som inte har svarat."
        if reached < mailing.organization_count:
            text += f" {mailing.organization_count - reached} av dem kunde inte nås med e-post."
        return text

    run_action(request, lambda: services.send_to_organizations(
        recommendation, site_url=site_url(request), acting_user=request.user), sent)
    return redirect(recommendation)


def _answer_page(request, answer: Answer, *, token: str = "", via: str):
    form = AnswerForm.for_answer(answer, request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {key: data[key] for key in ("status", "decided_on", "deciding_body", "registry_number", "link")}
        try:
            if token:
                services.answer_through_link(token, file=data["file"], acting_user=request.user, **fields)
            else:
                services.record_answer(answer, file=data["file"], via=via, acting_user=request.user, **fields)
        except UserError as error:
            form.add_error(None, error.message)
        else:
            answer.refresh_from_db()
            messages.success(request, f"Beskedet från {answer.organization.name} är registrerat: "
                                      f"{answer.get_status_display().lower()}.")
            if token:
                return redirect("followup:answer_link", token)
            return redirect(answer.recommendation)
    return render(request, "followup/answer_form.html", {
        "answer": answer, "recommendation": answer.recommendation, "form": form, "token": token,
        "by_secretariat": via == Answer.Via.SECRETARIAT})


def answer_for_organization(request, pk, slug):
    """A signed-in representative answers for their organisation; the secretariat records for anyone."""
    if not request.user.is_authenticated:
        return redirect(f"{settings.LOGIN_URL}?next={request.path}")
    recommendation = _recommendation(request, pk)
    organization = get_object_or_404(Organization, slug=slug)
    if not selectors.can_answer_for(request.user, recommendation, organization):
        raise Http404("Sidan finns inte.")
    try:
        answer = services.answer_for(recommendation, organization)
    except UserError as error:
        messages.error(request, error.message)
        return redirect(recommendation)
    via = Answer.Via.SECRETARIAT if selectors.can_edit_recommendation(request.user, recommendation) \
        and organization.pk not in selectors.represented_organizations(request.user, recommendation.body) \
        else Answer.Via.MEMBER
    return _answer_page(request, answer, via=via)


def answer_link(request, token):
    """The page the e-mail's signed link opens: no sign-in, one organisation and one recommendation."""
    try:
        answer = services.answer_for_token(token)
    except UserError as error:
        return render(request, "followup/answer_link_refused.html", {"message": error.message}, status=403)
    return _answer_page(request, answer, token=token, via=Answer.Via.LINK)


def answer_file(request, pk):
    """The uploaded decision of an organisation: for whoever may read the recommendation."""
    answer = get_object_or_404(Answer.objects.select_related("recommendation"), pk=pk)
    if not answer.file or not selectors.visible_recommendations(request.user).filter(
            pk=answer.recommendation_id).exists():
        raise Http404("Filen finns inte.")
    return FileResponse(answer.file.open("rb"), as_attachment=False, filename=answer.original_name or None)
