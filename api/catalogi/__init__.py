"""Catalogi API 1.3.3: catalogussen and the zaak-, informatieobject- and besluittypen they hold."""
