from django.urls import path

from joinedup.restrictions import views

urlpatterns = [
    path("children/<int:pk>/restricted/", views.break_glass, name="break_glass"),
    path("children/<int:pk>/restrict/", views.restrict_child, name="restrict_child"),
    path("restrictions/", views.restriction_list, name="restriction_list"),
    path("restrictions/<int:pk>/review/", views.review_restriction, name="review_restriction"),
    path("audit/broken-glass/", views.broken_glass, name="broken_glass"),
]
