"""The e-archive export, under /sekretariat/e-arkiv/."""

from django.urls import path

from . import views

app_name = "earchive"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.body_export, name="body"),
    path("<slug:slug>/paket/", views.body_exports, name="exports"),
    path("<slug:slug>/paket/<int:pk>/e-arkivpaket.zip", views.download, name="download"),
]
