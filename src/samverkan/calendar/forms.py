"""Forms of the year calendar pages."""

from django import forms

from samverkan.directory.models import Body
from samverkan.language.lexicon import MONTHS
from samverkan.meetings.models import Meeting

from .models import WEEKDAYS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
MODES = [(Meeting.Mode.ON_SITE, "På plats"), (Meeting.Mode.DIGITAL, "Digitalt"),
         (Meeting.Mode.HYBRID, "På plats och digitalt")]


class ProposeForm(forms.Form):
    year = forms.IntegerField(label="År", min_value=2000, max_value=2100)
    count = forms.IntegerField(label="Antal möten", min_value=1, max_value=60, initial=8)
    weekday = forms.TypedChoiceField(label="Veckodag", choices=WEEKDAYS[:5], coerce=int, initial=3)
    start_time = forms.TimeField(label="Starttid", widget=TIME, initial="09:00")
    end_time = forms.TimeField(label="Sluttid", widget=TIME, required=False, initial="12:00")
    excluded_months = forms.TypedMultipleChoiceField(
        label="Månader utan möten", required=False, coerce=int, widget=forms.CheckboxSelectMultiple,
        choices=[(i + 1, name) for i, name in enumerate(MONTHS)], initial=[7])
    alternate_modes = forms.BooleanField(label="Varannan gång på plats och digitalt", required=False)
    first_mode = forms.ChoiceField(label="Första mötets form", choices=MODES)
    location = forms.CharField(label="Plats vid möten på plats", max_length=300, required=False)
    digital_location = forms.CharField(label="Plats vid digitala möten", max_length=300, required=False,
                                       initial="Teams")


class PlannedDateForm(forms.Form):
    date = forms.DateField(label="Datum", widget=DATE)
    start_time = forms.TimeField(label="Starttid", widget=TIME)
    end_time = forms.TimeField(label="Sluttid", widget=TIME, required=False)
    mode = forms.ChoiceField(label="Form", choices=MODES)
    location = forms.CharField(label="Plats", max_length=300, required=False)


class ExternalCalendarForm(forms.Form):
    name = forms.CharField(label="Namn", max_length=200, help_text="T.ex. Hjälpmedelsnämnden.")
    file = forms.FileField(label="Kalenderfil (.ics)")
    bodies = forms.ModelMultipleChoiceField(label="Gäller för", queryset=Body.objects.none(), required=False,
                                            widget=forms.CheckboxSelectMultiple,
                                            help_text="Inget valt: alla organ.")

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bodies"].queryset = bodies


class SeriesForm(forms.Form):
    title = forms.CharField(label="Rubrik", max_length=300, initial="Veckovis avstämningsmöte")
    frequency = forms.ChoiceField(label="Återkommer", choices=[("weekly", "Varje vecka"), ("monthly", "Varje månad")])
    interval = forms.IntegerField(label="Intervall", min_value=1, max_value=12, initial=1)
    weekday = forms.TypedChoiceField(label="Veckodag", choices=WEEKDAYS[:5], coerce=int, initial=4)
    start_time = forms.TimeField(label="Starttid", widget=TIME, initial="08:00")
    end_time = forms.TimeField(label="Sluttid", widget=TIME, required=False)
    start_date = forms.DateField(label="Från", widget=DATE)
    end_date = forms.DateField(label="Till och med", widget=DATE, required=False)
    location = forms.CharField(label="Plats", max_length=300, required=False, initial="Teams")
    mode = forms.ChoiceField(label="Form", choices=MODES, initial=Meeting.Mode.DIGITAL)
    skip_holidays = forms.BooleanField(label="Inte på helgdagar", required=False, initial=True)
    public = forms.BooleanField(label="Visas i den offentliga kalendern", required=False)
