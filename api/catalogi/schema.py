"""OAS prose of the Catalogi API 1.3.3."""
API_TITLE = "Catalogi API"
API_DESCRIPTION = (
    "Een API om een zaaktypecatalogus (ZTC) te benaderen.\n\n"
    "De zaaktypecatalogus helpt gemeenten om het proces vanuit de 'vraag van een klant' (productaanvraag, "
    "melding, aangifte, informatieverzoek) tot en met het leveren van een passend antwoord daarop in te "
    "richten, inclusief de bijbehorende informatievoorziening. Een CATALOGUS bevat ZAAKTYPEn, "
    "INFORMATIEOBJECTTYPEn en BESLUITTYPEn; typen zijn concepten tot ze gepubliceerd worden."
)
