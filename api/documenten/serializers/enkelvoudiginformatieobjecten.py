"""Serializers of ENKELVOUDIGINFORMATIEOBJECT: validation of what clients write, rendering of backend documents.

Documents come from the backend as `storage_backends.base.Document`
dataclasses; these serializers read their attributes and never touch a
backend's tables. `inhoud` is written as base64 (decoded into a spooled
temporary file, not kept in memory) and rendered as the download URL.
"""
import base64
import binascii
import tempfile

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from storage_backends.base import VERTROUWELIJKHEID_ORDER, ContentIn

from .bestandsdelen import BestandsDeelSerializer
from .fields import SelfUrlField

STATUS_CHOICES = ("in_bewerking", "concept", "definitief", "ter_vaststelling", "vastgesteld", "gearchiveerd")
NOT_WHEN_RECEIVED = ("in_bewerking", "ter_vaststelling")
SPOOL_SIZE = 1024 * 1024
DECODE_CHUNK = 4 * 1024 * 1024  # a multiple of 4: whole base64 quanta


class Base64ContentField(serializers.Field):
    """Base64 text into a ContentIn over a spooled temporary file."""

    default_error_messages = {"invalid": "De inhoud is geen geldige base64."}

    def to_internal_value(self, data) -> ContentIn:
        if not isinstance(data, str):
            self.fail("invalid")
        text = "".join(data.split())
        spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_SIZE)
        try:
            for start in range(0, len(text), DECODE_CHUNK):
                spool.write(base64.b64decode(text[start : start + DECODE_CHUNK], validate=True))
        except (binascii.Error, ValueError):
            spool.close()
            self.fail("invalid")
        size = spool.tell()
        spool.seek(0)
        return ContentIn(stream=spool, size=size)

    def get_attribute(self, instance):
        # The download URL is made from the whole document (uuid, versie, whether it has content).
        return instance

    def to_representation(self, document) -> str | None:
        if not document.has_content:
            return None
        url = reverse(
            "enkelvoudiginformatieobject-download", kwargs={"uuid": document.uuid}, request=self.context.get("request")
        )
        return f"{url}?versie={document.versie}"


@extend_schema_field({"type": "boolean", "default": False})
class DefaultFalseField(serializers.BooleanField):
    """A flag that is false when a create leaves it out (services.py keeps it on an update)."""


class OndertekeningSerializer(serializers.Serializer):
    """Given whole or not at all (null); a document without one renders null."""

    soort = serializers.ChoiceField(choices=("analoog", "digitaal", "pki"))
    datum = serializers.DateField()


class IntegriteitSerializer(serializers.Serializer):
    """Given whole or not at all (null); a document without one renders null."""

    algoritme = serializers.ChoiceField(
        choices=(
            "crc_16", "crc_32", "crc_64", "fletcher_4", "fletcher_8", "fletcher_16", "fletcher_32", "hmac", "md5",
            "sha_1", "sha_256", "sha_512", "sha_3",
        ),
    )
    waarde = serializers.CharField(max_length=128)
    datum = serializers.DateField()


class EnkelvoudigInformatieObjectSerializer(serializers.Serializer):
    url = SelfUrlField()
    identificatie = serializers.CharField(max_length=40, required=False, allow_blank=True)
    bronorganisatie = serializers.RegexField(r"^\d{9}$", max_length=9)
    creatiedatum = serializers.DateField()
    titel = serializers.CharField(max_length=200)
    vertrouwelijkheidaanduiding = serializers.ChoiceField(choices=VERTROUWELIJKHEID_ORDER, required=False, allow_blank=True)
    auteur = serializers.CharField(max_length=200)
    status = serializers.ChoiceField(choices=STATUS_CHOICES, required=False, allow_blank=True)
    formaat = serializers.CharField(max_length=255, required=False, allow_blank=True)
    taal = serializers.CharField(min_length=3, max_length=3)
    versie = serializers.IntegerField(read_only=True)
    begin_registratie = serializers.DateTimeField(read_only=True)
    bestandsnaam = serializers.CharField(max_length=255, required=False, allow_blank=True)
    inhoud = Base64ContentField(required=False, allow_null=True)
    bestandsomvang = serializers.IntegerField(min_value=0, max_value=2**63 - 1, required=False, allow_null=True)
    link = serializers.URLField(max_length=200, required=False, allow_blank=True)
    beschrijving = serializers.CharField(max_length=1000, required=False, allow_blank=True)
    ontvangstdatum = serializers.DateField(required=False, allow_null=True)
    verzenddatum = serializers.DateField(required=False, allow_null=True)
    indicatie_gebruiksrecht = serializers.BooleanField(required=False, allow_null=True)
    verschijningsvorm = serializers.CharField(required=False, allow_blank=True)
    ondertekening = OndertekeningSerializer(required=False, allow_null=True)
    integriteit = IntegriteitSerializer(required=False, allow_null=True)
    informatieobjecttype = serializers.URLField(max_length=200)
    locked = serializers.BooleanField(read_only=True)
    bestandsdelen = BestandsDeelSerializer(many=True, read_only=True)
    trefwoorden = serializers.ListField(
        child=serializers.CharField(max_length=100), required=False, allow_null=True
    )
    inhoud_is_vervallen = serializers.BooleanField(required=False, allow_null=True)
    tonen_aan_initiator = DefaultFalseField(required=False)
    is_gereed_voor_publicatie = serializers.BooleanField(required=False, allow_null=True)

    def get_url(self, document) -> str:
        return reverse(
            "enkelvoudiginformatieobject-detail", kwargs={"uuid": document.uuid}, request=self.context.get("request")
        )

    def to_representation(self, document):
        data = super().to_representation(document)
        context = {**self.context, "lock": document.lock}
        data["bestandsdelen"] = [BestandsDeelSerializer(part, context=context).data for part in document.parts]
        for name in ("ondertekening", "integriteit"):
            if not any(data[name].values()):
                data[name] = None
        return data

    def validate(self, attrs):
        status = attrs.get("status") or getattr(self.instance, "status", "")
        ontvangen = attrs.get("ontvangstdatum", getattr(self.instance, "ontvangstdatum", None))
        if ontvangen and status in NOT_WHEN_RECEIVED:
            raise serializers.ValidationError(
                {"status": serializers.ErrorDetail(
                    "De status kan niet 'in bewerking' of 'ter vaststelling' zijn als er een ontvangstdatum is.",
                    code="invalid_for_received",
                )}
            )
        return attrs


class EnkelvoudigInformatieObjectWithLockSerializer(EnkelvoudigInformatieObjectSerializer):
    lock = serializers.CharField(write_only=True)


class LockSerializer(serializers.Serializer):
    lock = serializers.CharField(read_only=True)


class UnlockSerializer(serializers.Serializer):
    lock = serializers.CharField(required=False, allow_blank=True, max_length=100)


class EIOZoekSerializer(serializers.Serializer):
    """The body of POST /enkelvoudiginformatieobjecten/_zoek; 1.5 clients send `uuid_In`, which parses the same."""

    uuid__in = serializers.ListField(
        child=serializers.UUIDField(), allow_empty=True, help_text="Array of unieke resource identifiers (UUID4)"
    )
    identificatie = serializers.CharField(required=False, allow_blank=True)
    bronorganisatie = serializers.CharField(required=False, allow_blank=True)
    expand = serializers.CharField(required=False, help_text="Komma-gescheiden: informatieobjecttype.")
