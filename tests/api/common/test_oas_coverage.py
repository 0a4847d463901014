"""The served OpenAPI documents cover the standard's (../shared/tools/oas_coverage.py)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

SHARED = Path(__file__).resolve().parents[4] / "shared"

# API → (the standard's OAS, minimum overall score); operations must all be there.
APIS = {
    "autorisaties": ("autorisaties-1.0.0.yaml", 98.0),
    "referentielijsten": ("referentielijsten-1.0.yaml", 98.0),
}


@pytest.mark.parametrize("api", APIS)
def test_served_schema_covers_the_standard(api, tmp_path):
    spec, minimum = APIS[api]
    response = Client().get(f"/{api}/api/v1/schema/openapi.yaml")
    assert response.status_code == 200
    served = tmp_path / "openapi.yaml"
    served.write_bytes(response.content)
    result_file = tmp_path / "coverage.json"
    subprocess.run(
        [sys.executable, str(SHARED / "tools" / "oas_coverage.py"), str(SHARED / "specs" / spec), str(served),
         "--strip-prefix", f"/{api}/api/v1", "--json", str(result_file)],
        check=True, capture_output=True,
    )
    result = json.loads(result_file.read_text())
    operations = result["categories"]["operations"]
    assert operations["missing_items"] == [], operations["missing_items"]
    assert result["score"] >= minimum, {
        name: category["missing_items"] + category["mismatch_items"] for name, category in result["categories"].items()
    }
