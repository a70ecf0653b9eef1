"""Forms of the matter and assignment pages."""

from django import forms

from samverkan.directory.models import Body, Organization, Person
from samverkan.meetings.models import AgendaItem, Clause

from .models import Matter

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MatterForm(forms.ModelForm):
    class Meta:
        model = Matter
        fields = ["title", "registry_number", "body", "status", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}


class ItemChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, item):
        when = item.meeting.date.isoformat() if item.meeting.date else "utan datum"
        return f"{item.meeting.body.display_name} {when}, punkt {item.full_number}: {item.title[:90]}"


class ClauseChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, clause):
        return f"{clause.get_kind_display()}: {clause.text[:160]}"


class AssignmentForm(forms.Form):
    title = forms.CharField(label="Uppdrag", max_length=500, help_text="Vad ska göras, kort.")
    description = forms.CharField(label="Beskrivning", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    clause = ClauseChoiceField(label="Beslut", queryset=Clause.objects.none(), required=False,
                               help_text="Den att-sats som ger uppdraget.")
    owner_body = forms.ModelChoiceField(label="Bärs av organ", queryset=Body.objects.all(), required=False)
    owner_organization = forms.ModelChoiceField(label="… eller organisation", queryset=Organization.objects.all(),
                                                required=False)
    owner_person = forms.ModelChoiceField(label="… eller person", queryset=Person.objects.all(), required=False)
    contact = forms.ModelChoiceField(label="Kontaktperson", queryset=Person.objects.all(), required=False,
                                     help_text="Får påminnelserna när en organisation bär uppdraget.")
    reports_to = forms.ModelChoiceField(label="Återrapporteras till", queryset=Body.objects.all(), required=False)
    deadline = forms.DateField(label="Tidsgräns", required=False, widget=DATE_WIDGET)
    decided_on = forms.DateField(label="Beslutsdatum", required=False, widget=DATE_WIDGET,
                                 help_text="Behövs bara när beslutet inte finns i arkivet.")
    matter = forms.ModelChoiceField(label="Ärende", queryset=Matter.objects.exclude(status=Matter.Status.CLOSED),
                                    required=False)

    def __init__(self, *args, item: AgendaItem | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if item is not None:
            self.fields["clause"].queryset = item.clauses.all()
        else:
            del self.fields["clause"]

    def clean(self):
        data = super().clean()
        owners = [data.get(name) for name in ("owner_body", "owner_organization", "owner_person")]
        chosen = [owner for owner in owners if owner is not None]
        if len(chosen) != 1:
            raise forms.ValidationError("Välj ett organ, en organisation eller en person som bär uppdraget.")
        data["owner"] = chosen[0]
        return data


class ExtensionForm(forms.Form):
    due = forms.DateField(label="Ny tidsgräns", widget=DATE_WIDGET)
    item = ItemChoiceField(label="Beslutad under punkt", queryset=AgendaItem.objects.none(), required=False)
    decision_text = forms.CharField(label="Beslutets lydelse", required=False,
                                    widget=forms.Textarea(attrs={"rows": 2}),
                                    help_text="Tomt: beslutens text från punkten.")
    decided_on = forms.DateField(label="Beslutsdatum", required=False, widget=DATE_WIDGET,
                                 help_text="Behövs bara när beslutet inte finns i arkivet.")
    note = forms.CharField(label="Anteckning", max_length=500, required=False)

    def __init__(self, *args, items=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = items if items is not None else AgendaItem.objects.none()


class CompletionForm(forms.Form):
    on = forms.DateField(label="Redovisat", required=False, widget=DATE_WIDGET)
    item = ItemChoiceField(label="Redovisat under punkt", queryset=AgendaItem.objects.none(), required=False)

    def __init__(self, *args, items=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = items if items is not None else AgendaItem.objects.none()
