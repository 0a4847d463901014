"""What a folder run did, the table the run prints, and the known-failures check.

A test is named "<request name> › <assertion name>"; a script that throws
counts as a failing test "<request name> › [<where>] <error>", a request that
gets no answer as "<request name> › [request error]". A test fails when any of
its executions fails (requests can run more than once).
"""
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from collection import GUARD_LIMIT, requests_of

HEADER = """\
# Tests of the VNG Postman collection that may still fail, per folder, grouped
# by the reason. `make conformance` fails when a test fails that is not listed
# here, and when a listed test passes: remove it then, so this list only shrinks.
"""


@dataclass
class FolderResult:
    name: str
    requests: int
    ran: int
    assertions_passed: int = 0
    assertions_failed: int = 0
    failing: set[str] = field(default_factory=set)
    passing: set[str] = field(default_factory=set)
    guarded: list[str] = field(default_factory=list)
    ran_requests: set[str] = field(default_factory=set)
    repaired: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    @classmethod
    def from_report(cls, name: str, collection: dict, report: dict, repaired: dict[str, str]) -> "FolderResult":
        run = report["run"]
        executions = run.get("executions", [])
        result = cls(
            name=name,
            requests=sum(1 for _ in requests_of(collection)),
            ran=len({execution["item"]["id"] for execution in executions}),
            repaired=repaired,
        )
        outcomes: dict[str, list[bool]] = {}
        for execution in executions:
            request = execution["item"]["name"]
            if execution.get("requestError"):
                outcomes.setdefault(f"{request} › [request error]", []).append(False)
            for assertion in execution.get("assertions", []):
                if assertion.get("skipped"):
                    continue
                ok = not assertion.get("error")
                outcomes.setdefault(f"{request} › {assertion['assertion']}", []).append(ok)
                if ok:
                    result.assertions_passed += 1
                else:
                    result.assertions_failed += 1
        for failure in run.get("failures", []):
            error = failure.get("error", {})
            if error.get("name") == "AssertionError" or "script" not in failure.get("at", ""):
                continue
            where = failure["at"].split(" in ")[-1]
            outcomes.setdefault(f"{failure['source']['name']} › [{where}] {error.get('name')}", []).append(False)
        result.ran_requests = {execution["item"]["name"] for execution in executions}
        for test, oks in outcomes.items():
            (result.passing if all(oks) else result.failing).add(test)
        runs = Counter(execution["item"]["name"] for execution in executions)
        result.guarded = sorted(request for request, count in runs.items() if count >= GUARD_LIMIT)
        return result

    def passed(self, tests) -> set[str]:
        """Which of `tests` passed: assertions that held, and script or request errors
        ("<request> › [...]") that did not recur although their request ran."""
        errors_gone = {
            test for test in tests
            if " › [" in test and test not in self.failing and test.split(" › [")[0] in self.ran_requests
        }
        return (set(tests) & self.passing) | errors_gone


def table(results: list[FolderResult]) -> str:
    rows = [("folder", "requests", "ran", "passed", "failed", "seconds")]
    for r in results:
        rows.append((r.name, r.requests, r.ran, r.assertions_passed, r.assertions_failed, f"{r.seconds:.0f}"))
    rows.append((
        "total",
        sum(r.requests for r in results),
        sum(r.ran for r in results),
        sum(r.assertions_passed for r in results),
        sum(r.assertions_failed for r in results),
        f"{sum(r.seconds for r in results):.0f}",
    ))
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    lines = ["", "VNG Postman collection: requests in the folder, distinct requests run, assertions passed/failed"]
    for row in rows:
        lines.append("  ".join(str(cell).ljust(width) if i == 0 else str(cell).rjust(width)
                               for i, (cell, width) in enumerate(zip(row, widths))))
    for r in results:
        for old, new in r.repaired.items():
            lines.append(f"{r.name}: repaired jump {old!r} -> {new!r}")
        for request in r.guarded:
            lines.append(f"{r.name}: guard stopped {request!r} after {GUARD_LIMIT} runs")
        if r.failing:
            lines.append(f"{r.name}: {len(r.failing)} failing tests")
            lines.extend(f"  - {test}" for test in sorted(r.failing))
    return "\n".join(lines)


def known_failures_load(path: Path) -> dict[str, dict[str, str]]:
    """folder → {test: reason}."""
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text()) or {}
    return {
        folder: {test: group["reason"] for group in groups or [] for test in group["tests"]}
        for folder, groups in data.items()
    }


def compare(results: list[FolderResult], known: dict[str, dict[str, str]]) -> list[str]:
    problems = []
    for r in results:
        listed = known.get(r.name, {})
        problems += [f"NEW FAILURE in {r.name}: {test}" for test in sorted(r.failing - listed.keys())]
        problems += [
            f"NOW PASSES in {r.name} (remove it from known_failures.yaml): {test}"
            for test in sorted(r.passed(listed.keys()))
        ]
    return problems


def known_failures_write(path: Path, known: dict[str, dict[str, str]], results: list[FolderResult], reason: str) -> None:
    """Add the unlisted failures under `reason`, drop listed tests that now pass."""
    for r in results:
        listed = known.setdefault(r.name, {})
        for test in r.passed(listed.keys()):
            del listed[test]
        for test in r.failing - listed.keys():
            listed[test] = reason
    data = {}
    for folder, tests in known.items():
        groups: dict[str, list[str]] = {}
        for test, why in tests.items():
            groups.setdefault(why, []).append(test)
        if groups:
            data[folder] = [{"reason": why, "tests": sorted(names)} for why, names in groups.items()]
    path.write_text(HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000))
