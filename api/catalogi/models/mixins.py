"""Shared model fields: the geldigheid period of every type and the concept flag of published types."""
import uuid as _uuid

from django.db import models


class APIModel(models.Model):
    """A resource addressed as `<model>-detail` by its uuid (vng_api_common's convention)."""

    uuid = models.UUIDField(unique=True, default=_uuid.uuid4)

    class Meta:
        abstract = True


class Geldigheid(models.Model):
    """begin/eindeGeldigheid and begin/eindeObject (historiemodel)."""

    begin_geldigheid = models.DateField()
    einde_geldigheid = models.DateField(null=True, blank=True)
    begin_object = models.DateField(null=True, blank=True)
    einde_object = models.DateField(null=True, blank=True)

    class Meta:
        abstract = True


class OptionalGeldigheid(Geldigheid):
    """Geldigheid of a part of a zaaktype, where the spec leaves beginGeldigheid optional."""

    begin_geldigheid = models.DateField(null=True, blank=True)

    class Meta:
        abstract = True


class Concept(models.Model):
    """A type is a concept until it is published; only concepts may change (ztc-009)."""

    concept = models.BooleanField(default=True, db_index=True)

    class Meta:
        abstract = True
