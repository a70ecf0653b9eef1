from django.contrib.auth import views as auth_views
from django.urls import path

from samverkan.meetings.views import verify

from . import downloads, feeds, views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("moten/", views.meeting_list, name="meetings"),
    path("moten/<int:pk>/", views.meeting_detail, name="meeting"),
    path("moten/<int:pk>/kallelse.pdf", downloads.meeting_document, {"kind": "agenda_pdf"}, name="agenda_pdf"),
    path("moten/<int:pk>/kallelse.docx", downloads.meeting_document, {"kind": "agenda_docx"}, name="agenda_docx"),
    path("moten/<int:pk>/handlingar.pdf", downloads.meeting_document, {"kind": "packet_pdf"}, name="packet_pdf"),
    path("moten/<int:pk>/minnesanteckningar.pdf", downloads.meeting_document, {"kind": "minutes_pdf"},
         name="minutes_pdf"),
    path("moten/<int:pk>/minnesanteckningar.docx", downloads.meeting_document, {"kind": "minutes_docx"},
         name="minutes_docx"),
    path("moten/<int:pk>/justera/", verify.verify, name="verify"),
    path("moten/<int:pk>/mote.ics", downloads.meeting_ics, name="meeting_ics"),
    path("bilagor/<int:pk>/", downloads.attachment, name="attachment"),
    path("kallor/<int:pk>/", views.source_detail, name="source"),
    path("minnesanteckningar/<int:pk>/", views.minutes_version, name="minutes_version"),
    path("personer/dubbletter/", views.duplicate_people, name="duplicate_people"),
    path("personer/dubbletter/avgor/", views.resolve_duplicate, name="resolve_duplicate"),
    path("personer/<int:pk>/", views.person_detail, name="person"),
    path("organ/", views.body_list, name="bodies"),
    path("organ/<slug:slug>/minnesanteckningar.atom", feeds.BodyMinutesFeed(), name="body_minutes_feed"),
    path("organisationer/", views.organization_list, name="organizations"),
    path("organisationer/<slug:slug>/", views.organization_detail, name="organization"),
    path("sok/", views.search_page, name="search"),
    path("tillganglighet/", views.accessibility_statement, name="accessibility"),
    path("personuppgifter/", views.privacy_notice, name="privacy"),
    path("organisation.css", views.organisation_css, name="organisation_css"),
    path("logga-in/", views.LoginView.as_view(), name="login"),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
]

