"""Choice lists of the selectielijst resultaten (Referentielijsten API 0.6, schema `Resultaat`)."""
from django.db import models


class Waardering(models.TextChoices):
    blijvend_bewaren = "blijvend_bewaren", "Blijvend bewaren"
    vernietigen = "vernietigen", "Vernietigen"


class Procestermijn(models.TextChoices):
    nihil = "nihil", "Nihil"
    bestaansduur_procesobject = (
        "bestaansduur_procesobject",
        "De bestaans- of geldigheidsduur van het procesobject.",
    )
    ingeschatte_bestaansduur_procesobject = (
        "ingeschatte_bestaansduur_procesobject",
        "De ingeschatte maximale bestaans- of geldigheidsduur van het procesobject.",
    )
    vast_te_leggen_datum = (
        "vast_te_leggen_datum",
        "De tijdens het proces vast te leggen datum waarop de geldigheid van het procesobject "
        "komt te vervallen.",
    )
    samengevoegd_met_bewaartermijn = (
        "samengevoegd_met_bewaartermijn",
        "De procestermijn is samengevoegd met de bewaartermijn.",
    )
