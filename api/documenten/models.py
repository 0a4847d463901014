"""Backend-independent state of the Documenten API: the counters behind generated identificaties."""
from django.db import models


class IdentificatieCounter(models.Model):
    """The last number handed out per bronorganisatie and year (DOCUMENT-<year>-<number>)."""

    bronorganisatie = models.CharField(max_length=9)
    jaar = models.PositiveSmallIntegerField()
    laatste = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["bronorganisatie", "jaar"], name="identificatie_counter_uniq")]
