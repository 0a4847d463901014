"""OpenAPI documents per component: the schema and documentation URLs, and a correcting hook.

Each API gets its own document at `/<api>/api/v1/schema/openapi.yaml` (and
`.json`) built from that API's URL patterns only, with its paths relative to
its server URL, as the standard's documents are written, and its `_expand`
schemas (expand_schema.py).
"""
from django.urls import path
from django.conf import settings as django_settings
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView

from .components import API_VERSIONS


def schema_urls(
    api_name: str, *, patterns: list, title: str, description: str, schema_settings: dict | None = None
) -> list:
    """URL patterns serving one API's OAS (yaml and json) and a documentation page.

    `schema_settings` adjusts drf-spectacular for one API whose standard was
    generated differently (e.g. Autorisaties 1.0: read-only fields not
    required, PATCH with the full body schema).
    """
    schema_settings = dict(schema_settings or {})
    hooks = schema_settings.pop("POSTPROCESSING_HOOKS", django_settings.SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"])
    settings = {
        "TITLE": title,
        "DESCRIPTION": description,
        "VERSION": API_VERSIONS[api_name],
        "SERVERS": [{"url": f"/{api_name}/api/v1"}],
        "SCHEMA_PATH_PREFIX": "",
        # The `_expand` schemas come last, after an API's own hooks.
        "POSTPROCESSING_HOOKS": [*hooks, "api.common.expand_schema.expand_schema_hook"],
        **schema_settings,
    }
    schema_view = SpectacularAPIView.as_view(urlconf=patterns, custom_settings=settings)
    return [
        path("schema/openapi.yaml", schema_view, {"format": "yaml"}, name=f"{api_name}-schema"),
        path("schema/openapi.json", schema_view, {"format": "json"}, name=f"{api_name}-schema-json"),
        path("schema/", SpectacularRedocView.as_view(url_name=f"{api_name}-schema"), name=f"{api_name}-docs"),
    ]


BLANK_STRING = {"type": "string", "maxLength": 0}


def blank_alternative_as_any_of(result, generator, request, public):
    """drf-spectacular hook: a format string that may be blank becomes `anyOf: [format, blank]`.

    drf-spectacular writes `oneOf`; a validator that does not check the format
    (`uri` needs an extra package in jsonschema) finds "" valid under both
    alternatives and so refuses it. `anyOf` says the same and holds either way.
    """

    def walk(node):
        if isinstance(node, dict):
            if BLANK_STRING in node.get("oneOf", ()) and len(node["oneOf"]) == 2:
                node["anyOf"] = node.pop("oneOf")
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(result)
    return result
