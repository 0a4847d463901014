"""Links from a zaak to resources of other APIs: klantcontacten, contactmomenten, verzoeken, besluiten."""
from django.db import models

from .base import APIModel


class KlantContact(APIModel):
    zaak = models.ForeignKey("zaken.Zaak", on_delete=models.CASCADE, related_name="klantcontacten")
    identificatie = models.CharField(max_length=14)
    datumtijd = models.DateTimeField()
    kanaal = models.CharField(max_length=20, blank=True)
    onderwerp = models.CharField(max_length=200, blank=True)
    toelichting = models.CharField(max_length=1000, blank=True)

    class Meta:
        verbose_name = "klantcontact"
        verbose_name_plural = "klantcontacten"


class ZaakContactMoment(APIModel):
    zaak = models.ForeignKey("zaken.Zaak", on_delete=models.CASCADE, related_name="zaakcontactmomenten")
    contactmoment = models.URLField(max_length=1000)

    class Meta:
        verbose_name = "zaakcontactmoment"
        verbose_name_plural = "zaakcontactmomenten"
        indexes = [models.Index(fields=["contactmoment"])]


class ZaakVerzoek(APIModel):
    zaak = models.ForeignKey("zaken.Zaak", on_delete=models.CASCADE, related_name="zaakverzoeken")
    verzoek = models.URLField(max_length=1000)

    class Meta:
        verbose_name = "zaakverzoek"
        verbose_name_plural = "zaakverzoeken"
        indexes = [models.Index(fields=["verzoek"])]


class ZaakBesluit(APIModel):
    """A besluit about the zaak; the Besluiten API records these when a besluit names its zaak."""

    zaak = models.ForeignKey("zaken.Zaak", on_delete=models.CASCADE, related_name="zaakbesluiten")
    besluit = models.URLField(max_length=1000)

    class Meta:
        verbose_name = "zaakbesluit"
        verbose_name_plural = "zaakbesluiten"
        constraints = [models.UniqueConstraint(fields=["zaak", "besluit"], name="zaakbesluit_unique")]
