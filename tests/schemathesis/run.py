"""The schemathesis gate of `make test`: every component's served OAS fuzzed against a live server of this project.

For each component in COMPONENTS it:

1. copies a template database (migrated, the `schemathesis_gate` applicatie
   with heeftAlleAutorisaties, and the seed of `seed.py` created through the
   API) into a fresh one, so a component's run does not depend on another's;
2. starts gunicorn against it on the port the seed was created on (the
   service knows its own resources by URL), with no proxy, no notifications
   API, the embedded Referentielijsten API, and every worker refusing and
   logging any connection off loopback (`gunicorn.conf.py`);
3. runs schemathesis on `/<component>/api/v1/schema/openapi.json`: positive
   and negative data, every check, every phase, a fixed seed and at most
   `--max-examples` examples per operation and phase, URLs and uuids only of
   this server (`generation.py`);
4. stops the server by PID.

It prints per component the operations, the examples sent, the 5xx answers
and the response-schema violations, then every gating failure with a curl
command that reproduces it, and a summary of the other checks' findings
(all of them in reports/schemathesis/<component>.txt). It fails on any 5xx,
any response the served schema does not describe, any engine error and any
attempt to reach outside loopback; `verdict.py` lists which other checks gate, and why the rest only report.

Usage: python tests/schemathesis/run.py [--components documenten,catalogi] [--max-examples 8] [--seed 20240101]
       [--keep-server]
"""
import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path


ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import schemathesis  # noqa: E402
from schemathesis.checks import CHECKS  # noqa: E402
from schemathesis.config import SchemathesisConfig  # noqa: E402
from schemathesis.engine import from_schema  # noqa: E402

from tests.liveserver import Server, database_recreate, free_port, manage  # noqa: E402
from tests.schemathesis.generation import Target, target_set  # noqa: E402
from tests.schemathesis.seed import SeedClient, seed_create  # noqa: E402
from tests.schemathesis.verdict import GATING, REPORTED_ONLY, ComponentResult  # noqa: E402

# A component joins the gate with one line here: the name it is served under (/<name>/api/v1/).
COMPONENTS = (
    "autorisaties",
    "catalogi",
    "documenten",
    "referentielijsten",
)

HERE = Path(__file__).resolve().parent
REPORTS = ROOT / "reports" / "schemathesis"
TEMPLATE_DB = "schemathesis_template"
RUN_DB = "schemathesis_run"
GATE_CLIENT = "schemathesis_gate"
GUNICORN_CONFIG = str(HERE / "gunicorn.conf.py")
PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")


def api_path(component: str) -> str:
    return f"/{component}/api/v1"


def without_proxies() -> None:
    """Drop proxy settings for this process and the servers it starts: a proxy on loopback would carry
    the server's outside requests past the loopback guard."""
    for name in PROXY_VARIABLES:
        os.environ.pop(name, None)
        os.environ.pop(name.upper(), None)


def server_start(db_name: str, *, port: int, documents: Path, name: str) -> tuple[Server, Path]:
    outside_log = REPORTS / f"{name}.outside.log"
    outside_log.write_text("")
    server = Server(db_name, REPORTS / f"{name}.server.log", config=GUNICORN_CONFIG, port=port, extra_env={
        "SCHEMATHESIS_OUTSIDE_LOG": str(outside_log), "DOCUMENTS_DIR": str(documents), "DOCUMENT_STORAGE": "local",
        "DOCUMENTEN_BACKEND": "database", "NOTIFICATIONS_DISABLED": "true",
    })
    server.wait_ready()
    return server, outside_log


def resource_urls(client: SeedClient, components: tuple[str, ...]) -> list[str]:
    """The URLs on the first page of every list operation the components serve (seed and packaged data)."""
    urls = set()
    for component in components:
        oas = client.call("GET", f"{api_path(component)}/schema/openapi.json", expect=200)
        for path, item in oas["paths"].items():
            if "get" not in item or "{" in path:
                continue
            response = client.session.get(client.base_url + api_path(component) + path, timeout=60)
            if response.status_code != 200:
                continue
            body = response.json()
            items = body.get("results", []) if isinstance(body, dict) else body
            urls.update(item["url"] for item in items if isinstance(item, dict) and isinstance(item.get("url"), str))
    return sorted(urls)


def template_prepare(*, port: int, documents: Path) -> tuple[str, Target]:
    """Migrate, provision the gate's client and create the seed through the API; the token and what was made."""
    database_recreate(TEMPLATE_DB)
    manage("migrate", "--no-input", "-v", "0", db_name=TEMPLATE_DB)
    manage("provision", str(HERE / "applicaties.yaml"), db_name=TEMPLATE_DB)
    token = manage("generate_jwt", GATE_CLIENT, db_name=TEMPLATE_DB).strip()
    server, outside_log = server_start(TEMPLATE_DB, port=port, documents=documents, name="seed")
    try:
        client = SeedClient(server.base_url, token)
        seed = seed_create(client, gate_client_id=GATE_CLIENT)
        known = sorted(set(seed.urls) | set(resource_urls(client, COMPONENTS)))
    finally:
        server.stop()
    if outside_log.read_text():
        raise RuntimeError(f"the server reached outside loopback while seeding: {outside_log.read_text()}")
    return token, Target(base_url=server.base_url, known_urls=known, protected=seed.protected)


def schemathesis_config(*, token: str, seed: int, max_examples: int) -> SchemathesisConfig:
    return SchemathesisConfig.from_dict({
        "seed": seed,
        # One operation at a time keeps a run reproducible from its seed (no interleaving of writes).
        "workers": 1,
        "headers": {"Authorization": f"Bearer {token}"},
        "continue-on-failure": True,
        "request-timeout": 60,
        "generation": {"mode": "all", "max-examples": max_examples},
        "checks": {"enabled": True},
        # The token is a throwaway of this run; unmasked, a printed curl command reproduces as it stands.
        "output": {"sanitization": {"enabled": False}},
    })


def component_run(
    component: str, *, target: Target, token: str, seed: int, max_examples: int, port: int, documents: Path,
    keep_server: bool,
) -> ComponentResult:
    result = ComponentResult(component)
    started = time.monotonic()
    database_recreate(RUN_DB, template=TEMPLATE_DB)
    run_documents = Path(tempfile.mkdtemp(prefix=f"{component}-", dir=documents.parent))
    shutil.copytree(documents, run_documents, dirs_exist_ok=True)
    server, outside_log = server_start(RUN_DB, port=port, documents=run_documents, name=component)
    try:
        target_set(target)
        schema = schemathesis.openapi.from_url(
            f"{server.base_url}{api_path(component)}/schema/openapi.json",
            config=schemathesis_config(token=token, seed=seed, max_examples=max_examples),
        )
        result.operations = sum(1 for _ in schema.get_all_operations())
        for event in from_schema(schema).execute():
            result.record(event)
        if keep_server:
            print(f"schemathesis: {component} served at {server.base_url}{api_path(component)}", flush=True)
            print(f"  Authorization: Bearer {token}", flush=True)
            print("  (Ctrl-C stops it)", flush=True)
            try:
                server.process.wait()
            except KeyboardInterrupt:
                pass
    finally:
        server.stop()
    result.outside_connections = [line for line in outside_log.read_text().splitlines() if line]
    result.seconds = time.monotonic() - started
    return result


def table(results: list[ComponentResult]) -> str:
    lines = [f"{'component':<18} {'operations':>10} {'examples':>9} {'5xx':>5} {'schema':>7} {'outside':>8} "
             f"{'seconds':>8}  result"]
    for r in results:
        lines.append(
            f"{r.component:<18} {r.operations:>10} {r.examples:>9} {r.server_errors:>5} {r.schema_violations:>7} "
            f"{len(r.outside_connections):>8} {r.seconds:>8.0f}  {'ok' if r.passed else 'FAILED'}"
        )
    return "\n".join(lines)


def details(result: ComponentResult, *, gating_only: bool = False) -> str:
    """Findings in full (gating ones first), distinct by operation, check and title; engine errors; outside attempts."""
    out = []
    for finding in sorted(result.findings.values(), key=lambda f: (f.check not in GATING, f.check, f.operation)):
        if gating_only and finding.check not in GATING:
            continue
        gate = "GATE" if finding.check in GATING else "report"
        message = "\n".join(f"    {line}" for line in finding.message.splitlines())
        out.append(f"[{gate}] {finding.operation} — {finding.check}\n{message}\n    reproduce: {finding.reproduce}\n")
    out += [f"[GATE] engine error: {error}" for error in result.errors]
    out += [f"[GATE] reached outside loopback: {line}" for line in result.outside_connections]
    return "\n".join(out)


def summary(result: ComponentResult) -> str:
    """What the run prints for one component: gating failures in full, the other findings counted per check."""
    lines = [f"--- {result.component}: statuses " + ", ".join(
        f"{code}xx {count}" for code, count in sorted(result.statuses.items()))]
    gating = details(result, gating_only=True)
    if gating:
        lines.append(gating)
    for check in sorted({f.check for f in result.findings.values() if f.check not in GATING}):
        operations = sorted({f.operation for f in result.findings.values() if f.check == check})
        lines.append(f"  reported, not gating: {check}: {result.failed_cases[check]} cases on {len(operations)} "
                     f"operations ({', '.join(operations[:4])}{', …' if len(operations) > 4 else ''})")
    return "\n".join(lines)


def checks_decided() -> None:
    """Every check schemathesis runs is in GATING or REPORTED_ONLY, so an upgrade's new check gets a decision."""
    undecided = set(CHECKS.get_all_names()) - set(GATING) - set(REPORTED_ONLY)
    if undecided:
        raise RuntimeError(f"schemathesis checks without a gate decision in verdict.py: {', '.join(sorted(undecided))}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--components", default=",".join(COMPONENTS), help="comma-separated components to run")
    parser.add_argument("--max-examples", type=int, default=8, help="examples per operation and phase (default 8)")
    parser.add_argument("--seed", type=int, default=20240101, help="the generation seed (default 20240101)")
    parser.add_argument("--keep-server", action="store_true",
                        help="after the (last) component, keep its server up to reproduce a failure with curl")
    args = parser.parse_args()
    components = [name for name in args.components.split(",") if name]
    unknown = set(components) - set(COMPONENTS)
    if unknown:
        parser.error(f"unknown components: {', '.join(sorted(unknown))} (known: {', '.join(COMPONENTS)})")

    checks_decided()
    without_proxies()
    REPORTS.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="schemathesis-", dir=REPORTS) as scratch:
        documents = Path(scratch) / "seed-documents"
        documents.mkdir()
        token, target = template_prepare(port=port, documents=documents)
        results = []
        for index, component in enumerate(components):
            result = component_run(
                component, target=target, token=token, seed=args.seed, max_examples=args.max_examples, port=port,
                documents=documents, keep_server=args.keep_server and index == len(components) - 1,
            )
            results.append(result)
            (REPORTS / f"{component}.txt").write_text(details(result) + "\n")
            print(f"schemathesis: {component} done in {result.seconds:.0f}s", flush=True)

    for result in results:
        print(summary(result))
    print(table(results))
    failed = [r.component for r in results if not r.passed]
    print(f"schemathesis: {'FAILED (' + ', '.join(failed) + ')' if failed else 'OK'} in "
          f"{time.monotonic() - started:.0f}s (details in {REPORTS.relative_to(ROOT)}/)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
