"""The DRF schema class of every API view: vng_api_common's ZGW AutoSchema with our scope checks.

Kept apart from `schema.py` because DRF imports it while `rest_framework.views` loads.
"""
from vng_api_common.schema import AutoSchema

from .permissions import ScopesRequired, required_scope


class ZGWAutoSchema(AutoSchema):
    """Errors, ZGW headers and operation ids from vng_api_common; security from `required_scopes`."""

    def get_error_responses(self):
        """Custom actions document the errors of the standard action they resemble.

        A view names those in `schema_errors_like`, e.g. {"consumer": "retrieve"}.
        """
        action = getattr(self.view, "action", None)
        like = getattr(self.view, "schema_errors_like", {}).get(action)
        if not like:
            return super().get_error_responses()
        self.view.action = like
        try:
            return super().get_error_responses()
        finally:
            self.view.action = action

    def _is_list_view(self, serializer=None) -> bool:
        """Custom actions answering with a list name themselves in `schema_list_actions`."""
        if getattr(self.view, "action", None) in getattr(self.view, "schema_list_actions", ()):
            return True
        return super()._is_list_view(serializer)

    def get_auth(self):
        if not any(isinstance(p, ScopesRequired) for p in self.view.get_permissions()):
            return []
        scope = required_scope(self.view.request, self.view)
        return [{"JWT-Claims": [str(scope)]}] if scope else []
