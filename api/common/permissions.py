"""Scope checks per action (the `required_scopes` of each viewset).

A viewset maps its actions to `Scope`s. Whether the caller holds the scope at
all is checked before the action runs. Checks against a specific object (its
type and vertrouwelijkheidaanduiding) are the viewset's: it passes the object's
restriction fields through `autorisatie_fields(obj)` for reads and writes of
existing objects, and services check new objects before they are written.
"""
from rest_framework.permissions import BasePermission

from .scopes import Scope


def required_scope(request, view) -> Scope | None:
    action = getattr(view, "action", None)
    if action is None:
        if getattr(view, "detail", False) and request.method == "HEAD":
            action = "retrieve"
        else:
            action = request.method.lower()
    return view.required_scopes.get(action)


class ScopesRequired(BasePermission):
    def has_permission(self, request, view) -> bool:
        if getattr(view, "action", "") is None:
            # An unmapped method on a viewset: let DRF answer 405.
            return True
        return request.jwt_auth.has_scope(required_scope(request, view))

    def has_object_permission(self, request, view, obj) -> bool:
        fields_for = getattr(view, "autorisatie_fields", None)
        if fields_for is None:
            return True
        return request.jwt_auth.has_scope(required_scope(request, view), **fields_for(obj))
