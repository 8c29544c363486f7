from django.urls import include, path

urlpatterns = [
    path("api/", include("joinedup.api.urls")),
    path("", include("joinedup.coredata.urls")),
    path("", include("joinedup.sharing.urls")),
    path("", include("joinedup.restrictions.urls")),
    path("", include("joinedup.web.urls")),
]
