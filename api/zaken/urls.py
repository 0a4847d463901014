"""URLs of the Zaken API, mounted at /zaken/api/v1/."""
from rest_framework.routers import DefaultRouter

from api.common.schema import schema_urls

from .schema import API_DESCRIPTION, API_TITLE

router = DefaultRouter(trailing_slash=False)
router.include_root_view = False
router.include_format_suffixes = False

api_patterns = router.urls
urlpatterns = api_patterns + schema_urls("zaken", patterns=api_patterns, title=API_TITLE, description=API_DESCRIPTION)
