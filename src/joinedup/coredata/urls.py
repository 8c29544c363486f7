from django.urls import path

from joinedup.coredata import views

urlpatterns = [
    path("data/core-data-set/", views.completeness_page, name="core_data_completeness"),
    path("children/<int:pk>/disability/", views.record_child_disability, name="record_child_disability"),
    path("entities/<int:pk>/disability/", views.record_entity_disability, name="record_entity_disability"),
]
