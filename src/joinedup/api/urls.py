from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from joinedup.api import views

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema", template_name="api/swagger_ui.html"),
         name="api-docs"),
    path("concerns/", views.ConcernsView.as_view(), name="api-concerns"),
    path("concerns/<str:reference>/", views.ConcernDetailView.as_view(), name="api-concern"),
    path("children/<str:reference>/", views.ChildDetailView.as_view(), name="api-child"),
    re_path(r"^", views.NoSuchEndpointView.as_view(), name="api-no-such-endpoint"),
]
