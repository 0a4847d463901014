"""URLs of the Catalogi API, mounted at /catalogi/api/v1/."""
from rest_framework.routers import DefaultRouter

from api.common.schema import schema_urls

from . import views
from .schema import API_DESCRIPTION, API_TITLE

router = DefaultRouter(trailing_slash=False)
router.include_root_view = False
router.include_format_suffixes = False
router.register("catalogussen", views.CatalogusViewSet)
router.register("zaaktypen", views.ZaakTypeViewSet)
router.register("statustypen", views.StatusTypeViewSet)
router.register("roltypen", views.RolTypeViewSet)
router.register("resultaattypen", views.ResultaatTypeViewSet)
router.register("eigenschappen", views.EigenschapViewSet)
router.register("informatieobjecttypen", views.InformatieObjectTypeViewSet)
router.register("besluittypen", views.BesluitTypeViewSet)
router.register("zaaktype-informatieobjecttypen", views.ZaakTypeInformatieObjectTypeViewSet)
router.register("zaakobjecttypen", views.ZaakObjectTypeViewSet)

api_patterns = router.urls
urlpatterns = api_patterns + schema_urls("catalogi", patterns=api_patterns, title=API_TITLE, description=API_DESCRIPTION)
