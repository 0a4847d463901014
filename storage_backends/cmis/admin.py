"""Admin for the CMIS backend's intent log: what was written to the repository, what failed and why.

Read-only: intents are settled by the backend and the reconciler, never by hand.
A pending intent older than a few minutes is a write the reconciler will
settle on its next run (`manage.py reconcile_cmis`).
"""
from django.contrib import admin

from .models import Intent


@admin.register(Intent)
class IntentAdmin(admin.ModelAdmin):
    list_display = ("created", "operation", "uuid", "versie", "state", "object_id")
    list_filter = ("state", "operation")
    search_fields = ("uuid", "object_id", "detail")
    date_hierarchy = "created"
    readonly_fields = ("operation", "uuid", "versie", "object_id", "state", "detail", "created")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
