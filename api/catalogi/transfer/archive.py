"""The zip format of a catalogus export: one JSON file per resource type, read and checked as a whole.

Each file (`ZaakType.json`, `StatusType.json`, ..., the names Open Zaak uses)
holds a list of records as the Catalogi API renders them (camelCase, URLs as
paths). A record is known by the uuid that ends its `url`; a reference names a
record of the same zip that way, whatever host wrote it. Where the API accepts
a key instead of a URL (deelzaaktypen by identificatie, besluittypen and
informatieobjecttypen by omschrijving), a key names a type of the target
catalogus. `read` refuses, with a `TransferError` naming the file and record,
a zip that is not one, lacks a file, holds broken JSON, repeats a uuid or
names a record it does not hold.
"""
import io
import json
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit
from uuid import UUID

from django.db.models import Model
from djangorestframework_camel_case.settings import api_settings as camel_settings
from djangorestframework_camel_case.util import underscoreize

from api.common.exceptions import DomainError

from .. import services
from .. import services_parts as parts
from ..models import (
    BesluitType,
    Eigenschap,
    InformatieObjectType,
    ResultaatType,
    RolType,
    StatusType,
    ZaakObjectType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from ..serializers import (
    BesluitTypeSerializer,
    EigenschapSerializer,
    InformatieObjectTypeSerializer,
    ResultaatTypeSerializer,
    RolTypeSerializer,
    StatusTypeSerializer,
    ZaakObjectTypeSerializer,
    ZaakTypeInformatieObjectTypeSerializer,
    ZaakTypeSerializer,
)
from ..services import UrlFor
from ..urlrefs import looks_like_url

CATALOGUS_FILE = "Catalogus.json"
# The uncompressed size one file may claim: a large catalogus is a few MB of JSON; more is a zip bomb.
MAX_FILE_SIZE = 50 * 1024 * 1024
# Without a request the serializers render URLs as paths: nothing in the export names this host.
CONTEXT = {"request": None}


class TransferError(DomainError):
    default_code = "invalid-import"
    default_detail = "Het zip-bestand kan niet worden geïmporteerd."


@dataclass(frozen=True)
class Ref:
    """A reference field: its target resource, one or many, the key the API accepts instead of a URL."""

    resource: str
    many: bool = False
    key: str = ""
    required: bool = True
    deferred: bool = False  # set once every record is written (zaaktypen may name each other)


@dataclass(frozen=True)
class Resource:
    file: str
    model: type[Model]
    serializer: type
    label: str  # the field that names a record in messages
    create: Callable[[dict, UrlFor], Model]
    refs: dict[str, Ref]


ZAAKTYPE_REF = Ref("zaaktype")
# In import order: a record only names records of the resources before it (deelzaaktypen are deferred).
RESOURCES = {
    "informatieobjecttype": Resource(
        "InformatieObjectType.json", InformatieObjectType, InformatieObjectTypeSerializer, "omschrijving",
        lambda data, url_for: services.informatieobjecttype_create(data=data, url_for=url_for), {},
    ),
    "besluittype": Resource(
        "BesluitType.json", BesluitType, BesluitTypeSerializer, "omschrijving",
        lambda data, url_for: services.besluittype_create(data=data, url_for=url_for),
        {"informatieobjecttypen": Ref("informatieobjecttype", many=True, key="omschrijving")},
    ),
    "zaaktype": Resource(
        "ZaakType.json", ZaakType, ZaakTypeSerializer, "identificatie",
        lambda data, url_for: services.zaaktype_create(data=data, url_for=url_for),
        {
            "besluittypen": Ref("besluittype", many=True, key="omschrijving"),
            "deelzaaktypen": Ref("zaaktype", many=True, key="identificatie", deferred=True),
        },
    ),
    "statustype": Resource(
        "StatusType.json", StatusType, StatusTypeSerializer, "omschrijving",
        lambda data, url_for: parts.statustype_create(data=data, force=False), {"zaaktype": ZAAKTYPE_REF},
    ),
    "roltype": Resource(
        "RolType.json", RolType, RolTypeSerializer, "omschrijving",
        lambda data, url_for: parts.roltype_create(data=data, force=False), {"zaaktype": ZAAKTYPE_REF},
    ),
    "resultaattype": Resource(
        "ResultaatType.json", ResultaatType, ResultaatTypeSerializer, "omschrijving",
        lambda data, url_for: parts.resultaattype_create(data=data, force=False),
        {
            "zaaktype": ZAAKTYPE_REF,
            "besluittypen": Ref("besluittype", many=True, key="omschrijving"),
            "informatieobjecttypen": Ref("informatieobjecttype", many=True),
        },
    ),
    "eigenschap": Resource(
        "Eigenschap.json", Eigenschap, EigenschapSerializer, "naam",
        lambda data, url_for: parts.eigenschap_create(data=data, force=False),
        {"zaaktype": ZAAKTYPE_REF, "statustype": Ref("statustype", required=False)},
    ),
    "zaaktypeinformatieobjecttype": Resource(
        "ZaakTypeInformatieObjectType.json", ZaakTypeInformatieObjectType, ZaakTypeInformatieObjectTypeSerializer,
        "volgnummer",
        lambda data, url_for: parts.zaaktypeinformatieobjecttype_create(data=data, force=False),
        {
            "zaaktype": ZAAKTYPE_REF,
            "informatieobjecttype": Ref("informatieobjecttype", key="omschrijving"),
            "statustype": Ref("statustype", required=False),
        },
    ),
    "zaakobjecttype": Resource(
        "ZaakObjectType.json", ZaakObjectType, ZaakObjectTypeSerializer, "relatie_omschrijving",
        lambda data, url_for: parts.zaakobjecttype_create(data=data),
        {
            "zaaktype": ZAAKTYPE_REF,
            "resultaattypen": Ref("resultaattype", many=True),
            "statustypen": Ref("statustype", many=True),
        },
    ),
}


@dataclass
class Record:
    resource: str
    index: int
    data: dict  # snake_case, as a serializer takes it
    uuid: str = ""

    @property
    def where(self) -> str:
        spec = RESOURCES[self.resource]
        name = self.data.get(spec.label)
        named = f" ({camel(spec.label)} '{name}')" if name not in (None, "") else ""
        return f"{spec.file}, record {self.index + 1}{named}"


def read(data: bytes) -> dict[str, list[Record]]:
    """The records of every resource file of a zip, checked as a whole; raises TransferError."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise TransferError("Het bestand is geen (geldig) zip-bestand.") from None
    with archive:
        bundle = {resource: _records(archive, resource) for resource in RESOURCES}
    seen: set[str] = set()
    for record in (record for records in bundle.values() for record in records):
        if record.uuid in seen:
            raise TransferError(f"{record.where}: de uuid {record.uuid} komt meer dan eens voor.")
        seen.add(record.uuid)
    _check_references(bundle)
    return bundle


def _records(archive: zipfile.ZipFile, resource: str) -> list[Record]:
    name = RESOURCES[resource].file
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise TransferError(f"{name} ontbreekt in het zip-bestand.") from None
    if info.file_size > MAX_FILE_SIZE:
        raise TransferError(f"{name} is groter dan {MAX_FILE_SIZE // (1024 * 1024)} MB.")
    try:
        content = json.loads(archive.read(info).decode("utf-8"))
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError) as exc:
        raise TransferError(f"{name} kan niet worden uitgepakt: {exc}") from None
    except ValueError as exc:
        raise TransferError(f"{name} is geen geldige JSON: {exc}") from None
    if not isinstance(content, list):
        raise TransferError(f"{name} bevat geen lijst van records.")
    records = []
    for index, item in enumerate(content):
        if not isinstance(item, dict):
            raise TransferError(f"{name}, record {index + 1}: geen JSON-object.")
        data = underscoreize(item, **camel_settings.JSON_UNDERSCOREIZE)
        record = Record(resource, index, _without_empty_groups(data))
        record.uuid = uuid_of(record.data.get("url"))
        if not record.uuid:
            raise TransferError(f"{record.where}: de url eindigt niet op een uuid.")
        records.append(record)
    return records


def _without_empty_groups(data: dict) -> dict:
    """Drop the gegevensgroepen the API renders with every value empty but refuses as input (broncatalogus, ...)."""
    return {name: value for name, value in data.items() if not _is_empty_group(value)}


def _is_empty_group(value) -> bool:
    return isinstance(value, dict) and all(item is None or item is False or item in ("", []) for item in value.values())


def _check_references(bundle: dict[str, list[Record]]) -> None:
    uuids = {resource: {record.uuid for record in records} for resource, records in bundle.items()}
    for record in (record for records in bundle.values() for record in records):
        for name, ref in RESOURCES[record.resource].refs.items():
            value = record.data.get(name)
            if ref.many and not isinstance(value, list | None):
                raise TransferError(f"{record.where}: {camel(name)} is geen lijst.")
            if not ref.many and value is None and ref.required:
                raise TransferError(f"{record.where}: {camel(name)} ontbreekt.")
            for item in (value or []) if ref.many else ([] if value is None else [value]):
                _check_reference(record, name, ref, item, targets=uuids[ref.resource])


def _check_reference(record: Record, name: str, ref: Ref, value, *, targets: set[str]) -> None:
    target_file = RESOURCES[ref.resource].file
    if is_url(value):
        if uuid_of(value) not in targets:
            raise TransferError(
                f"{record.where}: {camel(name)} verwijst naar {value}, dat niet in {target_file} staat."
            )
    elif not (ref.key and isinstance(value, str) and value.strip()):
        raise TransferError(f"{record.where}: {camel(name)} moet een URL uit {target_file} zijn, niet {value!r}.")


def is_url(value) -> bool:
    """A reference by URL: absolute (any host) or a path, as this service exports them."""
    return isinstance(value, str) and (looks_like_url(value) or value.startswith("/"))


def uuid_of(url) -> str:
    """The uuid that ends a URL (any host, or a path), normalised; '' when there is none."""
    if not isinstance(url, str):
        return ""
    try:
        return str(UUID(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]))
    except ValueError:
        return ""


def camel(name: str) -> str:
    first, *rest = name.split("_")
    return first + "".join(part.capitalize() for part in rest)


def error_text(detail, path: str = "") -> str:
    """A DRF error detail as `field: message; ...`, with camelCase field paths."""
    if isinstance(detail, dict):
        return "; ".join(
            error_text(value, path if key in ("non_field_errors", "nonFieldErrors") else _join(path, camel(key)))
            for key, value in detail.items()
        )
    if isinstance(detail, list):
        return "; ".join(message for message in (error_text(value, path) for value in detail) if message)
    return f"{path}: {detail}" if path else str(detail)


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name
