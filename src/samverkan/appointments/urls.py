from django.urls import path

from . import views

app_name = "appointments"
urlpatterns = [
    path("organ/<slug:slug>/uppdrag/", views.public_body_appointments, name="public"),
    path("sekretariat/uppdrag/", views.appointment_bodies, name="bodies"),
    path("sekretariat/organ/<slug:slug>/uppdrag/", views.body_appointments_page, name="body"),
    path("sekretariat/organ/<slug:slug>/uppdrag/nytt/", views.appoint, name="appoint"),
    path("sekretariat/organ/<slug:slug>/arbetsordning/", views.body_rules, name="rules"),
    path("sekretariat/organ/<slug:slug>/val/bordlagg/", views.table_election, name="table_election"),
    path("sekretariat/organ/<slug:slug>/val/hamta/", views.find_tabled_elections,
         name="find_tabled_elections"),
    path("sekretariat/uppdrag/<int:pk>/avsluta/", views.end_appointment, name="end"),
    path("sekretariat/uppdrag/<int:pk>/undantag/", views.record_exception, name="record_exception"),
]
