"""Admin of informatieobjecttypen and besluittypen: concepts editable, published read-only, publish action."""
from django.contrib import admin

from .. import rules
from ..models import BesluitType, InformatieObjectType
from .base import PublishableAdmin, RuleCheckedForm, limit_catalogus

GELDIGHEID = ("begin_geldigheid", "einde_geldigheid", "begin_object", "einde_object")


@admin.register(InformatieObjectType)
class InformatieObjectTypeAdmin(PublishableAdmin):
    service_prefix = "informatieobjecttype"
    list_display = ("omschrijving", "catalogus", "vertrouwelijkheidaanduiding", "begin_geldigheid",
                    "einde_geldigheid", "concept")
    search_fields = ("omschrijving", "uuid")
    ordering = ("catalogus", "omschrijving", "-begin_geldigheid")
    fieldsets = (
        (None, {"fields": ("uuid", "catalogus", "omschrijving", "concept", *GELDIGHEID)}),
        ("Inhoud", {"fields": ("vertrouwelijkheidaanduiding", "informatieobjectcategorie", "trefwoord")}),
        ("Omschrijving generiek", {"classes": ("collapse",), "fields": (
            "omschrijving_generiek_informatieobjecttype", "omschrijving_generiek_definitie",
            "omschrijving_generiek_herkomst", "omschrijving_generiek_hierarchie", "omschrijving_generiek_opmerking",
        )}),
    )


class BesluitTypeForm(RuleCheckedForm):
    class Meta:
        model = BesluitType
        fields = ()  # the admin builds the form from its fieldsets

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_catalogus(self, self.instance.catalogus_id or self.initial.get("catalogus"), "informatieobjecttypen")

    def check_rules(self, data: dict) -> None:
        catalogus = data.get("catalogus") or self.instance.catalogus
        for obj in data.get("informatieobjecttypen", ()):
            rules.check_same_catalogus(obj, catalogus=catalogus, field="informatieobjecttypen")


@admin.register(BesluitType)
class BesluitTypeAdmin(PublishableAdmin):
    form = BesluitTypeForm
    service_prefix = "besluittype"
    list_display = ("omschrijving", "catalogus", "besluitcategorie", "begin_geldigheid", "einde_geldigheid", "concept")
    search_fields = ("omschrijving", "uuid")
    ordering = ("catalogus", "omschrijving", "-begin_geldigheid")
    filter_horizontal = ("informatieobjecttypen",)
    fieldsets = (
        (None, {"fields": ("uuid", "catalogus", "omschrijving", "omschrijving_generiek", "concept", *GELDIGHEID)}),
        ("Inhoud", {"fields": ("besluitcategorie", "reactietermijn", "toelichting", "informatieobjecttypen")}),
        ("Publicatie", {"fields": ("publicatie_indicatie", "publicatietekst", "publicatietermijn")}),
    )
