from django.urls import path

from joinedup.dataprotection import views

urlpatterns = [
    path("subject-access/", views.request_list, name="subject_access_list"),
    path("subject-access/<int:pk>/", views.request_detail, name="subject_access_detail"),
    path("subject-access/<int:pk>/export.json", views.request_json, name="subject_access_json"),
    path("subject-access/<int:pk>/items/", views.decide_item, name="subject_access_decide_item"),
    path("subject-access/<int:pk>/complete/", views.complete_request, name="subject_access_complete"),
]
