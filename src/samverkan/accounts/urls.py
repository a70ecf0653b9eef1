from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("sekretariat/konton/bjud-in/<int:person_pk>/", views.invite_member, name="invite_member"),
    path("sekretariat/organ/<slug:slug>/medlemmar/bjud-in/", views.invite_members, name="invite_members"),
    path("sekretariat/organ/<slug:slug>/sekreterare/bjud-in/", views.invite_secretary, name="invite_secretary"),
    path("konto/valj-losenord/<uidb64>/<token>/", views.ChoosePasswordView.as_view(), name="choose_password"),
    path("konto/glomt-losenord/", views.ForgotPasswordView.as_view(), name="forgot_password"),
    path("konto/glomt-losenord/skickat/", views.forgot_password_sent, name="forgot_password_sent"),
]
