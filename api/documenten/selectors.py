"""Reads of the Documenten API: the caller's autorisaties as the backend query carries them."""
from dataclasses import replace
from urllib.parse import urlsplit
from uuid import UUID

from storage_backends import document_backend
from storage_backends.base import Document, DocumentQuery, Restriction


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


DOCUMENT_PATH = "/documenten/api/v1/enkelvoudiginformatieobjecten/"


def document_uuid_for_url(url: str) -> UUID | None:
    """The uuid of the document of this service a URL names (by its path, whatever the host), or None."""
    path = urlsplit(url).path
    if not path.startswith(DOCUMENT_PATH):
        return None
    try:
        return UUID(path[len(DOCUMENT_PATH):].rstrip("/"))
    except ValueError:
        return None


def documents_by_uuid(uuids) -> dict[UUID, Document]:
    """The latest versions of these documents, in one backend query and without autorisatie limits: for
    the rules of other components (a zaak that closes checks its documents). Missing ones are left out;
    backend outages raise the typed errors of `storage_backends.base` (views map them with
    `api.documenten.views.errors.backend_errors`)."""
    uuids = tuple(dict.fromkeys(uuids))
    if not uuids:
        return {}
    page = document_backend().document_list(DocumentQuery(uuids=uuids, page_size=len(uuids)))
    return {document.uuid: document for document in page.items}
