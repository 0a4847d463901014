"""The Applicatie/Autorisatie models, secrets and serializers (from vng_api_common).

Re-exported here so components and the Autorisaties API reach them through
`api.common` only (ARCHITECTURE.md § Dependency rules).
"""
from vng_api_common.authorizations.models import Applicatie, Autorisatie  # noqa: F401
from vng_api_common.authorizations.serializers import ApplicatieSerializer  # noqa: F401
from vng_api_common.models import JWTSecret  # noqa: F401
