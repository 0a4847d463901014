"""References to resources of other ZGW services: a URL must resolve, and to the right kind of resource.

A URL that cannot be fetched or does not answer 200 is a `bad-url`; one that
answers with something that is not the expected resource (not JSON, or
without the fields that kind of resource always has) is an
`invalid-resource` — the codes the standard's tests expect.
"""
import requests
from django.conf import settings

from .exceptions import invalid


def remote_resource(url: str, *, field: str, must_have: tuple[str, ...]) -> dict:
    """GET `url` and return its JSON; raises a 400 naming `field` otherwise."""
    try:
        response = requests.get(url, headers={"Accept": "application/json"}, timeout=settings.REMOTE_TIMEOUT)
    except requests.RequestException:
        raise invalid(field, "De URL kan niet opgevraagd worden.", "bad-url")
    if response.status_code != 200:
        raise invalid(field, f"De URL geeft status {response.status_code}, niet 200.", "bad-url")
    try:
        data = response.json()
    except ValueError:
        data = None
    if not isinstance(data, dict) or any(key not in data for key in must_have):
        raise invalid(field, "De URL wijst niet naar een resource van de verwachte soort.", "invalid-resource")
    return data
