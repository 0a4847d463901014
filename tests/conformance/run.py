"""Run the VNG Postman collection against a live server of this project.

`make conformance` (and `make test`) call this. For each folder of the
collection (ac, zrc, drc, brc, ztc) it:

1. copies a template database (migrated, with the `zgw_api_tests` applicatie)
   into a fresh one, so leftovers of one folder cannot break the next;
2. starts gunicorn on a loopback port against it;
3. runs the folder alone with newman, its broken jumps repaired and a guard
   against a request repeating endlessly (see `collection.py`);
4. stops the server by PID.

A small side server (`sideserver.py`) plays the two outside parties the
collection talks to: VNG's token issuer and its Postman mock server. The run
prints a table per folder and compares the failing tests with
`known_failures.yaml`: it fails when a test fails that is not listed, and when
a listed test passes, so the list can only shrink.

With `--documenten-backend cmis` the server keeps documents in a CMIS
repository: the CMIS test server (tests/cmis_server) runs in this process on
loopback with the content model registered, and every folder runs against it
with the same known failures as on the database backend.

Usage: python tests/conformance/run.py [--folders ac,ztc] [--documenten-backend cmis] [--write-known-failures]
"""
import argparse
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[2]))

from collection import folder_collection, load_collection  # noqa: E402
from results import FolderResult, compare, known_failures_load, known_failures_write, table  # noqa: E402
from sideserver import SideServer  # noqa: E402
from tests.liveserver import PYTHON, Server, database_recreate, manage, service_env  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("SHARED_DIR", ROOT.parent / "shared"))
CONFORMANCE = SHARED / "conformance"
HERE = Path(__file__).resolve().parent
REPORTS = ROOT / "reports" / "conformance"
NEWMAN = ROOT / "node_modules" / ".bin" / "newman"
FOLDERS = ("ac", "zrc", "drc", "brc", "ztc")

TEMPLATE_DB = "conformance_template"
RUN_DB = "conformance_run"

# The base path of each API the collection addresses, by its variable name.
API_PATHS = {
    "ac_url": "/autorisaties/api/v1",
    "zrc_url": "/zaken/api/v1",
    "drc_url": "/documenten/api/v1",
    "brc_url": "/besluiten/api/v1",
    "ztc_url": "/catalogi/api/v1",
    "nrc_url": "/notificaties/api/v1",
    "referentielijst_url": "/referentielijsten/api/v1",
}


def template_prepare() -> None:
    database_recreate(TEMPLATE_DB)
    manage("migrate", "--no-input", "-v", "0", db_name=TEMPLATE_DB)
    manage("provision", str(HERE / "applicaties.yaml"), db_name=TEMPLATE_DB)


def environment(base_url: str, side_url: str) -> dict:
    template = json.loads((CONFORMANCE / "environment.template.json").read_text())
    values = {item["key"]: item.get("value", "") for item in template["values"]}
    values.update({key: base_url + path for key, path in API_PATHS.items()})
    values["mock_url"] = f"{side_url}/mock"
    values["token-issuer_url"] = f"{side_url}/token"
    return {"name": "openzaak-cmis conformance", "values": [{"key": k, "value": v, "enabled": True} for k, v in values.items()]}


def cmis_repository(data_dir: Path):
    """The CMIS test server with the content model, in this process; the server's settings to use it."""
    from storage_backends.cmis.model_json import type_definitions
    from tests.cmis_server import CmisServer

    server = CmisServer(data_dir, types=type_definitions()).start()
    env = {
        "DOCUMENTEN_BACKEND": "cmis", "CMIS_URL": server.service_url, "CMIS_USER": "admin", "CMIS_PASSWORD": "admin",
    }
    return server, env


def folder_run(name: str, source: dict, side: SideServer, backend_env: dict, reports: Path) -> FolderResult:
    """Run one folder from a fresh database against a fresh server (a fresh repository folder for CMIS)."""
    database_recreate(RUN_DB, template=TEMPLATE_DB)
    if backend_env.get("DOCUMENTEN_BACKEND") == "cmis":
        backend_env = {**backend_env, "CMIS_BASE_FOLDER": f"/conformance-{name}-{uuid.uuid4().hex[:8]}"}
    server = Server(RUN_DB, reports / f"{name}.server.log", extra_env=backend_env)
    try:
        server.wait_ready()
        side.point_at(ac_url=server.base_url + API_PATHS["ac_url"], run_env=service_env(RUN_DB))
        collection, repaired = folder_collection(source, name)
        collection_file = reports / f"{name}.collection.json"
        collection_file.write_text(json.dumps(collection))
        env_file = reports / f"{name}.environment.json"
        env_file.write_text(json.dumps(environment(server.base_url, side.base_url)))
        report_file = reports / f"{name}.report.json"
        report_file.unlink(missing_ok=True)
        with open(reports / f"{name}.newman.log", "w") as log:
            subprocess.run(
                [str(NEWMAN), "run", str(collection_file), "-e", str(env_file), "--reporters", "cli,json",
                 "--reporter-json-export", str(report_file), "--timeout-request", "60000",
                 "--timeout", str(30 * 60 * 1000), "--color", "off", "--disable-unicode"],
                cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
            )
        if not report_file.exists():
            raise RuntimeError(f"newman wrote no report for {name}; see {reports / (name + '.newman.log')}")
        return FolderResult.from_report(name, collection, json.loads(report_file.read_text()), repaired)
    finally:
        server.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folders", default=",".join(FOLDERS), help="comma-separated folders to run")
    parser.add_argument(
        "--documenten-backend", choices=("database", "cmis"), default="database",
        help="where the server keeps documents (default: database on local disk)",
    )
    parser.add_argument(
        "--write-known-failures", metavar="REASON",
        help="add every unlisted failure to known_failures.yaml under REASON (then edit the reasons)",
    )
    args = parser.parse_args()
    folders = [name for name in args.folders.split(",") if name]
    reports = REPORTS if args.documenten_backend == "database" else REPORTS / args.documenten_backend
    reports.mkdir(parents=True, exist_ok=True)

    source = load_collection(CONFORMANCE / "ZGW_api_postman_tests.json")
    known_file = HERE / "known_failures.yaml"
    known = known_failures_load(known_file)
    template_prepare()
    results = []
    repository, backend_env = (None, {})
    if args.documenten_backend == "cmis":
        repository, backend_env = cmis_repository(reports / "repository")
    try:
        with SideServer(CONFORMANCE / "ZGW_mocks.json", python=PYTHON, root=ROOT) as side:
            for name in folders:
                started = time.monotonic()
                result = folder_run(name, source, side, backend_env, reports)
                result.seconds = time.monotonic() - started
                results.append(result)
                print(f"conformance: {name} ({args.documenten_backend}) done in {result.seconds:.0f}s", flush=True)
    finally:
        if repository is not None:
            repository.stop()

    print(table(results))
    problems = compare(results, known)
    if args.write_known_failures:
        known_failures_write(known_file, known, results, args.write_known_failures)
        print(f"known failures written to {known_file}")
        return 0
    for line in problems:
        print(line)
    print(f"conformance: {'FAILED' if problems else 'OK'} (reports in {reports.relative_to(ROOT)}/)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
