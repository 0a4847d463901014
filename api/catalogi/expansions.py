"""What `expand` may follow from each Catalogi resource (the `…Embedded` schemas of Catalogi 1.3.3).

Every resource is loaded through its own viewset, so an expanded type looks
and is authorised exactly as its own GET (catalogi.lezen on the ztc component).
"""
from api.common.constants import ComponentTypes
from api.common.expand import Link, Resource, register, viewset_loader

from . import views

def _resource(name: str, schema_name: str, viewset, **links: Link) -> None:
    register(Resource(
        name=f"catalogi.{name}",
        api="catalogi",
        schema_name=schema_name,
        load=viewset_loader(viewset, component=ComponentTypes.ztc, view_name=f"{name}-detail"),
        links=links,
    ))


def _many(target: str, **kwargs) -> Link:
    return Link(f"catalogi.{target}", many=True, **kwargs)


def _one(target: str) -> Link:
    return Link(f"catalogi.{target}")


def register_catalogi() -> None:
    _resource(
        "catalogus", "Catalogus", views.CatalogusViewSet,
        zaaktypen=_many("zaaktype"), besluittypen=_many("besluittype"),
        informatieobjecttypen=_many("informatieobjecttype"),
    )
    _resource(
        "zaaktype", "ZaakType", views.ZaakTypeViewSet,
        zaakobjecttypen=_many("zaakobjecttype"), catalogus=_one("catalogus"), statustypen=_many("statustype"),
        resultaattypen=_many("resultaattype"), eigenschappen=_many("eigenschap"),
        informatieobjecttypen=_many("informatieobjecttype"), roltypen=_many("roltype"),
        besluittypen=_many("besluittype"), deelzaaktypen=_many("zaaktype"),
        gerelateerde_zaaktypen=_many("zaaktype", url_key="zaaktype"),
    )
    _resource(
        "besluittype", "BesluitType", views.BesluitTypeViewSet,
        catalogus=_one("catalogus"), zaaktypen=_many("zaaktype"),
        informatieobjecttypen=_many("informatieobjecttype"), resultaattypen=_many("resultaattype"),
    )
    _resource(
        "informatieobjecttype", "InformatieObjectType", views.InformatieObjectTypeViewSet,
        catalogus=_one("catalogus"), zaaktypen=_many("zaaktype"), besluittypen=_many("besluittype"),
    )
    _resource(
        "eigenschap", "Eigenschap", views.EigenschapViewSet,
        catalogus=_one("catalogus"), zaaktype=_one("zaaktype"), statustype=_one("statustype"),
    )
    _resource(
        "resultaattype", "ResultaatType", views.ResultaatTypeViewSet,
        catalogus=_one("catalogus"), zaaktype=_one("zaaktype"),
        besluittypen=_many("besluittype"), informatieobjecttypen=_many("informatieobjecttype"),
    )
    _resource("roltype", "RolType", views.RolTypeViewSet, catalogus=_one("catalogus"), zaaktype=_one("zaaktype"))
    _resource(
        "statustype", "StatusType", views.StatusTypeViewSet,
        catalogus=_one("catalogus"), zaaktype=_one("zaaktype"), eigenschappen=_many("eigenschap"),
    )
    _resource(
        "zaakobjecttype", "ZaakObjectType", views.ZaakObjectTypeViewSet,
        zaaktype=_one("zaaktype"), resultaattypen=_many("resultaattype"), statustypen=_many("statustype"),
        catalogus=_one("catalogus"),
    )
    _resource(
        "zaaktypeinformatieobjecttype", "ZaakTypeInformatieObjectType", views.ZaakTypeInformatieObjectTypeViewSet,
        zaaktype=_one("zaaktype"), catalogus=_one("catalogus"),
        informatieobjecttype=_one("informatieobjecttype"), statustype=_one("statustype"),
    )
