"""OAS prose of the Documenten API 1.7.0, and the one correction its served document needs."""
from django.conf import settings

API_TITLE = "Documenten API"
API_DESCRIPTION = (
    "Een API om een documentregistratiecomponent (DRC) te benaderen.\n\n"
    "Een INFORMATIEOBJECT is een digitaal document voorzien van meta-gegevens; elke wijziging maakt een nieuwe "
    "versie. De inhoud staat, afhankelijk van de installatie, op schijf, in S3 of in een CMIS-repository."
)


def uuid_in_as_spelled(result, generator, request, public):
    """`uuid__in` of the _zoek body as Documenten 1.7 spells it.

    Camelizing the served names makes it `uuid_In` (1.5's spelling). Both
    parse to `uuid__in`, so a 1.5 client sending `uuid_In` keeps working.
    """
    schema = result["components"]["schemas"].get("EIOZoekRequest")
    if schema and "uuid_In" in schema["properties"]:
        schema["properties"] = {
            ("uuid__in" if name == "uuid_In" else name): value for name, value in schema["properties"].items()
        }
        schema["required"] = ["uuid__in" if name == "uuid_In" else name for name in schema.get("required", [])]
    return result


SCHEMA_SETTINGS = {
    "POSTPROCESSING_HOOKS": [*settings.SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"], f"{__name__}.uuid_in_as_spelled"],
}
