"""Reads of the embedded Referentielijsten API: the packaged selectielijst data and its URLs.

The JSON in `data/` (VNG's Referentielijsten fixtures: 58 procestypen, 346
resultaten, 3 resultaattypeomschrijvingen) is read on first use and kept per
process as frozen records, indexed by uuid: well under a megabyte, and no
list or lookup touches the database. The fixtures carry no URLs; the
serializers give every resource, and every reference between them
(`Resultaat.procesType`), a URL of the service that answers.

Communicatiekanalen: VNG ships no data for them and the standard's OAS has
no examples, so the list is empty and every uuid is unknown.

Other components validate Referentielijsten URLs with `resultaat_for_url`,
`procestype_for_url` and `resultaattypeomschrijving_for_url`, all against the
API in use: the embedded API's URLs resolve in memory; with
`REFERENTIELIJSTEN_API_URL` set, only URLs of that API count, fetched from it.
"""
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit
from uuid import UUID

import requests
from django.conf import settings
from django.http import HttpRequest
from django.urls import get_script_prefix
from djangorestframework_camel_case.util import camelize
from rest_framework import serializers

from .constants import Procestermijn
from .serializers import ProcesTypeSerializer, ResultaatSerializer, ResultaattypeOmschrijvingGeneriekSerializer

DATA_DIR = Path(__file__).resolve().parent / "data"
# The root URLconf mounts every API at /<component>/api/v1/.
API_PATH = "referentielijsten/api/v1"


@dataclass(frozen=True, slots=True)
class ProcesType:
    uuid: str
    nummer: int
    jaar: int
    naam: str
    omschrijving: str
    toelichting: str
    procesobject: str


@dataclass(frozen=True, slots=True)
class Resultaat:
    uuid: str
    procestype_uuid: str
    nummer: int
    volledig_nummer: str
    generiek: bool
    specifiek: bool
    naam: str
    omschrijving: str
    herkomst: str
    waardering: str
    procestermijn: str
    procestermijn_weergave: str
    bewaartermijn: str | None
    toelichting: str
    algemeen_bestuur_en_inrichting_organisatie: bool
    bedrijfsvoering_en_personeel: bool
    publieke_informatie_en_registratie: bool
    burgerzaken: bool
    veiligheid: bool
    verkeer_en_vervoer: bool
    economie: bool
    onderwijs: bool
    sport_cultuur_en_recreatie: bool
    sociaal_domein: bool
    volksgezonheid_en_milieu: bool
    vhrosv: bool
    heffen_belastingen: bool
    alle_taakgebieden: bool
    procestermijn_opmerking: str


@dataclass(frozen=True, slots=True)
class ResultaattypeOmschrijvingGeneriek:
    uuid: str
    omschrijving: str
    definitie: str
    opmerking: str


@dataclass(frozen=True)
class _Dataset:
    procestypen: tuple[ProcesType, ...]
    resultaten: tuple[Resultaat, ...]
    resultaattypeomschrijvingen: tuple[ResultaattypeOmschrijvingGeneriek, ...]
    procestypen_by_uuid: dict[str, ProcesType]
    resultaten_by_uuid: dict[str, Resultaat]
    resultaten_by_procestype: dict[str, tuple[Resultaat, ...]]
    resultaattypeomschrijvingen_by_uuid: dict[str, ResultaattypeOmschrijvingGeneriek]


def _fixture(name: str) -> dict[int, dict]:
    rows = json.loads((DATA_DIR / name).read_text(encoding="utf-8"))
    return {row["pk"]: row["fields"] for row in rows}


def _resultaat(fields: dict, *, rows: dict[int, dict], procestypen: dict[int, ProcesType]) -> Resultaat:
    """A fixture row as a record, with the values the API derives.

    A specifiek resultaat refines a generiek one of the same procestype; its
    volledig nummer is `<procestype>.<generiek>.<specifiek>`, a generiek
    resultaat's is `<procestype>.<resultaat>`.
    """
    fields = dict(fields)
    procestype = procestypen[fields.pop("proces_type")]
    generiek_pk = fields.pop("generiek_resultaat", None)
    nummers = [procestype.nummer, fields["nummer"]]
    if generiek_pk is not None:
        nummers.insert(1, rows[generiek_pk]["nummer"])
    procestermijn = fields["procestermijn"]
    return Resultaat(
        procestype_uuid=procestype.uuid,
        volledig_nummer=".".join(str(nummer) for nummer in nummers),
        generiek=generiek_pk is None,
        specifiek=generiek_pk is not None,
        procestermijn_weergave=Procestermijn(procestermijn).label if procestermijn else "",
        bewaartermijn=fields.pop("bewaartermijn", None),
        **fields,
    )


@cache
def _dataset() -> _Dataset:
    procestypen_by_pk = {
        pk: ProcesType(**fields) for pk, fields in _fixture("selectielijst_2020_procestypen.json").items()
    }
    rows = _fixture("selectielijst_2020_resultaten.json")
    resultaten = [_resultaat(fields, rows=rows, procestypen=procestypen_by_pk) for fields in rows.values()]
    jaar_of = {procestype.uuid: procestype.jaar for procestype in procestypen_by_pk.values()}
    resultaten.sort(
        key=lambda r: (jaar_of[r.procestype_uuid], [int(part) for part in r.volledig_nummer.split(".")])
    )
    procestypen = sorted(procestypen_by_pk.values(), key=lambda p: (p.jaar, p.nummer))
    omschrijvingen = [
        ResultaattypeOmschrijvingGeneriek(**fields)
        for fields in _fixture("resultaattypeomschrijvingen.json").values()
    ]
    by_procestype: dict[str, list[Resultaat]] = {}
    for resultaat in resultaten:
        by_procestype.setdefault(resultaat.procestype_uuid, []).append(resultaat)
    return _Dataset(
        procestypen=tuple(procestypen),
        resultaten=tuple(resultaten),
        resultaattypeomschrijvingen=tuple(omschrijvingen),
        procestypen_by_uuid={p.uuid: p for p in procestypen},
        resultaten_by_uuid={r.uuid: r for r in resultaten},
        resultaten_by_procestype={uuid: tuple(items) for uuid, items in by_procestype.items()},
        resultaattypeomschrijvingen_by_uuid={o.uuid: o for o in omschrijvingen},
    )


# -- lists and lookups ---------------------------------------------------------


def procestypen_list(*, jaar: int | None = None) -> Sequence[ProcesType]:
    """All procestypen by jaar and nummer, or those of one selectielijst `jaar`."""
    procestypen = _dataset().procestypen
    return procestypen if jaar is None else [p for p in procestypen if p.jaar == jaar]


def procestype_get(uuid: str) -> ProcesType | None:
    return _dataset().procestypen_by_uuid.get(uuid)


def resultaten_list(*, procestype_uuid: str | None = None) -> Sequence[Resultaat]:
    """All resultaten in selectielijst order (by volledig nummer), or those of one procestype."""
    dataset = _dataset()
    if procestype_uuid is None:
        return dataset.resultaten
    return dataset.resultaten_by_procestype.get(procestype_uuid, ())


def resultaat_get(uuid: str) -> Resultaat | None:
    return _dataset().resultaten_by_uuid.get(uuid)


def resultaattypeomschrijvingen_list() -> Sequence[ResultaattypeOmschrijvingGeneriek]:
    return _dataset().resultaattypeomschrijvingen


def resultaattypeomschrijving_get(uuid: str) -> ResultaattypeOmschrijvingGeneriek | None:
    return _dataset().resultaattypeomschrijvingen_by_uuid.get(uuid)


def communicatiekanalen_list() -> Sequence:
    """Always empty: there is no communicatiekanalen data (see the module docstring)."""
    return ()


def communicatiekanaal_get(uuid: str) -> None:
    """Always None: there is no communicatiekanalen data (see the module docstring)."""
    return None


# -- URLs ------------------------------------------------------------------------


def embedded_base_url(request: HttpRequest | None = None) -> str:
    """Base URL of the embedded API, without trailing slash: absolute for a request, else a path."""
    path = f"{get_script_prefix()}{API_PATH}"
    return request.build_absolute_uri(path) if request is not None else path


def referentielijsten_base_url(request: HttpRequest | None = None) -> str:
    """Base URL of the Referentielijsten API in use: `REFERENTIELIJSTEN_API_URL`, else the embedded one."""
    return settings.REFERENTIELIJSTEN_API_URL.rstrip("/") or embedded_base_url(request)


def embedded_uuid_for_url(url: str, collection: str) -> str | None:
    """The uuid in a URL of the embedded API's `collection` (any host), or None for any other URL."""
    prefix = f"{get_script_prefix()}{API_PATH}/{collection}/"
    path = urlsplit(url).path
    if not path.startswith(prefix):
        return None
    candidate = path[len(prefix):]
    try:
        return candidate if str(UUID(candidate)) == candidate else None
    except ValueError:
        return None


def resultaat_for_url(url: str) -> dict | None:
    """The selectielijst resultaat at `url` as the API renders it (camelCase), or None.

    None when `url` is not a resultaat of the Referentielijsten API in use, or
    (configured external API) when fetching it fails.
    """
    return _resource_for_url(
        url, collection="resultaten", get=resultaat_get, serializer_class=ResultaatSerializer, marker="procesType"
    )


def procestype_for_url(url: str) -> dict | None:
    """The selectielijst procestype at `url` as the API renders it (camelCase), or None.

    None when `url` is not a procestype of the Referentielijsten API in use, or
    (configured external API) when fetching it fails.
    """
    return _resource_for_url(
        url, collection="procestypen", get=procestype_get, serializer_class=ProcesTypeSerializer, marker="jaar"
    )


def resultaattypeomschrijving_for_url(url: str) -> dict | None:
    """The resultaattypeomschrijving at `url` as the API renders it (camelCase), or None.

    None when `url` is not a resultaattypeomschrijving of the Referentielijsten
    API in use, or (configured external API) when fetching it fails.
    """
    return _resource_for_url(
        url,
        collection="resultaattypeomschrijvingen",
        get=resultaattypeomschrijving_get,
        serializer_class=ResultaattypeOmschrijvingGeneriekSerializer,
        marker="omschrijving",
    )


def _resource_for_url(
    url: str,
    *,
    collection: str,
    get: Callable[[str], object | None],
    serializer_class: type[serializers.Serializer],
    marker: str,
) -> dict | None:
    if settings.REFERENTIELIJSTEN_API_URL:
        return _fetch(url, collection=collection, marker=marker)
    uuid = embedded_uuid_for_url(url, collection)
    record = get(uuid) if uuid else None
    if record is None:
        return None
    # Answer with URLs on the host the caller used, as the API would have.
    parts = urlsplit(url)
    base_url = urlunsplit((parts.scheme, parts.netloc, f"{get_script_prefix()}{API_PATH}", "", ""))
    return dict(camelize(serializer_class(record, context={"base_url": base_url}).data))


def _fetch(url: str, *, collection: str, marker: str) -> dict | None:
    """GET a resource of the configured external API; None unless it answers 200 with the expected shape."""
    base_url = settings.REFERENTIELIJSTEN_API_URL.rstrip("/")
    if not url.startswith(f"{base_url}/{collection}/"):
        return None
    try:
        response = requests.get(url, headers={"Accept": "application/json"}, timeout=settings.REMOTE_TIMEOUT)
        data = response.json() if response.status_code == 200 else None
    except (requests.RequestException, ValueError):
        return None
    return data if isinstance(data, dict) and marker in data else None
