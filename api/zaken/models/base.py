"""What every Zaken resource shares: a uuid to address it by (`<model>-detail`)."""
import uuid as _uuid

from django.db import models


class APIModel(models.Model):
    uuid = models.UUIDField(unique=True, default=_uuid.uuid4)

    class Meta:
        abstract = True
