from django.urls import path

from joinedup.retention import views

# No object ids in these addresses: the child or proposal is named in the form (like logging a
# subject-access request), and every page is for records officers only (404 for anyone else).
urlpatterns = [
    path("retention/", views.overview, name="retention"),
    path("retention/classify/", views.classify, name="retention_classify"),
    path("retention/hold/", views.place_hold, name="retention_hold"),
    path("retention/lift-hold/", views.lift_hold, name="retention_lift_hold"),
    path("retention/propose/", views.propose, name="retention_propose"),
    path("retention/decide/", views.decide, name="retention_decide"),
]
