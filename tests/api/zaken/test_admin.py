"""The Zaken admin: operators find a zaak by identificatie or a betrokkene's BSN and inspect it; nothing changes there."""
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from api.zaken.models import Rol, Status, Zaak

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_web(client, db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.ADMIN_2FA = False
    client.force_login(get_user_model().objects.create_superuser("beheerder", "beheer@example.com", "pw-0123456789"))
    return client


@pytest.fixture
def zaken():
    call_command("load_zaken", 30, "--zaaktypen", "2", verbosity=0)
    return Zaak.objects.order_by("pk")


def test_zaak_found_by_identificatie_and_by_bsn(admin_web, zaken):
    zaak = zaken.first()
    bsn = Rol.objects.filter(zaak=zaak, betrokkene_type="natuurlijk_persoon").get().inp_bsn

    by_identificatie = admin_web.get("/admin/zaken/zaak/", {"q": zaak.identificatie})
    by_bsn = admin_web.get("/admin/zaken/zaak/", {"q": bsn})

    assert by_identificatie.status_code == 200
    assert list(by_identificatie.context["cl"].result_list) == [zaak]
    assert zaak in by_bsn.context["cl"].result_list
    assert all(Rol.objects.filter(zaak=found, inp_bsn=bsn).exists() for found in by_bsn.context["cl"].result_list)


def test_zaak_page_shows_its_parts_and_takes_no_changes(admin_web, zaken):
    zaak = zaken.first()
    url = reverse("admin:zaken_zaak_change", args=[zaak.pk])

    page = admin_web.get(url)
    refused = admin_web.post(url, {"omschrijving": "via admin"})

    assert page.status_code == 200
    assert zaak.identificatie in page.content.decode()
    assert str(Status.objects.filter(zaak=zaak).first().statustype) in page.content.decode()
    assert refused.status_code == 403
    zaak.refresh_from_db()
    assert zaak.omschrijving != "via admin"
    assert admin_web.get("/admin/zaken/zaak/add/").status_code == 403
    assert admin_web.get(reverse("admin:zaken_zaak_delete", args=[zaak.pk])).status_code == 403


@pytest.mark.parametrize("model", ["status", "resultaat", "rol", "zaakobject", "zaakinformatieobject", "zaaknotitie"])
def test_part_lists_load(admin_web, zaken, model):
    assert admin_web.get(f"/admin/zaken/{model}/").status_code == 200
