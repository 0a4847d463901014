"""Reads of the Documenten API: the caller's autorisaties as the backend query carries them."""
from storage_backends.base import Restriction


def document_restrictions(auth, scope) -> tuple[Restriction, ...] | None:
    """The caller's (`auth`: a ZGWAuth on the drc component) autorisaties for `scope` as backend
    restrictions: None for no limits, an empty tuple when nothing is visible."""
    if auth.client.heeft_alle_autorisaties:
        return None
    return tuple(
        Restriction(grant.informatieobjecttype, grant.max_vertrouwelijkheidaanduiding) for grant in auth.grants(scope)
    )
