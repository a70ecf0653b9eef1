"""Forms of the funds pages. Amounts are typed as whole kronor, spaces allowed: ”350 000”."""

import datetime
import re

from django import forms

from samverkan.directory.models import Body, Organization
from samverkan.meetings.forms import DecisionItemField, decision_items
from samverkan.meetings.models import AgendaItem

from .selectors import municipalities, population_dates, regions


class AmountField(forms.CharField):
    """Whole kronor: '4 000 000', '4000000 kr' or '350 000,00' are read; decimals other than ,00 are not."""

    default_error_messages = {"invalid": "Ange ett helt antal kronor, t.ex. 350 000."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off", "maxlength": 30})

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        cleaned = re.sub(r"[\s\u00a0\u202f]|kr\.?$", "", value.strip().lower())
        cleaned = re.sub(r"[,.]00?$", "", cleaned)
        if not cleaned.isdigit() or len(cleaned) > 15:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return int(cleaned)


DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AgreementForm(forms.Form):
    body = forms.ModelChoiceField(label="Organ", queryset=Body.objects.none())
    name = forms.CharField(label="Namn", max_length=200, help_text="T.ex. ”ÖK psykisk hälsa”.")
    year = forms.IntegerField(label="År", min_value=2000, max_value=2100)
    title = forms.CharField(label="Fullständig titel", max_length=500, required=False)
    focus_areas = forms.CharField(
        label="Inriktningsområden", required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Ett per rad, gärna med nummer: ”3.3 Samsjuklighet”.",
    )
    notes = forms.CharField(label="Anteckningar", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, bodies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies if bodies is not None else Body.objects.all()
        if bodies is not None and len(bodies) == 1:
            self.fields["body"].initial = bodies[0]

    def clean_focus_areas(self):
        return [line.strip() for line in self.cleaned_data["focus_areas"].splitlines() if line.strip()]


class FocusAreaForm(forms.Form):
    code = forms.CharField(label="Nummer", max_length=20, required=False)
    name = forms.CharField(label="Namn", max_length=300)


class ReceiptForm(forms.Form):
    amount = AmountField(label="Belopp (kr)")
    received_on = forms.DateField(label="Datum", required=False, widget=DATE)
    note = forms.CharField(label="Anteckning", max_length=500, required=False)


class DecisionFields(forms.Form):
    decision_item = DecisionItemField(label="Beslutspunkt", queryset=AgendaItem.objects.none(), required=False,
                                      help_text="Punkten på mötet där beslutet fattades.")
    decided_on = forms.DateField(label="Beslutsdatum", required=False, widget=DATE,
                                 help_text="Tomt: mötets datum.")
    decision_reference = forms.CharField(label="Beslut (fritext)", max_length=300, required=False,
                                         help_text="T.ex. ”Länschefsnätverket 230224, punkt 7”.")

    def __init__(self, *args, agreement=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.agreement = agreement
        self.fields["decision_item"].queryset = decision_items(agreement.body)
        if "focus_area" in self.fields:
            self.fields["focus_area"].queryset = agreement.focus_areas.all()


class AllocationForm(DecisionFields):
    amount = AmountField(label="Belopp (kr)")
    recipient_organization = forms.ModelChoiceField(label="Mottagare (organisation)", required=False,
                                                    queryset=Organization.objects.all())
    recipient_project = forms.CharField(label="Mottagare (projekt eller uppdrag)", max_length=300, required=False)
    focus_area = forms.ModelChoiceField(label="Inriktningsområde", required=False, queryset=None)
    note = forms.CharField(label="Anteckning", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    field_order = ["amount", "recipient_organization", "recipient_project", "focus_area", "decision_item",
                   "decided_on", "decision_reference", "note"]

    def clean(self):
        data = super().clean()
        if not data.get("recipient_organization") and not data.get("recipient_project"):
            raise forms.ValidationError("Ange en mottagare: en organisation eller ett projekt.")
        return data


class UseForm(forms.Form):
    amount = AmountField(label="Använt belopp (kr)")
    reported_on = forms.DateField(label="Redovisat", required=False, widget=DATE)
    description = forms.CharField(label="Vad medlen använts till", required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))


class ReturnForm(forms.Form):
    amount = AmountField(label="Belopp att återföra (kr)", required=False,
                         help_text="Tomt: allt som inte redovisats som använt.")


class DistributionForm(DecisionFields):
    total = AmountField(label="Belopp att fördela (kr)")
    region = forms.ModelChoiceField(label="Region", queryset=Organization.objects.none(), required=False)
    region_weight = forms.IntegerField(label="Regionens andel", min_value=0, initial=50)
    municipalities_weight = forms.IntegerField(label="Kommunernas andel", min_value=0, initial=50,
                                               help_text="Andelarna kan vara procent (50 och 50) eller "
                                                         "vilka hela tal som helst (1 och 2).")
    population_date = forms.TypedChoiceField(label="Folkmängd per", required=False, coerce=str)
    municipalities = forms.ModelMultipleChoiceField(
        label="Kommuner", queryset=Organization.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple, help_text="Kommunerna i katalogen med kommunkod.",
    )
    focus_area = forms.ModelChoiceField(label="Inriktningsområde", required=False, queryset=None)
    note = forms.CharField(label="Anteckning", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    field_order = ["total", "region", "region_weight", "municipalities_weight", "population_date",
                   "municipalities", "focus_area", "decision_item", "decided_on", "decision_reference", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions()
        found = list(regions())
        if len(found) == 1:
            self.fields["region"].initial = found[0]
        self.fields["municipalities"].queryset = municipalities()
        self.fields["municipalities"].initial = list(municipalities())
        dates = [row["date"] for row in population_dates()]
        self.fields["population_date"].choices = [("", "—")] + [(d.isoformat(), d.isoformat()) for d in dates]
        if dates:
            self.fields["population_date"].initial = dates[0].isoformat()

    def clean_population_date(self):
        value = self.cleaned_data["population_date"]
        return datetime.date.fromisoformat(value) if value else None


class PopulationImportForm(forms.Form):
    file = forms.FileField(label="CSV-fil", help_text="SCB:s CSV-export (t.ex. tabell BE0101N1) eller "
                                                      "municipality_code,municipality,date,population.")
    date = forms.DateField(label="Datum (valfritt)", required=False, widget=DATE,
                           help_text="Tomt: 31 december i årskolumnens år.")
    source = forms.CharField(label="Källa (valfritt)", max_length=500, required=False,
                             help_text="T.ex. ”Befolkning enligt SCB, {day}”; {day} blir siffrornas datum.")
