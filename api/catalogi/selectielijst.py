"""Selectielijst rules (ztc-001..008): zaaktype procestype, resultaattype selectielijstklasse and brondatum.

Every Referentielijsten URL is checked against the API in use (the embedded
one, or `REFERENTIELIJSTEN_API_URL`), through `api.referentielijsten.selectors`.

- `selectielijstProcestype` must be a procestype of the Referentielijsten API.
- `resultaattypeomschrijving` must be a resultaattypeomschrijving; its
  omschrijving becomes the resultaattype's omschrijvingGeneriek.
- `selectielijstklasse` must be a resultaat of the zaaktype's procestype
  (`procestype-mismatch`); archiefnominatie and archiefactietermijn default
  to its waardering and bewaartermijn.
- The afleidingswijze of brondatumArchiefprocedure fits the resultaat's
  procestermijn (nihil: afgehandeld; ingeschatte bestaansduur: termijn) and
  decides which of its other fields are required and which must be empty.
"""
from urllib.parse import urlsplit

from rest_framework.exceptions import ErrorDetail, ValidationError

from api.common.exceptions import invalid
from api.common.fields import DurationField
from api.referentielijsten.selectors import procestype_for_url, resultaat_for_url, resultaattypeomschrijving_for_url

from .constants import Afleidingswijze as A
from .urlrefs import INVALID_RESOURCE

BRONDATUM = "brondatum_archiefprocedure_"
# Which brondatum fields each afleidingswijze requires; all others must be empty.
REQUIRED_FIELDS = {
    A.afgehandeld: set(),
    A.ander_datumkenmerk: {"datumkenmerk", "objecttype", "registratie"},
    A.eigenschap: {"datumkenmerk"},
    A.gerelateerde_zaak: set(),
    A.hoofdzaak: set(),
    A.ingangsdatum_besluit: set(),
    A.termijn: {"procestermijn"},
    A.vervaldatum_besluit: set(),
    A.zaakobject: {"datumkenmerk", "objecttype"},
}
OPTIONAL_FIELDS = {"einddatum_bekend"}
NO_EINDDATUM_BEKEND = {A.afgehandeld, A.termijn}
PROCESTERMIJN_AFLEIDINGSWIJZE = {"nihil": A.afgehandeld, "ingeschatte_bestaansduur_procesobject": A.termijn}


def validate_procestype(url: str) -> None:
    if url and procestype_for_url(url) is None:
        raise invalid("selectielijstProcestype", "De URL is geen procestype van de selectielijst.", INVALID_RESOURCE)


def resultaattype_derive(*, data: dict, zaaktype) -> dict:
    """Validate the selectielijst fields of a resultaattype and fill in what they imply."""
    data = dict(data)
    omschrijving = resultaattypeomschrijving_for_url(data["resultaattypeomschrijving"])
    if omschrijving is None:
        raise invalid(
            "resultaattypeomschrijving", "De URL is geen resultaattypeomschrijving.", INVALID_RESOURCE
        )
    data["omschrijving_generiek"] = omschrijving["omschrijving"]

    resultaat = resultaat_for_url(data["selectielijstklasse"])
    if resultaat is None:
        raise invalid("selectielijstklasse", "De URL is geen resultaat van de selectielijst.", INVALID_RESOURCE)
    if not data.get("archiefnominatie"):
        data["archiefnominatie"] = resultaat.get("waardering", "")
    if data.get("archiefactietermijn") is None and resultaat.get("bewaartermijn"):
        data["archiefactietermijn"] = DurationField().to_internal_value(resultaat["bewaartermijn"])
    # Field errors of the gegevensgroep come first; the rules across resources
    # are reported together, as the standard's tests expect.
    _validate_brondatum_fields(data)
    problems = _afleidingswijze_problems(data, procestermijn=resultaat.get("procestermijn") or "")
    if _uuid_of(resultaat["procesType"]) != _uuid_of(zaaktype.selectielijst_procestype):
        problems.append(ErrorDetail(
            "De selectielijstklasse hoort niet bij het selectielijstProcestype van het zaaktype.",
            code="procestype-mismatch",
        ))
    if problems:
        raise ValidationError({"nonFieldErrors": problems})
    return data


def _uuid_of(url: str) -> str:
    """The last path segment: a procestype's uuid, whichever host serves the selectielijst."""
    return urlsplit(url or "").path.rstrip("/").rsplit("/", 1)[-1]


def _afleidingswijze_problems(data: dict, *, procestermijn: str) -> list[ErrorDetail]:
    """The afleidingswijze must fit the selectielijstklasse's procestermijn (ztc-003)."""
    afleidingswijze = data.get(f"{BRONDATUM}afleidingswijze")
    expected = PROCESTERMIJN_AFLEIDINGSWIJZE.get(procestermijn)
    if not afleidingswijze or expected is None or afleidingswijze == expected:
        return []
    return [ErrorDetail(
        f"De afleidingswijze past niet bij de procestermijn '{procestermijn}' van de selectielijstklasse.",
        code="invalid-afleidingswijze-for-procestermijn",
    )]


def _validate_brondatum_fields(data: dict) -> None:
    """Which brondatumArchiefprocedure fields the afleidingswijze requires or forbids (ztc-004..008)."""
    afleidingswijze = data.get(f"{BRONDATUM}afleidingswijze")
    if not afleidingswijze:
        return
    required = REQUIRED_FIELDS[afleidingswijze]
    for name in ("datumkenmerk", "objecttype", "registratie", "procestermijn"):
        value = data.get(f"{BRONDATUM}{name}")
        label = f"brondatumArchiefprocedure.{name}"
        if name in required and value in (None, ""):
            raise invalid(label, f"Dit veld is vereist bij afleidingswijze {afleidingswijze}.", "required")
        if name not in required and value not in (None, ""):
            raise invalid(label, f"Dit veld moet leeg zijn bij afleidingswijze {afleidingswijze}.", "must-be-empty")
    if afleidingswijze in NO_EINDDATUM_BEKEND and data.get(f"{BRONDATUM}einddatum_bekend"):
        raise invalid(
            "brondatumArchiefprocedure.einddatumBekend",
            f"Dit veld moet leeg zijn bij afleidingswijze {afleidingswijze}.",
            "must-be-empty",
        )
