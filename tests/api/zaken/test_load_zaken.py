"""`load_zaken`: bulk-loaded zaken are whole (status, rollen, resultaat of closed ones) and numbered on."""
import pytest
from django.core.management import call_command
from django.db.models import F

from api.zaken.models import Resultaat, Rol, Status, Zaak, ZaakIdentificatieCounter

pytestmark = pytest.mark.django_db


def test_load_zaken_adds_complete_zaken_in_batches():
    call_command("load_zaken", 25, "--batch", "10", "--zaaktypen", "3", verbosity=0)

    zaken = Zaak.objects.all()
    assert zaken.count() == 25
    assert zaken.values("zaaktype").distinct().count() <= 3
    # Every zaak points at its own latest status; closed ones end on the eindstatus with a resultaat.
    assert zaken.filter(status__zaak=F("pk")).count() == 25
    closed = zaken.filter(einddatum__isnull=False)
    assert closed.filter(status__statustype__volgnummer=2, resultaat__isnull=False).count() == closed.count()
    assert Resultaat.objects.count() == closed.count()
    assert Status.objects.count() == 25 + closed.count()
    assert Rol.objects.filter(omschrijving_generiek="initiator").exclude(inp_bsn="").count() == 25
    assert Rol.objects.filter(betrokkene_type="medewerker").exclude(identificatie="").count() == 25
    assert len(set(zaken.values_list("identificatie", flat=True))) == 25


def test_load_zaken_continues_the_numbering_and_reuses_the_catalogus():
    call_command("load_zaken", 5, "--zaaktypen", "2", verbosity=0)
    call_command("load_zaken", 5, "--zaaktypen", "2", verbosity=0)

    assert Zaak.objects.values("zaaktype").distinct().count() <= 2
    assert ZaakIdentificatieCounter.objects.get().laatste == 10
    assert Zaak.objects.values("identificatie").distinct().count() == 10
