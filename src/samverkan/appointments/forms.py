"""Forms of the appointment pages."""

from django import forms

from samverkan.directory.models import Body, Organization, Person
from samverkan.meetings.forms import DecisionItemField, decision_items
from samverkan.meetings.models import AgendaItem

from .models import Appointment, BodyRules, RuleException

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


NEW_PERSON = "ny"


class PersonChoiceForm(forms.Form):
    """Who is appointed: a person chosen from the directory (`person` is its id), or "ny" and a new one.

    The page renders these fields itself (the search, the list of people found and "Ny person").
    """

    person = forms.CharField(required=False)
    new_name = forms.CharField(label="Namn", max_length=200, required=False)
    new_organization = forms.CharField(label="Organisation", max_length=200, required=False,
                                       widget=forms.TextInput(attrs={"list": "organisationer", "autocomplete": "off"}))
    new_title = forms.CharField(label="Befattning", max_length=200, required=False)
    new_email = forms.CharField(label="E-post", max_length=254, required=False,
                                widget=forms.TextInput(attrs={"type": "email", "autocomplete": "off"}))

    def clean(self):
        data = super().clean()
        choice = data.get("person", "")
        data["chosen"] = None
        if choice == NEW_PERSON:
            if not data.get("new_name", "").strip():
                self.add_error("new_name", "Ange den nya personens namn.")
        elif choice.isdigit() and (person := Person.objects.select_related("organization")
                                   .filter(pk=int(choice)).first()) is not None:
            data["chosen"] = person
        else:
            raise forms.ValidationError("Välj en person i listan, eller ”Ny person”.", code="person_missing")
        return data

    @property
    def is_new(self) -> bool:
        return self.data.get("person") == NEW_PERSON


class AppointForm(forms.Form):
    organization = forms.ModelChoiceField(label="Organisation", queryset=Organization.objects.all(), required=False,
                                          help_text="Tomt: personens organisation.")
    role = forms.ChoiceField(label="Förtroendeuppdrag", choices=Appointment.Role.choices)
    body = forms.ModelChoiceField(label="I organ", queryset=Body.objects.all(),
                                  help_text="Organet där förtroendeuppdraget utförs, t.ex. styrgruppen.")
    side = forms.ChoiceField(label="Företräder", required=False,
                             choices=[("", "Enligt organisationen")] + list(Organization.Kind.choices))
    start_date = forms.DateField(label="Från", widget=DATE)
    end_date = forms.DateField(label="Till och med", required=False, widget=DATE,
                               help_text="T.ex. 2020-12-31 för ”intill utgången av 2020”.")
    decision_item = DecisionItemField(label="Beslutad på", queryset=AgendaItem.objects.none(), required=False)
    decided_on = forms.DateField(label="Beslutsdatum", required=False, widget=DATE,
                                 help_text="Tomt: mötets datum.")
    decision_text = forms.CharField(label="Beslut", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, body: Body, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies
        self.fields["body"].initial = body.pk
        self.fields["decision_item"].queryset = decision_items(body)

    def clean(self):
        data = super().clean()
        if data.get("start_date") and data.get("end_date") and data["end_date"] < data["start_date"]:
            raise forms.ValidationError("Förtroendeuppdraget kan inte sluta innan det börjar.")
        return data


class EndAppointmentForm(forms.Form):
    ended_on = forms.DateField(label="Avslutat", widget=DATE)
    reason = forms.CharField(label="Skäl", max_length=300, required=False)


class ExceptionForm(forms.Form):
    rule = forms.ChoiceField(label="Regel", choices=RuleException.Rule.choices)
    decision_item = DecisionItemField(label="Beslutad på", queryset=AgendaItem.objects.none(), required=False)
    decided_on = forms.DateField(label="Beslutsdatum", required=False, widget=DATE)
    decision_text = forms.CharField(label="Beslut", widget=forms.Textarea(attrs={"rows": 2}),
                                    help_text="T.ex. ”att besluta om ett undantag från arbetsordningen 3 §”.")

    def __init__(self, *args, body: Body, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision_item"].queryset = decision_items(body)


class RulesForm(forms.ModelForm):
    class Meta:
        model = BodyRules
        fields = ["alternate_chair", "alternation_section", "chair_in_steering_group", "steering_group_section",
                  "steering_group", "term_length"]

    def __init__(self, *args, body: Body, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["steering_group"].queryset = Body.objects.exclude(pk=body.pk)


class TableElectionForm(forms.Form):
    role = forms.ChoiceField(label="Val av", choices=[(Appointment.Role.CHAIR, "Ordförande"),
                                                      (Appointment.Role.VICE_CHAIR, "Vice ordförande")])
    year = forms.IntegerField(label="För år", min_value=1990, max_value=2100)
    item = DecisionItemField(label="Bordlagt på", queryset=AgendaItem.objects.none(), required=False)

    def __init__(self, *args, body: Body, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = decision_items(body)
