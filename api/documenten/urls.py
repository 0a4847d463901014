"""URLs of the Documenten API, mounted at /documenten/api/v1/."""
from rest_framework.routers import DefaultRouter

from api.common.audit import audittrail_urls
from api.common.schema import schema_urls

from .schema import API_DESCRIPTION, API_TITLE, SCHEMA_SETTINGS
from .views import (
    BestandsDeelViewSet,
    EnkelvoudigInformatieObjectAuditTrailViewSet,
    EnkelvoudigInformatieObjectViewSet,
    GebruiksrechtViewSet,
    ObjectInformatieObjectViewSet,
    VerzendingViewSet,
)

router = DefaultRouter(trailing_slash=False)
router.include_root_view = False
router.include_format_suffixes = False
router.register(
    "enkelvoudiginformatieobjecten", EnkelvoudigInformatieObjectViewSet, basename="enkelvoudiginformatieobject"
)
router.register("bestandsdelen", BestandsDeelViewSet, basename="bestandsdeel")
router.register("gebruiksrechten", GebruiksrechtViewSet, basename="gebruiksrecht")
router.register("objectinformatieobjecten", ObjectInformatieObjectViewSet, basename="objectinformatieobject")
router.register("verzendingen", VerzendingViewSet, basename="verzending")

api_patterns = router.urls + audittrail_urls("enkelvoudiginformatieobjecten", EnkelvoudigInformatieObjectAuditTrailViewSet)
urlpatterns = api_patterns + schema_urls(
    "documenten", patterns=api_patterns, title=API_TITLE, description=API_DESCRIPTION, schema_settings=SCHEMA_SETTINGS
)
