"""Scopes: labels an autorisatie grants, combinable with | and & (vng_api_common)."""
from vng_api_common.scopes import Scope  # noqa: F401
