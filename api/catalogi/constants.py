"""Enumerations of the Catalogi API 1.3.3 (the spec's *Enum schemas)."""
from django.db import models

from api.common.constants import VertrouwelijkheidsAanduiding  # noqa: F401


class IndicatieInternOfExtern(models.TextChoices):
    intern = "intern", "Intern"
    extern = "extern", "Extern"


class AardRelatie(models.TextChoices):
    vervolg = "vervolg", "Vervolg"
    bijdrage = "bijdrage", "Bijdrage"
    onderwerp = "onderwerp", "Onderwerp"


class Afleidingswijze(models.TextChoices):
    afgehandeld = "afgehandeld", "Afgehandeld"
    ander_datumkenmerk = "ander_datumkenmerk", "Ander datumkenmerk"
    eigenschap = "eigenschap", "Eigenschap"
    gerelateerde_zaak = "gerelateerde_zaak", "Gerelateerde zaak"
    hoofdzaak = "hoofdzaak", "Hoofdzaak"
    ingangsdatum_besluit = "ingangsdatum_besluit", "Ingangsdatum besluit"
    termijn = "termijn", "Termijn"
    vervaldatum_besluit = "vervaldatum_besluit", "Vervaldatum besluit"
    zaakobject = "zaakobject", "Zaakobject"


class Archiefnominatie(models.TextChoices):
    blijvend_bewaren = "blijvend_bewaren", "Blijvend bewaren"
    vernietigen = "vernietigen", "Vernietigen"


class FormaatEigenschap(models.TextChoices):
    tekst = "tekst", "Tekst"
    getal = "getal", "Getal"
    datum = "datum", "Datum"
    datum_tijd = "datum_tijd", "Datum/tijd"


class RolOmschrijving(models.TextChoices):
    adviseur = "adviseur", "Adviseur"
    behandelaar = "behandelaar", "Behandelaar"
    belanghebbende = "belanghebbende", "Belanghebbende"
    beslisser = "beslisser", "Beslisser"
    initiator = "initiator", "Initiator"
    klantcontacter = "klantcontacter", "Klantcontacter"
    zaakcoordinator = "zaakcoordinator", "Zaakcoördinator"
    mede_initiator = "mede_initiator", "Mede-initiator"


class Richting(models.TextChoices):
    inkomend = "inkomend", "Inkomend"
    intern = "intern", "Intern"
    uitgaand = "uitgaand", "Uitgaand"


class Objecttype(models.TextChoices):
    adres = "adres", "Adres"
    besluit = "besluit", "Besluit"
    buurt = "buurt", "Buurt"
    enkelvoudig_document = "enkelvoudig_document", "Enkelvoudig document"
    gemeente = "gemeente", "Gemeente"
    gemeentelijke_openbare_ruimte = "gemeentelijke_openbare_ruimte", "Gemeentelijke openbare ruimte"
    huishouden = "huishouden", "Huishouden"
    inrichtingselement = "inrichtingselement", "Inrichtingselement"
    kadastrale_onroerende_zaak = "kadastrale_onroerende_zaak", "Kadastrale onroerende zaak"
    kunstwerkdeel = "kunstwerkdeel", "Kunstwerkdeel"
    maatschappelijke_activiteit = "maatschappelijke_activiteit", "Maatschappelijke activiteit"
    medewerker = "medewerker", "Medewerker"
    natuurlijk_persoon = "natuurlijk_persoon", "Natuurlijk persoon"
    niet_natuurlijk_persoon = "niet_natuurlijk_persoon", "Niet-natuurlijk persoon"
    openbare_ruimte = "openbare_ruimte", "Openbare ruimte"
    organisatorische_eenheid = "organisatorische_eenheid", "Organisatorische eenheid"
    pand = "pand", "Pand"
    spoorbaandeel = "spoorbaandeel", "Spoorbaandeel"
    status = "status", "Status"
    terreindeel = "terreindeel", "Terreindeel"
    terrein_gebouwd_object = "terrein_gebouwd_object", "Terrein gebouwd object"
    vestiging = "vestiging", "Vestiging"
    waterdeel = "waterdeel", "Waterdeel"
    wegdeel = "wegdeel", "Wegdeel"
    wijk = "wijk", "Wijk"
    woonplaats = "woonplaats", "Woonplaats"
    woz_deelobject = "woz_deelobject", "WOZ-deelobject"
    woz_object = "woz_object", "WOZ-object"
    woz_waarde = "woz_waarde", "WOZ-waarde"
    zakelijk_recht = "zakelijk_recht", "Zakelijk recht"
    overige = "overige", "Overige"
