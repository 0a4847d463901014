"""`expand`: resources a Documenten resource links to, inlined under `_expand` (the ZGW 1.5 convention).

A document links its informatieobjecttype (Catalogi API); gebruiksrechten,
objectinformatieobjecten and verzendingen link their document, whose
informatieobjecttype a dotted name reaches (`informatieobject.informatieobjecttype`).
Linked resources are read once per response, whatever the number of items.
"""
from uuid import UUID

from rest_framework.exceptions import ValidationError

from api.catalogi.selectors import informatieobjecttype_for_url
from api.catalogi.serializers import InformatieObjectTypeSerializer
from api.common.exceptions import invalid
from storage_backends import document_backend
from storage_backends.base import BackendError

from .serializers import EnkelvoudigInformatieObjectSerializer

DOCUMENT_NAMES = ("informatieobjecttype",)
PART_NAMES = ("informatieobject", "informatieobject.informatieobjecttype")


def expand_names(raw: str | list | None, allowed: tuple[str, ...]) -> tuple[str, ...]:
    """The names asked for (comma-separated, or a list in a _zoek body); 400 `invalid-expand` for others."""
    if not raw:
        return ()
    names = tuple(name.strip() for name in (raw.split(",") if isinstance(raw, str) else raw) if name.strip())
    unknown = [name for name in names if name not in allowed]
    if unknown:
        raise invalid("expand", f"Niet uit te breiden: {', '.join(unknown)} (wel: {', '.join(allowed)}).", "invalid-expand")
    return names


class Expander:
    """Fills `_expand` on rendered items; caches what it read for the rest of the response."""

    def __init__(self, request):
        self.request = request
        self.types: dict[str, dict | None] = {}
        self.documents: dict[str, dict | None] = {}

    def apply(self, items: list[dict], names: tuple[str, ...]) -> None:
        for item in items:
            expanded = {}
            if "informatieobjecttype" in names:
                expanded["informatieobjecttype"] = self.informatieobjecttype(item.get("informatieobjecttype"))
            if "informatieobject" in names or "informatieobject.informatieobjecttype" in names:
                document = self.document(item.get("informatieobject"))
                if document is not None and "informatieobject.informatieobjecttype" in names:
                    document = {**document, "_expand": {
                        "informatieobjecttype": self.informatieobjecttype(document["informatieobjecttype"])
                    }}
                expanded["informatieobject"] = document
            item["_expand"] = expanded

    def informatieobjecttype(self, url: str | None) -> dict | None:
        """The informatieobjecttype of this service's Catalogi API; None for one elsewhere or gone."""
        if url and url not in self.types:
            try:
                found = informatieobjecttype_for_url(url, request=self.request)
                self.types[url] = InformatieObjectTypeSerializer(found, context={"request": self.request}).data
            except ValidationError:
                self.types[url] = None
        return self.types.get(url) if url else None

    def document(self, url: str | None) -> dict | None:
        """The document as its own detail renders it (the item was shown, so its document may be seen)."""
        if url and url not in self.documents:
            try:
                document = document_backend().document_get(UUID(url.rstrip("/").rsplit("/", 1)[-1]))
                self.documents[url] = EnkelvoudigInformatieObjectSerializer(
                    document, context={"request": self.request}
                ).data
            except (ValueError, BackendError):
                self.documents[url] = None
        return self.documents.get(url) if url else None
