"""The app's URLs plus `/__floor__`, a bare Django view: mounted only by bench/web.py.

The floor goes through the same server, settings and middleware as every page but does no
database or template work, so page/floor says what the page itself costs.
"""

from django.http import HttpResponse
from django.urls import include, path


def floor(request):
    return HttpResponse("ok")


urlpatterns = [
    path("__floor__", floor),
    path("", include("samverkan.urls")),
]
