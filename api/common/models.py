"""Models of the shared layer: the notification outbox and what an applicatie holds beyond the library's model.

OutboxNotification: notifications recorded with their change, delivered after
commit. ApplicatieInstellingen: Autorisaties 1.1 `alleenIsGereedVoorPublicatie`
(vng_api_common's Applicatie has no such field; the auth query reads it here).
"""
from django.db import models
from django.utils import timezone
from vng_api_common.authorizations.models import Applicatie


class OutboxNotification(models.Model):
    """One notification for the Notificaties API (NRC `Notificatie` message)."""

    class Status(models.TextChoices):
        PENDING = "pending", "Wacht op verzending"
        DELIVERED = "delivered", "Verzonden"
        FAILED = "failed", "Mislukt (opgegeven)"

    kanaal = models.CharField(max_length=50)
    hoofd_object = models.URLField(max_length=1000)
    resource = models.CharField(max_length=100)
    resource_url = models.URLField(max_length=1000)
    actie = models.CharField(max_length=100)
    aanmaakdatum = models.DateTimeField(default=timezone.now)
    kenmerken = models.JSONField(default=dict, blank=True)

    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.TextField(blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "notificatie (outbox)"
        verbose_name_plural = "notificaties (outbox)"
        ordering = ["-aanmaakdatum"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due_idx")]

    def __str__(self):
        return f"{self.kanaal} {self.resource} {self.actie} ({self.get_status_display()})"

    def message(self) -> dict:
        """The body the Notificaties API expects on POST /notificaties."""
        return {
            "kanaal": self.kanaal,
            "hoofdObject": self.hoofd_object,
            "resource": self.resource,
            "resourceUrl": self.resource_url,
            "actie": self.actie,
            "aanmaakdatum": self.aanmaakdatum.isoformat(),
            "kenmerken": self.kenmerken,
        }


class ApplicatieInstellingen(models.Model):
    """Autorisaties 1.1 fields of one applicatie; an applicatie without a row has their defaults."""

    applicatie = models.OneToOneField(
        Applicatie, on_delete=models.CASCADE, primary_key=True, related_name="instellingen"
    )
    alleen_is_gereed_voor_publicatie = models.BooleanField(
        "alleen gereed voor publicatie",
        default=False,
        help_text="Indien aangevinkt mag de applicatie alleen documenten lezen die gereed zijn voor publicatie.",
    )

    class Meta:
        # api/common/auth.py names this table in its one client query.
        db_table = "common_applicatieinstellingen"
        verbose_name = "applicatie-instellingen"
        verbose_name_plural = "applicatie-instellingen"

    def __str__(self):
        return f"instellingen van {self.applicatie}"
