from django.urls import path

from . import views

app_name = "followup"
urlpatterns = [
    path("ny/", views.recommendation_new, name="new"),
    path("<int:pk>/", views.recommendation_detail, name="recommendation"),
    path("<int:pk>/skicka/", views.recommendation_send, name="send"),
    path("<int:pk>/svar/<slug:slug>/", views.answer_for_organization, name="answer"),
    path("svar/<int:pk>/fil/", views.answer_file, name="answer_file"),
    path("besked/<str:token>/", views.answer_link, name="answer_link"),
]
