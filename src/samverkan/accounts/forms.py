from django import forms


class SecretaryInvitationForm(forms.Form):
    name = forms.CharField(label="Namn", max_length=200)
    email = forms.EmailField(label="E-post", help_text="Inbjudan skickas hit. Adressen blir användarnamnet.")
