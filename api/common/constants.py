"""ZGW enumerations shared by the components (re-exported from vng_api_common)."""
from vng_api_common.constants import (  # noqa: F401
    ComponentTypes,
    VertrouwelijkheidsAanduiding,
)
