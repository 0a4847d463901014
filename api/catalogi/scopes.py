"""Scopes of the Catalogi API 1.3.3 (and the Zaken/Documenten read scopes that may read zaaktypen)."""
from api.common.scopes import Scope

SCOPE_CATALOGI_LEZEN = Scope("catalogi.lezen", description="Lezen van catalogi en hun typen.")
SCOPE_CATALOGI_SCHRIJVEN = Scope("catalogi.schrijven", description="Aanmaken en wijzigen van typen in concept.")
SCOPE_CATALOGI_FORCED_WRITE = Scope(
    "catalogi.geforceerd-schrijven", description="Wijzigen van typen, ook als ze gepubliceerd zijn."
)
SCOPE_CATALOGI_FORCED_DELETE = Scope(
    "catalogi.geforceerd-verwijderen", description="Verwijderen van typen, ook als ze gepubliceerd zijn."
)
SCOPE_ZAKEN_LEZEN = Scope("zaken.lezen", private=True)
SCOPE_DOCUMENTEN_LEZEN = Scope("documenten.lezen", private=True)
