from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Samverkan – administration"
admin.site.site_title = "Samverkan"
admin.site.index_title = "Rättelser och register"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("samverkan.accounts.urls")),
    path("sekretariat/organ/", include("samverkan.directory.urls")),
    path("sekretariat/import/", include("samverkan.imports.urls")),
    path("sekretariat/e-arkiv/", include("samverkan.earchive.urls")),
    path("sekretariat/", include("samverkan.meetings.urls")),
    path("", include("samverkan.calendar.urls")),
    path("", include("samverkan.appointments.urls")),
    path("arenden/", include("samverkan.matters.urls")),
    path("medel/", include("samverkan.funds.urls")),
    path("uppfoljning/", include("samverkan.followup.urls")),
    path("", include("samverkan.web.urls")),
]
