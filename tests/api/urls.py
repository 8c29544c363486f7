"""The API mounted as in joinedup/urls.py, without the web app, so these tests do not depend on it."""

from django.urls import include, path

urlpatterns = [path("api/", include("joinedup.api.urls"))]
