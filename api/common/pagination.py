"""ZGW pagination: `?page=N`, a body of count/next/previous/results."""
from rest_framework.pagination import PageNumberPagination


class ZGWPagination(PageNumberPagination):
    page_size = 100
    # Most standards' documents mark none of the page fields required; a view
    # whose standard requires `count` and `results` (Autorisaties) sets this.
    schema_requires_count_and_results = False

    def get_paginated_response_schema(self, schema):
        paginated = super().get_paginated_response_schema(schema)
        if not self.schema_requires_count_and_results:
            paginated.pop("required", None)
        return paginated
