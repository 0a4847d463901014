"""Filters of the Catalogi list endpoints: `status` (concept/definitief/alles), `datumGeldigheid`, URL filters.

A value a filter cannot take (a `status` outside its three, a reference that
is no URL, a malformed date) is a 400 with invalidParams, not an empty page.
"""
from django import forms
from django.db.models import Q
from django_filters import BooleanFilter, CharFilter, ChoiceFilter, DateFilter
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from api.common.filters import FilterSet

from .constants import RolOmschrijving, Richting
from .models import (
    BesluitType,
    Catalogus,
    Eigenschap,
    InformatieObjectType,
    ResultaatType,
    RolType,
    StatusType,
    ZaakObjectType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from .urlrefs import looks_like_url, uuid_in_url

STATUS_HELP = (
    "filter objects depending on their concept status:\n"
    "* `alles`: Toon objecten waarvan het attribuut `concept` true of false is.\n"
    "* `concept`: Toon objecten waarvan het attribuut `concept` true is.\n"
    "* `definitief`: Toon objecten waarvan het attribuut `concept` false is (standaard).\n"
)


STATUS_CHOICES = [("alles", "alles"), ("concept", "concept"), ("definitief", "definitief")]


class URLFormField(forms.CharField):
    """An http(s) URL with a host; any host name, as the service's own may have no dot."""

    def validate(self, value):
        super().validate(value)
        if value and not looks_like_url(value):
            raise forms.ValidationError("Voer een geldige URL in.", code="invalid")


class URLFilter(CharFilter):
    """Objects whose `field_name` relation is the resource at the given URL (none for other URLs)."""

    field_class = URLFormField

    def __init__(self, view_name: str, **kwargs):
        self.view_name = view_name
        super().__init__(**kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        uuid = uuid_in_url(value, self.view_name)
        return qs.filter(**{f"{self.field_name}__uuid": uuid}) if uuid else qs.none()


# The standard documents `status` as a plain string; its three values are checked all the same.
@extend_schema_field(OpenApiTypes.STR)
class StatusFilter(ChoiceFilter):
    """`status`: concept, definitief (the default when omitted) or alles, on the `field_name` concept flag."""

    def __init__(self, **kwargs):
        super().__init__(choices=STATUS_CHOICES, **kwargs)

    def filter(self, qs, value):
        value = value or "definitief"
        if value == "alles":
            return qs
        return qs.filter(**{self.field_name: value == "concept"})


def geldig_op(datum, prefix: str = "") -> Q:
    """Valid on `datum`: begun on or before it (or no begin given), not ended before it."""
    return (Q(**{f"{prefix}begin_geldigheid__isnull": True}) | Q(**{f"{prefix}begin_geldigheid__lte": datum})) & (
        Q(**{f"{prefix}einde_geldigheid__isnull": True}) | Q(**{f"{prefix}einde_geldigheid__gte": datum})
    )


class GeldigheidFilter(DateFilter):
    """`datumGeldigheid`: valid on the date (begin on or before it, einde open or on or after it)."""

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(geldig_op(value, f"{self.field_name}__" if self.field_name else ""))


class StatusAlwaysFilterSet(FilterSet):
    """Applies `status` even when the client leaves it out (its default is `definitief`)."""

    @property
    def qs(self):
        queryset = super().qs
        if not self.form.cleaned_data.get("status"):
            queryset = self.filters["status"].filter(queryset, "definitief")
        return queryset


class CatalogusFilter(FilterSet):
    domein__in = CharFilter(field_name="domein", method="filter_in")
    rsin__in = CharFilter(field_name="rsin", method="filter_in")

    class Meta:
        model = Catalogus
        fields = ("domein", "domein__in", "rsin", "rsin__in")

    def filter_in(self, queryset, name, value):
        return queryset.filter(**{f"{name}__in": [v.strip() for v in value.split(",") if v.strip()]})


class ZaakTypeFilter(StatusAlwaysFilterSet):
    catalogus = URLFilter("catalogus-detail")
    identificatie = CharFilter()
    trefwoorden = CharFilter(method="filter_trefwoorden", help_text="Multiple values may be separated by commas.")
    status = StatusFilter(field_name="concept", help_text=STATUS_HELP)
    datum_geldigheid = GeldigheidFilter(field_name="", help_text="filter objecten op hun geldigheids datum.")

    class Meta:
        model = ZaakType
        fields = ("catalogus", "identificatie", "trefwoorden", "status", "datum_geldigheid")

    def filter_trefwoorden(self, queryset, name, value):
        return queryset.filter(trefwoorden__contains=[v.strip() for v in value.split(",") if v.strip()])


class ZaakTypePartFilter(StatusAlwaysFilterSet):
    zaaktype = URLFilter("zaaktype-detail")
    zaaktype_identificatie = CharFilter(field_name="zaaktype__identificatie")
    status = StatusFilter(field_name="zaaktype__concept", help_text=STATUS_HELP)
    datum_geldigheid = GeldigheidFilter(field_name="", help_text="filter objecten op hun geldigheids datum.")

    class Meta:
        fields = ("zaaktype", "zaaktype_identificatie", "status", "datum_geldigheid")


class StatusTypeFilter(ZaakTypePartFilter):
    class Meta(ZaakTypePartFilter.Meta):
        model = StatusType


class EigenschapFilter(ZaakTypePartFilter):
    class Meta(ZaakTypePartFilter.Meta):
        model = Eigenschap


class ResultaatTypeFilter(ZaakTypePartFilter):
    class Meta(ZaakTypePartFilter.Meta):
        model = ResultaatType


class RolTypeFilter(ZaakTypePartFilter):
    omschrijving_generiek = ChoiceFilter(choices=RolOmschrijving.choices)

    class Meta(ZaakTypePartFilter.Meta):
        model = RolType
        fields = ("zaaktype", "zaaktype_identificatie", "omschrijving_generiek", "status", "datum_geldigheid")


class InformatieObjectTypeFilter(StatusAlwaysFilterSet):
    catalogus = URLFilter("catalogus-detail")
    status = StatusFilter(field_name="concept", help_text=STATUS_HELP)
    datum_geldigheid = GeldigheidFilter(field_name="", help_text="filter objecten op hun geldigheids datum.")
    omschrijving = CharFilter()

    class Meta:
        model = InformatieObjectType
        fields = ("catalogus", "status", "datum_geldigheid", "omschrijving")


class BesluitTypeFilter(StatusAlwaysFilterSet):
    catalogus = URLFilter("catalogus-detail")
    zaaktypen = URLFilter("zaaktype-detail")
    informatieobjecttypen = URLFilter("informatieobjecttype-detail")
    status = StatusFilter(field_name="concept", help_text=STATUS_HELP)
    omschrijving = CharFilter()
    datum_geldigheid = GeldigheidFilter(field_name="", help_text="filter objecten op hun geldigheids datum.")

    class Meta:
        model = BesluitType
        fields = ("catalogus", "zaaktypen", "informatieobjecttypen", "status", "omschrijving", "datum_geldigheid")

    @property
    def qs(self):
        return super().qs.distinct()


class ZaakTypeInformatieObjectTypeFilter(FilterSet):
    zaaktype = URLFilter("zaaktype-detail")
    informatieobjecttype = URLFilter("informatieobjecttype-detail")
    richting = ChoiceFilter(choices=Richting.choices)
    status = StatusFilter(method="filter_status", help_text=STATUS_HELP)

    class Meta:
        model = ZaakTypeInformatieObjectType
        fields = ("zaaktype", "informatieobjecttype", "richting", "status")

    @property
    def qs(self):
        queryset = super().qs
        if not self.form.cleaned_data.get("status"):
            queryset = self.filter_status(queryset, "status", "definitief")
        return queryset

    def filter_status(self, queryset, name, value):
        # A relation is definitief once both of its ends are published.
        if value == "concept":
            return queryset.filter(Q(zaaktype__concept=True) | Q(informatieobjecttype__concept=True))
        if value == "alles":
            return queryset
        return queryset.filter(zaaktype__concept=False, informatieobjecttype__concept=False)


class ZaakObjectTypeFilter(FilterSet):
    ander_objecttype = BooleanFilter()
    catalogus = URLFilter("catalogus-detail")
    datum_begin_geldigheid = DateFilter(field_name="begin_geldigheid")
    datum_einde_geldigheid = DateFilter(field_name="einde_geldigheid")
    datum_geldigheid = GeldigheidFilter(field_name="", help_text="filter objecten op hun geldigheids datum.")
    objecttype = CharFilter()
    relatie_omschrijving = CharFilter()
    zaaktype = URLFilter("zaaktype-detail")
    zaaktype_identificatie = CharFilter(field_name="zaaktype__identificatie")

    class Meta:
        model = ZaakObjectType
        fields = (
            "ander_objecttype", "catalogus", "datum_begin_geldigheid", "datum_einde_geldigheid",
            "datum_geldigheid", "objecttype", "relatie_omschrijving", "zaaktype", "zaaktype_identificatie",
        )
