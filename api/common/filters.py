"""Filtering: camelCase query parameters into django-filter filtersets (vng_api_common)."""
from vng_api_common.filters_backend import Backend as FilterBackend  # noqa: F401
from vng_api_common.filtersets import FilterSet  # noqa: F401
