"""Which schemathesis checks fail the gate, why the others only report, and the tally of one component's run."""
from collections import Counter
from dataclasses import dataclass, field

from schemathesis.engine import events

# Checks that fail the gate. The first two are never excluded: a 5xx is a bug whatever the input, and a
# response body the served schema does not describe breaks every client generated from it. The others hold
# for every ZGW API as they stand and pass today, so a change that breaks them is caught.
GATING = {
    "not_a_server_error": "a 5xx answer",
    "response_schema_conformance": "a response body the served schema does not describe",
    "content_type_conformance": "an answer in a media type the served schema does not declare for it",
    "response_headers_conformance": "a declared response header (API-version, ETag, ...) missing or malformed",
    "allow_header_conformance": "a 405 whose Allow header does not name the path's methods",
    "ignored_auth": "an operation that declares the JWT security answering without (valid) credentials",
    "use_after_free": "a resource still served after its DELETE answered 2xx",
    "ensure_resource_availability": "a resource created with 201 that its own client cannot read back",
}

# Checks that run and are reported but do not fail the gate, and why.
REPORTED_ONLY = {
    "status_code_conformance":
        "the standard's OAS, which the served ones follow, leaves out statuses the standard prescribes: 404 for "
        "a page past the end of a list, 400 for an unknown or malformed query parameter on operations that "
        "document none; an undocumented status there is a gap in the standard's document, not a wrong answer",
    "negative_data_rejection":
        "flags standard behaviour: ZGW servers (DRF) ignore unknown body fields and read some query values more "
        "leniently than the declared format (a `page` given as text, a date with a time); a 2xx to such data "
        "breaks no client",
    "positive_data_acceptance":
        "schema-valid data is rightly refused by rules the OAS cannot express: references must resolve to this "
        "server's (published) types and documents, identificaties are unique per catalogus, a lock must match, "
        "validity periods may not overlap; those answers are 400 with invalidParams",
    "missing_required_header":
        "expects 401 without Authorization; the ZGW standard (vng-api-common) answers 403 not_authenticated",
    "unsupported_method":
        "expects 405 for an undeclared method; the unknown-query-parameter check the standard prescribes runs "
        "first, so an undeclared method with a stray query gets 400: refused either way",
    "object_level_authorization":
        "needs a second identity to compare with; the gate runs as one client with heeftAlleAutorisaties, and "
        "the autorisatie filters are covered by the pytest suite per scope and level",
}


@dataclass
class Finding:
    """One distinct failure: an operation, the check that failed, its message and how to reproduce it."""

    operation: str
    check: str
    message: str
    reproduce: str


@dataclass
class ComponentResult:
    """The tally of one component: what was sent, what came back, and what the checks found."""

    component: str
    operations: int = 0
    examples: int = 0
    statuses: Counter = field(default_factory=Counter)
    server_errors: int = 0
    findings: dict[tuple[str, str, str], Finding] = field(default_factory=dict)
    failed_cases: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    outside_connections: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def record(self, event: events.EngineEvent) -> None:
        if isinstance(event, events.ScenarioFinished) and event.is_test_scenario:
            self._record_scenario(event.recorder)
        elif isinstance(event, events.NonFatalError):
            self.errors.append(f"{event.label}: {event.info.format()}")
        elif isinstance(event, events.FatalError):
            self.errors.append(f"fatal: {event.exception}")

    def _record_scenario(self, recorder) -> None:
        for interaction in recorder.interactions.values():
            self.examples += 1
            if interaction.response is not None:
                self.statuses[interaction.response.status_code // 100] += 1
                self.server_errors += interaction.response.status_code >= 500
        for nodes in recorder.checks.values():
            for node in nodes:
                if node.failure_info is None:
                    continue
                failure = node.failure_info.failure
                self.failed_cases[node.name] += 1
                key = (failure.operation or recorder.label, node.name, failure.title)
                self.findings.setdefault(key, Finding(
                    operation=key[0], check=node.name, message=str(failure).strip(),
                    reproduce=node.failure_info.code_sample,
                ))

    @property
    def schema_violations(self) -> int:
        return self.failed_cases["response_schema_conformance"]

    @property
    def gating_findings(self) -> list[Finding]:
        return [finding for finding in self.findings.values() if finding.check in GATING]

    @property
    def passed(self) -> bool:
        return (
            not self.server_errors and not self.gating_findings and not self.errors and not self.outside_connections
        )
