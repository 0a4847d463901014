"""Notification kanalen of the Catalogi API: one per published type, kenmerk `catalogus`."""
KANAAL_ZAAKTYPEN = "zaaktypen"
KANAAL_INFORMATIEOBJECTTYPEN = "informatieobjecttypen"
KANAAL_BESLUITTYPEN = "besluittypen"
