"""Notification kanaal of the Autorisaties API."""
KANAAL_AUTORISATIES = "autorisaties"
