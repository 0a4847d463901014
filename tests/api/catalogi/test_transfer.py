"""Export and import of catalogi as a zip of JSON files: round trips, the mapping step, and bad zips."""
import io
import json
import zipfile

import pytest

from api.catalogi.models import (
    BesluitType,
    Eigenschap,
    InformatieObjectType,
    ResultaatType,
    RolType,
    StatusType,
    ZaakObjectType,
    ZaakType,
    ZaakTypeInformatieObjectType,
    ZaakTypenRelatie,
)
from api.catalogi.transfer import (
    TransferError,
    catalogus_export,
    catalogus_import,
    catalogus_import_plan,
    zaaktype_export,
)
from api.common.models import OutboxNotification
from tests.api.catalogi.conftest import (
    fields,
    make_catalogus,
    make_informatieobjecttype,
    make_zaaktype,
    publish,
    snapshot,
    url_for,
)

pytestmark = pytest.mark.django_db

MODELS = (ZaakType, ZaakTypenRelatie, StatusType, RolType, ResultaatType, Eigenschap, ZaakTypeInformatieObjectType,
          ZaakObjectType, InformatieObjectType, BesluitType)


def files(data: bytes) -> dict[str, list]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: json.loads(archive.read(name)) for name in archive.namelist()}


def rezip(content: dict[str, object]) -> bytes:
    """A zip of `content`: JSON-able values are dumped, bytes written as they are."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, value in content.items():
            archive.writestr(name, value if isinstance(value, bytes) else json.dumps(value))
    return buffer.getvalue()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def target():
    return make_catalogus(domein="DOEL", rsin="111111111")


def test_catalogus_round_trip_into_an_empty_catalogus_reproduces_the_zaaktype(full_catalogus, target):
    data = catalogus_export(catalogus=full_catalogus.catalogus)

    zaaktypen = catalogus_import(catalogus=target, data=data, mapping={}, url_for=url_for)

    assert sorted(z.identificatie for z in zaaktypen) == ["DEEL-1", "ZT-1"]
    copy = target.zaaktypen.get(identificatie="ZT-1")
    assert snapshot(copy) == snapshot(full_catalogus.zaaktype)
    assert copy.uuid != full_catalogus.zaaktype.uuid
    assert copy.concept is True
    assert list(copy.deelzaaktypen.all()) == [target.zaaktypen.get(identificatie="DEEL-1")]
    # Every type the copy uses is a new one of the target catalogus.
    assert {b.catalogus_id for b in copy.besluittypen.all()} == {target.pk}
    assert {ziot.informatieobjecttype.catalogus_id for ziot in copy.ziots.all()} == {target.pk}
    assert [fields(i) for i in target.informatieobjecttypen.order_by("omschrijving")] == [
        fields(full_catalogus.formulier), fields(full_catalogus.besluitdocument)
    ]
    assert OutboxNotification.objects.filter(kanaal="zaaktypen", actie="create", resource_url=url_for(copy)).exists()


def test_export_names_no_host_and_holds_one_file_per_resource_type(full_catalogus):
    content = files(zaaktype_export(zaaktype=full_catalogus.zaaktype))

    assert sorted(content) == sorted([
        "Catalogus.json", "ZaakType.json", "StatusType.json", "RolType.json", "ResultaatType.json",
        "Eigenschap.json", "InformatieObjectType.json", "BesluitType.json", "ZaakTypeInformatieObjectType.json",
        "ZaakObjectType.json",
    ])
    assert [z["identificatie"] for z in content["ZaakType.json"]] == ["ZT-1"]
    records = [record for records in content.values() for record in records]
    assert all(record["url"].startswith("/catalogi/api/v1/") for record in records)
    # A deelzaaktype outside the zip is named by its identificatie.
    assert content["ZaakType.json"][0]["deelzaaktypen"] == ["DEEL-1"]
    assert sorted(i["omschrijving"] for i in content["InformatieObjectType.json"]) == [
        "Aanvraagformulier", "Besluitdocument"
    ]


def test_import_ignores_the_host_of_the_exporting_service(full_catalogus, target):
    content = files(catalogus_export(catalogus=full_catalogus.catalogus))
    text = json.dumps(content).replace('"/catalogi/api/v1/', '"https://elders.example.com/catalogi/api/v1/')

    catalogus_import(catalogus=target, data=rezip(json.loads(text)), mapping={}, url_for=url_for)

    assert snapshot(target.zaaktypen.get(identificatie="ZT-1")) == snapshot(full_catalogus.zaaktype)


def test_zaaktype_round_trip_finds_its_deelzaaktype_in_the_target_by_identificatie(full_catalogus, target):
    deel = make_zaaktype(target, identificatie="DEEL-1", omschrijving="Deelzaak hier")

    catalogus_import(catalogus=target, data=zaaktype_export(zaaktype=full_catalogus.zaaktype), mapping={},
                     url_for=url_for)

    copy = target.zaaktypen.get(identificatie="ZT-1")
    assert list(copy.deelzaaktypen.all()) == [deel]
    assert snapshot(copy) == snapshot(full_catalogus.zaaktype)


def test_mapping_uses_existing_types_instead_of_creating_them(full_catalogus, target):
    existing = publish(make_informatieobjecttype(target, "Aanvraagformulier"))
    make_zaaktype(target, identificatie="DEEL-1")
    data = zaaktype_export(zaaktype=full_catalogus.zaaktype)

    plan = catalogus_import_plan(catalogus=target, data=data)

    by_omschrijving = {choice.omschrijving: choice for choice in plan.choices}
    assert plan.zaaktypen == ("ZT-1 (Aanvraag vergunning)",)
    assert by_omschrijving["Aanvraagformulier"].suggested == existing
    assert by_omschrijving["Besluitdocument"].suggested is None
    assert by_omschrijving["Vergunningsbesluit"].resource == "besluittype"
    assert not target.zaaktypen.filter(identificatie="ZT-1").exists()  # the plan's trial import left nothing

    mapping = {by_omschrijving["Aanvraagformulier"].uuid: str(existing.uuid)}
    catalogus_import(catalogus=target, data=data, mapping=mapping, url_for=url_for)

    copy = target.zaaktypen.get(identificatie="ZT-1")
    assert copy.ziots.get().informatieobjecttype == existing
    assert target.informatieobjecttypen.filter(omschrijving="Aanvraagformulier").count() == 1
    assert target.informatieobjecttypen.filter(omschrijving="Besluitdocument", concept=True).count() == 1


def test_mapping_to_a_type_of_another_catalogus_is_refused(full_catalogus, target):
    data = zaaktype_export(zaaktype=full_catalogus.zaaktype)
    record = files(data)["InformatieObjectType.json"][0]
    before = counts()

    with pytest.raises(TransferError, match="staat niet in deze catalogus"):
        catalogus_import(
            catalogus=target, data=data, mapping={record["url"].rsplit("/", 1)[-1]: str(full_catalogus.formulier.uuid)},
            url_for=url_for,
        )
    assert counts() == before


def test_zaaktype_whose_deelzaaktype_the_target_lacks_is_refused_whole(full_catalogus, target):
    before = counts()

    with pytest.raises(TransferError) as error:
        catalogus_import(catalogus=target, data=zaaktype_export(zaaktype=full_catalogus.zaaktype), mapping={},
                         url_for=url_for)

    assert "ZaakType.json, record 1 (identificatie 'ZT-1')" in str(error.value)
    assert "DEEL-1" in str(error.value)
    assert counts() == before


def _corrupt(full_catalogus, change) -> bytes:
    content = files(catalogus_export(catalogus=full_catalogus.catalogus))
    change(content)
    return rezip(content)


def _unknown_reference(content):
    content["StatusType.json"][0]["zaaktype"] = "/catalogi/api/v1/zaaktypen/00000000-0000-4000-8000-000000000000"


def _invalid_value(content):
    content["ZaakType.json"][-1]["vertrouwelijkheidaanduiding"] = "heel geheim"


def _duplicate_uuid(content):
    content["RolType.json"].append(content["RolType.json"][0])


def _wrong_selectielijstklasse(content):
    content["ResultaatType.json"][0]["selectielijstklasse"] = "http://localhost/referentielijsten/api/v1/resultaten/x"


@pytest.mark.parametrize(
    ("corrupt", "message"),
    [
        (lambda fc: b"PK no zip at all", "geen (geldig) zip-bestand"),
        (lambda fc: _corrupt(fc, lambda c: c.pop("RolType.json")), "RolType.json ontbreekt"),
        (lambda fc: _corrupt(fc, lambda c: c.update({"Eigenschap.json": b"[{"})),
         "Eigenschap.json is geen geldige JSON"),
        (lambda fc: _corrupt(fc, lambda c: c.update({"Eigenschap.json": {"a": 1}})),
         "Eigenschap.json bevat geen lijst"),
        (lambda fc: _corrupt(fc, _unknown_reference),
         "StatusType.json, record 1 (omschrijving 'Ontvangen'): zaaktype verwijst naar"),
        (lambda fc: _corrupt(fc, _invalid_value),
         "ZaakType.json, record 2 (identificatie 'ZT-1'): vertrouwelijkheidaanduiding:"),
        (lambda fc: _corrupt(fc, _duplicate_uuid), "RolType.json, record 2 (omschrijving 'Aanvrager'): de uuid"),
        (lambda fc: _corrupt(fc, _wrong_selectielijstklasse),
         "ResultaatType.json, record 1 (omschrijving 'Verleend'): selectielijstklasse:"),
    ],
    ids=["not-a-zip", "missing-file", "garbled-json", "not-a-list", "unknown-reference", "invalid-value",
         "duplicate-uuid", "rule-refused"],
)
def test_bad_zip_is_refused_with_the_file_and_record_and_changes_nothing(full_catalogus, target, corrupt, message):
    data = corrupt(full_catalogus)
    before = counts()

    with pytest.raises(TransferError) as planned:
        catalogus_import_plan(catalogus=target, data=data)
    with pytest.raises(TransferError) as imported:
        catalogus_import(catalogus=target, data=data, mapping={}, url_for=url_for)

    assert message in str(planned.value)
    assert message in str(imported.value)
    assert counts() == before
    assert not target.zaaktypen.exists()
