"""Viewset mixins shared by the components.

- `CheckQueryParamsMixin`: unknown query parameters are a 400 (vng_api_common).
- `ETagMixin`: retrieve answers carry an ETag; If-None-Match gives 304.
"""
import hashlib

from rest_framework import status
from rest_framework.response import Response
from vng_api_common.viewsets import CheckQueryParamsMixin  # noqa: F401


class ETagMixin:
    """ETag on `retrieve` (and HEAD), computed from the rendered body.

    Hook: `retrieve`. The tag is the hash of the JSON the client would get, so
    it changes exactly when the representation does and needs no stored state.
    """

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        if response.status_code != status.HTTP_200_OK:
            return response
        response.render()
        etag = '"%s"' % hashlib.md5(response.content, usedforsecurity=False).hexdigest()
        if etag in _tags(request.headers.get("If-None-Match", "")):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
        response["ETag"] = etag
        return response


def _tags(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}
