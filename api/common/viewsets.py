"""Viewset mixins shared by the components.

- `CheckQueryParamsMixin`: unknown query parameters are a 400 (`unknown-parameters`).
- `ETagMixin`: retrieve answers carry an ETag; If-None-Match gives 304.
"""
import hashlib

from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.settings import api_settings
from vng_api_common.utils import underscore_to_camel
from vng_api_common.viewsets import UNKNOWN_PARAMETERS_CODE

from .filters import FilterBackend


class CheckQueryParamsMixin:
    """A list or retrieve with a query parameter its filterset does not know is a 400.

    Hooks: `list` and `retrieve`. Known are the filters (in camelCase), the page
    parameter and the names in `snake_case_query_params`: filters a standard
    spells in snake_case (e.g. Catalogi's `/resultaattypen?zaaktype_identificatie=`).
    """

    snake_case_query_params: tuple[str, ...] = ()
    # The actions that answer 400 on an unknown parameter, for the schema (ZGWAutoSchema).
    query_checked_actions: tuple[str, ...] = ("list", "retrieve")

    def _known_query_params(self) -> set[str]:
        known = {self.paginator.page_query_param} if self.paginator else set()
        filterset_class = FilterBackend().get_filterset_class(self, self.get_queryset())
        if filterset_class:
            known |= {underscore_to_camel(name) for name in filterset_class.get_filters()}
        return known | set(self.snake_case_query_params)

    def _check_query_params(self, request) -> None:
        unknown = set(request.query_params) - self._known_query_params()
        if unknown:
            raise ValidationError(
                {api_settings.NON_FIELD_ERRORS_KEY: f"Onbekende query parameters: {', '.join(sorted(unknown))}"},
                code=UNKNOWN_PARAMETERS_CODE,
            )

    def list(self, request, *args, **kwargs):
        self._check_query_params(request)
        return super().list(request, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        self._check_query_params(request)
        return super().retrieve(request, *args, **kwargs)


class ETagMixin:
    """ETag on `retrieve` (and HEAD), computed from the rendered body.

    Hook: `finalize_response` (the body can be rendered only once DRF chose the
    renderer). The tag is the hash of the JSON the client would get, so it
    changes exactly when the representation does and needs no stored state.
    `_conditional_retrieves` tells the schema generator (vng_api_common) to
    document HEAD, If-None-Match and ETag.
    """

    _conditional_retrieves = ("retrieve",)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if getattr(self, "action", None) != "retrieve" or response.status_code != status.HTTP_200_OK:
            return response
        response.render()
        etag = '"%s"' % hashlib.md5(response.content, usedforsecurity=False).hexdigest()
        if etag in _tags(request.headers.get("If-None-Match", "")):
            not_modified = Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
            return super().finalize_response(request, not_modified, *args, **kwargs)
        response["ETag"] = etag
        if request.method == "HEAD":
            response.content = b""
        return response


def _tags(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}
