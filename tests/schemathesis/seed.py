"""Seed data for the schemathesis gate: resources created through the API so generated requests reach real objects.

Every URL in the seed points at the server under test, including the
references that the standard leaves to other services (betrokkene,
contactpersoon, producten of diensten): they name resources on this host
that do not exist, so nothing the server could ever fetch leaves loopback.
"""
import base64
from dataclasses import dataclass, field

import requests

CATALOGI = "/catalogi/api/v1"
DOCUMENTEN = "/documenten/api/v1"
AUTORISATIES = "/autorisaties/api/v1"
REFERENTIELIJSTEN = "/referentielijsten/api/v1"
# From the embedded selectielijst data: a procestype of 2017 and one of its resultaten.
PROCESTYPE = "procestypen/e1b73b12-b2f6-4c4e-8929-94f84dd2a57d"


@dataclass
class Seed:
    """What set-up created, by URL; `protected` holds resources the run must never write (the gate's own applicatie)."""

    urls: list[str] = field(default_factory=list)
    protected: dict[str, str] = field(default_factory=dict)


class SeedClient:
    """JSON calls with the gate's token; any answer but the expected status stops set-up with the response."""

    def __init__(self, base_url: str, token: str):
        self.base_url = base_url
        self.session = requests.Session()
        self.session.trust_env = False
        self.session.headers.update({"Authorization": f"Bearer {token}", "Accept-Crs": "EPSG:4326"})

    def call(self, method: str, url: str, body: dict | None = None, *, expect: int) -> dict | list:
        url = url if url.startswith("http") else self.base_url + url
        response = self.session.request(method, url, json=body, timeout=60)
        if response.status_code != expect:
            raise RuntimeError(f"seed: {method} {url} answered {response.status_code}, not {expect}: {response.text}")
        return response.json() if response.content else {}


def seed_create(client: SeedClient, *, gate_client_id: str) -> Seed:
    """Create one of each kind the gate's components serve; published where the standard needs it published."""
    base = client.base_url
    seed = Seed()

    def create(path: str, body: dict) -> str:
        url = client.call("POST", path, body, expect=201)["url"]
        seed.urls.append(url)
        return url

    catalogus = create(f"{CATALOGI}/catalogussen", {
        "domein": "GATE", "rsin": "000000000", "contactpersoonBeheerNaam": "Beheer",
    })
    informatieobjecttype = create(f"{CATALOGI}/informatieobjecttypen", {
        "catalogus": catalogus, "omschrijving": "Gate document", "vertrouwelijkheidaanduiding": "openbaar",
        "informatieobjectcategorie": "formulier", "beginGeldigheid": "2024-01-01",
    })
    client.call("POST", f"{informatieobjecttype}/publish", expect=200)
    create(f"{CATALOGI}/informatieobjecttypen", {
        "catalogus": catalogus, "omschrijving": "Gate concept", "vertrouwelijkheidaanduiding": "openbaar",
        "informatieobjectcategorie": "brief", "beginGeldigheid": "2024-01-01",
    })
    create(f"{CATALOGI}/besluittypen", {
        "catalogus": catalogus, "omschrijving": "Gate besluit", "publicatieIndicatie": False,
        "informatieobjecttypen": [], "beginGeldigheid": "2024-01-01",
    })
    create(f"{CATALOGI}/zaaktypen", {
        "identificatie": "GATE-1", "omschrijving": "Gate zaak", "vertrouwelijkheidaanduiding": "openbaar",
        "doel": "Testen", "aanleiding": "Een gate", "indicatieInternOfExtern": "extern",
        "handelingInitiator": "aanvragen", "onderwerp": "Gate", "handelingBehandelaar": "behandelen",
        "doorlooptijd": "P30D", "opschortingEnAanhoudingMogelijk": False, "verlengingMogelijk": False,
        "publicatieIndicatie": False, "productenOfDiensten": [f"{base}/producten/1"],
        "selectielijstProcestype": f"{base}{REFERENTIELIJSTEN}/{PROCESTYPE}",
        "referentieproces": {"naam": "gate"}, "verantwoordelijke": "Team gate", "catalogus": catalogus,
        "besluittypen": [], "gerelateerdeZaaktypen": [], "beginGeldigheid": "2024-01-01", "versiedatum": "2024-01-01",
    })

    document = create(f"{DOCUMENTEN}/enkelvoudiginformatieobjecten", {
        "bronorganisatie": "000000000", "creatiedatum": "2024-01-01", "titel": "gate", "auteur": "gate",
        "taal": "dut", "informatieobjecttype": informatieobjecttype,
        "inhoud": base64.b64encode(b"schemathesis gate").decode(),
    })
    create(f"{DOCUMENTEN}/gebruiksrechten", {
        "informatieobject": document, "startdatum": "2024-01-01T00:00:00Z", "omschrijvingVoorwaarden": "intern",
    })
    create(f"{DOCUMENTEN}/verzendingen", {
        "informatieobject": document, "betrokkene": f"{base}/klanten/1", "aardRelatie": "geadresseerde",
        "contactPersoon": f"{base}/medewerkers/1", "verzenddatum": "2024-03-01",
        "binnenlandsCorrespondentieadres": {
            "huisnummer": 1, "naamOpenbareRuimte": "Gatestraat", "woonplaatsnaam": "Amsterdam", "postcode": "1015CJ",
        },
    })

    decoy = create(f"{AUTORISATIES}/applicaties", {
        "clientIds": ["schemathesis-decoy"], "label": "Gate decoy", "heeftAlleAutorisaties": False,
        "autorisaties": [{"component": "ztc", "componentWeergave": "Catalogi API", "scopes": ["catalogi.lezen"]}],
    })
    # /consumer answers the one applicatie of a client id.
    own = client.call("GET", f"{AUTORISATIES}/applicaties/consumer?clientId={gate_client_id}", expect=200)["url"]
    seed.protected[own] = decoy
    return seed
