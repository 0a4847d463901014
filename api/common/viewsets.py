"""Viewset mixins shared by the components.

- `CheckQueryParamsMixin`: unknown query parameters are a 400 (`unknown-parameters`).
- `ExpandMixin`: `expand` on list, retrieve and search actions (expand.py).
- `ETagMixin`: retrieve answers carry an ETag; If-None-Match gives 304.
"""
import hashlib

from rest_framework import status
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.response import Response
from rest_framework.settings import api_settings
from vng_api_common.utils import underscore_to_camel
from vng_api_common.viewsets import UNKNOWN_PARAMETERS_CODE

from .expand import expand_apply, expand_paths, tree_truncated
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
        if getattr(self, "action", None) in getattr(self, "expand_actions", ()):
            known.add("expand")
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


class ExpandMixin:
    """`expand`: the objects a response links to, inlined under `_expand` (expand.py).

    Hooks: `initial` reads and checks the request's expand before the action
    runs (after the permission checks, so an unauthorised caller learns
    nothing), and `finalize_response` fills `_expand` on the answer's items
    before anything renders it (the ETag covers it). Subclasses name their
    registered resource in `expand_resource`; `expand_actions` read the query
    parameter, `expand_body_actions` the request body (`_zoek`);
    `expand_max_depth` cuts deeper paths (drc-012).
    """

    expand_resource = ""
    expand_actions: tuple[str, ...] = ("list", "retrieve")
    expand_body_actions: tuple[str, ...] = ()
    expand_max_depth: int | None = None
    expand_tree: dict = {}

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.expand_tree = {}
        if not self.expand_resource:
            return
        if self.action in self.expand_actions:
            # `?expand=a&expand=b` asks for both, as `?expand=a,b` does.
            raw = ",".join(request.query_params.getlist("expand"))
        elif self.action in self.expand_body_actions and isinstance(request.data, dict):
            raw = request.data.get("expand")
        else:
            return
        tree = expand_paths(raw, self.expand_resource)
        self.expand_tree = tree_truncated(tree, self.expand_max_depth) if self.expand_max_depth else tree

    def finalize_response(self, request, response, *args, **kwargs):
        if self.expand_tree and response.status_code == status.HTTP_200_OK and isinstance(response.data, (dict, list)):
            try:
                expand_apply(request, _items(response.data), self.expand_tree, self.expand_resource)
            except APIException as exc:  # too large, or a store behind an expanded object failing
                response = self.handle_exception(exc)
        return super().finalize_response(request, response, *args, **kwargs)


def _items(data: dict | list) -> list[dict]:
    """The resources of an answer: a plain list, a ZGW page's results, or the one object."""
    if isinstance(data, list):
        return data
    if "results" in data and "count" in data:
        return data["results"]
    return [data]


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
