"""Scopes of the Zaken API 1.7.0."""
from api.common.scopes import Scope

SCOPE_ZAKEN_LEZEN = Scope("zaken.lezen", description="Lezen van zaken en alles wat erbij hoort.")
SCOPE_ZAKEN_AANMAKEN = Scope("zaken.aanmaken", description="Aanmaken van zaken.")
SCOPE_ZAKEN_BIJWERKEN = Scope("zaken.bijwerken", description="Bijwerken van open zaken.")
SCOPE_ZAKEN_VERWIJDEREN = Scope("zaken.verwijderen", description="Verwijderen (vernietigen) van zaken.")
SCOPE_STATUSSEN_TOEVOEGEN = Scope("zaken.statussen.toevoegen", description="Toevoegen van statussen aan open zaken.")
SCOPE_ZAKEN_HEROPENEN = Scope("zaken.heropenen", description="Heropenen van afgesloten zaken (zrc-008).")
SCOPE_ZAKEN_GEFORCEERD_BIJWERKEN = Scope(
    "zaken.geforceerd-bijwerken", description="Bijwerken van afgesloten zaken en alles wat erbij hoort (zrc-007)."
)
SCOPE_AUDITTRAILS_LEZEN = Scope("audittrails.lezen", private=True)

# The scopes of a resource that belongs to a zaak and is changed like the zaak (rollen, resultaten, ...).
ZAAK_PART_SCOPES = {
    "list": SCOPE_ZAKEN_LEZEN,
    "retrieve": SCOPE_ZAKEN_LEZEN,
    "create": SCOPE_ZAKEN_BIJWERKEN | SCOPE_ZAKEN_GEFORCEERD_BIJWERKEN,
    "update": SCOPE_ZAKEN_BIJWERKEN | SCOPE_ZAKEN_GEFORCEERD_BIJWERKEN,
    "partial_update": SCOPE_ZAKEN_BIJWERKEN | SCOPE_ZAKEN_GEFORCEERD_BIJWERKEN,
    "destroy": SCOPE_ZAKEN_BIJWERKEN | SCOPE_ZAKEN_GEFORCEERD_BIJWERKEN,
}
