"""Root URLconf: every API under /<component>/api/v1/, the admin, health, error pages."""
from django.contrib import admin
from django.http import HttpResponse
from django.urls import include, path
from django.views.generic import RedirectView
from health_check.views import HealthCheckView

from api.common.exceptions import problem_response
from api.common.components import api_name_for_path

from .admin_site import configure_admin_site

configure_admin_site(admin.site)


def liveness(request):
    """Kubernetes liveness: the process answers; dependencies are readiness's concern."""
    return HttpResponse("ok", content_type="text/plain")


readiness = HealthCheckView.as_view(
    checks=["health_check.checks.Database", "health_check.checks.Cache"]
)


urlpatterns = [
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
    path("admin/", admin.site.urls),
    path("health/", readiness, name="health"),
    path("health/live", liveness, name="health-live"),
    path("ref/", include("vng_api_common.urls")),
    path("autorisaties/api/v1/", include("api.autorisaties.urls")),
    path("catalogi/api/v1/", include("api.catalogi.urls")),
    path("zaken/api/v1/", include("api.zaken.urls")),
    path("documenten/api/v1/", include("api.documenten.urls")),
    path("referentielijsten/api/v1/", include("api.referentielijsten.urls")),
]


def handler404(request, exception=None):
    if api_name_for_path(request.path_info):
        return problem_response(request, status_code=404, code="not_found", title="Niet gevonden.")
    from django.views.defaults import page_not_found

    return page_not_found(request, exception)


def handler500(request):
    if api_name_for_path(request.path_info):
        return problem_response(
            request, status_code=500, code="error", title="Er is een interne fout opgetreden."
        )
    from django.views.defaults import server_error

    return server_error(request)
