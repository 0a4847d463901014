"""Scopes of the Documenten API 1.7.0."""
from api.common.scopes import Scope

SCOPE_DOCUMENTEN_LEZEN = Scope("documenten.lezen", description="Lezen van documenten.")
SCOPE_DOCUMENTEN_AANMAKEN = Scope("documenten.aanmaken", description="Aanmaken van documenten.")
SCOPE_DOCUMENTEN_BIJWERKEN = Scope("documenten.bijwerken", description="Bijwerken van documenten.")
SCOPE_DOCUMENTEN_VERWIJDEREN = Scope("documenten.verwijderen", description="Verwijderen van documenten.")
SCOPE_DOCUMENTEN_LOCK = Scope("documenten.lock", description="Vergrendelen en ontgrendelen van documenten.")
SCOPE_DOCUMENTEN_GEFORCEERD_BIJWERKEN = Scope(
    "documenten.geforceerd-bijwerken", description="Bijwerken van documenten met status definitief."
)
SCOPE_DOCUMENTEN_GEFORCEERD_UNLOCK = Scope(
    "documenten.geforceerd-unlock", description="Ontgrendelen van documenten zonder lock-id."
)
SCOPE_AUDITTRAILS_LEZEN = Scope("audittrails.lezen", description="Lezen van de audit trail van documenten.")

# The scopes of a resource that belongs to a document and is read, made, changed and removed like one
# (gebruiksrechten, verzendingen).
DOCUMENT_PART_SCOPES = {
    "list": SCOPE_DOCUMENTEN_LEZEN,
    "retrieve": SCOPE_DOCUMENTEN_LEZEN,
    "create": SCOPE_DOCUMENTEN_AANMAKEN,
    "update": SCOPE_DOCUMENTEN_BIJWERKEN,
    "partial_update": SCOPE_DOCUMENTEN_BIJWERKEN,
    "destroy": SCOPE_DOCUMENTEN_VERWIJDEREN,
}
