"""Scopes of the Autorisaties API 1.1 (unchanged since 1.0)."""
from api.common.scopes import Scope

SCOPE_AUTORISATIES_LEZEN = Scope("autorisaties.lezen", description="Lezen van applicaties en hun autorisaties.")
SCOPE_AUTORISATIES_BIJWERKEN = Scope(
    "autorisaties.bijwerken", description="Aanmaken, wijzigen en verwijderen van applicaties."
)
