"""The base of every Zaken viewset: lookup by uuid, pagination, ETag, expand, and the zaak's autorisaties.

Every resource belongs to a zaak (`zaak_path` from the model to it; "" for
the zaak itself), and the zaak decides who may see or change it (zrc-006):
lists are narrowed in SQL (selectors.visible), a detail or write of a zaak
outside the caller's autorisaties is a 403. A closed zaak (einddatum set) and
everything under it change only with `zaken.geforceerd-bijwerken` (zrc-007).
"""
from operator import attrgetter

from rest_framework import exceptions, viewsets
from rest_framework.reverse import reverse

from api.common.pagination import ZGWPagination
from api.common.permissions import required_scope
from api.common.viewsets import CheckQueryParamsMixin, ETagMixin, ExpandMixin

from ..models import Zaak
from ..scopes import SCOPE_ZAKEN_GEFORCEERD_BIJWERKEN, ZAAK_PART_SCOPES
from ..selectors import visible, zaak_permitted

WRITE_ACTIONS = ("create", "update", "partial_update", "destroy")


class ZakenViewSet(CheckQueryParamsMixin, ExpandMixin, ETagMixin, viewsets.ModelViewSet):
    lookup_field = "uuid"
    pagination_class = ZGWPagination
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]
    required_scopes = ZAAK_PART_SCOPES
    zaak_path = "zaak"

    @property
    def expand_resource(self) -> str:
        """The resource expand.py knows this viewset's objects as (api/zaken/expansions.py)."""
        return f"zaken.{self.queryset.model._meta.model_name}"

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.action == "list":
            prefix = f"{self.zaak_path}__" if self.zaak_path else ""
            queryset = visible(queryset, self.request.jwt_auth, required_scope(self.request, self), prefix=prefix)
        return queryset

    def zaak_of(self, obj) -> Zaak:
        return attrgetter(self.zaak_path)(obj) if self.zaak_path else obj

    def check_object_permissions(self, request, obj):
        super().check_object_permissions(request, obj)
        self.check_zaak(self.zaak_of(obj))

    def check_zaak(self, zaak: Zaak, *, scope=None) -> None:
        """403 unless the caller holds the action's scope (or `scope`) for `zaak`; writes to a closed zaak need
        `zaken.geforceerd-bijwerken` for it."""
        auth = self.request.jwt_auth
        if not zaak_permitted(auth, zaak, scope or required_scope(self.request, self)):
            raise exceptions.PermissionDenied()
        if self.action in WRITE_ACTIONS and zaak.is_closed and not zaak_permitted(auth, zaak, SCOPE_ZAKEN_GEFORCEERD_BIJWERKEN):
            raise exceptions.PermissionDenied("De zaak is afgesloten; wijzigen vraagt zaken.geforceerd-bijwerken.")

    def url_for(self, obj) -> str:
        """The absolute URL of a Zaken resource, for notifications and the audit trail."""
        return reverse(f"{obj._meta.model_name}-detail", kwargs={"uuid": obj.uuid}, request=self.request)
