"""Notification kanaal of the Zaken API, with its kenmerken (the standard's list)."""
KANAAL_ZAKEN = "zaken"


def zaak_kenmerken(zaak, *, zaaktype_url: str, catalogus_url: str) -> dict:
    """The kenmerken of every `zaken` notification about `zaak` or one of its parts."""
    return {
        "bronorganisatie": zaak.bronorganisatie,
        "zaaktype": zaaktype_url,
        "zaaktype.catalogus": catalogus_url,
        "vertrouwelijkheidaanduiding": zaak.vertrouwelijkheidaanduiding,
    }
