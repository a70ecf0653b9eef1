"""Invitations by the secretariat, and the pages where a person chooses (or forgets) a password."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from samverkan.core.views import run_action
from samverkan.directory.access import secretariat_required, served_body, served_body_ids
from samverkan.directory.models import Person

from . import invitations
from .forms import SecretaryInvitationForm


def _site_url(request) -> str:
    return settings.SAMVERKAN_SITE_URL or request.build_absolute_uri("/").rstrip("/")


def _back(request, fallback: str):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect(fallback)


@secretariat_required
@require_POST
def invite_member(request, person_pk):
    """Invite a person who is or was a member of a body the secretary serves."""
    person = get_object_or_404(Person.objects.filter(memberships__body__in=served_body_ids(request.user))
                               .distinct(), pk=person_pk)
    run_action(request, lambda: invitations.invite_person(person, site_url=_site_url(request),
                                                          acting_user=request.user),
               lambda sent: f"En inbjudan är skickad till {person.name}, {sent.address}.")
    return _back(request, person.get_absolute_url())


@secretariat_required
@require_POST
def invite_members(request, slug):
    body = served_body(request, slug)
    run_action(request, lambda: invitations.invite_members(body, site_url=_site_url(request),
                                                           acting_user=request.user),
               lambda sent: f"En inbjudan är skickad till {len(sent)} medlemmar."
               if sent else "Alla medlemmar med e-postadress har redan ett konto.")
    return redirect("directory:members", body.slug)


@secretariat_required
def invite_secretary(request, slug):
    body = served_body(request, slug)
    form = SecretaryInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if run_action(request, lambda: invitations.invite_secretary(
                body, data["name"], data["email"], site_url=_site_url(request), acting_user=request.user),
                lambda sent: f"{data['name']} är sekreterare för {body.display_name}. "
                             + ("En inbjudan är skickad till " + sent.address + "."
                                if not sent.user.has_usable_password() else "Hen har redan ett konto.")):
            return redirect("directory:body", body.slug)
    return render(request, "accounts/invite_secretary.html", {"body": body, "form": form})


class ChoosePasswordView(auth_views.PasswordResetConfirmView):
    """The link of an invitation or a forgotten password: choose a password, then sign in."""

    template_name = "accounts/choose_password.html"
    success_url = reverse_lazy("web:login")
    post_reset_login = False

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, "Ditt lösenord är sparat. Logga in med ditt användarnamn "
                                       f"{form.user.get_username()}.")
        return response


class ForgotPasswordView(auth_views.PasswordResetView):
    """Ask for a new link by e-mail; the page says the same whether or not the address is known."""

    template_name = "accounts/forgot_password.html"
    email_template_name = "accounts/forgot_password_email.txt"
    subject_template_name = "accounts/forgot_password_subject.txt"
    success_url = reverse_lazy("accounts:forgot_password_sent")

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["email"].label = "E-post"
        return form

    def form_valid(self, form):
        self.extra_email_context = {"choose_url": _site_url(self.request)}
        return super().form_valid(form)


def forgot_password_sent(request):
    return render(request, "accounts/forgot_password_sent.html", {"login": reverse("web:login")})
