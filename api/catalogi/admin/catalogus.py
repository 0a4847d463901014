"""Admin of catalogussen: browse one with all its types, export it, import a zip into it.

The change page lists every version of the catalogus's zaaktypen,
informatieobjecttypen and besluittypen, each linking to its own page. Import
takes two steps on one page: upload a zip (checked as a whole by a trial
import), then choose per informatieobjecttype and besluittype of the zip to
create it or use an existing one; the import then runs in one transaction.
The zip travels between the steps inside the form, so whichever web process
takes the second step has it.
"""
import binascii
from base64 import b64decode, b64encode

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from ..models import BesluitType, Catalogus, InformatieObjectType, ZaakType
from .base import transfer, url_for_request, zip_response

UPLOAD_BUTTON = "_upload"
IMPORT_BUTTON = "_import"


class TypeListInline(admin.TabularInline):
    """A read-only list of one kind of type in the catalogus, each row linking to the type's own page."""

    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class ZaakTypeListInline(TypeListInline):
    model = ZaakType
    fields = readonly_fields = ("identificatie", "omschrijving", "begin_geldigheid", "einde_geldigheid", "concept")
    ordering = ("identificatie", "-begin_geldigheid")


class InformatieObjectTypeListInline(TypeListInline):
    model = InformatieObjectType
    fields = readonly_fields = ("omschrijving", "vertrouwelijkheidaanduiding", "begin_geldigheid",
                                "einde_geldigheid", "concept")
    ordering = ("omschrijving", "-begin_geldigheid")


class BesluitTypeListInline(TypeListInline):
    model = BesluitType
    fields = readonly_fields = ("omschrijving", "besluitcategorie", "begin_geldigheid", "einde_geldigheid", "concept")
    ordering = ("omschrijving", "-begin_geldigheid")


class ImportUploadForm(forms.Form):
    bestand = forms.FileField(label="zip-bestand", help_text="Een export van een catalogus of zaaktype.")


class ImportMappingForm(forms.Form):
    """Per informatieobjecttype and besluittype of the zip: create it, or use an existing one of the catalogus."""

    data = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, plan: "transfer.ImportPlan", **kwargs):
        super().__init__(*args, **kwargs)
        for choice in plan.choices:
            existing = [(str(obj.uuid), f"gebruik {_version(obj)}") for obj in choice.existing]
            self.fields[f"map_{choice.uuid}"] = forms.ChoiceField(
                label=f"{choice.resource} '{choice.omschrijving}'",
                choices=[("", "nieuw aanmaken"), *existing],
                initial=str(choice.suggested.uuid) if choice.suggested else "",
                required=False,
            )

    def mapping(self) -> dict[str, str]:
        return {
            name.removeprefix("map_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("map_") and value
        }


def _version(obj) -> str:
    until = f" t/m {obj.einde_geldigheid}" if obj.einde_geldigheid else ""
    return f"{obj} (geldig vanaf {obj.begin_geldigheid}{until}{', concept' if obj.concept else ''})"


def _zip_from_form(value: str) -> bytes:
    try:
        return b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise transfer.TransferError("Het zip-bestand is onderweg beschadigd.") from None


@admin.register(Catalogus)
class CatalogusAdmin(admin.ModelAdmin):
    list_display = ("naam", "domein", "rsin", "versie", "contactpersoon_beheer_naam")
    search_fields = ("naam", "domein", "rsin", "uuid")
    readonly_fields = ("uuid",)
    fields = ("uuid", "naam", "domein", "rsin", "versie", "begindatum_versie", "contactpersoon_beheer_naam",
              "contactpersoon_beheer_telefoonnummer", "contactpersoon_beheer_emailadres")
    inlines = (ZaakTypeListInline, InformatieObjectTypeListInline, BesluitTypeListInline)
    actions = ("export",)

    def get_urls(self):
        import_url = path(
            "<path:object_id>/import/",
            self.admin_site.admin_view(self.import_view),
            name="catalogi_catalogus_import",
        )
        return [import_url, *super().get_urls()]

    @admin.action(description="Exporteren (zip)", permissions=["view"])
    def export(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, "Kies precies één catalogus om te exporteren.", messages.ERROR)
            return None
        catalogus = queryset.get()
        name = f"catalogus-{catalogus.domein}-{catalogus.rsin}"
        return zip_response(transfer.catalogus_export(catalogus=catalogus), name)

    def import_view(self, request, object_id):
        catalogus = self.get_object(request, unquote(object_id))
        if catalogus is None:
            raise Http404
        if not self.has_change_permission(request, catalogus):
            raise PermissionDenied
        if request.method != "POST":
            step = (ImportUploadForm(), None, None)
        elif IMPORT_BUTTON in request.POST:
            step = self._import_step(request, catalogus)
        else:
            step = self._upload_step(request, catalogus)
        if not isinstance(step, tuple):
            return step
        upload_form, mapping_form, plan = step
        context = {
            **self.admin_site.each_context(request),
            "title": f"Importeren in {catalogus}",
            "opts": self.opts,
            "original": catalogus,
            "upload_form": upload_form,
            "mapping_form": mapping_form,
            "plan": plan,
            "upload_button": UPLOAD_BUTTON,
            "import_button": IMPORT_BUTTON,
        }
        return TemplateResponse(request, "admin/catalogi/catalogus/import.html", context)

    def _upload_step(self, request, catalogus: Catalogus):
        """Check the uploaded zip and offer the mapping; or show why it cannot be imported."""
        upload_form = ImportUploadForm(request.POST, request.FILES)
        if not upload_form.is_valid():
            return upload_form, None, None
        data = upload_form.cleaned_data["bestand"].read()
        try:
            plan = transfer.catalogus_import_plan(catalogus=catalogus, data=data)
        except transfer.TransferError as exc:
            upload_form.add_error("bestand", str(exc.detail))
            return upload_form, None, None
        return upload_form, ImportMappingForm(plan=plan, initial={"data": b64encode(data).decode("ascii")}), plan

    def _import_step(self, request, catalogus: Catalogus):
        """Import with the chosen mapping and go back to the catalogus; or show why it failed."""
        try:
            data = _zip_from_form(request.POST.get("data", ""))
            plan = transfer.catalogus_import_plan(catalogus=catalogus, data=data)
        except transfer.TransferError as exc:
            self.message_user(request, f"{exc.detail} Upload het zip-bestand opnieuw.", messages.ERROR)
            return ImportUploadForm(), None, None
        upload_form = ImportUploadForm()
        mapping_form = ImportMappingForm(request.POST, plan=plan)
        if not mapping_form.is_valid():
            return upload_form, mapping_form, plan
        try:
            zaaktypen = transfer.catalogus_import(
                catalogus=catalogus, data=data, mapping=mapping_form.mapping(), url_for=url_for_request(request)
            )
        except transfer.TransferError as exc:
            mapping_form.add_error(None, str(exc.detail))
            return upload_form, mapping_form, plan
        names = ", ".join(map(str, zaaktypen)) or "geen zaaktypen"
        self.message_user(request, f"Geïmporteerd als concept: {names}.", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:catalogi_catalogus_change", args=[catalogus.pk]))
