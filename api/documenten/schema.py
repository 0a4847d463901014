"""OAS prose of the Documenten API 1.5.0."""
API_TITLE = "Documenten API"
API_DESCRIPTION = (
    "Een API om een documentregistratiecomponent (DRC) te benaderen.\n\n"
    "Een INFORMATIEOBJECT is een digitaal document voorzien van meta-gegevens; elke wijziging maakt een nieuwe "
    "versie. De inhoud staat, afhankelijk van de installatie, op schijf, in S3 of in een CMIS-repository."
)
