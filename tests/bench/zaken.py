"""Benchmark of the Zaken API at a given dataset size (`make bench`).

It loads N zaken into a fresh migrated database with `manage.py load_zaken`
(timed), serves the project with gunicorn (the production settings of
config/gunicorn.conf.py), and measures from C client threads, for a fixed time
each, the latency (p50, p95) and throughput (requests/s) of:

- `list`: the first page of /zaken (heeftAlleAutorisaties);
- `list, autorisaties`: the same for a client authorised for zaken.lezen on
  every zaaktype up to `zaakvertrouwelijk` (the count is filtered in SQL);
- `mijn zaken`: /zaken filtered on
  `rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn` (a random BSN of
  the loaded pool);
- `detail`: one zaak;
- `zaak view`: the 10 calls a case application makes to show one zaak
  (zaak, zaaktype, status, statustype, statussen, rollen, resultaten,
  zaakinformatieobjecten, zaakobjecten, zaakeigenschappen), as one unit;
- `create`: a zaak without identificatie.

It prints a table and writes reports/bench-zaken.json; it reports numbers
only. Usage: python -m tests.bench.zaken [--zaken 100000] [--seconds 10] [--clients 4]
"""
import argparse
import json
import os
import platform
import random
import runpy
import statistics
import threading
import time
from collections.abc import Callable
from pathlib import Path

import jwt
import requests

from api.zaken.loading import BRONORGANISATIE, bsn_for
from tests.liveserver import Server, database_recreate, manage

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "reports"
LOGS = REPORTS / "bench"
RUN_DB = "oz_bench_zaken"
LIMITED_CLIENT = "bench-beperkt"
LIMITED_SECRET = "bench-beperkt-secret-0123456789abcdef"
SAMPLE_PAGES = 5


class Client:
    """One keep-alive session per thread; a non-2xx answer stops the benchmark."""

    def __init__(self, base_url: str, token: str):
        self.base_url = base_url
        self.token = token
        self._local = threading.local()

    @property
    def session(self) -> requests.Session:
        if not hasattr(self._local, "session"):
            self._local.session = requests.Session()
            self._local.session.headers["Authorization"] = f"Bearer {self.token}"
        return self._local.session

    def call(self, method: str, path_or_url: str, **kwargs) -> dict:
        url = path_or_url if path_or_url.startswith("http") else self.base_url + path_or_url
        response = self.session.request(method, url, timeout=60, **kwargs)
        if not response.ok:
            raise RuntimeError(f"{method} {url}: {response.status_code}: {response.text[:1000]}")
        return response.json() if response.content else {}


def measure(operation: Callable[[], object], *, seconds: float, clients: int) -> dict:
    """Run `operation` from `clients` threads for `seconds`; latency percentiles (ms) and completions per second."""
    latencies: list[float] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker():
        own = []
        while time.monotonic() < deadline:
            started = time.perf_counter()
            operation()
            own.append(time.perf_counter() - started)
        with lock:
            latencies.extend(own)

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return {"count": len(latencies), "p50_ms": cuts[49] * 1000, "p95_ms": cuts[94] * 1000, "per_second": len(latencies) / elapsed}


def limited_client(admin: Client, zaaktypen: list[str]) -> Client:
    """An applicatie with zaken.lezen on every zaaktype up to zaakvertrouwelijk, through the Autorisaties API."""
    admin.call("POST", "/autorisaties/api/v1/applicaties", json={
        "clientIds": [LIMITED_CLIENT], "label": "bench beperkt", "heeftAlleAutorisaties": False,
        "autorisaties": [
            {"component": "zrc", "scopes": ["zaken.lezen"], "zaaktype": zaaktype,
             "maxVertrouwelijkheidaanduiding": "zaakvertrouwelijk"}
            for zaaktype in zaaktypen
        ],
    })
    manage("set_jwt_secret", LIMITED_CLIENT, "--secret", LIMITED_SECRET, db_name=RUN_DB)
    token = jwt.encode(
        {"iss": LIMITED_CLIENT, "client_id": LIMITED_CLIENT, "iat": int(time.time())}, LIMITED_SECRET, algorithm="HS256"
    )
    return Client(admin.base_url, token)


def zaak_view(client: Client, zaak: dict) -> None:
    """The calls a case application makes to show one zaak."""
    client.call("GET", zaak["url"])
    zaaktype = client.call("GET", zaak["zaaktype"])
    if zaak["status"]:
        status = client.call("GET", zaak["status"])
        client.call("GET", status["statustype"])
    else:
        client.call("GET", zaaktype["statustypen"][0])
        client.call("GET", zaaktype["url"])
    client.call("GET", "/zaken/api/v1/statussen", params={"zaak": zaak["url"]})
    client.call("GET", "/zaken/api/v1/rollen", params={"zaak": zaak["url"]})
    client.call("GET", "/zaken/api/v1/resultaten", params={"zaak": zaak["url"]})
    client.call("GET", "/zaken/api/v1/zaakinformatieobjecten", params={"zaak": zaak["url"]})
    client.call("GET", "/zaken/api/v1/zaakobjecten", params={"zaak": zaak["url"]})
    client.call("GET", f"{zaak['url']}/zaakeigenschappen")


def run(*, zaken: int, seconds: float, clients: int, workers: int, threads: int) -> dict:
    database_recreate(RUN_DB)
    manage("migrate", "--no-input", "-v", "0", db_name=RUN_DB)
    manage("provision", str(ROOT / "config" / "demo-applicaties.yaml"), db_name=RUN_DB)
    started = time.monotonic()
    manage("load_zaken", str(zaken), "-v", "0", db_name=RUN_DB)
    load_seconds = time.monotonic() - started
    token = manage("generate_jwt", "demo", db_name=RUN_DB).strip()
    server = Server(RUN_DB, LOGS / "zaken.server.log", extra_env={
        "DB_POOL": "true", "GUNICORN_WORKERS": str(workers), "GUNICORN_THREADS": str(threads),
    })
    try:
        server.wait_ready()
        admin = Client(server.base_url, token)
        zaaktypen = [zt["url"] for zt in admin.call("GET", "/catalogi/api/v1/zaaktypen")["results"]]
        limited = limited_client(admin, zaaktypen)
        sample = [z for page in range(1, SAMPLE_PAGES + 1)
                  for z in admin.call("GET", "/zaken/api/v1/zaken", params={"page": page})["results"]]
        rng = random.Random(1)
        bsn_pool = max(1, zaken // 3)
        body = {"bronorganisatie": BRONORGANISATIE, "verantwoordelijkeOrganisatie": BRONORGANISATIE,
                "startdatum": "2026-01-15"}
        operations = {
            "list": lambda: admin.call("GET", "/zaken/api/v1/zaken"),
            "list, autorisaties": lambda: limited.call("GET", "/zaken/api/v1/zaken"),
            "mijn zaken": lambda: admin.call("GET", "/zaken/api/v1/zaken", params={
                "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": bsn_for(rng.randrange(bsn_pool))}),
            "detail": lambda: admin.call("GET", rng.choice(sample)["url"]),
            "zaak view (10 calls)": lambda: zaak_view(admin, rng.choice(sample)),
            "create": lambda: admin.call("POST", "/zaken/api/v1/zaken", json={**body, "zaaktype": rng.choice(zaaktypen)}),
        }
        results = {}
        for name, operation in operations.items():
            print(f"bench zaken: {name} ...", flush=True)
            results[name] = measure(operation, seconds=seconds, clients=clients)
        counts = {
            "list": admin.call("GET", "/zaken/api/v1/zaken")["count"],
            "list, autorisaties": limited.call("GET", "/zaken/api/v1/zaken")["count"],
        }
    finally:
        server.stop()
    return {"load_seconds": load_seconds, "operations": results, "counts": counts}


def table(operations: dict) -> str:
    rows = [("operation", "p50 ms", "p95 ms", "per s", "calls")]
    rows += [(name, f"{r['p50_ms']:.1f}", f"{r['p95_ms']:.1f}", f"{r['per_second']:.1f}", str(r["count"]))
             for name, r in operations.items()]
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = [" | ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))) for row in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zaken", type=int, default=100_000, help="zaken to load (default 100000)")
    parser.add_argument("--seconds", type=float, default=10, help="seconds per operation (default 10)")
    parser.add_argument("--clients", type=int, default=4, help="client threads (default 4)")
    parser.add_argument("--output", type=Path, default=REPORTS / "bench-zaken.json")
    args = parser.parse_args()
    gunicorn = runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))
    LOGS.mkdir(parents=True, exist_ok=True)
    result = run(zaken=args.zaken, seconds=args.seconds, clients=args.clients,
                 workers=gunicorn["workers"], threads=gunicorn["threads"])
    report = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "settings": {"zaken": args.zaken, "seconds": args.seconds, "clients": args.clients,
                     "gunicorn_workers": gunicorn["workers"], "gunicorn_threads": gunicorn["threads"]},
        **result,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nZaken API at {args.zaken} zaken (loaded in {result['load_seconds']:.0f} s); gunicorn "
          f"{gunicorn['workers']} workers x {gunicorn['threads']} threads; {args.clients} client threads, "
          f"{args.seconds:g} s per operation\n")
    print(table(result["operations"]))
    print(f"\nlist counts: {result['counts']['list']} (alle autorisaties), "
          f"{result['counts']['list, autorisaties']} (zaken.lezen up to zaakvertrouwelijk)")
    print(f"report: {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
