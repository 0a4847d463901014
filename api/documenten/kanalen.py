"""Notification kanaal of the Documenten API, kenmerken bronorganisatie, informatieobjecttype, vertrouwelijkheidaanduiding."""
KANAAL_DOCUMENTEN = "documenten"
