"""Admin of zaaktypen with their types inline; publish, new version and export actions.

Statustypen, roltypen, resultaattypen, eigenschappen and
zaaktype-informatieobjecttypen are edited inline while the zaaktype is a
concept (ztc-010) and written through `services_parts`, with the selectielijst
rules of a resultaattype checked on the form. Publishing a zaaktype ends the
published version it follows (`versioning.zaaktype_version_publish`); "new
version" makes a concept copy of a published one.
"""
from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from rest_framework.exceptions import ValidationError

from .. import rules
from ..models import (
    BesluitType,
    Eigenschap,
    InformatieObjectType,
    ResultaatType,
    RolType,
    StatusType,
    ZaakType,
    ZaakTypeInformatieObjectType,
    ZaakTypenRelatie,
)
from .base import (
    FORMFIELD_OVERRIDES,
    PublishableAdmin,
    RuleCheckedForm,
    limit_catalogus,
    parts,
    selectielijst,
    transfer,
    url_for_request,
    versioning,
    zip_response,
)


class ZaakTypeForm(RuleCheckedForm):
    class Meta:
        model = ZaakType
        fields = ()  # the admin builds the form from its fieldsets

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        catalogus_id = self.instance.catalogus_id or self.initial.get("catalogus")
        limit_catalogus(self, catalogus_id, "besluittypen", "deelzaaktypen")
        if "deelzaaktypen" in self.fields and self.instance.pk:
            self.fields["deelzaaktypen"].queryset = self.fields["deelzaaktypen"].queryset.exclude(pk=self.instance.pk)

    def check_rules(self, data: dict) -> None:
        if "selectielijst_procestype" in data:
            selectielijst.validate_procestype(data["selectielijst_procestype"])
        catalogus = data.get("catalogus") or self.instance.catalogus
        for name in ("besluittypen", "deelzaaktypen"):
            for obj in data.get(name, ()):
                rules.check_same_catalogus(obj, catalogus=catalogus, field=name)


class StatusTypeForm(forms.ModelForm):
    def clean_checklistitem_statustype(self):
        # An empty box means no checklist items, not null (the column holds a list).
        return self.cleaned_data["checklistitem_statustype"] or []


class ResultaatTypeForm(RuleCheckedForm):
    def check_rules(self, data: dict) -> None:
        selectielijst.resultaattype_derive(data=data, zaaktype=data["zaaktype"])


class ZaakTypeInformatieObjectTypeForm(RuleCheckedForm):
    def check_rules(self, data: dict) -> None:
        zaaktype = data["zaaktype"]
        rules.check_same_catalogus(
            data["informatieobjecttype"], catalogus=zaaktype.catalogus, field="informatieobjecttype"
        )
        if data.get("statustype"):
            rules.check_same_zaaktype([data["statustype"]], zaaktype=zaaktype, field="statustype")


class EigenschapForm(RuleCheckedForm):
    def check_rules(self, data: dict) -> None:
        if data.get("statustype"):
            rules.check_same_zaaktype([data["statustype"]], zaaktype=data["zaaktype"], field="statustype")


class NewVersionForm(forms.Form):
    begin_geldigheid = forms.DateField(
        label="begin geldigheid", help_text="De vorige versie eindigt de dag ervoor, zodra de nieuwe gepubliceerd is."
    )


class PartInline:
    """A type of the zaaktype: editable only while the zaaktype is a concept (ztc-010)."""

    extra = 0
    formfield_overrides = FORMFIELD_OVERRIDES
    # Choices limited to the zaaktype (its statustypen) or its catalogus (informatieobjecttypen, besluittypen).
    own_statustypen: tuple[str, ...] = ()
    catalogus_types: dict[str, type] = {}

    def _editable(self, obj) -> bool:
        return obj is None or obj.concept

    def has_add_permission(self, request, obj=None) -> bool:
        return super().has_add_permission(request, obj) and self._editable(obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return super().has_change_permission(request, obj) and self._editable(obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and self._editable(obj)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        fields = formset.form.base_fields
        # On the add page (obj None) these filters match nothing: there is nothing to choose yet.
        for name in self.own_statustypen:
            if name in fields:
                fields[name].queryset = StatusType.objects.filter(zaaktype=obj)
        for name, model in self.catalogus_types.items():
            if name in fields:
                fields[name].queryset = model.objects.filter(catalogus_id=getattr(obj, "catalogus_id", None))
        return formset


class StatusTypeInline(PartInline, admin.TabularInline):
    model = StatusType
    form = StatusTypeForm
    fields = ("volgnummer", "omschrijving", "omschrijving_generiek", "statustekst", "informeren", "doorlooptijd",
              "toelichting", "checklistitem_statustype")


class RolTypeInline(PartInline, admin.TabularInline):
    model = RolType
    fields = ("omschrijving", "omschrijving_generiek", "begin_geldigheid", "einde_geldigheid")


class ResultaatTypeInline(PartInline, admin.StackedInline):
    model = ResultaatType
    form = ResultaatTypeForm
    fields = (
        "omschrijving", "resultaattypeomschrijving", "selectielijstklasse", "toelichting", "archiefnominatie",
        "archiefactietermijn", "procesobjectaard", "indicatie_specifiek", "procestermijn",
        "brondatum_archiefprocedure_afleidingswijze", "brondatum_archiefprocedure_datumkenmerk",
        "brondatum_archiefprocedure_einddatum_bekend", "brondatum_archiefprocedure_objecttype",
        "brondatum_archiefprocedure_registratie", "brondatum_archiefprocedure_procestermijn", "besluittypen",
        "informatieobjecttypen",
    )
    catalogus_types = {"besluittypen": BesluitType, "informatieobjecttypen": InformatieObjectType}


class EigenschapInline(PartInline, admin.StackedInline):
    model = Eigenschap
    form = EigenschapForm
    fields = ("naam", "definitie", "toelichting", "statustype", "specificatie_groep", "specificatie_formaat",
              "specificatie_lengte", "specificatie_kardinaliteit", "specificatie_waardenverzameling")
    own_statustypen = ("statustype",)


class ZaakTypeInformatieObjectTypeInline(PartInline, admin.TabularInline):
    model = ZaakTypeInformatieObjectType
    form = ZaakTypeInformatieObjectTypeForm
    fields = ("volgnummer", "informatieobjecttype", "richting", "statustype")
    own_statustypen = ("statustype",)
    catalogus_types = {"informatieobjecttype": InformatieObjectType}


class ZaakTypenRelatieInline(PartInline, admin.TabularInline):
    model = ZaakTypenRelatie
    fields = ("gerelateerd_zaaktype", "aard_relatie", "toelichting")


def _part_writes(create, update, destroy=lambda part: parts.part_destroy(part=part, force=False)):
    return {"create": create, "update": update, "destroy": destroy}


def _part_update(part, data):
    return parts.part_update(part=part, data=data, force=False)


# How each inline's rows are written (gerelateerde zaaktypen are plain rows of the concept zaaktype).
PART_WRITES = {
    StatusType: _part_writes(lambda data: parts.statustype_create(data=data, force=False), _part_update),
    RolType: _part_writes(lambda data: parts.roltype_create(data=data, force=False), _part_update),
    Eigenschap: _part_writes(lambda data: parts.eigenschap_create(data=data, force=False), _part_update),
    ResultaatType: _part_writes(
        lambda data: parts.resultaattype_create(data=data, force=False),
        lambda part, data: parts.resultaattype_update(resultaattype=part, data=data, force=False),
    ),
    ZaakTypeInformatieObjectType: _part_writes(
        lambda data: parts.zaaktypeinformatieobjecttype_create(data=data, force=False),
        lambda part, data: parts.zaaktypeinformatieobjecttype_update(ziot=part, data=data, force=False),
        lambda part: parts.zaaktypeinformatieobjecttype_destroy(ziot=part, force=False),
    ),
}


@admin.register(ZaakType)
class ZaakTypeAdmin(PublishableAdmin):
    form = ZaakTypeForm
    service_prefix = "zaaktype"
    actions = ("publish", "new_version", "export")
    list_display = ("identificatie", "omschrijving", "catalogus", "begin_geldigheid", "einde_geldigheid", "concept")
    search_fields = ("identificatie", "omschrijving", "uuid")
    ordering = ("catalogus", "identificatie", "-begin_geldigheid")
    filter_horizontal = ("besluittypen", "deelzaaktypen")
    inlines = (StatusTypeInline, RolTypeInline, ResultaatTypeInline, EigenschapInline,
               ZaakTypeInformatieObjectTypeInline, ZaakTypenRelatieInline)
    fieldsets = (
        (None, {"fields": ("uuid", "catalogus", "identificatie", "omschrijving", "omschrijving_generiek", "concept",
                           "versiedatum", "begin_geldigheid", "einde_geldigheid", "begin_object", "einde_object")}),
        ("Inhoud", {"fields": ("vertrouwelijkheidaanduiding", "doel", "aanleiding", "toelichting",
                               "indicatie_intern_of_extern", "handeling_initiator", "onderwerp",
                               "handeling_behandelaar", "verantwoordelijke")}),
        ("Termijnen", {"fields": ("doorlooptijd", "servicenorm", "opschorting_en_aanhouding_mogelijk",
                                  "verlenging_mogelijk", "verlengingstermijn")}),
        ("Publicatie", {"fields": ("trefwoorden", "publicatie_indicatie", "publicatietekst",
                                   "verantwoordingsrelatie", "producten_of_diensten")}),
        ("Selectielijst en referentieproces", {"fields": ("selectielijst_procestype", "referentieproces_naam",
                                                          "referentieproces_link")}),
        ("Relaties", {"fields": ("besluittypen", "deelzaaktypen")}),
        ("Bron", {"classes": ("collapse",), "fields": (
            "broncatalogus_url", "broncatalogus_domein", "broncatalogus_rsin", "bronzaaktype_url",
            "bronzaaktype_identificatie", "bronzaaktype_omschrijving",
        )}),
    )

    def publish_service(self, obj, url_for):
        return versioning.zaaktype_version_publish(zaaktype=obj, url_for=url_for)

    def save_formset(self, request, form, formset, change):
        writes = PART_WRITES.get(formset.model)
        if writes is None:
            return super().save_formset(request, form, formset, change)
        formset.save(commit=False)  # collects new, changed and deleted rows without writing them
        row_form = {id(row.instance): row for row in formset.forms}
        for part in formset.deleted_objects:
            writes["destroy"](part)
        for part, changed in formset.changed_objects:
            writes["update"](part, {name: row_form[id(part)].cleaned_data[name] for name in changed})
        for part in formset.new_objects:
            data = dict(row_form[id(part)].cleaned_data, zaaktype=form.instance)
            writes["create"]({name: value for name, value in data.items() if name not in ("id", "DELETE")})

    @admin.action(description="Nieuwe versie maken", permissions=["add"])
    def new_version(self, request, queryset):
        """Ask for the beginGeldigheid, then copy each selected published zaaktype into a concept version."""
        form = NewVersionForm(request.POST if "apply" in request.POST else None,
                              initial={"begin_geldigheid": timezone.localdate()})
        if not form.is_valid():
            context = {
                **self.admin_site.each_context(request), "title": "Nieuwe versie maken", "form": form,
                "queryset": queryset, "opts": self.model._meta, "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "admin/catalogi/zaaktype/new_version.html", context)
        url_for = url_for_request(request)
        created = []
        for zaaktype in queryset.order_by("pk"):
            try:
                created.append(versioning.zaaktype_new_version(
                    zaaktype=zaaktype, begin_geldigheid=form.cleaned_data["begin_geldigheid"], url_for=url_for
                ))
            except ValidationError as exc:
                message = f"Geen nieuwe versie van {zaaktype}: {transfer.error_text(exc.detail)}"
                self.message_user(request, message, messages.ERROR)
        if created:
            self.message_user(request, f"Nieuwe versie (concept) gemaakt van: {', '.join(map(str, created))}.",
                              messages.SUCCESS)
        if len(created) == 1:
            return HttpResponseRedirect(reverse("admin:catalogi_zaaktype_change", args=[created[0].pk]))
        return None

    @admin.action(description="Exporteren (zip)", permissions=["view"])
    def export(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, "Kies precies één zaaktype om te exporteren.", messages.ERROR)
            return None
        zaaktype = queryset.get()
        name = f"zaaktype-{zaaktype.identificatie}-{zaaktype.begin_geldigheid}"
        return zip_response(transfer.zaaktype_export(zaaktype=zaaktype), name)
