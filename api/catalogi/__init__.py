"""Catalogi API 1.3.1: catalogussen and the zaak-, informatieobject- and besluittypen they hold."""
