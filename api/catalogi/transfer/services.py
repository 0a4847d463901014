"""Export and import of a catalogus or one zaaktype as a zip of JSON files (see `archive`).

Everything imported is new: new uuids, concepts (to be reviewed and
published), in the chosen catalogus, validated by the API serializers and
written through the Catalogi services with their rules. Per
informatieobjecttype and besluittype of the zip the operator chooses to create
it or to use an existing one of the catalogus (`mapping`). A wrong zip or a
record the API would refuse raises `TransferError` naming the file and record,
and nothing is written.
"""
import io
import json
import zipfile
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Model, Q, QuerySet
from djangorestframework_camel_case.settings import api_settings as camel_settings
from djangorestframework_camel_case.util import camelize
from rest_framework.exceptions import ValidationError
from rest_framework.relations import ManyRelatedField, RelatedField
from rest_framework.utils.encoders import JSONEncoder

from .. import rules
from ..models import BesluitType, Catalogus, InformatieObjectType, ZaakType
from ..serializers import CatalogusSerializer
from ..services import UrlFor
from ..urlrefs import TypeKey
from .archive import CATALOGUS_FILE, CONTEXT, RESOURCES, Record, Ref, TransferError, error_text, is_url, read, uuid_of

# The types the operator maps onto existing ones of the target catalogus, or creates.
MAPPABLE = ("informatieobjecttype", "besluittype")
# The types that belong to one zaaktype.
PARTS = ("statustype", "roltype", "resultaattype", "eigenschap", "zaaktypeinformatieobjecttype", "zaakobjecttype")


@dataclass(frozen=True)
class MappingChoice:
    """An informatieobjecttype or besluittype of the zip, and the types of the catalogus it may become."""

    resource: str
    uuid: str
    omschrijving: str
    existing: tuple[Model, ...]
    suggested: Model | None  # the newest existing type with the same omschrijving


@dataclass(frozen=True)
class ImportPlan:
    zaaktypen: tuple[str, ...]
    choices: tuple[MappingChoice, ...]


# -- export -------------------------------------------------------------------------------------


def catalogus_export(*, catalogus: Catalogus) -> bytes:
    """A zip of every zaaktype (all versions), informatieobjecttype and besluittype of `catalogus`."""
    return _export(
        catalogus,
        zaaktypen=catalogus.zaaktypen.all(),
        informatieobjecttypen=catalogus.informatieobjecttypen.all(),
        besluittypen=catalogus.besluittypen.all(),
    )


def zaaktype_export(*, zaaktype: ZaakType) -> bytes:
    """A zip of one zaaktype with its types and the informatieobjecttypen and besluittypen it uses."""
    return _export(
        zaaktype.catalogus,
        zaaktypen=ZaakType.objects.filter(pk=zaaktype.pk),
        informatieobjecttypen=InformatieObjectType.objects.none(),
        besluittypen=BesluitType.objects.none(),
    )


def _export(
    catalogus: Catalogus, *, zaaktypen: QuerySet, informatieobjecttypen: QuerySet, besluittypen: QuerySet
) -> bytes:
    ids = list(zaaktypen.values_list("pk", flat=True))
    besluittypen = BesluitType.objects.filter(
        Q(pk__in=besluittypen) | Q(zaaktypen__in=ids) | Q(resultaattypen__zaaktype__in=ids)
    ).distinct()
    informatieobjecttypen = InformatieObjectType.objects.filter(
        Q(pk__in=informatieobjecttypen) | Q(ziots__zaaktype__in=ids) | Q(resultaattypen__zaaktype__in=ids)
        | Q(besluittypen__in=besluittypen)
    ).distinct()
    querysets = {
        "informatieobjecttype": informatieobjecttypen,
        "besluittype": besluittypen,
        "zaaktype": ZaakType.objects.filter(pk__in=ids).prefetch_related("deelzaaktypen", "zaaktypenrelaties"),
        **{resource: RESOURCES[resource].model.objects.filter(zaaktype__in=ids) for resource in PARTS},
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(CATALOGUS_FILE, _json([CatalogusSerializer(catalogus, context=CONTEXT).data]))
        for resource, queryset in querysets.items():
            objects = list(queryset.order_by("pk"))
            records = RESOURCES[resource].serializer(objects, many=True, context=CONTEXT).data
            if resource == "zaaktype":
                _zaaktype_keys(objects, records, exported=set(ids))
            archive.writestr(RESOURCES[resource].file, _json(records))
    return buffer.getvalue()


def _zaaktype_keys(zaaktypen: list[ZaakType], records: list[dict], *, exported: set[int]) -> None:
    """Name zaaktypen outside the zip by identificatie, the key that holds in another catalogus.

    A gerelateerd zaaktype keeps its stored identificatie rather than the URL
    the API renders for the newest version.
    """
    for zaaktype, record in zip(zaaktypen, records):
        deelzaaktypen = zaaktype.deelzaaktypen.all()  # prefetched: the order the serializer used
        record["deelzaaktypen"] = [
            url if deel.pk in exported else deel.identificatie
            for deel, url in zip(deelzaaktypen, record["deelzaaktypen"])
        ]
        for relatie, rendered in zip(zaaktype.zaaktypenrelaties.all(), record["gerelateerde_zaaktypen"]):
            rendered["zaaktype"] = relatie.gerelateerd_zaaktype


def _json(data) -> bytes:
    data = camelize(data, **camel_settings.JSON_UNDERSCOREIZE)
    return json.dumps(data, cls=JSONEncoder, ensure_ascii=False, indent=2).encode("utf-8")


# -- import -------------------------------------------------------------------------------------


def catalogus_import_plan(*, catalogus: Catalogus, data: bytes) -> ImportPlan:
    """Check a zip against `catalogus` and list the types the operator maps; raises TransferError.

    The whole import is tried and rolled back, so a zip that would fail fails here.
    """
    bundle = read(data)
    try:
        with transaction.atomic():
            _import(bundle, catalogus=catalogus, mapping={}, url_for=_trial_url)
            raise _TrialDone
    except _TrialDone:
        pass
    choices = []
    for resource in MAPPABLE:
        existing = tuple(
            RESOURCES[resource].model.objects.filter(catalogus=catalogus).order_by("omschrijving", "-begin_geldigheid")
        )
        for record in bundle[resource]:
            omschrijving = record.data.get("omschrijving") or ""
            suggested = next((obj for obj in existing if obj.omschrijving == omschrijving), None)
            choices.append(MappingChoice(resource, record.uuid, omschrijving, existing, suggested))
    zaaktypen = tuple(f"{r.data.get('identificatie')} ({r.data.get('omschrijving')})" for r in bundle["zaaktype"])
    return ImportPlan(zaaktypen=zaaktypen, choices=tuple(choices))


def catalogus_import(*, catalogus: Catalogus, data: bytes, mapping: dict, url_for: UrlFor) -> list[ZaakType]:
    """Import a zip into `catalogus` in one transaction and return the new zaaktypen (concepts).

    `mapping` maps the uuid of an informatieobjecttype or besluittype of the
    zip to the uuid of an existing one of `catalogus` to use instead; types
    not mapped are created. Raises TransferError, and writes nothing, when the
    zip or a record in it is wrong.
    """
    return _import(read(data), catalogus=catalogus, mapping=mapping, url_for=url_for)


class _TrialDone(Exception):
    """Rolls back the trial import of `catalogus_import_plan`."""


def _trial_url(obj: Model) -> str:
    # The trial's notifications are rolled back unsent; they need no real URL.
    return f"urn:uuid:{obj.uuid}"


@transaction.atomic
def _import(bundle: dict[str, list[Record]], *, catalogus: Catalogus, mapping: dict, url_for: UrlFor):
    objects = _mapped(bundle, catalogus=catalogus, mapping=mapping)
    for resource in RESOURCES:
        for record in bundle[resource]:
            if record.uuid not in objects:
                objects[record.uuid] = _create(record, catalogus=catalogus, objects=objects, url_for=url_for)
    ref = RESOURCES["zaaktype"].refs["deelzaaktypen"]
    for record in bundle["zaaktype"]:
        values = _resolve(record.data.get("deelzaaktypen"), ref, objects)
        try:
            deelzaaktypen = rules.resolve_types(
                values, model=ZaakType, key="identificatie", catalogus=catalogus, field="deelzaaktypen"
            )
        except ValidationError as exc:
            raise TransferError(f"{record.where}: {error_text(exc.detail)}") from None
        objects[record.uuid].deelzaaktypen.set(deelzaaktypen)
    return [objects[record.uuid] for record in bundle["zaaktype"]]


def _mapped(bundle: dict[str, list[Record]], *, catalogus: Catalogus, mapping: dict) -> dict[str, Model]:
    """The existing types the operator chose, by the uuid of the record they stand in for."""
    objects = {}
    for resource in MAPPABLE:
        model = RESOURCES[resource].model
        for record in bundle[resource]:
            target = mapping.get(record.uuid)
            if not target:
                continue
            uuid = uuid_of(str(target))
            obj = model.objects.filter(catalogus=catalogus, uuid=uuid).first() if uuid else None
            if obj is None:
                raise TransferError(
                    f"{record.where}: het gekozen {model._meta.verbose_name} ({target}) staat niet in deze catalogus."
                )
            objects[record.uuid] = obj
    return objects


def _create(record: Record, *, catalogus: Catalogus, objects: dict[str, Model], url_for: UrlFor) -> Model:
    spec = RESOURCES[record.resource]
    serializer = spec.serializer(data=record.data, context=CONTEXT)
    # References are resolved by uuid below; a URL field the import does not follow (a statustype's
    # eigenschappen) repeats what the other side of the relation (the eigenschap's statustype) holds.
    for name, field in list(serializer.fields.items()):
        if isinstance(field, RelatedField | ManyRelatedField):
            del serializer.fields[name]
    if not serializer.is_valid():
        raise TransferError(f"{record.where}: {error_text(serializer.errors)}")
    data = dict(serializer.validated_data)
    for name, ref in spec.refs.items():
        if not ref.deferred:
            data[name] = _resolve(record.data.get(name), ref, objects)
    if hasattr(spec.model, "catalogus_id"):
        data["catalogus"] = catalogus
    try:
        return spec.create(data, url_for)
    except ValidationError as exc:
        raise TransferError(f"{record.where}: {error_text(exc.detail)}") from None
    except IntegrityError as exc:
        raise TransferError(f"{record.where}: botst met een ander record ({exc})") from None


def _resolve(value, ref: Ref, objects: dict[str, Model]):
    """A checked reference as the services take it: the object a URL names, or the key."""
    if ref.many:
        return [_resolve(item, Ref(ref.resource, key=ref.key), objects) for item in value or []]
    if value is None:
        return None
    return objects[uuid_of(value)] if is_url(value) else TypeKey(value)
