"""ZGW pagination: `?page=N`, a body of count/next/previous/results."""
from rest_framework.pagination import PageNumberPagination


class ZGWPagination(PageNumberPagination):
    page_size = 100

    def get_paginated_response_schema(self, schema):
        # The standard's documents mark none of the page fields required.
        paginated = super().get_paginated_response_schema(schema)
        paginated.pop("required", None)
        return paginated
