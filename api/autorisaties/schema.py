"""OAS of the Autorisaties API 1.1 kept out of the views: prose, and autorisaties typed as the standard types them."""
from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.plumbing import ResolvedComponent
from drf_spectacular.settings import spectacular_settings
from drf_spectacular.utils import extend_schema

API_TITLE = "Autorisaties API"
API_DESCRIPTION = """Een API om een Autorisaties API (AC) te benaderen.

De `AUTORISATIE` is het kernobject in deze API. Autorisaties worden toegekend
aan applicaties. Een applicatie is een representatie van een (web) app die
communiceert met de API van (andere) componenten, zoals het ZRC, DRC, ZTC en
BRC.

Deze API publiceert notificaties op het kanaal `autorisaties`.
"""

CONSUMER_CLIENT_ID = "Geef het client ID op waarvoor je de applicatie wil opvragen."

APPLICATIE_VIEWSET = {
    "list": extend_schema(
        summary="Geef een collectie van applicaties, met ingesloten autorisaties.",
        description=(
            "De autorisaties zijn gedefinieerd op een specifieke component, bijvoorbeeld het ZRC, "
            "en geven aan welke scopes van toepassing zijn voor dit component. De waarde van de "
            "`component` bepaalt ook welke verdere informatie ingesloten is, zoals `zaaktype` en "
            "`maxVertrouwelijkheidaanduiding` voor het ZRC.\n\n"
            "De collectie kan doorzocht worden met de ``clientIds`` query parameter."
        ),
    ),
    "retrieve": extend_schema(
        summary="Vraag een applicatie op, met ingesloten autorisaties.",
        description="Vraag een applicatie op, met ingesloten autorisaties.",
    ),
    "create": extend_schema(
        summary="Registreer een applicatie met een set van autorisaties.",
        description=(
            "Maak een applicatie aan met de autorisaties die van toepassing zijn. "
            "Een `clientId` mag slechts bij één applicatie voorkomen; een applicatie heeft "
            "ofwel `heeftAlleAutorisaties`, ofwel expliciete autorisaties. Autorisaties op "
            "zaken, documenten en besluiten vereisen het type en (voor zaken en documenten) "
            "de maximale vertrouwelijkheidaanduiding."
        ),
    ),
    "update": extend_schema(
        summary="Werk de applicatie bij.",
        description="De autorisaties worden in hun geheel vervangen door de opgegeven autorisaties.",
    ),
    "partial_update": extend_schema(
        summary="Werk (een deel van) de applicatie bij.",
        description="Opgegeven autorisaties vervangen de bestaande autorisaties in hun geheel.",
    ),
    "destroy": extend_schema(
        summary="Verwijder een applicatie met de bijhorende autorisaties.",
        description="Verwijder een applicatie met de bijhorende autorisaties.",
    ),
}

CONSUMER = {
    "summary": "Vraag een applicatie op, op basis van clientId",
    "description": (
        "Gegeven een `clientId`, via de query string, zoek de bijbehorende applicatie op. "
        "Het antwoord bevat de applicatie met ingesloten autorisaties."
    ),
}


class AutorisatieSchema(OpenApiSerializerExtension):
    """`AutorisatieBase` with a discriminator on `component`; per component (`zrc`, …) the base plus its fields.

    That is the standard's shape. vng_api_common's extension makes a `oneOf` of
    the components instead, and ac, nrc and ztc have the same fields: a
    validator that ignores the discriminator finds an ac autorisatie valid
    under three alternatives and refuses it.
    """

    target_class = "api.common.autorisaties.AutorisatieSerializer"
    priority = 1  # before vng_api_common's PolymorphicSerializerExtension

    def get_name(self, auto_schema, direction):
        return "AutorisatieBase"

    def map_serializer(self, auto_schema, direction):
        suffix = "Request" if direction == "request" and spectacular_settings.COMPONENT_SPLIT_REQUEST else ""
        base = auto_schema._map_serializer(self.target, direction, bypass_extensions=True)
        mapping = {}
        for component, fields in self.target.discriminator.mapping.items():
            parts = [{"$ref": f"#/components/schemas/AutorisatieBase{suffix}"}]
            if fields and fields.fields:
                parts.append(auto_schema.resolve_serializer(fields, direction).ref)
            name = f"{component.value}{suffix}"
            auto_schema.registry.register_on_missing(
                ResolvedComponent(name=name, type=ResolvedComponent.SCHEMA, object=name, schema={"type": "object", "allOf": parts})
            )
            mapping[component.value] = f"#/components/schemas/{name}"
        return {**base, "discriminator": {"propertyName": "component", "mapping": mapping}}
