"""Admin for operators: find and inspect zaken and everything under them, at a million zaken.

Read-only on purpose: a zaak changes through the Zaken API, whose services
apply the zrc rules (closing, reopening, archiving, the document pairs in the
Documenten API) and record the notification and the audit trail. An admin
form beside them would be a second write path without those rules.
Lists stay fast at scale: no full result count, the zaaktype joined in the
same query, searches on indexed columns (identificatie, a rol's BSN).
"""
from django.contrib import admin

from .models import (
    KlantContact,
    Resultaat,
    Rol,
    Status,
    Zaak,
    ZaakBesluit,
    ZaakContactMoment,
    ZaakEigenschap,
    ZaakInformatieObject,
    ZaakNotitie,
    ZaakObject,
    ZaakVerzoek,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    show_full_result_count = False
    list_per_page = 50

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class StatusInline(ReadOnlyInline):
    model = Status
    fk_name = "zaak"
    fields = ("statustype", "datum_status_gezet", "statustoelichting")
    readonly_fields = fields
    ordering = ("datum_status_gezet",)


class RolInline(ReadOnlyInline):
    model = Rol
    fields = ("roltype", "betrokkene_type", "inp_bsn", "identificatie", "betrokkene")
    readonly_fields = fields


class ZaakInformatieObjectInline(ReadOnlyInline):
    model = ZaakInformatieObject
    fields = ("informatieobject", "titel", "registratiedatum")
    readonly_fields = fields


@admin.register(Zaak)
class ZaakAdmin(ReadOnlyAdmin):
    list_display = ("identificatie", "bronorganisatie", "zaaktype", "startdatum", "einddatum", "vertrouwelijkheidaanduiding")
    list_select_related = ("zaaktype",)
    list_filter = ("archiefstatus", "vertrouwelijkheidaanduiding")
    search_fields = ("=identificatie", "=rollen__inp_bsn")
    search_help_text = "Exacte identificatie, of het BSN van een betrokkene."
    ordering = ("-pk",)
    inlines = (StatusInline, RolInline, ZaakInformatieObjectInline)
    readonly_fields = ("hoofdzaak", "status", "zaaktype")


@admin.register(Status, Resultaat, Rol, ZaakObject, ZaakEigenschap, ZaakInformatieObject, KlantContact,
                ZaakContactMoment, ZaakVerzoek, ZaakBesluit)
class ZaakPartAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "zaak")
    list_select_related = ("zaak",)
    search_fields = ("=zaak__identificatie",)
    search_help_text = "Exacte identificatie van de zaak."
    ordering = ("-pk",)
    raw_id_fields = ("zaak",)


@admin.register(ZaakNotitie)
class ZaakNotitieAdmin(ReadOnlyAdmin):
    list_display = ("onderwerp", "gerelateerd_aan", "notitie_type", "status", "aanmaakdatum")
    list_select_related = ("gerelateerd_aan",)
    search_fields = ("=gerelateerd_aan__identificatie",)
    ordering = ("-pk",)
