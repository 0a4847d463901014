"""URLs of the embedded Referentielijsten API, mounted at /referentielijsten/api/v1/."""
from django.urls import include, path
from rest_framework.routers import DefaultRouter

from api.common.schema import schema_urls

from .schema import API_DESCRIPTION, API_TITLE
from .views import (
    CommunicatieKanaalViewSet,
    ProcesTypeViewSet,
    ResultaatViewSet,
    ResultaattypeOmschrijvingGeneriekViewSet,
)

router = DefaultRouter(trailing_slash=False, use_regex_path=False)
router.include_root_view = False
router.include_format_suffixes = False
router.register("communicatiekanalen", CommunicatieKanaalViewSet, basename="communicatiekanaal")
router.register("procestypen", ProcesTypeViewSet, basename="procestype")
router.register(
    "resultaattypeomschrijvingen",
    ResultaattypeOmschrijvingGeneriekViewSet,
    basename="resultaattypeomschrijvinggeneriek",
)
router.register("resultaten", ResultaatViewSet, basename="resultaat")

api_patterns = router.urls
schema_patterns = schema_urls(
    "referentielijsten", patterns=api_patterns, title=API_TITLE, description=API_DESCRIPTION
)
# Namespaced when served: the Zaken API has URL names `resultaat-list` / `resultaat-detail` too.
urlpatterns = [path("", include((api_patterns, "referentielijsten"))), *schema_patterns]
