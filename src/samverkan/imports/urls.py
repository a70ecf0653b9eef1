"""The browser import, under /sekretariat/import/."""

from django.urls import path

from . import views

app_name = "imports"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("rattade-lasningar.zip", views.truth_export, name="truth_export"),
    path("oversikt/", views.overview, name="overview"),
    path("oversikt/las-om/", views.reread_failed, name="reread_failed"),
    path("<int:pk>/", views.batch, name="batch"),
    path("<int:pk>/filer/", views.batch_files, name="batch_files"),
    path("<int:pk>/importera-granskade/", views.confirm_all, name="confirm_all"),
    path("filer/<int:pk>/importera/", views.confirm, name="confirm"),
    path("filer/<int:pk>/granska/", views.review, name="review"),
    path("filer/<int:pk>/sidor/<int:page>.png", views.page_image, name="page_image"),
    path("filer/<int:pk>/granska/angra/", views.undo_correction, name="undo_correction"),
]
