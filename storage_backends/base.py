"""The document backend contract: what the Documenten API asks of the place documents live.

Every backend (PostgreSQL + a content store, or a CMIS repository) implements
`DocumentBackend`. Only plain frozen dataclasses cross this boundary, errors
are the typed exceptions below, and nothing here knows HTTP, URLs of this
service or autorisaties beyond the restrictions a query carries
(ARCHITECTURE.md § Documents, CMIS.md §3).

Semantics every backend keeps:

- A document is a series of versions, numbered from 1. Every update creates
  the next version (PUT and PATCH alike); `document_get` returns the latest,
  an exact `versie`, or the newest version registered at or before
  `registratie_op`.
- Content is streamed in and out (`ContentIn.stream`, `ContentOut.chunks`);
  unchanged content is not copied into a new version.
- A document may be locked; an update needs the lock it was locked with.
  Unlocking needs the lock too, unless forced.
- Writes put content in place before the metadata commits and remove new
  content again when the metadata step fails: no half-written document, no
  orphaned content. Callers hold no database transaction around a write, so
  that none stays open across a call to a remote store.
- A write takes `record`: it is called with what was written (or, for a
  destroy, what is removed) inside the database transaction that commits the
  write, so the caller's side effects (notification outbox, audit trail)
  commit with it or not at all.
"""
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import IO, Generic, Protocol, TypeVar
from uuid import UUID

T = TypeVar("T")
Record = Callable[[T], None] | None


def run_record(record: "Record[T]", written: T) -> None:
    """Call a write's `record` callback, if given (backends call it inside the committing transaction)."""
    if record is not None:
        record(written)

# The vertrouwelijkheidaanduidingen from open to secret: a restriction allows
# its maximum and everything before it.
VERTROUWELIJKHEID_ORDER = (
    "openbaar",
    "beperkt_openbaar",
    "intern",
    "zaakvertrouwelijk",
    "vertrouwelijk",
    "confidentieel",
    "geheim",
    "zeer_geheim",
)


# -- errors ---------------------------------------------------------------------------------------


class BackendError(Exception):
    """Base of every error a backend raises; `code` is the ZGW error code the API answers with."""

    code = "backend-error"

    def __init__(self, message: str, *, code: str | None = None):
        super().__init__(message)
        if code:
            self.code = code


class NotFound(BackendError):
    code = "not_found"


class Conflict(BackendError):
    """The request contradicts stored state (e.g. identificatie already used by the bronorganisatie)."""

    code = "conflict"


class LockError(BackendError):
    """Missing, wrong or superfluous lock (`missing-lock-id`, `incorrect-lock-id`, `existing-lock`)."""

    code = "incorrect-lock-id"


class BackendUnavailable(BackendError):
    """The document store cannot be reached; nothing was changed."""

    code = "service-unavailable"


class BackendFailed(BackendError):
    """The document store answered, but refused or failed the operation in a way the request cannot fix."""

    code = "bad-gateway"


# -- data objects ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ondertekening:
    soort: str = ""
    datum: date | None = None


@dataclass(frozen=True)
class Integriteit:
    algoritme: str = ""
    waarde: str = ""
    datum: date | None = None


@dataclass(frozen=True)
class DocumentData:
    """The metadata a client writes: every writable field of EnkelvoudigInformatieObject 1.7.

    `is_gereed_voor_publicatie` None: not (yet) known whether it is ready for publication.
    """

    bronorganisatie: str
    creatiedatum: date
    titel: str
    auteur: str
    taal: str
    informatieobjecttype: str
    identificatie: str = ""
    vertrouwelijkheidaanduiding: str = ""
    status: str = ""
    formaat: str = ""
    bestandsnaam: str = ""
    bestandsomvang: int | None = None
    link: str = ""
    beschrijving: str = ""
    ontvangstdatum: date | None = None
    verzenddatum: date | None = None
    indicatie_gebruiksrecht: bool | None = None
    verschijningsvorm: str = ""
    ondertekening: Ondertekening = field(default_factory=Ondertekening)
    integriteit: Integriteit = field(default_factory=Integriteit)
    trefwoorden: tuple[str, ...] = ()
    inhoud_is_vervallen: bool = False
    tonen_aan_initiator: bool = False
    is_gereed_voor_publicatie: bool | None = None


@dataclass(frozen=True)
class Part:
    """BESTANDSDEEL: one part of content uploaded in parts; `voltooid` once its `omvang` bytes are in."""

    uuid: UUID
    informatieobject: UUID
    volgnummer: int
    omvang: int
    voltooid: bool = False


@dataclass(frozen=True)
class Document(DocumentData):
    """One version of a document as stored.

    `parts` are the parts of an upload in progress. `lock` is only filled in
    the result of a write that starts an upload in parts (a create locks the
    document for it), so that its writer can upload them.
    """

    uuid: UUID | None = None
    versie: int = 1
    begin_registratie: datetime | None = None
    locked: bool = False
    has_content: bool = False
    parts: tuple[Part, ...] = ()
    lock: str = ""


@dataclass(frozen=True)
class ContentIn:
    """Content to store: a binary stream positioned at its start, and its size when known."""

    stream: IO[bytes]
    size: int | None = None


@dataclass(frozen=True)
class ContentOut:
    """Stored content: chunks of the requested byte range, the range and the total size."""

    chunks: Iterator[bytes]
    size: int
    start: int = 0
    end: int | None = None

    @property
    def length(self) -> int:
        return (self.size if self.end is None else self.end + 1) - self.start


@dataclass(frozen=True)
class ObjectLink:
    """OBJECTINFORMATIEOBJECT: a zaak, besluit or verzoek (by URL) that a document belongs to."""

    uuid: UUID
    informatieobject: UUID
    object: str
    object_type: str


@dataclass(frozen=True)
class Gebruiksrecht:
    """GEBRUIKSRECHTEN: conditions on using a document beyond reading it, for a period."""

    uuid: UUID
    informatieobject: UUID
    startdatum: datetime
    einddatum: datetime | None
    omschrijving_voorwaarden: str


@dataclass(frozen=True)
class GebruiksrechtQuery:
    """Gebruiksrechten of a document and/or with start and end within bounds (None: no bound)."""

    informatieobject: UUID | None = None
    startdatum_lt: datetime | None = None
    startdatum_lte: datetime | None = None
    startdatum_gt: datetime | None = None
    startdatum_gte: datetime | None = None
    einddatum_lt: datetime | None = None
    einddatum_lte: datetime | None = None
    einddatum_gt: datetime | None = None
    einddatum_gte: datetime | None = None


@dataclass(frozen=True)
class Restriction:
    """Documents of this informatieobjecttype up to this vertrouwelijkheidaanduiding may be seen."""

    informatieobjecttype: str
    max_vertrouwelijkheidaanduiding: str

    def allowed(self) -> tuple[str, ...]:
        """The levels up to the maximum; every level when no maximum is set."""
        if not self.max_vertrouwelijkheidaanduiding:
            return VERTROUWELIJKHEID_ORDER
        if self.max_vertrouwelijkheidaanduiding not in VERTROUWELIJKHEID_ORDER:
            return ()
        return VERTROUWELIJKHEID_ORDER[: VERTROUWELIJKHEID_ORDER.index(self.max_vertrouwelijkheidaanduiding) + 1]


@dataclass(frozen=True)
class DocumentQuery:
    """A page of latest versions. `restrictions` None: no autorisatie limits; empty: nothing visible.

    `trefwoorden`: documents having all of them. `object` / `object_type`:
    documents linked to that object and/or an object of that type (one link
    meeting both). `alleen_gereed_voor_publicatie`: only documents whose
    latest version has `is_gereed_voor_publicatie` true (an applicatie limited
    to those, Autorisaties 1.1).
    """

    identificatie: str | None = None
    bronorganisatie: str | None = None
    trefwoorden: tuple[str, ...] = ()
    object: str | None = None
    object_type: str | None = None
    uuids: tuple[UUID, ...] | None = None
    restrictions: tuple[Restriction, ...] | None = None
    alleen_gereed_voor_publicatie: bool = False
    page: int = 1
    page_size: int = 100


@dataclass(frozen=True)
class Page(Generic[T]):
    items: tuple[T, ...]
    count: int


# -- verzendingen ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class BinnenlandsCorrespondentieadres:
    """An address in the Netherlands, as written on the document sent or received."""

    huisnummer: int
    naam_openbare_ruimte: str
    woonplaatsnaam: str
    huisletter: str = ""
    huisnummer_toevoeging: str = ""
    postcode: str = ""


@dataclass(frozen=True)
class BuitenlandsCorrespondentieadres:
    """An address abroad: up to three lines and the country (a URL)."""

    adres_buitenland_1: str
    land_postadres: str
    adres_buitenland_2: str = ""
    adres_buitenland_3: str = ""


@dataclass(frozen=True)
class CorrespondentiePostadres:
    """A postbus or antwoordnummer (`postadres_type`)."""

    post_bus_of_antwoordnummer: int
    postadres_postcode: str
    postadres_type: str
    woonplaatsnaam: str


@dataclass(frozen=True)
class VerzendingData:
    """What a client writes of a VERZENDING besides its document: the betrokkene and how it was reached.

    The address groups are None and the contact channels empty (False) when not given.
    """

    betrokkene: str
    aard_relatie: str
    contact_persoon: str
    toelichting: str = ""
    ontvangstdatum: date | None = None
    verzenddatum: date | None = None
    contactpersoonnaam: str = ""
    binnenlands_correspondentieadres: BinnenlandsCorrespondentieadres | None = None
    buitenlands_correspondentieadres: BuitenlandsCorrespondentieadres | None = None
    correspondentie_postadres: CorrespondentiePostadres | None = None
    faxnummer: str = ""
    emailadres: str = ""
    mijn_overheid: bool = False
    telefoonnummer: str = ""


@dataclass(frozen=True)
class Verzending(VerzendingData):
    """VERZENDING: a document sent to (geadresseerde) or received from (afzender) a betrokkene."""

    uuid: UUID | None = None
    informatieobject: UUID | None = None


@dataclass(frozen=True)
class VerzendingQuery:
    """A page of verzendingen, oldest first. `restrictions` and `alleen_gereed_voor_publicatie` as in DocumentQuery, applied to their document."""

    informatieobject: UUID | None = None
    betrokkene: str | None = None
    aard_relatie: str | None = None
    restrictions: tuple[Restriction, ...] | None = None
    alleen_gereed_voor_publicatie: bool = False
    page: int = 1
    page_size: int = 100


@dataclass(frozen=True)
class SweepReport:
    """What a sweep found: stored content that no committed record references, and what it removed of that.

    `scanned` counts the stored items looked at; `found` and `removed` name
    items the way the backend does (for the database backend: content keys).
    """

    scanned: int
    found: tuple[str, ...]
    removed: tuple[str, ...]


@dataclass(frozen=True)
class Capabilities:
    """What a backend does beyond the contract's minimum; callers adapt to these, never to the backend's kind.

    `byte_ranges`: `content_open` serves a byte range without reading what
    comes before it (otherwise the API answers a Range request with the whole
    content, which HTTP allows).
    """

    byte_ranges: bool = False


# -- the contract ---------------------------------------------------------------------------------


class DocumentBackend(Protocol):
    """What the Documenten API needs from a document store; see the module docstring."""

    def capabilities(self) -> Capabilities:
        """What this backend does beyond the minimum (see Capabilities)."""

    def document_create(
        self, *, data: DocumentData, content: ContentIn | None, parts_of: int | None = None,
        record: Record[Document] = None,
    ) -> Document:
        """Create version 1. Raises Conflict when (bronorganisatie, identificatie) is taken.

        With `parts_of` and no content, the `bestandsomvang` bytes are to be
        uploaded in parts of `parts_of` bytes (the last one smaller): the
        document is created locked, with its parts and its lock.
        """

    def document_get(self, uuid: UUID, *, versie: int | None = None, registratie_op: datetime | None = None) -> Document:
        """The latest version, an exact `versie`, or the newest registered at or before `registratie_op`."""

    def document_versions(self, uuid: UUID) -> tuple[Document, ...]:
        """Every version, oldest first."""

    def document_list(self, query: DocumentQuery) -> Page[Document]:
        """Latest versions matching the query, newest document first."""

    def document_update(
        self, uuid: UUID, *, data: DocumentData, content: ContentIn | None, lock: str, parts_of: int | None = None,
        record: Record[Document] = None,
    ) -> Document:
        """Store the next version with `data` (the whole metadata) and new content or the previous one.

        With `parts_of` and no content, the new version's content is to be
        uploaded in parts (as in `document_create`); new content or new parts
        discard the parts of an upload in progress.
        Raises LockError unless the document is locked with `lock`.
        """

    def document_destroy(self, uuid: UUID, *, record: Record[Document] = None) -> None:
        """Remove the document with all its versions, content, gebruiksrechten and verzendingen.

        Raises LockError when locked, Conflict (`pending-relations`) while objects link to it.
        """

    def content_open(
        self,
        uuid: UUID,
        *,
        versie: int | None = None,
        registratie_op: datetime | None = None,
        byte_range: tuple[int, int | None] | None = None,
    ) -> ContentOut:
        """Stream the content of a version, or the inclusive `byte_range` (start, end or None) of it.

        Raises NotFound when the version has no content, BackendError
        (`invalid-range`) for a range outside it.
        """

    def document_lock(self, uuid: UUID) -> str:
        """Lock the document and return the lock. Raises LockError (`existing-lock`) when locked."""

    def document_unlock(self, uuid: UUID, *, lock: str, force: bool = False) -> None:
        """Unlock with the lock, or without it when `force`. Raises LockError otherwise.

        An upload in parts ends here: complete parts become the content of the
        latest version, in volgnummer order. Incomplete parts raise
        BackendError (`incomplete-upload`), unless `force` without the lock
        (an administrator ending an abandoned upload), which discards them.
        """

    def part_get(self, uuid: UUID) -> Part:
        """Raises NotFound."""

    def part_put(self, uuid: UUID, *, content: ContentIn, lock: str) -> Part:
        """Store (or replace) the content of a part, which must be exactly its `omvang` bytes.

        Raises LockError unless its document is locked with `lock`, BackendError
        (`file-size`) for content of another size; nothing is kept then.
        """

    def link_create(
        self, *, informatieobject: UUID, object: str, object_type: str, record: Record[ObjectLink] = None
    ) -> ObjectLink:
        """Link the document to an object. Raises NotFound (no such document), Conflict (`unique`) when linked."""

    def link_get(self, uuid: UUID) -> ObjectLink:
        """Raises NotFound."""

    def link_list(self, *, informatieobject: UUID | None = None, object: str | None = None) -> tuple[ObjectLink, ...]:
        """Links of a document and/or an object, oldest first."""

    def link_destroy(self, uuid: UUID, *, record: Record[ObjectLink] = None) -> None:
        """Raises NotFound."""

    def gebruiksrecht_create(
        self, *, informatieobject: UUID, startdatum: datetime, einddatum: datetime | None, omschrijving_voorwaarden: str,
        record: Record[Gebruiksrecht] = None,
    ) -> Gebruiksrecht:
        """Add a gebruiksrecht; the document's indicatieGebruiksrecht becomes true (no new version).

        Raises NotFound when the document does not exist.
        """

    def gebruiksrecht_get(self, uuid: UUID) -> Gebruiksrecht:
        """Raises NotFound."""

    def gebruiksrecht_list(self, query: GebruiksrechtQuery) -> tuple[Gebruiksrecht, ...]:
        """Oldest first."""

    def gebruiksrecht_update(
        self, uuid: UUID, *, startdatum: datetime, einddatum: datetime | None, omschrijving_voorwaarden: str,
        record: Record[Gebruiksrecht] = None,
    ) -> Gebruiksrecht:
        """Change the period and conditions (the document stays the same). Raises NotFound."""

    def gebruiksrecht_destroy(self, uuid: UUID, *, record: Record[Gebruiksrecht] = None) -> None:
        """Remove it; after the last one the document's indicatieGebruiksrecht becomes null (no new version)."""

    def verzending_create(
        self, *, informatieobject: UUID, data: VerzendingData, record: Record[Verzending] = None
    ) -> Verzending:
        """Add a verzending to the document (which stays the same). Raises NotFound when it does not exist."""

    def verzending_get(self, uuid: UUID) -> Verzending:
        """Raises NotFound."""

    def verzending_list(self, query: VerzendingQuery) -> Page[Verzending]:
        """Verzendingen matching the query whose document the restrictions allow, oldest first."""

    def verzending_update(
        self, uuid: UUID, *, informatieobject: UUID, data: VerzendingData, record: Record[Verzending] = None
    ) -> Verzending:
        """Replace the verzending's document and data. Raises NotFound (no such verzending or document)."""

    def verzending_destroy(self, uuid: UUID, *, record: Record[Verzending] = None) -> None:
        """Raises NotFound. A document's verzendingen go with it (`document_destroy`)."""

    def sweep(self, *, older_than: timedelta, remove: bool) -> SweepReport:
        """Find content that no committed record references and that is older than `older_than`; remove it if asked.

        Younger content is left alone: a write in flight has stored its content
        but not yet committed the record naming it. Raises BackendUnavailable
        when the store cannot be listed.
        """
