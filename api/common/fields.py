"""Serializer fields of the ZGW standard (vng_api_common): ISO 8601 durations."""
from vng_api_common.serializers import DurationField  # noqa: F401
