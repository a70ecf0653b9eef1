"""Forms of the secretariat's directory pages: bodies, secretaries, members, a member list to import.

The forms only parse; the rules (unique names, e-mail addresses, overlapping memberships) are the
actions' own, in bodies.py, members.py and member_import.py, and their messages are shown as they are.
"""

from django import forms

from .models import Body

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
PEOPLE_LIST = "personer"
ORGANIZATIONS_LIST = "organisationer"


def _listed(list_id: str, **attrs) -> forms.TextInput:
    """A text field that offers the choices of a <datalist> as one types."""
    return forms.TextInput(attrs={"list": list_id, "autocomplete": "off", **attrs})


class BodyForm(forms.Form):
    name = forms.CharField(label="Namn", max_length=200, help_text="Hela namnet, t.ex. ”Välfärdsrådet Dalarna”.")
    short_name = forms.CharField(label="Kortnamn", max_length=100, required=False,
                                 help_text="Det namn som används i löptext, om det är kortare.")
    abbreviation = forms.CharField(label="Förkortning", max_length=30, required=False)
    parent = forms.ModelChoiceField(label="Överordnat organ", queryset=Body.objects.all(), required=False,
                                    empty_label="Inget")
    attachments_public_by_default = forms.BooleanField(
        label="Bilagor är offentliga som standard", required=False, initial=True,
        help_text="Rutan ”Offentlig” är ikryssad när en bilaga laddas upp. Varje bilaga kan ändras efteråt.")
    certify_extracts = forms.BooleanField(
        label="Utdrag bestyrks med ”Rätt utdraget intygar”", required=False, initial=True,
        help_text="Utdrag ur justerade minnesanteckningar får sekreterarens namn och dagens datum.")

    def __init__(self, *args, body: Body | None = None, **kwargs):
        if body is not None:
            kwargs.setdefault("initial", {"name": body.name, "short_name": body.short_name,
                                          "abbreviation": body.abbreviation, "parent": body.parent_id,
                                          "attachments_public_by_default": body.attachments_public_by_default,
                                          "certify_extracts": body.certify_extracts})
        super().__init__(*args, **kwargs)
        if body is not None:
            self.fields["parent"].queryset = Body.objects.exclude(pk=body.pk)
            self.fields["abbreviation"].help_text = (f"Organets adress är och förblir /sekretariat/organ/{body.slug}/.")
        else:
            self.fields["abbreviation"].help_text = "Organets adress bildas av förkortningen, eller av namnet."


class OrganizationForm(forms.Form):
    registry_email = forms.CharField(
        label="Registratorns e-post", max_length=254, required=False,
        help_text="Organisationens registratur (diarium). Dit expedieras utdrag ur minnesanteckningarna.")


class SecretaryForm(forms.Form):
    identifier = forms.CharField(label="Användarnamn eller e-postadress", max_length=254,
                                 help_text="Ett befintligt användarkonto.")


class _MembershipFields(forms.Form):
    role = forms.CharField(label="Roll", max_length=100, required=False,
                           help_text="T.ex. ordförande eller ersättare; tomt för ledamot.")
    start_date = forms.DateField(label="Från", required=False, widget=DATE)
    end_date = forms.DateField(label="Till och med", required=False, widget=DATE)
    acting = forms.BooleanField(label="Tillförordnad", required=False)


class ExistingMemberForm(_MembershipFields):
    person = forms.CharField(label="Person", max_length=200, widget=_listed(PEOPLE_LIST),
                             help_text="Skriv några bokstäver i namnet och välj i listan.")
    organization = forms.CharField(label="Organisation", max_length=200, required=False,
                                   widget=_listed(ORGANIZATIONS_LIST),
                                   help_text="Tomt: personens egen organisation.")
    field_order = ["person", "organization", "role", "start_date", "end_date", "acting"]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "befintlig")
        super().__init__(*args, **kwargs)


class NewPersonForm(_MembershipFields):
    name = forms.CharField(label="Namn", max_length=200)
    organization = forms.CharField(label="Organisation", max_length=200, required=False,
                                   widget=_listed(ORGANIZATIONS_LIST))
    title = forms.CharField(label="Befattning", max_length=200, required=False)
    email = forms.CharField(label="E-post", max_length=254, required=False,
                            widget=forms.TextInput(attrs={"type": "email", "autocomplete": "off"}))
    field_order = ["name", "organization", "title", "email", "role", "start_date", "end_date", "acting"]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "ny")
        super().__init__(*args, **kwargs)


class MembershipForm(_MembershipFields):
    organization = forms.CharField(label="Organisation", max_length=200, required=False,
                                   widget=_listed(ORGANIZATIONS_LIST))
    email = forms.CharField(label="E-post", max_length=254, required=False,
                            widget=forms.TextInput(attrs={"type": "email"}),
                            help_text="Personens adress, för alla organ personen är med i.")
    field_order = ["organization", "role", "email", "start_date", "end_date", "acting"]

    def __init__(self, *args, membership=None, **kwargs):
        if membership is not None:
            kwargs.setdefault("initial", {
                "organization": membership.organization.name if membership.organization_id else "",
                "role": membership.role, "email": membership.person.email, "start_date": membership.start_date,
                "end_date": membership.end_date, "acting": membership.acting})
        super().__init__(*args, **kwargs)


class ImportForm(forms.Form):
    file = forms.FileField(label="Fil (CSV eller Excel)",
                           help_text="Första raden med kolumnrubriker: Namn, E-post, Organisation, Titel "
                                     "(eller som Outlook och Excel skriver dem).",
                           widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx"}))
    start_date = forms.DateField(label="Medlemmar från", required=False, widget=DATE,
                                 help_text="Tomt om datumet inte är känt.")
