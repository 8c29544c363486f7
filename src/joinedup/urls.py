from django.urls import include, path

urlpatterns = [
    path("api/", include("joinedup.api.urls")),
    path("report/", include("joinedup.public.urls")),  # public reporting page: no sign-in
    path("outcomes/", include("joinedup.outcomes.urls")),
    path("", include("joinedup.accounts.urls")),
    path("", include("joinedup.coredata.urls")),
    path("", include("joinedup.sharing.urls")),
    path("", include("joinedup.restrictions.urls")),
    path("", include("joinedup.dataprotection.urls")),
    path("", include("joinedup.retention.urls")),
    path("", include("joinedup.web.urls")),
]
