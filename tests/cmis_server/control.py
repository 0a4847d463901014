"""The test-control endpoint ``/__control`` (same basic auth as the repository).

    GET    /__control                 faults pending and settings
    POST   /__control/faults          add a fault rule (JSON fields of faults.Fault) → 201
    DELETE /__control/faults          remove all rules
    POST   /__control/settings        {"indexLag": s, "autoVersionOnUpdateProps": b, "exactNumItems": b}
    POST   /__control/index/flush     make every write visible to queries now
    POST   /__control/types           register one type definition or a list (a deployed content model) → 201
    GET    /__control/requests        the last requests served (method, path, action, selector, objectId, status)
    DELETE /__control/requests        forget them
"""
import json
import threading
from collections import deque
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from werkzeug.wrappers import Request, Response

from .errors import CmisError
from .faults import Faults
from .typedefs import TypeRegistry

if TYPE_CHECKING:
    from .repository import Repository


class RequestLog:
    def __init__(self, size: int = 1000):
        self._lock = threading.Lock()
        self._entries: deque[dict[str, Any]] = deque(maxlen=size)

    def add(self, **entry: Any) -> None:
        with self._lock:
            self._entries.append(entry)

    def entries(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def _json(data: Any, status: int = 200) -> Response:
    return Response(json.dumps(data), status, content_type="application/json")


def settings_json(repo: "Repository") -> dict[str, Any]:
    return {"indexLag": repo.index.lag, "autoVersionOnUpdateProps": repo.settings.auto_version_on_update_props,
            "exactNumItems": repo.settings.exact_num_items}


def handle(request: Request, repo: "Repository", faults: Faults, log: RequestLog) -> Response:
    route = (request.method, request.path.rstrip("/"))
    try:
        body = request.get_json(silent=True) if request.method == "POST" else None
        if route == ("GET", "/__control"):
            return _json({"faults": faults.pending(), "settings": settings_json(repo)})
        if route == ("POST", "/__control/faults"):
            return _json(asdict(faults.add(**(body or {}))), 201)
        if route == ("DELETE", "/__control/faults"):
            faults.clear()
            return Response(status=204)
        if route == ("POST", "/__control/settings"):
            apply_settings(repo, body or {})
            return _json(settings_json(repo))
        if route == ("POST", "/__control/index/flush"):
            with repo.store.lock:
                repo.index.flush()
            return Response(status=204)
        if route == ("POST", "/__control/types"):
            definitions = body if isinstance(body, list) else [body or {}]
            return _json([register_type(repo, d) for d in definitions], 201)
        if route == ("GET", "/__control/requests"):
            return _json(log.entries())
        if route == ("DELETE", "/__control/requests"):
            log.clear()
            return Response(status=204)
    except (ValueError, TypeError, CmisError) as error:
        return _json({"error": str(error)}, 400)
    return _json({"error": "no such control route"}, 404)


def apply_settings(repo: "Repository", settings: dict[str, Any]) -> None:
    unknown = set(settings) - {"indexLag", "autoVersionOnUpdateProps", "exactNumItems"}
    if unknown:
        raise ValueError(f"Unknown setting(s): {', '.join(sorted(unknown))}")
    with repo.store.lock:
        if "indexLag" in settings:
            repo.index.set_lag(float(settings["indexLag"]))
        if "autoVersionOnUpdateProps" in settings:
            repo.settings.auto_version_on_update_props = bool(settings["autoVersionOnUpdateProps"])
        if "exactNumItems" in settings:
            repo.settings.exact_num_items = bool(settings["exactNumItems"])


def register_type(repo: "Repository", definition: dict[str, Any]) -> dict[str, Any]:
    """Register (or redeploy) a type; it is persisted with the repository."""
    try:
        with repo.store.transaction():
            registered = repo.types.register(definition)
            repo.store.put_type(registered)
    except BaseException:
        repo.types = TypeRegistry(list(repo.store.types.values()))
        raise
    return repo.types.definition_json(registered["id"])
