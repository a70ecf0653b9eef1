from django import forms

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ExportForm(forms.Form):
    start = forms.DateField(label="Från och med", widget=DATE)
    end = forms.DateField(label="Till och med", widget=DATE)
    include_non_public = forms.BooleanField(
        label="Ta med bilagor som inte är offentliga", required=False,
        help_text="De märks som ej offentliga i paketets metadata och dokumentation.")
