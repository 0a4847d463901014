"""ETagMixin: retrieve answers carry an ETag; a matching If-None-Match gets 304."""
import pytest
from django.urls import path

from api.autorisaties.views import ApplicatieViewSet
from api.common.viewsets import ETagMixin
from openzaak_cmis.urls import urlpatterns as project_urlpatterns


class TaggedApplicatieViewSet(ETagMixin, ApplicatieViewSet):
    pass


urlpatterns = [
    path(
        "autorisaties/api/v1/applicaties/<uuid:uuid>",
        TaggedApplicatieViewSet.as_view({"get": "retrieve", "patch": "partial_update"}),
        name="applicatie-detail",
    ),
    *project_urlpatterns,
]

pytestmark = [pytest.mark.urls(__name__), pytest.mark.django_db]


@pytest.fixture
def url(superuser_client):
    from api.common.autorisaties import Applicatie

    return f"/autorisaties/api/v1/applicaties/{Applicatie.objects.get().uuid}"


def test_retrieve_carries_an_etag_and_a_match_is_not_modified(superuser_client, url):
    first = superuser_client.get(url)
    assert first.status_code == 200
    etag = first["ETag"]
    assert etag.startswith('"') and etag.endswith('"')
    again = superuser_client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert superuser_client.get(url, HTTP_IF_NONE_MATCH=f'"other", W/{etag}').status_code == 304


def test_etag_changes_when_the_resource_does(superuser_client, url):
    etag = superuser_client.get(url)["ETag"]
    assert superuser_client.patch(url, {"label": "renamed"}, format="json").status_code == 200
    changed = superuser_client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
