"""Which schemathesis checks fail the gate, why the others only report, and the tally of one component's run."""
from collections import Counter
from dataclasses import dataclass, field

from schemathesis.engine import events

# The two findings the gate never tolerates: a 5xx is a bug whatever the input, and a response the served
# schema does not describe breaks every client generated from it.
GATING = {
    "not_a_server_error": "a 5xx answer",
    "response_schema_conformance": "a response body the served schema does not describe",
}

# Every other check runs and is reported, but does not fail the gate, for these reasons.
REPORTED_ONLY = {
    "status_code_conformance":
        "the ZGW standard's own OAS documents only a subset of the statuses it prescribes (401/403/404/409/412/415 "
        "problem answers on every operation); an undocumented status is a documentation gap, not a wrong answer",
    "content_type_conformance":
        "HEAD and 304 answers carry no body but the GET's content type, which the check reads as a mismatch",
    "response_headers_conformance":
        "the served OAS declares headers (API-version, ETag, Content-Crs) per operation, not per status; "
        "problem answers rightly omit ETag",
    "negative_data_rejection":
        "ZGW servers ignore unknown body fields and accept some strings outside a declared pattern/format the "
        "standard itself tolerates (DRF's standard behaviour); a 2xx to such data is not a violation of the standard",
    "positive_data_acceptance":
        "schema-valid data is rightly refused by business rules the OAS cannot express (references must resolve "
        "to this server's published types, uniqueness, lock state, closed periods): 400 with invalidParams",
    "missing_required_header":
        "the standard answers a request without Authorization with 403 (vng-api-common), not the 401 the check expects",
    "unsupported_method":
        "an undeclared method is answered after the unknown-query-parameter check, so a stray query gives 400 "
        "before 405; both refuse the request",
    "allow_header_conformance":
        "DRF's Allow header lists the viewset's methods, including OPTIONS that the OAS does not declare",
    "use_after_free":
        "a stateful heuristic; published catalogi types are not deletable and a 'deleted' one stays by design",
    "ensure_resource_availability":
        "a stateful heuristic; a created document above the client's confidentiality level is hidden by design",
    "ignored_auth":
        "the Referentielijsten API and every schema endpoint are public by the standard",
    "object_level_authorization":
        "the gate runs with one client that has heeftAlleAutorisaties: every object is its own by design",
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
