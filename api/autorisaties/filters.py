"""Filters of GET /applicaties: `clientIds` (comma separated, any of them matches)."""
from django_filters import CharFilter

from api.common.autorisaties import Applicatie
from api.common.filters import FilterSet


class ApplicatieFilter(FilterSet):
    client_ids = CharFilter(
        method="filter_client_ids",
        help_text="Multiple values may be separated by commas.",
    )

    class Meta:
        model = Applicatie
        fields = ("client_ids",)

    def filter_client_ids(self, queryset, name, value):
        wanted = [client_id.strip() for client_id in value.split(",") if client_id.strip()]
        return queryset.filter(client_ids__overlap=wanted) if wanted else queryset
