"""How documents and their relations are written in a CMIS repository: types, properties and codecs.

One content model (config/alfresco/drc-model.xml) with a namespace per type,
so that Alfresco's rule of one definition per property name holds:

- `D:drc:document` (a cmis:document): every writable field of
  EnkelvoudigInformatieObject plus `drc:uuid`, `drc:versie` (the API version
  this CMIS version holds), `drc:beginRegistratie` and `drc:vaRank` (the
  vertrouwelijkheidaanduiding as a number, for `<=` in queries).
- `I:drcgr:gebruiksrecht`, `I:drcoio:objectinformatieobject`,
  `I:drcvz:verzending` (cmis:item): unversioned, content-less objects that
  name their document by UUID (`…:informatieobject`).

CMIS has no date type: dates travel as midnight UTC. Address groups of a
verzending travel as JSON text. `PROPERTIES` is what the start-up check
compares with the repository's type definitions, and what the test server
registers as the deployed model.
"""
import dataclasses
import json
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from typing import Any
from uuid import UUID

from ..base import (
    VERTROUWELIJKHEID_ORDER,
    BinnenlandsCorrespondentieadres,
    BuitenlandsCorrespondentieadres,
    CorrespondentiePostadres,
    DocumentData,
    Gebruiksrecht,
    Integriteit,
    ObjectLink,
    Ondertekening,
    Verzending,
    VerzendingData,
)

DOCUMENT = "D:drc:document"
GEBRUIKSRECHT = "I:drcgr:gebruiksrecht"
OBJECT_LINK = "I:drcoio:objectinformatieobject"
VERZENDING = "I:drcvz:verzending"


@dataclass(frozen=True)
class Property:
    id: str
    type: str  # CMIS propertyType: string, integer, boolean, datetime (Alfresco reports d:text as string)
    multi: bool = False
    queryable: bool = False


def _props(prefix: str, *specs: tuple) -> tuple[Property, ...]:
    return tuple(Property(f"{prefix}:{name}", kind, *flags) for name, kind, *flags in specs)


PROPERTIES: dict[str, tuple[Property, ...]] = {
    DOCUMENT: _props(
        "drc",
        ("uuid", "string", False, True), ("versie", "integer", False, True), ("beginRegistratie", "datetime", False, True),
        ("identificatie", "string", False, True), ("bronorganisatie", "string", False, True),
        ("creatiedatum", "datetime"), ("titel", "string"), ("vertrouwelijkheidaanduiding", "string"),
        ("vaRank", "integer", False, True), ("auteur", "string"), ("status", "string"), ("formaat", "string"),
        ("taal", "string"), ("bestandsnaam", "string"), ("bestandsomvang", "integer"), ("link", "string"),
        ("beschrijving", "string"), ("ontvangstdatum", "datetime"), ("verzenddatum", "datetime"),
        ("indicatieGebruiksrecht", "boolean"), ("verschijningsvorm", "string"), ("ondertekeningSoort", "string"),
        ("ondertekeningDatum", "datetime"), ("integriteitAlgoritme", "string"), ("integriteitWaarde", "string"),
        ("integriteitDatum", "datetime"), ("informatieobjecttype", "string", False, True),
        ("trefwoorden", "string", True, True), ("inhoudIsVervallen", "boolean"),
        ("tonenAanInitiator", "boolean"), ("isGereedVoorPublicatie", "boolean"),
    ),
    GEBRUIKSRECHT: _props(
        "drcgr",
        ("uuid", "string", False, True), ("informatieobject", "string", False, True), ("startdatum", "datetime"),
        ("einddatum", "datetime"), ("omschrijvingVoorwaarden", "string"),
    ),
    OBJECT_LINK: _props(
        "drcoio",
        ("uuid", "string", False, True), ("informatieobject", "string", False, True), ("object", "string", False, True),
        ("objectType", "string"),
    ),
    VERZENDING: _props(
        "drcvz",
        ("uuid", "string", False, True), ("informatieobject", "string", False, True), ("betrokkene", "string"),
        ("aardRelatie", "string"), ("toelichting", "string"), ("ontvangstdatum", "datetime"),
        ("verzenddatum", "datetime"), ("contactPersoon", "string"), ("contactpersoonnaam", "string"),
        ("binnenlandsCorrespondentieadres", "string"), ("buitenlandsCorrespondentieadres", "string"),
        ("correspondentiePostadres", "string"), ("faxnummer", "string"), ("emailadres", "string"),
        ("mijnOverheid", "boolean"), ("telefoonnummer", "string"),
    ),
}
# Types that must exist in the repository, with the base each one derives from.
BASES = {DOCUMENT: "cmis:document", GEBRUIKSRECHT: "cmis:item", OBJECT_LINK: "cmis:item", VERZENDING: "cmis:item"}


def query_name(type_id: str) -> str:
    """The name a type has in CMIS-QL: its id without the D:/I: prefix (Alfresco)."""
    return type_id.split(":", 1)[1]


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _as_datetime(value: date | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.combine(value, time(), tzinfo=timezone.utc)


def _as_date(value: datetime | None) -> date | None:
    return value.astimezone(timezone.utc).date() if value is not None else None


def va_rank(vertrouwelijkheidaanduiding: str) -> int | None:
    if vertrouwelijkheidaanduiding not in VERTROUWELIJKHEID_ORDER:
        return None
    return VERTROUWELIJKHEID_ORDER.index(vertrouwelijkheidaanduiding)


# -- documents ------------------------------------------------------------------------------------

_DATES = ("creatiedatum", "ontvangstdatum", "verzenddatum")
_PLAIN = tuple(
    f.name for f in dataclasses.fields(DocumentData)
    if f.name not in (*_DATES, "ondertekening", "integriteit", "trefwoorden")
)


def document_properties(uuid: UUID, versie: int, begin_registratie: datetime, data: DocumentData) -> dict[str, Any]:
    """The CMIS properties of one version of a document."""
    properties = {
        "drc:uuid": str(uuid),
        "drc:versie": versie,
        "drc:beginRegistratie": begin_registratie,
        "drc:vaRank": va_rank(data.vertrouwelijkheidaanduiding),
        "drc:trefwoorden": list(data.trefwoorden),
        "drc:ondertekeningSoort": data.ondertekening.soort,
        "drc:ondertekeningDatum": _as_datetime(data.ondertekening.datum),
        "drc:integriteitAlgoritme": data.integriteit.algoritme,
        "drc:integriteitWaarde": data.integriteit.waarde,
        "drc:integriteitDatum": _as_datetime(data.integriteit.datum),
    }
    properties |= {f"drc:{_camel(name)}": getattr(data, name) for name in _PLAIN}
    properties |= {f"drc:{name}": _as_datetime(getattr(data, name)) for name in _DATES}
    return properties


def document_data(properties: dict[str, Any]) -> DocumentData:
    """The metadata a version's properties hold; a null string or flag reads as its default."""

    def value(name: str, kind: Any) -> Any:
        found = properties.get(f"drc:{name}")
        if kind is str:
            return found or ""
        if kind is bool:
            return bool(found)
        return found

    return DocumentData(
        **{f.name: value(_camel(f.name), f.type) for f in dataclasses.fields(DocumentData) if f.name in _PLAIN},
        **{name: _as_date(properties.get(f"drc:{name}")) for name in _DATES},
        trefwoorden=tuple(properties.get("drc:trefwoorden") or ()),
        ondertekening=Ondertekening(
            soort=value("ondertekeningSoort", str), datum=_as_date(properties.get("drc:ondertekeningDatum"))
        ),
        integriteit=Integriteit(
            algoritme=value("integriteitAlgoritme", str),
            waarde=value("integriteitWaarde", str),
            datum=_as_date(properties.get("drc:integriteitDatum")),
        ),
    )


# -- relations ------------------------------------------------------------------------------------


def gebruiksrecht_properties(recht: Gebruiksrecht) -> dict[str, Any]:
    return {
        "drcgr:uuid": str(recht.uuid),
        "drcgr:informatieobject": str(recht.informatieobject),
        "drcgr:startdatum": recht.startdatum,
        "drcgr:einddatum": recht.einddatum,
        "drcgr:omschrijvingVoorwaarden": recht.omschrijving_voorwaarden,
    }


def gebruiksrecht(properties: dict[str, Any]) -> Gebruiksrecht:
    return Gebruiksrecht(
        uuid=UUID(properties["drcgr:uuid"]),
        informatieobject=UUID(properties["drcgr:informatieobject"]),
        startdatum=properties["drcgr:startdatum"],
        einddatum=properties.get("drcgr:einddatum"),
        omschrijving_voorwaarden=properties.get("drcgr:omschrijvingVoorwaarden") or "",
    )


def link_properties(link: ObjectLink) -> dict[str, Any]:
    return {
        "drcoio:uuid": str(link.uuid),
        "drcoio:informatieobject": str(link.informatieobject),
        "drcoio:object": link.object,
        "drcoio:objectType": link.object_type,
    }


def link(properties: dict[str, Any]) -> ObjectLink:
    return ObjectLink(
        uuid=UUID(properties["drcoio:uuid"]),
        informatieobject=UUID(properties["drcoio:informatieobject"]),
        object=properties.get("drcoio:object") or "",
        object_type=properties.get("drcoio:objectType") or "",
    )


_VERZENDING_GROUPS = {
    "binnenlands_correspondentieadres": BinnenlandsCorrespondentieadres,
    "buitenlands_correspondentieadres": BuitenlandsCorrespondentieadres,
    "correspondentie_postadres": CorrespondentiePostadres,
}
_VERZENDING_DATES = ("ontvangstdatum", "verzenddatum")


def verzending_properties(verzending: Verzending) -> dict[str, Any]:
    properties = {"drcvz:uuid": str(verzending.uuid), "drcvz:informatieobject": str(verzending.informatieobject)}
    for field in dataclasses.fields(VerzendingData):
        value = getattr(verzending, field.name)
        if field.name in _VERZENDING_GROUPS:
            value = json.dumps(dataclasses.asdict(value)) if value is not None else None
        elif field.name in _VERZENDING_DATES:
            value = _as_datetime(value)
        properties[f"drcvz:{_camel(field.name)}"] = value
    return properties


def verzending(properties: dict[str, Any]) -> Verzending:
    fields = {}
    for field in dataclasses.fields(VerzendingData):
        value = properties.get(f"drcvz:{_camel(field.name)}")
        if field.name in _VERZENDING_GROUPS:
            value = _VERZENDING_GROUPS[field.name](**json.loads(value)) if value else None
        elif field.name in _VERZENDING_DATES:
            value = _as_date(value)
        elif field.type is str:
            value = value or ""
        elif field.type is bool:
            value = bool(value)
        fields[field.name] = value
    return Verzending(
        **fields,
        uuid=UUID(properties["drcvz:uuid"]),
        informatieobject=UUID(properties["drcvz:informatieobject"]),
    )
