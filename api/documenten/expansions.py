"""What `expand` may follow from each Documenten resource (the `…Embedded` schemas of Documenten 1.7.0).

A document links its informatieobjecttype (Catalogi); gebruiksrechten,
objectinformatieobjecten and verzendingen link their document. An expanded
document is read as a direct GET reads it: through the backend, within the
caller's documenten.lezen autorisaties (informatieobjecttype and
vertrouwelijkheidaanduiding, and readiness for publication where the
applicatie is limited to that), all of a page's documents in one backend query.
"""
from uuid import UUID

from api.common.constants import ComponentTypes
from api.common.expand import Link, Resource, register, uuid_of
from storage_backends import document_backend
from storage_backends.base import DocumentQuery

from .scopes import SCOPE_DOCUMENTEN_LEZEN
from .selectors import documents_visible_to
from .serializers import EnkelvoudigInformatieObjectSerializer
from .views.errors import backend_errors

DOCUMENT = "documenten.enkelvoudiginformatieobject"


def documents_load(request, urls: list[str]) -> dict[str, dict]:
    uuids = {url: uuid_of(url, "enkelvoudiginformatieobject-detail") for url in urls}
    wanted = tuple(dict.fromkeys(UUID(uuid) for uuid in uuids.values() if uuid))
    if not wanted:
        return {}
    query = documents_visible_to(
        DocumentQuery(uuids=wanted, page_size=len(wanted)),
        auth=request.jwt_auth.for_component(ComponentTypes.drc), scope=SCOPE_DOCUMENTEN_LEZEN,
    )
    with backend_errors():
        documents = document_backend().document_list(query).items
    rendered = EnkelvoudigInformatieObjectSerializer(documents, many=True, context={"request": request}).data
    by_uuid = {str(document.uuid): data for document, data in zip(documents, rendered)}
    return {url: by_uuid[uuid] for url, uuid in uuids.items() if uuid in by_uuid}


def register_documenten() -> None:
    register(Resource(
        name=DOCUMENT, api="documenten", schema_name="EnkelvoudigInformatieObject", load=documents_load,
        links={"informatieobjecttype": Link("catalogi.informatieobjecttype", required=True)},
    ))
    for name, schema_name in (
        ("gebruiksrecht", "Gebruiksrecht"), ("objectinformatieobject", "ObjectInformatieObject"),
        ("verzending", "Verzending"),
    ):
        register(Resource(
            name=f"documenten.{name}", api="documenten", schema_name=schema_name,
            links={"informatieobject": Link(DOCUMENT, required=True)},
        ))
