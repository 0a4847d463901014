"""The served OpenAPI documents cover the standard's (../shared/tools/oas_coverage.py)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.test import Client

SHARED = Path(__file__).resolve().parents[4] / "shared"

# API → (the standard's OAS, minimum overall score); operations, query
# parameters and status codes must all be there.
APIS = {
    "autorisaties": ("autorisaties-1.1.0.yaml", 99.0),
    "referentielijsten": ("referentielijsten-1.0.yaml", 98.0),
    "catalogi": ("catalogi-1.3.3.yaml", 99.0),
    "documenten": ("documenten-1.7.0.yaml", 99.0),
}
# Older versions a client may still be written for: every operation and query
# parameter of theirs must stay.
STILL_SERVED = {
    "autorisaties": ["autorisaties-1.0.0.yaml"],
    "catalogi": ["catalogi-1.3.1.yaml"],
    "documenten": ["documenten-1.5.0.yaml"],
}
# Status codes the standard's OAS gets wrong (docs/oas-differences.md): the
# service answers as the operation's text and the VNG collection expect.
STATUS_FAULTS = {
    "DELETE /besluittypen/{uuid} -> 200",
    "DELETE /informatieobjecttypen/{uuid} -> 200",
    "DELETE /zaaktypen/{uuid} -> 200",
    "POST /informatieobjecttypen -> 200",
}



def _consumer_answers_the_object(spec: dict) -> None:
    content = spec["paths"]["/applicaties/consumer"]["get"]["responses"]["200"]["content"]["application/json"]
    content["schema"] = content["schema"]["items"]


# Where the standard's OAS file contradicts its operation's description and the
# service follows the description (docs/oas-differences.md), the standard is
# measured with that correction applied, so the score shows every other difference.
SPEC_CORRECTIONS = {
    "autorisaties": _consumer_answers_the_object,
}


def _reference(api: str, spec: str, tmp_path: Path) -> Path:
    correct = SPEC_CORRECTIONS.get(api)
    if correct is None:
        return SHARED / "specs" / spec
    document = yaml.safe_load((SHARED / "specs" / spec).read_text())
    correct(document)
    corrected = tmp_path / f"corrected-{spec}"
    corrected.write_text(yaml.safe_dump(document, allow_unicode=True))
    return corrected


def coverage(api: str, spec: str, tmp_path: Path) -> dict:
    """oas_coverage.py's result for the served document of `api` against the standard's `spec`."""
    response = Client().get(f"/{api}/api/v1/schema/openapi.yaml")
    assert response.status_code == 200
    served = tmp_path / "openapi.yaml"
    served.write_bytes(response.content)
    result_file = tmp_path / f"coverage-{spec}.json"
    subprocess.run(
        [sys.executable, str(SHARED / "tools" / "oas_coverage.py"), str(_reference(api, spec, tmp_path)), str(served),
         "--strip-prefix", f"/{api}/api/v1", "--json", str(result_file)],
        check=True, capture_output=True,
    )
    return json.loads(result_file.read_text())


def missing(result: dict, category: str) -> list[str]:
    return [item["item"] if isinstance(item, dict) else item for item in result["categories"][category]["missing_items"]]


@pytest.mark.parametrize("api", APIS)
def test_served_schema_covers_the_standard(api, tmp_path):
    spec, minimum = APIS[api]
    result = coverage(api, spec, tmp_path)
    assert missing(result, "operations") == []
    assert missing(result, "query") == []
    assert set(missing(result, "status")) <= STATUS_FAULTS
    assert result["score"] >= minimum, {
        name: category["missing_items"] + category["mismatch_items"] for name, category in result["categories"].items()
    }


@pytest.mark.parametrize(("api", "spec"), [(api, spec) for api, specs in STILL_SERVED.items() for spec in specs])
def test_served_schema_keeps_what_older_versions_had(api, spec, tmp_path):
    result = coverage(api, spec, tmp_path)
    assert missing(result, "operations") == []
    assert missing(result, "query") == []
