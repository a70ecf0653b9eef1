"""The secretariat's directory pages, under /sekretariat/organ/ (see bodies.RESERVED_SLUGS)."""

from django.urls import path

from . import views

app_name = "directory"
urlpatterns = [
    path("", views.body_list, name="bodies"),
    path("nytt/", views.body_new, name="body_new"),
    path("personer/", views.person_search, name="person_search"),
    path("organisationer/", views.organization_list, name="organizations"),
    path("organisationer/<slug:slug>/", views.organization_edit, name="organization"),
    path("<slug:slug>/", views.body_edit, name="body"),
    path("<slug:slug>/sekreterare/", views.secretary_add, name="secretary_add"),
    path("<slug:slug>/sekreterare/<int:user_id>/ta-bort/", views.secretary_remove, name="secretary_remove"),
    path("<slug:slug>/medlemmar/", views.member_list, name="members"),
    path("<slug:slug>/medlemmar/ny/", views.member_add, name="member_add"),
    path("<slug:slug>/medlemmar/ny-person/", views.member_add_new, name="member_add_new"),
    path("<slug:slug>/medlemmar/importera/", views.member_import, name="member_import"),
    path("<slug:slug>/medlemmar/importera/granska/", views.member_import_preview, name="member_import_preview"),
    path("<slug:slug>/medlemmar/importera/spara/", views.member_import_confirm, name="member_import_confirm"),
    path("<slug:slug>/medlemmar/<int:pk>/", views.membership_edit, name="membership"),
    path("<slug:slug>/medlemmar/<int:pk>/avsluta/", views.membership_end, name="membership_end"),
]
