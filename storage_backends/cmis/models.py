"""What the CMIS backend keeps in PostgreSQL besides its index: where each indexed thing lives in the repository,
the intent log of writes in flight, and the reconciler's progress.

The index itself (documents, versions, relations, locks, parts) is the
database backend's tables: the same rows answer lists, filters, `_zoek`,
counts and autorisatie for both backends. A row there that the CMIS backend
wrote has a RepositoryObject here naming its repository object.
"""
from django.db import models


class RepositoryObject(models.Model):
    """The repository object of an indexed document version (`versie` set) or relation item (`versie` null)."""

    uuid = models.UUIDField()
    versie = models.PositiveIntegerField(null=True)
    object_id = models.CharField(max_length=255)
    last_modified = models.DateTimeField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["uuid", "versie"], name="repository_version_uniq"),
            models.UniqueConstraint(fields=["uuid"], condition=models.Q(versie__isnull=True), name="repository_item_uniq"),
        ]
        indexes = [models.Index(fields=["object_id"], name="repository_object_idx")]


class Intent(models.Model):
    """A repository write in flight (CMIS.md §3.6): committed before the write, settled in the transaction after it.

    An intent still `pending` after its write's time is up was cut off between
    the repository and the database; the reconciler settles it: a created
    object that was never indexed is deleted, anything else is re-read from
    the repository.
    """

    PENDING, DONE, FAILED = "pending", "done", "failed"

    operation = models.CharField(max_length=40)
    uuid = models.UUIDField()
    versie = models.PositiveIntegerField(null=True)  # the API version a document write makes (or completes)
    object_id = models.CharField(max_length=255, blank=True)
    state = models.CharField(max_length=10, default=PENDING)
    detail = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "CMIS-schrijfactie"
        verbose_name_plural = "CMIS-schrijfacties"
        indexes = [models.Index(fields=["state", "created"], name="intent_state_idx")]

    def __str__(self) -> str:
        return f"{self.operation} {self.uuid} ({self.state})"


class ReconcilerState(models.Model):
    """The repository time up to which the index is known to be complete (one row)."""

    synced_until = models.DateTimeField(null=True)
