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

