"""The base of every Catalogi viewset: lookup by uuid, pagination, ETag, and the caller's force scopes."""
from rest_framework import viewsets
from rest_framework.reverse import reverse

from api.common.pagination import ZGWPagination
from api.common.viewsets import CheckQueryParamsMixin, ETagMixin, ExpandMixin

from ..scopes import (
    SCOPE_CATALOGI_FORCED_DELETE,
    SCOPE_CATALOGI_FORCED_WRITE,
    SCOPE_CATALOGI_LEZEN,
    SCOPE_CATALOGI_SCHRIJVEN,
)

# Types of a zaaktype (statustypen, ...) may be written with geforceerd-schrijven too.
PART_SCOPES = {
    "list": SCOPE_CATALOGI_LEZEN,
    "retrieve": SCOPE_CATALOGI_LEZEN,
    "create": SCOPE_CATALOGI_SCHRIJVEN | SCOPE_CATALOGI_FORCED_WRITE,
    "update": SCOPE_CATALOGI_SCHRIJVEN | SCOPE_CATALOGI_FORCED_WRITE,
    "partial_update": SCOPE_CATALOGI_SCHRIJVEN | SCOPE_CATALOGI_FORCED_WRITE,
    "destroy": SCOPE_CATALOGI_SCHRIJVEN | SCOPE_CATALOGI_FORCED_DELETE,
}
# Published types are created and published with catalogi.schrijven only.
TYPE_SCOPES = {**PART_SCOPES, "create": SCOPE_CATALOGI_SCHRIJVEN, "publish": SCOPE_CATALOGI_SCHRIJVEN}


class CatalogiViewSet(CheckQueryParamsMixin, ExpandMixin, ETagMixin, viewsets.ModelViewSet):
    lookup_field = "uuid"
    pagination_class = ZGWPagination
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]
    required_scopes = PART_SCOPES

    @property
    def expand_resource(self) -> str:
        """The resource expand.py knows this viewset's objects as (api/catalogi/expansions.py)."""
        return f"catalogi.{self.queryset.model._meta.model_name}"

    def filter_queryset(self, queryset):
        # Filters (with their `status=definitief` default) select lists; a
        # resource is always reachable by its own URL.
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)

    def url_for(self, obj) -> str:
        """The absolute URL of a Catalogi resource, for notifications."""
        return reverse(f"{obj._meta.model_name}-detail", kwargs={"uuid": obj.uuid}, request=self.request)

    @property
    def force_write(self) -> bool:
        """The caller may change published types (catalogi.geforceerd-schrijven)."""
        return self.request.jwt_auth.has_scope(SCOPE_CATALOGI_FORCED_WRITE)

    @property
    def force_delete(self) -> bool:
        """The caller may delete published types (catalogi.geforceerd-verwijderen)."""
        return self.request.jwt_auth.has_scope(SCOPE_CATALOGI_FORCED_DELETE)
