"""ROLTYPE: a role a betrokkene may play in zaken of a zaaktype."""
from django.db import models

from ..constants import RolOmschrijving
from .mixins import APIModel, OptionalGeldigheid


class RolType(APIModel, OptionalGeldigheid):
    zaaktype = models.ForeignKey("catalogi.ZaakType", on_delete=models.CASCADE, related_name="roltypen")
    omschrijving = models.CharField(max_length=100)
    omschrijving_generiek = models.CharField(max_length=20, choices=RolOmschrijving.choices, db_index=True)

    class Meta:
        verbose_name = "roltype"
        verbose_name_plural = "roltypen"

    def __str__(self):
        return self.omschrijving
