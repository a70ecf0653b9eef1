"""Forms of the secretariat's pages. Lists are written one entry per line, as in the documents."""

from django import forms
from django.utils import formats, timezone

from samverkan.directory.models import Body

from .models import AgendaItem, Meeting
from .validation import meeting_problems, title_problem


def decision_items(body: Body):
    """The items of a body's meetings, newest first, for pointing to the decision that made something."""
    return (AgendaItem.objects.filter(meeting__body=body).select_related("meeting", "parent")
            .order_by("-meeting__date", "parent_id", "position"))


class DecisionItemField(forms.ModelChoiceField):
    """A choice of agenda item, shown as '9 november 2023, punkt 7. Val av ordförande …'."""

    def label_from_instance(self, item):
        when = formats.date_format(item.meeting.date, "j F Y") if item.meeting.date else "utan datum"
        return f"{when}, punkt {item.full_number}. {item.title[:80]}"


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["body", "date", "start_time", "end_time", "location", "online_link", "mode", "registry_number"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "end_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    online_link = forms.URLField(
        label="Digital länk", required=False, max_length=500, assume_scheme="https",
        help_text=Meeting._meta.get_field("online_link").help_text,
    )

    def __init__(self, *args, bodies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies if bodies is not None else Body.objects.all()
        self.fields["date"].required = True
        if self.instance.pk:
            self.fields["version"].initial = self.instance.lock_version

    def clean(self):
        data = super().clean()
        problems = meeting_problems(data.get("date"), data.get("start_time"), data.get("end_time"),
                                    timezone.localdate())
        for field, message in problems.items():
            self.add_error(field, message)
        return data


def clean_title(form):
    """An item's title: at most 300 characters, said so in Swedish; a longer one read from the
    archive may stay as it was."""
    title = form.cleaned_data["title"]
    problem = title_problem(title)
    if problem and title != form.initial.get("title"):
        raise forms.ValidationError(problem)
    return title


class ItemForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(label="Rubrik", max_length=1000)
    type = forms.ChoiceField(label="Typ", choices=AgendaItem.Type.choices)
    presenters = forms.CharField(
        label="Föredragande", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="En person per rad: Namn, Titel",
    )
    agenda_text = forms.CharField(label="Underlag", required=False, widget=forms.Textarea(attrs={"rows": 6}))
    proposals = forms.CharField(
        label="Förslag till beslut", required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text="En att-sats per rad, t.ex. ”att godkänna dagordningen.”",
    )

    clean_title = clean_title

    def clean_proposals(self):
        clauses = lines(self.cleaned_data["proposals"])
        for clause in clauses:
            if not clause.lower().startswith("att "):
                raise forms.ValidationError(f"Varje förslag ska börja med ”att”: {clause}")
        return clauses

    def clean_presenters(self):
        presenters = []
        for line in lines(self.cleaned_data["presenters"]):
            name, _, title = line.partition(",")
            presenters.append((name.strip(), title.strip()))
        return presenters


class NewItemForm(forms.Form):
    title = forms.CharField(label="Rubrik", max_length=1000)
    type = forms.ChoiceField(label="Typ", choices=AgendaItem.Type.choices, initial=AgendaItem.Type.DECISION)

    clean_title = clean_title

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class AttachmentForm(forms.Form):
    file = forms.FileField(label="Fil (PDF, Word, Excel eller PowerPoint)")
    public = forms.BooleanField(label="Offentlig när minnesanteckningarna publiceras", required=False)

    def __init__(self, *args, owner_form: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if owner_form:  # fields placed outside the item's form still post with it (HTML form attribute)
            self.use_required_attribute = False  # else the browser refuses "Spara punkten" without a file
            for field in self.fields.values():
                field.widget.attrs["form"] = owner_form


class RecordItemForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    minutes_text = forms.CharField(label="Anteckningar", required=False, widget=forms.Textarea(attrs={"rows": 4}))
    decisions = forms.CharField(
        label="Beslut", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="En att-sats per rad.",
    )
    outcome = forms.ChoiceField(label="Utfall", choices=AgendaItem.Outcome.choices, required=False)
    forwarded_to = forms.ModelChoiceField(label="Överlämnas till", queryset=Body.objects.all(), required=False)

    def __init__(self, *args, body_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if body_choices is not None:  # the same list for every item's form: one query, not one per item
            self.fields["forwarded_to"].choices = body_choices

    def clean_decisions(self):
        return lines(self.cleaned_data["decisions"])

    def clean(self):
        data = super().clean()
        if data.get("outcome") == AgendaItem.Outcome.FORWARDED and not data.get("forwarded_to"):
            self.add_error("forwarded_to", "Ange vilket organ ärendet överlämnas till.")
        return data


class PublishForm(forms.Form):
    note = forms.CharField(label="Vad har rättats?", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    publish_unrecorded = forms.BooleanField(
        label="Publicera ändå, med punkter som inte är behandlade", required=False)
