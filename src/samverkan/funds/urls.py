from django.urls import path

from . import views

app_name = "funds"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("overenskommelser/ny/", views.agreement_new, name="agreement_new"),
    path("overenskommelser/<int:pk>/", views.agreement, name="agreement"),
    path("overenskommelser/<int:pk>/omraden/ny/", views.focus_area_add, name="focus_area_add"),
    path("overenskommelser/<int:pk>/medel/ny/", views.receipt_add, name="receipt_add"),
    path("overenskommelser/<int:pk>/anslag/nytt/", views.allocation_add, name="allocation_add"),
    path("overenskommelser/<int:pk>/fordela/", views.distribute, name="distribute"),
    path("anslag/<int:pk>/anvandning/", views.use_add, name="use_add"),
    path("anslag/<int:pk>/aterfor/", views.unspent_return, name="unspent_return"),
    path("fordelningar/<int:pk>/", views.distribution, name="distribution"),
    path("fordelningar/<int:pk>/fordelning.xlsx", views.distribution_xlsx, name="distribution_xlsx"),
    path("fordelningar/<int:pk>/fordelning.csv", views.distribution_csv, name="distribution_csv"),
    path("fordelningar/<int:pk>/fakturaunderlag.zip", views.invoices_zip, name="invoices_zip"),
    path("fordelningar/<int:pk>/fakturaunderlag/<int:organization_pk>.pdf", views.invoice_pdf,
         name="invoice_pdf"),
    path("fordelningar/<int:pk>/fakturaunderlag/<int:organization_pk>.csv", views.invoice_csv,
         name="invoice_csv"),
    path("folkmangd/", views.population, name="population"),
    path("folkmangd/import/", views.population_import, name="population_import"),
    path("folkmangd/<str:date>/", views.population_date, name="population_date"),
]
