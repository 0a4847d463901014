"""OAS prose of the Zaken API 1.7.0."""
API_TITLE = "Zaken API"
API_DESCRIPTION = (
    "Een API om een zaakregistratiecomponent (ZRC) te benaderen.\n\n"
    "De ZAAK is het kernobject in deze API, waaraan verschillende andere resources gerelateerd zijn. "
    "De Zaken API werkt samen met andere API's voor Zaakgericht werken om tot volledige functionaliteit "
    "te komen.\n\n"
    "Deze API publiceert notificaties op het kanaal `zaken` (hoofdobject `zaak`; kenmerken "
    "`bronorganisatie`, `zaaktype`, `zaaktype.catalogus` en `vertrouwelijkheidaanduiding`)."
)
