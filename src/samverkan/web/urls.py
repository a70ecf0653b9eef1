from django.urls import path

from . import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("moten/", views.meeting_list, name="meetings"),
    path("moten/<int:pk>/", views.meeting_detail, name="meeting"),
    path("kallor/<int:pk>/", views.source_detail, name="source"),
    path("personer/dubbletter/", views.duplicate_people, name="duplicate_people"),
    path("personer/dubbletter/avgor/", views.resolve_duplicate, name="resolve_duplicate"),
    path("personer/<int:pk>/", views.person_detail, name="person"),
    path("organisationer/", views.organization_list, name="organizations"),
    path("organisationer/<slug:slug>/", views.organization_detail, name="organization"),
    path("sok/", views.search_page, name="search"),
]
