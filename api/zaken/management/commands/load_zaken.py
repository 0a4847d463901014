"""`manage.py load_zaken N`: N realistic zaken in bulk, for benchmarks and capacity tests.

Each zaak gets a zaaktype of a demo catalogus (created once, published, with
a begin- and eindstatustype, two roltypen and a resultaattype), a spread of
start dates and vertrouwelijkheidaanduidingen, a begin status, an initiator
(natuurlijk persoon; BSNs drawn from a pool of about N/3, so "Mijn zaken"
finds a few zaken per person) and a behandelaar (medewerker); about a third
are closed, with an eindstatus, a resultaat and archiving dates.

Rows go in with PostgreSQL COPY, one transaction per batch: ids are reserved
from the tables' sequences up front, so a zaak's `status` can point at the
status of the same batch (Django's foreign keys are deferred to commit).
No notifications and no audit trail are written: this is a data load, not
API traffic.
"""
import random
import uuid
from datetime import date, datetime, time, timedelta, timezone

from dateutil.relativedelta import relativedelta
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from psycopg.types.json import Jsonb
from tqdm import tqdm

from api.catalogi.models import Catalogus, ResultaatType, RolType, StatusType, ZaakType
from api.common.constants import VertrouwelijkheidsAanduiding

from ...loading import BRONORGANISATIE, bsn_for
from ...models import Resultaat, Rol, Status, Zaak, ZaakIdentificatieCounter

DOMEIN = "LOAD"
FIRST_START = date(2021, 1, 1)
START_SPREAD_DAYS = 5 * 365
LEVELS = list(VertrouwelijkheidsAanduiding.values)
# References into the embedded Referentielijsten API's packaged data.
SELECTIELIJST = "http://localhost:8000/referentielijsten/api/v1"
RESULTAATTYPEOMSCHRIJVING = "e6a0c939-3404-45b0-88e3-76c94fb80ea7"
SELECTIELIJSTKLASSE = "6711baff-798b-4c7f-9133-8ad02c8b7c6f"


class Command(BaseCommand):
    help = __doc__.splitlines()[0]

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="how many zaken to add")
        parser.add_argument("--zaaktypen", type=int, default=20, help="zaaktypen of the demo catalogus (default 20)")
        parser.add_argument("--batch", type=int, default=20000, help="zaken per transaction (default 20000)")
        parser.add_argument("--seed", type=int, default=1, help="random seed, for repeatable data")

    def handle(self, *args, count: int, zaaktypen: int, batch: int, seed: int, **options):
        rng = random.Random(seed)
        types = self._catalogus(zaaktypen)
        year = datetime.now().year
        counter, _ = ZaakIdentificatieCounter.objects.get_or_create(bronorganisatie=BRONORGANISATIE, jaar=year)
        first_number = counter.laatste + 1
        bsn_pool = max(1, count // 3)
        with tqdm(total=count, unit="zaak", disable=options["verbosity"] == 0) as progress:
            for offset in range(0, count, batch):
                size = min(batch, count - offset)
                self._batch(rng, types, first_number + offset, size, year=year, bsn_pool=bsn_pool)
                progress.update(size)
        ZaakIdentificatieCounter.objects.filter(pk=counter.pk).update(laatste=first_number + count - 1)
        with connection.cursor() as cursor:
            for model in (Zaak, Status, Rol, Resultaat):
                cursor.execute(f"ANALYZE {model._meta.db_table}")
        self.stdout.write(f"{count} zaken added ({len(types)} zaaktypen, catalogus domein {DOMEIN}).")

    def _catalogus(self, wanted: int) -> list[dict]:
        """The published zaaktypen of the demo catalogus with their parts, created on the first run."""
        catalogus, _ = Catalogus.objects.get_or_create(
            domein=DOMEIN, rsin=BRONORGANISATIE, defaults={"contactpersoon_beheer_naam": "Load"}
        )
        existing = list(ZaakType.objects.filter(catalogus=catalogus, concept=False).order_by("pk"))
        for number in range(len(existing), wanted):
            existing.append(self._zaaktype(catalogus, number))
        types = []
        for zaaktype in existing[:wanted]:
            statustypen = list(StatusType.objects.filter(zaaktype=zaaktype).order_by("volgnummer"))
            roltypen = {r.omschrijving_generiek: r for r in RolType.objects.filter(zaaktype=zaaktype)}
            types.append({
                "zaaktype": zaaktype,
                "begin": statustypen[0],
                "eind": statustypen[-1],
                "initiator": roltypen["initiator"],
                "behandelaar": roltypen["behandelaar"],
                "resultaattype": ResultaatType.objects.filter(zaaktype=zaaktype).first(),
            })
        return types

    def _zaaktype(self, catalogus: Catalogus, number: int) -> ZaakType:
        zaaktype = ZaakType.objects.create(
            catalogus=catalogus, identificatie=f"LOAD-{number:03d}", omschrijving=f"Loadzaaktype {number}",
            vertrouwelijkheidaanduiding=VertrouwelijkheidsAanduiding.openbaar, doel="Laden", aanleiding="Laden",
            indicatie_intern_of_extern="extern", handeling_initiator="aanvragen", onderwerp="Laden",
            handeling_behandelaar="behandelen", doorlooptijd=relativedelta(days=30),
            opschorting_en_aanhouding_mogelijk=False, verlenging_mogelijk=False, publicatie_indicatie=False,
            referentieproces_naam="laden", verantwoordelijke="Load", begin_geldigheid=date(2020, 1, 1), versiedatum=date(2020, 1, 1),
            concept=False,
        )
        StatusType.objects.create(zaaktype=zaaktype, omschrijving="Ontvangen", volgnummer=1)
        StatusType.objects.create(zaaktype=zaaktype, omschrijving="Afgehandeld", volgnummer=2)
        RolType.objects.create(zaaktype=zaaktype, omschrijving="Aanvrager", omschrijving_generiek="initiator")
        RolType.objects.create(zaaktype=zaaktype, omschrijving="Behandelaar", omschrijving_generiek="behandelaar")
        ResultaatType.objects.create(
            zaaktype=zaaktype, omschrijving="Toegekend", archiefnominatie="vernietigen",
            resultaattypeomschrijving=f"{SELECTIELIJST}/resultaattypeomschrijvingen/{RESULTAATTYPEOMSCHRIJVING}",
            selectielijstklasse=f"{SELECTIELIJST}/resultaten/{SELECTIELIJSTKLASSE}",
            archiefactietermijn=relativedelta(years=10), brondatum_archiefprocedure_afleidingswijze="afgehandeld",
        )
        return zaaktype

    def _batch(self, rng: random.Random, types: list[dict], first_number: int, size: int, *, year: int, bsn_pool: int):
        with transaction.atomic(), connection.cursor() as cursor:
            zaak_ids = _reserve(cursor, Zaak, size)
            closed = [rng.random() < 0.33 for _ in range(size)]
            status_ids = _reserve(cursor, Status, size + sum(closed))
            rol_ids = _reserve(cursor, Rol, 2 * size)
            resultaat_ids = _reserve(cursor, Resultaat, sum(closed))
            zaken, statussen, rollen, resultaten = [], [], [], []
            next_status, next_resultaat = iter(status_ids), iter(resultaat_ids)
            for index, zaak_id in enumerate(zaak_ids):
                kind = rng.choice(types)
                start = FIRST_START + timedelta(days=rng.randrange(START_SPREAD_DAYS))
                begin_at = datetime.combine(start, time(9), tzinfo=timezone.utc)
                eind = start + timedelta(days=rng.randrange(1, 120)) if closed[index] else None
                begin_status = next(next_status)
                current = begin_status
                statussen.append(_status(begin_status, zaak_id, kind["begin"], begin_at))
                if eind:
                    current = next(next_status)
                    statussen.append(_status(current, zaak_id, kind["eind"], datetime.combine(eind, time(16), tzinfo=timezone.utc)))
                    resultaten.append({
                        "id": next(next_resultaat), "uuid": uuid.uuid4(), "zaak_id": zaak_id,
                        "resultaattype_id": kind["resultaattype"].pk, "toelichting": "",
                    })
                zaken.append(_zaak(
                    zaak_id, kind, f"ZAAK-{year}-{first_number + index:010d}", start, eind, current,
                    rng.choice(LEVELS),
                ))
                bsn = bsn_for(rng.randrange(bsn_pool))
                rollen.append(_rol(rol_ids[2 * index], zaak_id, kind["initiator"], begin_at, "natuurlijk_persoon",
                                   {"inpBsn": bsn, "geslachtsnaam": "Jansen", "voornamen": "Jan"}, inp_bsn=bsn))
                medewerker = f"mw{rng.randrange(200):03d}"
                rollen.append(_rol(rol_ids[2 * index + 1], zaak_id, kind["behandelaar"], begin_at, "medewerker",
                                   {"identificatie": medewerker, "achternaam": "Behandelaar"}, identificatie=medewerker))
            _copy(cursor, Zaak, zaken)
            _copy(cursor, Status, statussen)
            _copy(cursor, Rol, rollen)
            _copy(cursor, Resultaat, resultaten)


def _reserve(cursor, model, count: int) -> list[int]:
    """`count` consecutive ids from the table's sequence, taken under a lock so no other insert interleaves."""
    if count == 0:
        return []
    table = model._meta.db_table
    cursor.execute(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")
    cursor.execute(
        "SELECT setval(pg_get_serial_sequence(%s, 'id'), nextval(pg_get_serial_sequence(%s, 'id')) + %s - 1)",
        [table, table, count],
    )
    last = cursor.fetchone()[0]
    return list(range(last - count + 1, last + 1))


def _copy(cursor, model, rows: list[dict]) -> None:
    """COPY rows (dicts by column name; missing columns take the model field's default) into the model's table."""
    fields = [field for field in model._meta.concrete_fields]
    columns = [field.column for field in fields]
    defaults = {field.column: _default(field) for field in fields}
    with cursor.cursor.copy(f"COPY {model._meta.db_table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row.get(column, defaults[column]) for column in columns])


def _default(field):
    if field.has_default():
        value = field.get_default()
        return Jsonb(value) if isinstance(value, dict) else value
    if field.null:
        return None
    return ""


def _zaak(zaak_id, kind, identificatie, start, eind, status_id, level) -> dict:
    resultaattype = kind["resultaattype"]
    return {
        "id": zaak_id, "uuid": uuid.uuid4(), "identificatie": identificatie, "bronorganisatie": BRONORGANISATIE,
        "omschrijving": "Geladen zaak", "zaaktype_id": kind["zaaktype"].pk, "registratiedatum": start,
        "verantwoordelijke_organisatie": BRONORGANISATIE, "startdatum": start, "einddatum": eind,
        "einddatum_gepland": start + timedelta(days=30), "uiterlijke_einddatum_afdoening": start + timedelta(days=60),
        "vertrouwelijkheidaanduiding": level, "status_id": status_id, "producten_of_diensten": [],
        "archiefnominatie": resultaattype.archiefnominatie if eind else "",
        "archiefactiedatum": eind + resultaattype.archiefactietermijn if eind else None,
        "archiefstatus": "nog_te_archiveren", "opschorting_indicatie": False,
    }


def _status(status_id, zaak_id, statustype, gezet) -> dict:
    return {
        "id": status_id, "uuid": uuid.uuid4(), "zaak_id": zaak_id, "statustype_id": statustype.pk,
        "datum_status_gezet": gezet, "statustoelichting": "", "gezetdoor_id": None,
    }


def _rol(rol_id, zaak_id, roltype, registratie, betrokkene_type, betrokkene: dict, **keys) -> dict:
    return {
        "id": rol_id, "uuid": uuid.uuid4(), "zaak_id": zaak_id, "betrokkene_type": betrokkene_type,
        "roltype_id": roltype.pk, "omschrijving": roltype.omschrijving,
        "omschrijving_generiek": roltype.omschrijving_generiek, "registratiedatum": registratie,
        "contactpersoon_rol": None, "betrokkene_identificatie": Jsonb(betrokkene), **keys,
    }
