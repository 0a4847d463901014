"""Writes to documents (drc rules), whatever backend holds them.

The backend stores; this layer decides what to store: the generated
identificatie, the vertrouwelijkheidaanduiding taken from the
informatieobjecttype, the sniffed formaat, the merged metadata of an update,
and the `documenten` notification, which the backend records inside the
transaction that commits the write. No transaction is held around a backend
call: the backend may write to a remote store (ARCHITECTURE.md § Documents).
Backend errors reach the views as the typed errors of `storage_backends.base`.
"""
import dataclasses
from collections.abc import Callable
from uuid import UUID

import magic
from django.db import transaction

from api.catalogi.selectors import informatieobjecttype_for_url
from api.common.exceptions import invalid
from api.common.notifications import notification_record
from api.common.references import remote_resource
from storage_backends import document_backend
from storage_backends.base import (
    ContentIn,
    Document,
    Gebruiksrecht,
    DocumentData,
    Integriteit,
    LockError,
    ObjectLink,
    Ondertekening,
)

from .kanalen import KANAAL_DOCUMENTEN
from .models import IdentificatieCounter

UrlFor = Callable[[Document], str]
SNIFF_BYTES = 2048
REQUIRED = ("bronorganisatie", "creatiedatum", "titel", "auteur", "taal", "informatieobjecttype")
STRUCTURED = {"ondertekening": Ondertekening, "integriteit": Integriteit}


def _sniff_formaat(content: ContentIn) -> str:
    """The MIME type of the first bytes (python-magic); the stream is rewound afterwards."""
    head = content.stream.read(SNIFF_BYTES)
    content.stream.seek(0)
    return magic.from_buffer(head, mime=True) if head else ""


@transaction.atomic
def _identificatie_generate(bronorganisatie: str, jaar: int) -> str:
    """The next number of the bronorganisatie and year; a failed create leaves a gap, never a duplicate."""
    counter, _ = IdentificatieCounter.objects.select_for_update().get_or_create(bronorganisatie=bronorganisatie, jaar=jaar)
    counter.laatste += 1
    counter.save(update_fields=["laatste"])
    return f"DOCUMENT-{jaar}-{counter.laatste:010d}"


def _document_data(values: dict, *, base: DocumentData | None = None) -> DocumentData:
    """DocumentData from validated values, on top of `base` (PATCH) or the defaults (create, PUT)."""
    fields = {f.name for f in dataclasses.fields(DocumentData)}
    current = {name: getattr(base, name) for name in fields} if base is not None else {}
    for name, value in values.items():
        if name not in fields:
            continue
        if name in STRUCTURED:
            value = STRUCTURED[name](**(value or {}))
        elif name == "trefwoorden":
            value = tuple(value or ())
        elif name == "inhoud_is_vervallen":
            value = bool(value)
        current[name] = value
    return DocumentData(**current)


def _notify(actie: str, url_for: UrlFor) -> Callable[[Document], None]:
    """The backend's `record` for a document write: its notification."""
    return lambda document: _notification(document, actie=actie, url_for=url_for)


def _notification(document: Document, *, actie: str, url_for: UrlFor) -> None:
    url = url_for(document)
    notification_record(
        kanaal=KANAAL_DOCUMENTEN,
        hoofd_object=url,
        resource="enkelvoudiginformatieobject",
        resource_url=url,
        actie=actie,
        kenmerken={
            "bronorganisatie": document.bronorganisatie,
            "informatieobjecttype": document.informatieobjecttype,
            "vertrouwelijkheidaanduiding": document.vertrouwelijkheidaanduiding,
        },
    )


def _check_informatieobjecttype(url: str, *, request) -> str:
    """The informatieobjecttype must be a published one; returns its vertrouwelijkheidaanduiding."""
    informatieobjecttype = informatieobjecttype_for_url(url, request=request)
    if informatieobjecttype.concept:
        raise invalid("informatieobjecttype", "Het informatieobjecttype is nog niet gepubliceerd.", "not-published")
    return informatieobjecttype.vertrouwelijkheidaanduiding


def document_create(*, values: dict, request, url_for: UrlFor) -> Document:
    """drc-001..: create version 1 of a document; content from base64 `inhoud` when given."""
    values = dict(values)
    content = values.pop("inhoud", None)
    vertrouwelijkheid = _check_informatieobjecttype(values["informatieobjecttype"], request=request)
    values.setdefault("vertrouwelijkheidaanduiding", "")
    values["vertrouwelijkheidaanduiding"] = values["vertrouwelijkheidaanduiding"] or vertrouwelijkheid
    if content is not None and not values.get("formaat"):
        values["formaat"] = _sniff_formaat(content)
    if not values.get("identificatie"):
        values["identificatie"] = _identificatie_generate(values["bronorganisatie"], values["creatiedatum"].year)
    return document_backend().document_create(
        data=_document_data(values), content=content, record=_notify("create", url_for)
    )


def document_update(*, uuid: UUID, values: dict, partial: bool, request, url_for: UrlFor) -> Document:
    """Every update is a new version; it needs the lock the document was locked with."""
    values = dict(values)
    lock = values.pop("lock", "")
    if not lock:
        raise LockError("Het lock-id ontbreekt.", code="missing-lock-id")
    content = values.pop("inhoud", None)
    if "informatieobjecttype" in values:
        _check_informatieobjecttype(values["informatieobjecttype"], request=request)
    backend = document_backend()
    current = backend.document_get(uuid)
    if content is not None and not values.get("formaat"):
        values["formaat"] = _sniff_formaat(content)
    # PATCH changes what it names; PUT replaces everything but the document's identity and level.
    base = current if partial else DocumentData(
        **{name: values[name] for name in REQUIRED},
        identificatie=current.identificatie,
        vertrouwelijkheidaanduiding=current.vertrouwelijkheidaanduiding,
        indicatie_gebruiksrecht=current.indicatie_gebruiksrecht,
    )
    return backend.document_update(
        uuid, data=_document_data(values, base=base), content=content, lock=lock,
        record=_notify("partial_update" if partial else "update", url_for),
    )


def document_destroy(*, uuid: UUID, url_for: UrlFor) -> None:
    document_backend().document_destroy(uuid, record=_notify("destroy", url_for))


# The fields every resource of an object type has; a URL answering without them is another kind of resource.
OBJECT_SHAPES = {
    "zaak": ("zaaktype", "bronorganisatie"),
    "besluit": ("besluittype", "verantwoordelijkeOrganisatie"),
    "verzoek": ("bronorganisatie",),
}


def objectinformatieobject_create(*, informatieobject: UUID, object: str, object_type: str) -> ObjectLink:
    """drc-002/003: the object must resolve to a resource of its type; a document links to it once."""
    remote_resource(object, field="object", must_have=OBJECT_SHAPES[object_type])
    return document_backend().link_create(informatieobject=informatieobject, object=object, object_type=object_type)


def _notify_gebruiksrecht(actie: str, *, url_for: UrlFor, document: Document, document_url: str):
    """The backend's `record` for a gebruiksrecht write: its notification, with the document's kenmerken."""
    return lambda recht: _gebruiksrecht_notification(
        recht, actie=actie, url_for=url_for, document=document, document_url=document_url
    )


def _gebruiksrecht_notification(
    recht: Gebruiksrecht, *, actie: str, url_for: UrlFor, document: Document, document_url: str
) -> None:
    notification_record(
        kanaal=KANAAL_DOCUMENTEN,
        hoofd_object=document_url,
        resource="gebruiksrechten",
        resource_url=url_for(recht),
        actie=actie,
        kenmerken={
            "bronorganisatie": document.bronorganisatie,
            "informatieobjecttype": document.informatieobjecttype,
            "vertrouwelijkheidaanduiding": document.vertrouwelijkheidaanduiding,
        },
    )


def gebruiksrecht_create(*, document: Document, values: dict, url_for: UrlFor, document_url: str) -> Gebruiksrecht:
    """Adding a gebruiksrecht sets the document's indicatieGebruiksrecht (the backend keeps it)."""
    return document_backend().gebruiksrecht_create(
        informatieobject=document.uuid,
        startdatum=values["startdatum"],
        einddatum=values.get("einddatum"),
        omschrijving_voorwaarden=values["omschrijving_voorwaarden"],
        record=_notify_gebruiksrecht("create", url_for=url_for, document=document, document_url=document_url),
    )


def gebruiksrecht_update(
    *, current: Gebruiksrecht, document: Document, values: dict, partial: bool, url_for: UrlFor, document_url: str
) -> Gebruiksrecht:
    """The period and conditions change; the document a gebruiksrecht belongs to does not."""
    merged = {
        "startdatum": current.startdatum,
        "einddatum": current.einddatum if partial else None,
        "omschrijving_voorwaarden": current.omschrijving_voorwaarden,
        **{name: values[name] for name in ("startdatum", "einddatum", "omschrijving_voorwaarden") if name in values},
    }
    actie = "partial_update" if partial else "update"
    return document_backend().gebruiksrecht_update(
        current.uuid, **merged,
        record=_notify_gebruiksrecht(actie, url_for=url_for, document=document, document_url=document_url),
    )


def gebruiksrecht_destroy(*, recht: Gebruiksrecht, document: Document, url_for: UrlFor, document_url: str) -> None:
    """Removing the last gebruiksrecht makes the document's indicatieGebruiksrecht null again."""
    document_backend().gebruiksrecht_destroy(
        recht.uuid,
        record=_notify_gebruiksrecht("destroy", url_for=url_for, document=document, document_url=document_url),
    )
