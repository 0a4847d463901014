"""OAS prose of the embedded Referentielijsten API 0.6 (kept out of the views)."""
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema

API_TITLE = "Referentielijsten API"
API_DESCRIPTION = """Een API om referentielijstwaarden en de gemeentelijke selectielijst te
benaderen. Deze service bevat een eigen, alleen-lezen kopie ervan, zodat zij
zonder verbinding met de landelijke Referentielijsten API werkt.

## Selectielijst

De [Gemeentelijke Selectielijst](https://vng.nl/selectielijst) is relevant in
het kader van archivering.

**Zaakgericht werken**

Bij het configureren van zaaktypen (en resultaattypen) in de Catalogi API
verwijzen een aantal attributen naar resources van deze API: de `ProcesType`
en `Resultaat` resources. De inhoud is die van de selectielijsten 2017 en 2020
zoals VNG Realisatie ze publiceert; alle resultaten horen bij de procestypen
van 2017.

## Referentielijsten

Referentielijsten bevatten een standaardset aan waarden die te dynamisch zijn
voor een enumeratie, maar die wel landelijk gestandaardiseerd worden, zoals
de generieke resultaattypeomschrijvingen. Voor communicatiekanalen levert deze
service geen waarden.

## Autorisatie

Deze API is alleen-lezen en behoeft geen autorisatie.
"""

PAGE = OpenApiParameter(
    "page",
    OpenApiTypes.INT,
    OpenApiParameter.QUERY,
    required=False,
    description="Een pagina binnen de gepagineerde set resultaten.",
)

COMMUNICATIEKANAAL = "Raadpleeg de lijst van communicatiekanalen."

PROCESTYPE = """Ontsluit de selectielijst procestypen.

Procestypen worden gerefereerd in zaaktypecatalogi - bij het configureren
van een zaaktype wordt aangegeven welk procestype van toepassing is, zodat
het archiefregime van zaken bepaald kan worden.

Zie https://vng.nl/files/vng/20170706-selectielijst-gemeenten-intergemeentelijke-organen-2017.pdf
voor de bron van de inhoud."""

RESULTAATTYPEOMSCHRIJVING = "Raadpleeg de generieke resultaattypeomschrijvingen."

RESULTAAT = """Ontsluit de selectielijst resultaten.

Bij een procestype horen meerdere mogelijke resultaten, al dan niet
generiek/specifiek. Bij het configureren van een resultaattype in het ZTC
wordt aangegeven welke selectielijstklasse van toepassing is, wat een
referentie is naar een item van deze resource.

Zie https://vng.nl/files/vng/20170706-selectielijst-gemeenten-intergemeentelijke-organen-2017.pdf
voor de bron van de inhoud."""

_PROCES_TYPE_FILTER = "URL-referentie naar een procestype van deze API; alleen de resultaten van dat procestype."

COMMUNICATIEKANAAL_VIEWSET = {
    "list": extend_schema(description=COMMUNICATIEKANAAL, parameters=[PAGE]),
    "retrieve": extend_schema(description=COMMUNICATIEKANAAL),
}

PROCESTYPE_VIEWSET = {
    "list": extend_schema(
        description=PROCESTYPE,
        parameters=[
            OpenApiParameter(
                "jaar",
                OpenApiTypes.INT,
                OpenApiParameter.QUERY,
                required=False,
                description="Het jaar van de selectielijst waartoe het procestype behoort, bijvoorbeeld 2017.",
            )
        ],
    ),
    "retrieve": extend_schema(description=PROCESTYPE),
}

RESULTAATTYPEOMSCHRIJVING_VIEWSET = {
    "list": extend_schema(description=RESULTAATTYPEOMSCHRIJVING),
    "retrieve": extend_schema(description=RESULTAATTYPEOMSCHRIJVING),
}

RESULTAAT_VIEWSET = {
    "list": extend_schema(
        description=RESULTAAT,
        parameters=[
            OpenApiParameter(
                "procesType", OpenApiTypes.URI, OpenApiParameter.QUERY, required=False, description=_PROCES_TYPE_FILTER
            ),
            OpenApiParameter(
                "proces_type",
                OpenApiTypes.URI,
                OpenApiParameter.QUERY,
                required=False,
                description=f"Als `procesType` (de naam in het OAS van VNG). {_PROCES_TYPE_FILTER}",
            ),
            PAGE,
        ],
    ),
    "retrieve": extend_schema(description=RESULTAAT),
}
