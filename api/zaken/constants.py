"""Enumerations of the Zaken API 1.7.0 (the spec's *Enum schemas) that Catalogi does not already define."""
from django.db import models

from api.catalogi.constants import Archiefnominatie, Objecttype, RolOmschrijving  # noqa: F401
from api.common.constants import VertrouwelijkheidsAanduiding  # noqa: F401


class Betalingsindicatie(models.TextChoices):
    nvt = "nvt", "Er is geen sprake van te betalen, met de zaak gemoeide, kosten."
    nog_niet = "nog_niet", "De met de zaak gemoeide kosten zijn (nog) niet betaald."
    gedeeltelijk = "gedeeltelijk", "De met de zaak gemoeide kosten zijn gedeeltelijk betaald."
    geheel = "geheel", "De met de zaak gemoeide kosten zijn geheel betaald."


class Archiefstatus(models.TextChoices):
    nog_te_archiveren = "nog_te_archiveren", "De zaak cq. het zaakdossier is nog niet als geheel gearchiveerd."
    gearchiveerd = "gearchiveerd", "De zaak cq. het zaakdossier is als geheel niet-wijzigbaar bewaarbaar gemaakt."
    gearchiveerd_procestermijn_onbekend = (
        "gearchiveerd_procestermijn_onbekend",
        "De zaak cq. het zaakdossier is als geheel niet-wijzigbaar bewaarbaar gemaakt maar de vernietigingsdatum "
        "kan nog niet bepaald worden.",
    )
    overgedragen = "overgedragen", "De zaak cq. het zaakdossier is overgebracht naar een archiefbewaarplaats."


class AardRelatieZaken(models.TextChoices):
    """The aard of a relevante andere zaak."""

    vervolg = "vervolg", "De andere zaak gaf aanleiding tot het starten van de onderhanden zaak."
    onderwerp = "onderwerp", "De andere zaak is relevant voor cq. is onderwerp van de onderhanden zaak."
    bijdrage = "bijdrage", "Aan het bereiken van de uitkomst van de andere zaak levert de onderhanden zaak een bijdrage."


class BetrokkeneType(models.TextChoices):
    natuurlijk_persoon = "natuurlijk_persoon", "Natuurlijk persoon"
    niet_natuurlijk_persoon = "niet_natuurlijk_persoon", "Niet-natuurlijk persoon"
    vestiging = "vestiging", "Vestiging"
    organisatorische_eenheid = "organisatorische_eenheid", "Organisatorische eenheid"
    medewerker = "medewerker", "Medewerker"


class IndicatieMachtiging(models.TextChoices):
    gemachtigde = "gemachtigde", "De betrokkene in de rol bij de zaak is door een andere betrokkene gemachtigd."
    machtiginggever = "machtiginggever", "De betrokkene in de rol bij de zaak heeft een andere betrokkene gemachtigd."


class NotitieType(models.TextChoices):
    intern = "intern", "Intern"
    extern = "extern", "Extern"


class NotitieStatus(models.TextChoices):
    concept = "concept", "Concept"
    definitief = "definitief", "Definitief"


# The aard of a zaakinformatieobject's relation (zrc-004): always "hoort_bij" for a zaak.
AARD_RELATIE_HOORT_BIJ = "hoort_bij"
AARD_RELATIE_WEERGAVE = {
    "hoort_bij": "Hoort bij, omgekeerd: kent",
    "legt_vast": "Legt vast, omgekeerd: kan vastgelegd zijn als",
}
