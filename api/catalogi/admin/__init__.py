"""Admin for catalog managers: catalogussen with their types, concepts, publishing, versions, export and import."""
from . import catalogus, types, zaaktype  # noqa: F401  (registers the ModelAdmins)
