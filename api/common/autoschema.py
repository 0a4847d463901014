"""The DRF schema class of every API view: vng_api_common's ZGW AutoSchema with our scope checks.

Kept apart from `schema.py` because DRF imports it while `rest_framework.views` loads.
"""
from vng_api_common.schema import AutoSchema

from .permissions import ScopesRequired, required_scope


class ZGWAutoSchema(AutoSchema):
    """Errors, ZGW headers and operation ids from vng_api_common; security from `required_scopes`."""

    def get_auth(self):
        if not any(isinstance(p, ScopesRequired) for p in self.view.get_permissions()):
            return []
        scope = required_scope(self.view.request, self.view)
        return [{"JWT-Claims": [str(scope)]}] if scope else []
