from django.urls import path

from joinedup.web import views

urlpatterns = [
    path("", views.home, name="home"),
]
