"""Reads of the Documenten API: the caller's autorisaties as the backend query carries them."""
from dataclasses import replace

from storage_backends.base import Restriction


def document_restrictions(auth, scope) -> tuple[Restriction, ...] | None:
    """The caller's (`auth`: a ZGWAuth on the drc component) autorisaties for `scope` as backend
    restrictions: None for no limits, an empty tuple when nothing is visible."""
    if auth.client.heeft_alle_autorisaties:
        return None
    return tuple(
        Restriction(grant.informatieobjecttype, grant.max_vertrouwelijkheidaanduiding) for grant in auth.grants(scope)
    )


def documents_visible_to(query, *, auth, scope):
    """A DocumentQuery or VerzendingQuery narrowed to the documents the caller (`auth`, on drc) may see with
    `scope`: its autorisaties, and only documents ready for publication for an applicatie limited to those
    (Autorisaties 1.1 `alleenIsGereedVoorPublicatie`)."""
    return replace(
        query,
        restrictions=document_restrictions(auth, scope),
        alleen_gereed_voor_publicatie=auth.alleen_is_gereed_voor_publicatie,
    )
