"""Fault injection for the backend's failure tests (CMIS.md §3.6, §4.5 item 3).

A rule makes the next ``count`` matching requests fail: answer an error (default 500 runtime) or
drop the connection, optionally after a delay (``status=None`` without ``drop``: only slow), and
either before the request is handled or after (``after=True``: the repository change happens, then the answer is lost, which is the
"DMS write succeeded but we never heard" case). Rules match on method, a regular expression
searched in the path, ``cmisaction`` and ``cmisselector`` (case-insensitive); unset fields match
anything. Control them in-process (``server.faults.add(...)``) or over HTTP (``/__control``).
"""
import re
import threading
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from .errors import BY_NAME


@dataclass
class Fault:
    count: int = 1
    method: str | None = None
    path: str | None = None
    action: str | None = None
    selector: str | None = None
    status: int | None = 500
    exception: str = "runtime"
    message: str = "Injected fault"
    drop: bool = False
    delay: float = 0.0
    after: bool = False
    id: int = field(default=0)

    def matches(self, method: str, path: str, action: str | None, selector: str | None) -> bool:
        return (
            (self.method is None or self.method.upper() == method.upper())
            and (self.path is None or re.search(self.path, path) is not None)
            and (self.action is None or self.action.lower() == (action or "").lower())
            and (self.selector is None or self.selector.lower() == (selector or "").lower())
        )


class Faults:
    """Thread-safe list of pending fault rules, consumed first-match-first."""

    def __init__(self):
        self._lock = threading.Lock()
        self._rules: list[Fault] = []
        self._next_id = 1

    def add(self, **spec: Any) -> Fault:
        known = {f.name for f in fields(Fault)} - {"id"}
        unknown = set(spec) - known
        if unknown:
            raise ValueError(f"Unknown fault field(s): {', '.join(sorted(unknown))}")
        rule = Fault(**spec)
        if rule.count < 1 or (rule.status is not None and not 100 <= int(rule.status) <= 599) or rule.delay < 0:
            raise ValueError("count must be >= 1, status an HTTP status or null, delay >= 0")
        if rule.path is not None:
            try:
                re.compile(rule.path)
            except re.error as error:
                raise ValueError(f"path is not a regular expression: {error}") from None
        if rule.exception not in BY_NAME and not rule.drop:
            raise ValueError(f"Unknown CMIS exception name {rule.exception!r}")
        with self._lock:
            rule.id, self._next_id = self._next_id, self._next_id + 1
            self._rules.append(rule)
        return rule

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    def take(self, method: str, path: str, action: str | None, selector: str | None) -> Fault | None:
        with self._lock:
            for rule in self._rules:
                if rule.matches(method, path, action, selector):
                    rule.count -= 1
                    if rule.count == 0:
                        self._rules.remove(rule)
                    return rule
        return None

    def pending(self) -> list[dict[str, Any]]:
        with self._lock:
            return [asdict(rule) for rule in self._rules]
