from django.urls import path

from . import views

app_name = "matters"
urlpatterns = [
    path("", views.matter_list, name="list"),
    path("nytt/", views.matter_new, name="matter_new"),
    path("<int:pk>/", views.matter_detail, name="matter"),
    path("<int:pk>/andra/", views.matter_edit, name="matter_edit"),
    path("<int:pk>/foresla/", views.matter_suggest, name="matter_suggest"),
    path("<int:pk>/punkter/", views.link_add, name="link_add"),
    path("<int:pk>/punkter/<int:item>/ta-bort/", views.link_remove, name="link_remove"),
    path("forslag/", views.suggestion_list, name="suggestions"),
    path("forslag/<int:pk>/bekrafta/", views.suggestion_confirm, name="suggestion_confirm"),
    path("forslag/<int:pk>/avvisa/", views.suggestion_reject, name="suggestion_reject"),
    path("organ/<slug:slug>/", views.body_overview, name="body"),
    path("uppdrag/", views.assignment_list, name="assignments"),
    path("uppdrag/nytt/", views.assignment_new, name="assignment_new"),
    path("uppdrag/<int:pk>/", views.assignment_detail, name="assignment"),
    path("uppdrag/<int:pk>/forlang/", views.assignment_extend, name="assignment_extend"),
    path("uppdrag/<int:pk>/redovisat/", views.assignment_complete, name="assignment_complete"),
]
