"""Reads other components make of the Catalogi API's resources."""
from django.http import HttpRequest

from .models import InformatieObjectType
from .urlrefs import object_for_url


def informatieobjecttype_for_url(url: str, *, request: HttpRequest | None) -> InformatieObjectType:
    """The informatieobjecttype of this service at `url`.

    Raises ValidationError `bad-url` (not a resource here) or `invalid-resource`
    (another kind of resource).
    """
    return object_for_url(
        url, view_name="informatieobjecttype-detail", queryset=InformatieObjectType.objects.all(), request=request
    )
