"""The DRF schema class of every API view: vng_api_common's ZGW AutoSchema with our scope checks.

Kept apart from `schema.py` because DRF imports it while `rest_framework.views` loads.
"""
from drf_spectacular.utils import OpenApiParameter
from rest_framework import status
from vng_api_common.schema import AutoSchema
from vng_api_common.serializers import FoutSerializer, ValidatieFoutSerializer

from .constants import EXPAND_DESCRIPTION
from .permissions import ScopesRequired, required_scope


class ZGWAutoSchema(AutoSchema):
    """Errors, ZGW headers and operation ids from vng_api_common; security from `required_scopes`."""

    def get_error_responses(self):
        """The errors an action can answer, as vng_api_common lists them plus two it misses.

        Custom actions document the errors of the standard action they resemble
        (a view names those in `schema_errors_like`, e.g. {"consumer": "retrieve"}).
        An action that refuses unknown query parameters (`query_checked_actions`,
        see CheckQueryParamsMixin) answers 400, and a paginated list answers 404
        for a page past the last.
        """
        action = getattr(self.view, "action", None)
        like = getattr(self.view, "schema_errors_like", {}).get(action)
        if like:
            self.view.action = like
        try:
            responses = super().get_error_responses()
        finally:
            self.view.action = action
        if not action:
            return responses
        if action in getattr(self.view, "query_checked_actions", ()):
            responses.setdefault(status.HTTP_400_BAD_REQUEST, ValidatieFoutSerializer)
        if action == "list" and getattr(self.view, "pagination_class", None):
            responses.setdefault(status.HTTP_404_NOT_FOUND, FoutSerializer)
        return dict(sorted(responses.items()))

    def _get_response_bodies(self, direction="response"):
        """The error responses also for operations whose success response `extend_schema(responses=...)` names.

        That override replaces vng_api_common's `get_response_serializers`, which adds them otherwise.
        """
        bodies = super()._get_response_bodies(direction)
        if self.method != "HEAD":
            for code, serializer in self.get_error_responses().items():
                bodies.setdefault(str(code), self._get_response_for_code(serializer, str(code), direction=direction))
        return bodies

    def _map_basic_serializer(self, serializer, direction):
        """Fields a serializer names in `Meta.required_in_responses` are marked required in its responses.

        For fields a request may leave out (defaulting to empty) but every
        response renders, where the standard marks them required.
        """
        schema = super()._map_basic_serializer(serializer, direction)
        always = getattr(getattr(serializer, "Meta", None), "required_in_responses", ())
        if direction == "response" and always:
            required = schema.get("required", [])
            schema["required"] = [*required, *(name for name in always if name not in required)]
        return schema

    def _insert_field_validators(self, field, schema):
        """A blank-able URL or e-mail field is `anyOf` its format or the empty string.

        drf-spectacular writes `oneOf`, but a validator that does not assert
        formats finds `""` valid under both alternatives, and `oneOf` then fails
        the very value the field allows.
        """
        super()._insert_field_validators(field, schema)
        if {"type": "string", "maxLength": 0} in schema.get("oneOf", ()):
            schema["anyOf"] = schema.pop("oneOf")

    def _is_list_view(self, serializer=None) -> bool:
        """Custom actions answering with a list name themselves in `schema_list_actions`."""
        if getattr(self.view, "action", None) in getattr(self.view, "schema_list_actions", ()):
            return True
        return super()._is_list_view(serializer)

    def get_summary(self):
        """HEAD of a view without a queryset (Documenten: documents live in a backend) names its route's basename."""
        if self.method == "HEAD" and getattr(self.view, "queryset", None) is None:
            return f"De headers voor een specifiek(e) {self.view.basename.upper()} opvragen "
        return super().get_summary()

    def get_override_parameters(self):
        """`expand` on the GET actions of a view that expands (`ExpandMixin.expand_actions`)."""
        parameters = super().get_override_parameters()
        if self.method == "GET" and self.view.action in getattr(self.view, "expand_actions", ()):
            parameters = [*parameters, OpenApiParameter("expand", str, description=EXPAND_DESCRIPTION)]
        return parameters

    def get_auth(self):
        if not any(isinstance(p, ScopesRequired) for p in self.view.get_permissions()):
            return []
        scope = required_scope(self.view.request, self.view)
        return [{"JWT-Claims": [str(scope)]}] if scope else []
