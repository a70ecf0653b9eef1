from django.urls import path

from . import views

app_name = "calendar"
urlpatterns = [
    # The public's and members' pages and feeds.
    path("organ/<slug:slug>/kalendarium/", views.public_calendar, name="public"),
    path("organ/<slug:slug>/kalender.ics", views.body_feed, name="body_feed"),
    path("kalender/<str:token>.ics", views.person_feed, name="person_feed"),
    path("min-kalender/", views.my_calendar, name="mine"),
    # The secretariat's planning.
    path("sekretariat/kalendarium/", views.calendar_bodies, name="bodies"),
    path("sekretariat/organ/<slug:slug>/kalendarium/", views.body_calendar, name="body"),
    path("sekretariat/organ/<slug:slug>/aterkommande/", views.meeting_series, name="series"),
    path("sekretariat/kalendarium/<int:pk>/", views.calendar_plan, name="plan"),
    path("sekretariat/kalendarium/<int:pk>/nytt-datum/", views.planned_date_add, name="planned_date_add"),
    path("sekretariat/kalendarium/<int:pk>/faststall/", views.calendar_adopt, name="adopt"),
    path("sekretariat/kalendarium/datum/<int:pk>/", views.planned_date_edit, name="planned_date_edit"),
    path("sekretariat/kalendarium/datum/<int:pk>/ta-bort/", views.planned_date_remove,
         name="planned_date_remove"),
    path("sekretariat/externa-kalendrar/", views.external_calendars, name="external"),
]
