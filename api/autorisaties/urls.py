"""URLs of the Autorisaties API, mounted at /autorisaties/api/v1/."""
from rest_framework.routers import DefaultRouter

from api.common.schema import schema_urls

from .schema import API_DESCRIPTION, API_TITLE
from .views import ApplicatieViewSet

router = DefaultRouter(trailing_slash=False)
router.include_root_view = False
router.include_format_suffixes = False
router.register("applicaties", ApplicatieViewSet)

api_patterns = router.urls
urlpatterns = api_patterns + schema_urls(
    "autorisaties",
    patterns=api_patterns,
    title=API_TITLE,
    description=API_DESCRIPTION,
    # Autorisaties 1.0 and 1.1 were generated with drf-yasg: read-only fields are not
    # required and PATCH documents the full Applicatie body.
    schema_settings={"COMPONENT_NO_READ_ONLY_REQUIRED": True, "COMPONENT_SPLIT_PATCH": False},
)
