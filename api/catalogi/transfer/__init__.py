"""Export and import of catalogi: `services` holds the operations, `archive` the zip format they share."""
from .archive import TransferError, error_text
from .services import (
    ImportPlan,
    MappingChoice,
    catalogus_export,
    catalogus_import,
    catalogus_import_plan,
    zaaktype_export,
)

__all__ = [
    "ImportPlan",
    "MappingChoice",
    "TransferError",
    "catalogus_export",
    "catalogus_import",
    "catalogus_import_plan",
    "error_text",
    "zaaktype_export",
]
