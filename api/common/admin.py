"""Admin for the notification outbox: failed deliveries are visible and can be sent again.

Outbox rows are a record of what was announced, so they are read-only here;
the "opnieuw verzenden" action puts rows back in the queue and tries the first
few at once (the periodic sweep delivers the rest).
"""
import json

from django.conf import settings
from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.text import Truncator
from vng_api_common.authorizations.models import AuthorizationsConfig

from .models import OutboxNotification
from .notifications import notification_deliver, notifications_resend

# Delivering is an HTTP call with a timeout each; more than this many in one
# admin request would keep the operator waiting, so the sweep takes the rest.
RESEND_NOW_LIMIT = 20

# This service is its own Autorisaties API; the settings for a remote one do not apply.
if admin.site.is_registered(AuthorizationsConfig):
    admin.site.unregister(AuthorizationsConfig)


@admin.register(OutboxNotification)
class OutboxNotificationAdmin(admin.ModelAdmin):
    list_display = ("aanmaakdatum", "kanaal", "resource", "actie", "status", "attempts", "next_attempt_at", "fout")
    list_filter = ("status", "kanaal", "resource", "actie")
    search_fields = ("resource_url", "hoofd_object", "last_error")
    date_hierarchy = "aanmaakdatum"
    actions = ("resend",)
    fieldsets = (
        (None, {"fields": ("kanaal", "resource", "actie", "hoofd_object", "resource_url", "aanmaakdatum", "bericht")}),
        ("Verzending", {"fields": ("status", "attempts", "next_attempt_at", "delivered_at", "last_error")}),
    )
    readonly_fields = ("bericht",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_resend_permission(self, request) -> bool:
        return request.user.has_perm("common.change_outboxnotification")

    @admin.display(description="fout")
    def fout(self, obj: OutboxNotification) -> str:
        return Truncator(obj.last_error).chars(80)

    @admin.display(description="bericht")
    def bericht(self, obj: OutboxNotification) -> str:
        return format_html("<pre>{}</pre>", json.dumps(obj.message(), indent=2, ensure_ascii=False))

    @admin.action(description="Opnieuw verzenden", permissions=["resend"])
    def resend(self, request, queryset) -> None:
        pks = list(queryset.order_by("aanmaakdatum").values_list("pk", flat=True))
        notifications_resend(pks)
        if not settings.NOTIFICATIONS_API_URL:
            self.message_user(
                request,
                f"{len(pks)} notificatie(s) wachten opnieuw; er is geen Notificaties API ingesteld "
                "(NOTIFICATIONS_API_URL), dus er wordt nu niets verzonden.",
                messages.WARNING,
            )
            return
        now = pks[:RESEND_NOW_LIMIT]
        delivered = sum(notification_deliver(pk) for pk in now)
        self.message_user(request, f"{delivered} van {len(now)} notificatie(s) verzonden.", messages.INFO)
        if delivered < len(now):
            self.message_user(
                request,
                f"{len(now) - delivered} notificatie(s) niet verzonden; zie de fout per notificatie. "
                "Ze worden later opnieuw geprobeerd.",
                messages.WARNING,
            )
        if len(pks) > len(now):
            self.message_user(
                request, f"{len(pks) - len(now)} notificatie(s) volgen via de periodieke verzending.", messages.INFO
            )
