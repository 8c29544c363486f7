"""The public reporting page, under /report/ (no sign-in)."""

from django.urls import path

from joinedup.public import views

app_name = "public"

urlpatterns = [
    path("", views.choose_language, name="choose_language"),
    path("<str:lang>/", views.report, name="report"),
    path("<str:lang>/sent/", views.sent, name="sent"),
    path("<str:lang>/follow-up/", views.follow_up, name="follow_up"),
    path("<str:lang>/follow-up/progress/", views.progress, name="progress"),
]
