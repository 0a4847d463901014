"""Writes to documents (drc rules), whatever backend holds them.

The backend stores; this layer decides what to store: the generated
identificatie, the vertrouwelijkheidaanduiding taken from the
informatieobjecttype, the sniffed formaat, the merged metadata of an update,
and the `documenten` notification, which the backend records inside the
transaction that commits the write together with the caller's `audit`
callback (the audit trail row, built by the view that has the serializer). No transaction is held around a backend
call: the backend may write to a remote store (ARCHITECTURE.md § Documents).
Backend errors reach the views as the typed errors of `storage_backends.base`.
"""
import dataclasses
from collections.abc import Callable
from uuid import UUID

import magic
from django.conf import settings
from django.db import transaction

from api.catalogi.selectors import informatieobjecttype_for_url
from api.common.exceptions import invalid
from api.common.notifications import notification_record
from api.common.references import remote_resource
from storage_backends import document_backend
from storage_backends.base import (
    BinnenlandsCorrespondentieadres,
    BuitenlandsCorrespondentieadres,
    ContentIn,
    CorrespondentiePostadres,
    Document,
    Gebruiksrecht,
    DocumentData,
    Integriteit,
    LockError,
    ObjectLink,
    Ondertekening,
    Record,
    Verzending,
    VerzendingData,
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


def _records(*callbacks: Record) -> Callable[[object], None]:
    """One backend `record` running each callback (notification, the view's audit row) in turn."""

    def record(written) -> None:
        for callback in callbacks:
            if callback is not None:
                callback(written)

    return record


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


def document_create(*, values: dict, request, url_for: UrlFor, audit: Record[Document] = None) -> Document:
    """drc-001..: create version 1 of a document.

    Content comes as base64 `inhoud`, or, with a `bestandsomvang` and no
    `inhoud`, in bestandsdelen: the document is then created locked.
    """
    values = dict(values)
    content = values.pop("inhoud", None)
    vertrouwelijkheid = _check_informatieobjecttype(values["informatieobjecttype"], request=request)
    values.setdefault("vertrouwelijkheidaanduiding", "")
    values["vertrouwelijkheidaanduiding"] = values["vertrouwelijkheidaanduiding"] or vertrouwelijkheid
    if content is not None and not values.get("formaat"):
        values["formaat"] = _sniff_formaat(content)
    if content is not None and values.get("bestandsomvang") is None:
        values["bestandsomvang"] = content.size
    if not values.get("identificatie"):
        values["identificatie"] = _identificatie_generate(values["bronorganisatie"], values["creatiedatum"].year)
    return document_backend().document_create(
        data=_document_data(values), content=content, parts_of=settings.DOCUMENTEN_UPLOAD_CHUNK_SIZE,
        record=_records(_notify("create", url_for), audit),
    )


def document_update(
    *, uuid: UUID, values: dict, partial: bool, request, url_for: UrlFor, audit: Record[Document] = None
) -> Document:
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
    if content is not None and values.get("bestandsomvang") is None:
        values["bestandsomvang"] = content.size
    # PATCH changes what it names; PUT replaces everything but the document's identity and level, and
    # the 1.7 publication flags, which a PUT of a 1.5 client (that never knew them) must not reset.
    base = current if partial else DocumentData(
        **{name: values[name] for name in REQUIRED},
        identificatie=current.identificatie,
        vertrouwelijkheidaanduiding=current.vertrouwelijkheidaanduiding,
        indicatie_gebruiksrecht=current.indicatie_gebruiksrecht,
        tonen_aan_initiator=current.tonen_aan_initiator,
        is_gereed_voor_publicatie=current.is_gereed_voor_publicatie,
    )
    # A new size without content starts a new upload in parts; the same size keeps one in progress.
    size = values.get("bestandsomvang")
    new_upload = content is None and bool(size) and (
        size != current.bestandsomvang or not (current.has_content or current.parts)
    )
    return backend.document_update(
        uuid, data=_document_data(values, base=base), content=content, lock=lock,
        parts_of=settings.DOCUMENTEN_UPLOAD_CHUNK_SIZE if new_upload else None,
        record=_records(_notify("partial_update" if partial else "update", url_for), audit),
    )


def document_destroy(*, uuid: UUID, url_for: UrlFor, audit: Record[Document] = None) -> None:
    document_backend().document_destroy(uuid, record=_records(_notify("destroy", url_for), audit))


# The fields every resource of an object type has; a URL answering without them is another kind of resource.
OBJECT_SHAPES = {
    "zaak": ("zaaktype", "bronorganisatie"),
    "besluit": ("besluittype", "verantwoordelijkeOrganisatie"),
    "verzoek": ("bronorganisatie",),
}


def objectinformatieobject_create(
    *, informatieobject: UUID, object: str, object_type: str, audit: Record[ObjectLink] = None
) -> ObjectLink:
    """drc-002/003: the object must resolve to a resource of its type; a document links to it once."""
    remote_resource(object, field="object", must_have=OBJECT_SHAPES[object_type])
    return document_backend().link_create(
        informatieobject=informatieobject, object=object, object_type=object_type, record=audit
    )


def objectinformatieobject_destroy(*, uuid: UUID, audit: Record[ObjectLink] = None) -> None:
    document_backend().link_destroy(uuid, record=audit)


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


def gebruiksrecht_create(
    *, document: Document, values: dict, url_for: UrlFor, document_url: str, audit: Record[Gebruiksrecht] = None
) -> Gebruiksrecht:
    """Adding a gebruiksrecht sets the document's indicatieGebruiksrecht (the backend keeps it)."""
    return document_backend().gebruiksrecht_create(
        informatieobject=document.uuid,
        startdatum=values["startdatum"],
        einddatum=values.get("einddatum"),
        omschrijving_voorwaarden=values["omschrijving_voorwaarden"],
        record=_records(
            _notify_gebruiksrecht("create", url_for=url_for, document=document, document_url=document_url), audit
        ),
    )


def gebruiksrecht_update(
    *, current: Gebruiksrecht, document: Document, values: dict, partial: bool, url_for: UrlFor, document_url: str,
    audit: Record[Gebruiksrecht] = None,
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
        record=_records(
            _notify_gebruiksrecht(actie, url_for=url_for, document=document, document_url=document_url), audit
        ),
    )


def gebruiksrecht_destroy(
    *, recht: Gebruiksrecht, document: Document, url_for: UrlFor, document_url: str, audit: Record[Gebruiksrecht] = None
) -> None:
    """Removing the last gebruiksrecht makes the document's indicatieGebruiksrecht null again."""
    document_backend().gebruiksrecht_destroy(
        recht.uuid,
        record=_records(
            _notify_gebruiksrecht("destroy", url_for=url_for, document=document, document_url=document_url), audit
        ),
    )


# -- verzendingen ---------------------------------------------------------------------------------

VERZENDING_GROUPS = {
    "binnenlands_correspondentieadres": BinnenlandsCorrespondentieadres,
    "buitenlands_correspondentieadres": BuitenlandsCorrespondentieadres,
    "correspondentie_postadres": CorrespondentiePostadres,
}
# The ways a betrokkene can be reached; a verzending records exactly one of them.
VERZENDING_CHANNELS = (*VERZENDING_GROUPS, "faxnummer", "emailadres", "mijn_overheid", "telefoonnummer")


def _verzending_data(values: dict, *, base: VerzendingData | None = None) -> VerzendingData:
    """VerzendingData from validated values, on top of `base` (PATCH) or the defaults (create, PUT).

    A null text field (faxnummer, emailadres, telefoonnummer) is stored empty.
    Raises ValidationError `invalid-address` unless exactly one channel (an
    address group, faxnummer, emailadres, mijnOverheid or telefoonnummer) is
    given: one verzending is one sending to or from one address (VNG,
    gemma-zaken#2297; the OAS is silent on it).
    """
    fields = {f.name for f in dataclasses.fields(VerzendingData)}
    current = {name: getattr(base, name) for name in fields} if base is not None else {}
    for name, value in values.items():
        if name not in fields:
            continue
        if name in VERZENDING_GROUPS:
            value = VERZENDING_GROUPS[name](**value) if value is not None else None
        elif value is None and name not in ("ontvangstdatum", "verzenddatum"):
            value = ""
        current[name] = value
    data = VerzendingData(**current)
    if sum(1 for channel in VERZENDING_CHANNELS if getattr(data, channel)) != 1:
        raise invalid(
            "nonFieldErrors",
            "Een verzending heeft precies één adres of kanaal: binnenlandsCorrespondentieadres, "
            "buitenlandsCorrespondentieadres, correspondentiePostadres, faxnummer, emailadres, mijnOverheid "
            "of telefoonnummer.",
            "invalid-address",
        )
    return data


def verzending_create(*, informatieobject: UUID, values: dict) -> Verzending:
    """A verzending of the document; exactly one address or channel. Not announced: the documenten kanaal
    lists no verzending resource."""
    return document_backend().verzending_create(informatieobject=informatieobject, data=_verzending_data(values))


def verzending_update(*, current: Verzending, informatieobject: UUID, values: dict, partial: bool) -> Verzending:
    """PUT replaces the verzending, PATCH changes what it names; the result has exactly one address or channel."""
    data = _verzending_data(values, base=current if partial else None)
    return document_backend().verzending_update(current.uuid, informatieobject=informatieobject, data=data)
