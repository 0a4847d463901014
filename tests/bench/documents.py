"""Benchmark of the Documenten API per document backend (`make bench`).

For each backend in `backends.BACKENDS` it serves the project with gunicorn
(the worker and thread counts of config/gunicorn.conf.py) on a fresh copy of
a migrated database, then, from one client thread:

1. sends a large document (1 GiB by default) through bestandsdelen and
   downloads it again, checking size and CRC-32;
2. reads the kernel's resident memory of every gunicorn worker before
   (`VmRSS`: the idle worker) and its high-water mark after (`VmHWM`): the
   largest worker's is the server's peak RSS for the round trip, and peak
   minus that worker's idle RSS is what the round trip added;
3. runs create (1 KiB base64 inhoud), read (detail) and list (first page)
   back to back for a fixed time each;
4. for a backend with a repository of its own (CMIS), counts the requests
   the repository served per create, per read and per list page, for pages
   of different sizes (lists come from the PostgreSQL index: 0 expected).

It prints a table and writes reports/bench-documents.json. It reports
numbers only: nothing fails on a slow or large result. Memory of other
processes (PostgreSQL, moto's in-memory S3, the CMIS test server) is not
counted.

Usage: python -m tests.bench.documents [--size-mib 1024] [--backends database+local ...] [--ops-seconds 10]
"""
import argparse
import json
import os
import platform
import runpy
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from tests.liveserver import Server, database_recreate, manage

from .backends import BACKENDS, RequestLog
from .client import DocumentenClient

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "reports"
LOGS = REPORTS / "bench"
SCRATCH = ROOT / ".data" / "bench"
TEMPLATE_DB = "oz_bench_template"
RUN_DB = "oz_bench"
MIB = 1024 * 1024
# The target for the large round trip ("peak RSS under 150 MB").
RSS_TARGET_BYTES = 150 * 1000 * 1000


def memory_kib(pid: int) -> dict[str, int]:
    """VmHWM (peak resident) and VmRSS (resident now) of a process, in KiB."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            values[key] = int(value.split()[0])
    return values


def server_memory(master: int) -> dict:
    """Memory of the gunicorn master and of each of its workers (its child processes)."""
    workers = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return {"master": memory_kib(master), "workers": {pid: memory_kib(int(pid)) for pid in workers}}


def template_prepare() -> None:
    """A migrated database with the demo clients (config/demo-applicaties.yaml), copied for each backend."""
    database_recreate(TEMPLATE_DB)
    manage("migrate", "--no-input", "-v", "0", db_name=TEMPLATE_DB)
    manage("provision", str(ROOT / "config" / "demo-applicaties.yaml"), db_name=TEMPLATE_DB)


def repository_calls(log: RequestLog, operation: Callable[[], object], times: int = 5) -> float:
    """Requests the repository served per call of `operation` (the mean over `times` calls)."""
    log.clear()
    for _ in range(times):
        operation()
    return log.count() / times


def repository_profile(client: DocumentenClient, log: RequestLog, informatieobjecttype: str) -> dict:
    """Repository calls per create and read, and per list page for pages of different sizes."""
    some_document = client.get(client.collection)["results"][0]["url"]
    return {
        "create": repository_calls(log, lambda: client.create_small(informatieobjecttype)),
        "read": repository_calls(log, lambda: client.get(some_document)),
        "list_pages": [
            {"documents_on_page": documents, "calls": repository_calls(log, lambda url=url: client.get(url))}
            for url, documents in client.list_pages()
        ],
    }


def worker_memory(before: dict, after: dict) -> dict:
    """Idle, peak and growth of the worker with the highest peak (the one that served the round trip).

    Idle is its resident memory just before the round trip (Django set up,
    a few API calls served); peak is its high-water mark after it.
    """
    pid, peak = max(((pid, memory["VmHWM"]) for pid, memory in after["workers"].items()), key=lambda item: item[1])
    idle = before["workers"].get(pid, {}).get("VmRSS", 0)
    return {"idle_kib": idle, "peak_kib": peak, "growth_kib": peak - idle}


def backend_run(name: str, *, size: int, ops_seconds: float, workers: int, threads: int) -> dict:
    scratch = SCRATCH / name
    shutil.rmtree(scratch, ignore_errors=True)
    try:
        with BACKENDS[name](scratch) as backend:
            database_recreate(RUN_DB, template=TEMPLATE_DB)
            token = manage("generate_jwt", "demo", db_name=RUN_DB).strip()
            server = Server(
                RUN_DB, LOGS / f"{name}.server.log",
                extra_env={
                    **backend.env, "DB_POOL": "true", "GUNICORN_WORKERS": str(workers), "GUNICORN_THREADS": str(threads),
                },
            )
            try:
                server.wait_ready()
                client = DocumentenClient(server.base_url, token)
                informatieobjecttype = client.informatieobjecttype_published()
                before = server_memory(server.process.pid)
                trip = client.round_trip(informatieobjecttype, size)
                after = server_memory(server.process.pid)
                rates = client.operation_rates(informatieobjecttype, ops_seconds)
                calls = backend.repository_log and repository_profile(client, backend.repository_log, informatieobjecttype)
            finally:
                server.stop()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    memory = worker_memory(before, after)
    return {
        "backend": name,
        "upload_mib_s": size / MIB / trip.upload_seconds,
        "download_mib_s": size / MIB / trip.download_seconds,
        "idle_rss_mib": memory["idle_kib"] / 1024,
        "peak_rss_mib": memory["peak_kib"] / 1024,
        "growth_mib": memory["growth_kib"] / 1024,
        "create_s": rates["create"],
        "read_s": rates["read"],
        "list_s": rates["list"],
        "repository_calls_per_list_page": [page["calls"] for page in calls["list_pages"]] if calls else None,
        "peak_rss_under_150_mb": memory["peak_kib"] * 1024 < RSS_TARGET_BYTES,
        "growth_under_150_mb": memory["growth_kib"] * 1024 < RSS_TARGET_BYTES,
        "round_trip": {
            "size_bytes": trip.size,
            "parts": trip.parts,
            "part_bytes": trip.part_size,
            "upload_seconds": trip.upload_seconds,
            "unlock_join_seconds": trip.unlock_seconds,
            "download_seconds": trip.download_seconds,
        },
        "repository_calls": calls,
        "memory_kib": {"before_round_trip": before, "after_round_trip": after},
    }


COLUMNS = (
    ("backend", "backend", "{}"),
    ("upload MiB/s", "upload_mib_s", "{:.1f}"),
    ("download MiB/s", "download_mib_s", "{:.1f}"),
    ("idle RSS MiB", "idle_rss_mib", "{:.1f}"),
    ("peak RSS MiB", "peak_rss_mib", "{:.1f}"),
    ("growth MiB", "growth_mib", "{:.1f}"),
    ("create/s", "create_s", "{:.1f}"),
    ("read/s", "read_s", "{:.1f}"),
    ("list/s", "list_s", "{:.1f}"),
    ("repository calls/list page", "repository_calls_per_list_page", "{}"),
)


def cell(value, fmt: str) -> str:
    if value is None:
        return "-"
    if isinstance(value, list):
        return ", ".join(f"{item:g}" for item in value)
    return fmt.format(value)


def table(results: list[dict]) -> str:
    rows = [[title for title, _, _ in COLUMNS]]
    rows += [[cell(result[key], fmt) for _, key, fmt in COLUMNS] for result in results]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    lines = [" | ".join(cell.ljust(width) if i == 0 else cell.rjust(width) for i, (cell, width) in enumerate(zip(row, widths))) for row in rows]
    lines.insert(1, "-+-".join("-" * width for width in widths))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=1024, help="size of the round-trip document (default 1024)")
    parser.add_argument("--backends", nargs="+", choices=list(BACKENDS), default=list(BACKENDS))
    parser.add_argument("--ops-seconds", type=float, default=10, help="seconds for each of create, read, list")
    parser.add_argument("--output", type=Path, default=REPORTS / "bench-documents.json")
    args = parser.parse_args()
    # The production gunicorn settings, as they come out on this machine (GUNICORN_* honoured).
    gunicorn = runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))
    LOGS.mkdir(parents=True, exist_ok=True)

    template_prepare()
    results = []
    for name in args.backends:
        print(f"bench: {name} ...", flush=True)
        results.append(
            backend_run(
                name, size=args.size_mib * MIB, ops_seconds=args.ops_seconds,
                workers=gunicorn["workers"], threads=gunicorn["threads"],
            )
        )

    report = {
        "machine": {"cpus": os.cpu_count(), "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1), "python": platform.python_version()},
        "settings": {
            "size_mib": args.size_mib, "ops_seconds": args.ops_seconds, "client_threads": 1,
            "gunicorn_workers": gunicorn["workers"], "gunicorn_threads": gunicorn["threads"],
            "gunicorn_worker_class": gunicorn["worker_class"],
        },
        "results": results,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n")

    print(f"\nDocumenten API, {args.size_mib} MiB round trip through bestandsdelen; "
          f"gunicorn {gunicorn['workers']} workers x {gunicorn['threads']} threads; one client thread\n")
    print(table(results))
    for result in results:
        if result["repository_calls"]:
            pages = ", ".join(
                f"{page['calls']:g} for {page['documents_on_page']} documents" for page in result["repository_calls"]["list_pages"]
            )
            print(f"{result['backend']}: repository calls per list page: {pages}; "
                  f"per create {result['repository_calls']['create']:g}, per read {result['repository_calls']['read']:g}")
    for result in results:
        if not result["peak_rss_under_150_mb"]:
            print(f"note: {result['backend']}: peak RSS {result['peak_rss_mib'] * MIB / 1e6:.0f} MB is over the 150 MB target "
                  f"(idle worker {result['idle_rss_mib'] * MIB / 1e6:.0f} MB, "
                  f"growth for the round trip {result['growth_mib'] * MIB / 1e6:.0f} MB)")
    print(f"\nreport: {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
