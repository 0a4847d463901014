"""Audit trail (ZGW "audittrail"): mixins recording each write, and the nested read endpoints.

From vng_api_common, which finds the main object from the response's URLs and
the caller from `request.jwt_auth` (our `ZGWAuth` provides `applicaties`,
`client_id` and `payload`). A main resource's viewset takes
`AuditTrailViewsetMixin` and sets `audit` to an `Audit`; its nested
`/<resource>/{uuid}/audittrail` endpoint is an `AuditTrailViewSet` subclass.
"""
from vng_api_common.audittrails.models import AuditTrail  # noqa: F401
from vng_api_common.audittrails.viewsets import (  # noqa: F401
    AuditTrailCreateMixin,
    AuditTrailDestroyMixin,
    AuditTrailUpdateMixin,
    AuditTrailViewSet,
    AuditTrailViewsetMixin,
)
from vng_api_common.audittrails.audits import Audit  # noqa: F401
