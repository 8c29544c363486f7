"""The outcomes pages, under /outcomes/."""

from django.urls import path

from joinedup.outcomes import views

urlpatterns = [
    path("children/<int:pk>/goals/new/", views.add_goal, name="plan_add_goal"),
    path("goals/<int:pk>/change/", views.change_goal, name="plan_change_goal"),
    path("children/<int:pk>/reviews/new/", views.record_review, name="plan_record_review"),
    path("dashboard/", views.dashboard_page, name="outcomes_dashboard"),
    path("dashboard/<slug:key>.csv", views.dashboard_csv, name="outcomes_dashboard_csv"),
    path("posts/", views.posts_page, name="outcomes_posts"),
]
