"""The Applicatie/Autorisatie models, secrets and serializers (from vng_api_common), and our ApplicatieInstellingen.

Re-exported here so components and the Autorisaties API reach them through
`api.common` only (ARCHITECTURE.md § Dependency rules). The serializers fix one
gap of the library: its AutorisatieValidator reads every type field of the
component and crashed (500) when a client omitted one; omitted fields now
count as blank, so the client gets the 400 `required` the spec prescribes.
The library also accepts components that Autorisaties API 1.0 and 1.1 do not know
(cmc, kc, vrc); `component` takes the spec's six only.
"""
from vng_api_common.authorizations.models import Applicatie, Autorisatie
from vng_api_common.authorizations.serializers import (
    ApplicatieSerializer as _ApplicatieSerializer,
)
from vng_api_common.authorizations.serializers import AutorisatieBaseSerializer
from vng_api_common.models import JWTSecret

from .models import ApplicatieInstellingen

__all__ = [
    "Applicatie",
    "ApplicatieInstellingen",
    "ApplicatieSerializer",
    "Autorisatie",
    "AutorisatieSerializer",
    "JWTSecret",
]

COMPONENTS = ("ac", "nrc", "zrc", "ztc", "drc", "brc")
RESTRICTION_FIELDS = ("zaaktype", "informatieobjecttype", "besluittype", "max_vertrouwelijkheidaanduiding")


class AutorisatieSerializer(AutorisatieBaseSerializer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        component = self.fields["component"]
        component.choices = [(value, label) for value, label in component.choices.items() if value in COMPONENTS]
        component.help_text = "Component waarop autorisatie van toepassing is.\n\nUitleg bij mogelijke waarden:\n\n" + (
            "\n".join(f"* `{value}` - {label}" for value, label in component.choices.items())
        )

    def run_validators(self, value):
        if isinstance(value, dict):
            for field in RESTRICTION_FIELDS:
                value.setdefault(field, "")
        super().run_validators(value)


class ApplicatieSerializer(_ApplicatieSerializer):
    autorisaties = AutorisatieSerializer(many=True, required=False)

    class Meta(_ApplicatieSerializer.Meta):
        pass
