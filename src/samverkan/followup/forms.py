"""Forms of the follow-through pages; the rules are in services."""

from django import forms

from samverkan.directory.models import Organization

from .models import Answer, Recommendation


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class RecommendationForm(forms.Form):
    kind = forms.ChoiceField(label="Slag", choices=Recommendation.Kind.choices, widget=forms.RadioSelect,
                             initial=Recommendation.Kind.RECOMMENDATION)
    title = forms.CharField(label="Rubrik", max_length=300)
    answer_by = forms.DateField(label="Svar senast", widget=DateInput())
    organizations = forms.ModelMultipleChoiceField(
        label="Organisationer som ska ta ställning", queryset=Organization.objects.all(),
        widget=forms.CheckboxSelectMultiple, required=False,
        help_text="Förvalda är kommunerna och regionen bland organets nuvarande medlemmar.")


ANSWER_CHOICES = [(value, label) for value, label in Answer.Status.choices if value != Answer.Status.WAITING]


class AnswerForm(forms.Form):
    status = forms.ChoiceField(label="Ställningstagande", choices=ANSWER_CHOICES, widget=forms.RadioSelect)
    decided_on = forms.DateField(label="Beslutsdatum", widget=DateInput(), required=False)
    deciding_body = forms.CharField(label="Beslutande organ", max_length=200, required=False,
                                    help_text="T.ex. ”Socialnämnden, Borlänge”.")
    registry_number = forms.CharField(label="Diarienummer (dnr)", max_length=100, required=False)
    link = forms.URLField(label="Länk till beslutet", max_length=500, required=False, assume_scheme="https")
    file = forms.FileField(label="Beslutet som fil", required=False,
                           help_text="PDF eller Word. En länk räcker om beslutet finns på webben.")

    @classmethod
    def for_answer(cls, answer: Answer, data=None, files=None):
        initial = {}
        if answer.is_answered:
            initial = {"status": answer.status, "decided_on": answer.decided_on,
                       "deciding_body": answer.deciding_body, "registry_number": answer.registry_number,
                       "link": answer.link}
        return cls(data, files, initial=initial)
