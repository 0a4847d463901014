"""Which ZGW component a request addresses, from the first segment of its path."""
from .constants import ComponentTypes

PATH_COMPONENTS = {
    "autorisaties": ComponentTypes.ac,
    "catalogi": ComponentTypes.ztc,
    "zaken": ComponentTypes.zrc,
    "documenten": ComponentTypes.drc,
    "besluiten": ComponentTypes.brc,
    "notificaties": ComponentTypes.nrc,
}

# The version each mounted API implements, sent back as the API-version header.
API_VERSIONS = {
    "autorisaties": "1.1.0",
    "catalogi": "1.3.3",
    "zaken": "1.7.0",
    "documenten": "1.7.0",
    "besluiten": "1.0.2",
    "notificaties": "1.0.0",
    "referentielijsten": "0.6.0",
}


def api_name_for_path(path: str) -> str | None:
    """The API mounted at `/<name>/api/v1/...`, or None for other paths."""
    parts = path.lstrip("/").split("/", 3)
    if len(parts) >= 3 and parts[1:3] == ["api", "v1"] and parts[0] in API_VERSIONS:
        return parts[0]
    return None
