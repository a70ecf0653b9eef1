from django.urls import path

from . import views

app_name = "meetings"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("logg/", views.audit_log, name="audit_log"),
    path("moten/nytt/", views.meeting_new, name="meeting_new"),
    path("moten/<int:pk>/", views.agenda, name="agenda"),
    path("moten/<int:pk>/uppgifter/", views.meeting_edit, name="meeting_edit"),
    path("moten/<int:pk>/punkter/ny/", views.item_add, name="item_add"),
    path("moten/<int:pk>/punkter/aterupptag/", views.item_carry_over, name="item_carry_over"),
    path("moten/<int:pk>/ordning/", views.reorder, name="reorder"),
    path("moten/<int:pk>/kallelse/skicka/", views.notice_send, name="notice_send"),
    path("moten/<int:pk>/narvaro/", views.attendance, name="attendance"),
    path("moten/<int:pk>/anteckningar/", views.record, name="record"),
    path("moten/<int:pk>/publicera/", views.publish, name="publish"),
    path("punkter/<int:pk>/", views.item_edit, name="item"),
    path("punkter/<int:pk>/flytta/", views.item_move, name="item_move"),
    path("punkter/<int:pk>/underpunkt/", views.subitem_add, name="subitem_add"),
    path("punkter/<int:pk>/ta-bort/", views.item_remove, name="item_remove"),
    path("punkter/<int:pk>/bilagor/", views.attachment_add, name="attachment_add"),
    path("punkter/<int:pk>/anteckna/", views.record_item, name="record_item"),
    path("punkter/<int:pk>/enligt-forslag/", views.adopt_proposals, name="adopt_proposals"),
    path("bilagor/<int:pk>/ta-bort/", views.attachment_remove, name="attachment_remove"),
]

# Appointments, rules of procedure and the year calendar (issue #4).
from samverkan.directory import views_appointments  # noqa: E402

from . import views_calendar  # noqa: E402

urlpatterns += [
    path("uppdrag/", views_appointments.appointment_bodies, name="appointments"),
    path("organ/<slug:slug>/uppdrag/", views_appointments.body_appointments_page, name="body_appointments"),
    path("organ/<slug:slug>/uppdrag/nytt/", views_appointments.appoint, name="appoint"),
    path("organ/<slug:slug>/arbetsordning/", views_appointments.body_rules, name="body_rules"),
    path("organ/<slug:slug>/val/bordlagg/", views_appointments.table_election, name="table_election"),
    path("organ/<slug:slug>/val/hamta/", views_appointments.find_tabled_elections, name="find_tabled_elections"),
    path("uppdrag/<int:pk>/avsluta/", views_appointments.end_appointment, name="end_appointment"),
    path("uppdrag/<int:pk>/undantag/", views_appointments.record_exception, name="record_exception"),
    path("kalendarium/", views_calendar.calendar_bodies, name="calendar"),
    path("organ/<slug:slug>/kalendarium/", views_calendar.body_calendar, name="body_calendar"),
    path("organ/<slug:slug>/aterkommande/", views_calendar.meeting_series, name="meeting_series"),
    path("kalendarium/<int:pk>/", views_calendar.calendar_plan, name="calendar_plan"),
    path("kalendarium/<int:pk>/nytt-datum/", views_calendar.planned_date_add, name="planned_date_add"),
    path("kalendarium/<int:pk>/faststall/", views_calendar.calendar_adopt, name="calendar_adopt"),
    path("kalendarium/datum/<int:pk>/", views_calendar.planned_date_edit, name="planned_date_edit"),
    path("kalendarium/datum/<int:pk>/ta-bort/", views_calendar.planned_date_remove, name="planned_date_remove"),
    path("externa-kalendrar/", views_calendar.external_calendars, name="external_calendars"),
]
