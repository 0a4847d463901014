"""ZGW enumerations shared by the components (re-exported from vng_api_common), and shared OAS wording."""
from vng_api_common.constants import (  # noqa: F401
    ComponentTypes,
    VertrouwelijkheidsAanduiding,
)

# The standards' own wording of the `expand` parameter (Catalogi 1.3.3, Documenten 1.7.0).
EXPAND_DESCRIPTION = (
    "Haal details van gelinkte resources direct op. Als je meerdere resources tegelijk wilt ophalen kun je "
    "deze scheiden met een komma. Voor het ophalen van resources die een laag dieper genest zijn wordt de "
    "punt-notatie gebruikt."
)
