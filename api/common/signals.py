"""Cache invalidation: any change to who may do what takes effect on the next request."""
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from vng_api_common.authorizations.models import Applicatie, Autorisatie
from vng_api_common.models import JWTSecret

from .auth import bump_cache_generation
from .models import ApplicatieInstellingen


def _invalidate(**kwargs) -> None:
    # Bump now for this process and again after commit, so a request that read
    # the old rows between the two cannot keep them cached.
    bump_cache_generation()
    transaction.on_commit(bump_cache_generation)


for model in (Applicatie, ApplicatieInstellingen, Autorisatie, JWTSecret):
    post_save.connect(_invalidate, sender=model, dispatch_uid=f"zgw-auth-{model.__name__}-save")
    post_delete.connect(_invalidate, sender=model, dispatch_uid=f"zgw-auth-{model.__name__}-delete")
