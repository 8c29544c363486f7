from django.urls import path

from joinedup.accounts import views

urlpatterns = [
    path("sign-in/code/", views.second_factor, name="second_factor"),
    path("sign-in/set-up/", views.second_factor_set_up, name="second_factor_set_up"),
]
