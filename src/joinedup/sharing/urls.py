from django.urls import path

from joinedup.sharing import views

urlpatterns = [
    path("concerns/<int:pk>/sharing/", views.record_sharing_decision, name="record_sharing_decision"),
]
