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

    Hook: `finalize_response` (the body can be rendered only once DRF chose the
    renderer). The tag is the hash of the JSON the client would get, so it
    changes exactly when the representation does and needs no stored state.
    """

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if getattr(self, "action", None) != "retrieve" or response.status_code != status.HTTP_200_OK:
            return response
        response.render()
        etag = '"%s"' % hashlib.md5(response.content, usedforsecurity=False).hexdigest()
        if etag in _tags(request.headers.get("If-None-Match", "")):
            not_modified = Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
            return super().finalize_response(request, not_modified, *args, **kwargs)
        response["ETag"] = etag
        return response


def _tags(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}
