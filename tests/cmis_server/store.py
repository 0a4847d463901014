"""Repository state: nodes and version series in memory, persisted to SQLite per committed write.

Every write runs in ``Store.transaction()`` under one lock. A failed write restores memory from
the last commit, so a request that fails leaves nothing half-written; for that, callers never
change a ``Node`` or ``Series`` in place but put a replaced copy. The change log lives only in
SQLite (it grows without bound and is read by token range).
"""
import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .content import BlobStore
from .errors import Storage


def now_ms() -> int:
    return int(time.time() * 1000)


@dataclass
class Node:
    """One CMIS object: a folder, an item, a document version or a private working copy."""

    id: str
    base: str
    type_id: str
    props: dict[str, Any]
    parent: str | None = None  # folders and items; documents are filed through their series
    series: str | None = None
    blob: str | None = None
    acl: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Series:
    """A document's version series: versions oldest first, the PWC, and the folders it is filed in."""

    id: str
    versions: list[str]
    folders: list[str]
    pwc: str | None = None
    checked_out_by: str | None = None


@dataclass(frozen=True)
class Change:
    token: int
    object_id: str
    change_type: str
    time: int


SCHEMA = """
CREATE TABLE IF NOT EXISTS records (kind TEXT, id TEXT, data TEXT, PRIMARY KEY (kind, id));
CREATE TABLE IF NOT EXISTS changes (
    token INTEGER PRIMARY KEY AUTOINCREMENT, object_id TEXT, change_type TEXT, time INTEGER
);
"""


class Store:
    def __init__(self, data_dir: Path):
        data_dir.mkdir(parents=True, exist_ok=True)
        self.blobs = BlobStore(data_dir / "content")
        self.lock = threading.RLock()
        self._db = sqlite3.connect(data_dir / "repository.sqlite3", check_same_thread=False, isolation_level=None)
        self._db.executescript("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;" + SCHEMA)
        self._depth = 0
        self._dirty: dict[tuple[str, str], Any] = {}
        self._changes: list[tuple[str, str, int]] = []
        self._orphans: set[str] = set()
        self.listeners: list[Callable[[set[str], set[str]], None]] = []
        self._load()

    def _load(self) -> None:
        self.nodes: dict[str, Node] = {}
        self.series: dict[str, Series] = {}
        self.types: dict[str, dict[str, Any]] = {}
        self.meta: dict[str, Any] = {}
        for kind, key, data in self._db.execute("SELECT kind, id, data FROM records ORDER BY rowid"):
            value = json.loads(data)
            if kind == "node":
                self.nodes[key] = Node(**value)
            elif kind == "series":
                self.series[key] = Series(**value)
            elif kind == "type":
                self.types[key] = value
            else:
                self.meta[key] = value

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes; the outermost transaction commits them to SQLite or restores memory."""
        with self.lock:
            self._depth += 1
            try:
                yield
                if self._depth == 1:
                    self._commit()
            except BaseException:
                if self._depth == 1:
                    wrote = bool(self._dirty or self._changes)
                    self._dirty, self._changes, self._orphans = {}, [], set()
                    if wrote:
                        self._load()
                raise
            finally:
                self._depth -= 1

    def _commit(self) -> None:
        dirty, self._dirty = self._dirty, {}
        changes, self._changes = self._changes, []
        orphans, self._orphans = self._orphans, set()
        try:
            self._db.execute("BEGIN")
            for (kind, key), value in dirty.items():
                if value is None:
                    self._db.execute("DELETE FROM records WHERE kind = ? AND id = ?", (kind, key))
                else:
                    self._db.execute("INSERT OR REPLACE INTO records (kind, id, data) VALUES (?, ?, ?)",
                                     (kind, key, json.dumps(value)))
            self._db.executemany("INSERT INTO changes (object_id, change_type, time) VALUES (?, ?, ?)", changes)
            self._db.execute("COMMIT")
        except sqlite3.Error as error:
            self._db.execute("ROLLBACK")
            raise Storage(f"Could not persist the change: {error}") from error
        if orphans:
            for name in orphans - {node.blob for node in self.nodes.values()}:
                self.blobs.delete(name)
        node_ids = {key for kind, key in dirty if kind == "node"}
        series_ids = {key for kind, key in dirty if kind == "series"}
        for listener in self.listeners:
            listener(node_ids, series_ids)

    def _mark(self, kind: str, key: str, value: Any) -> None:
        if self._depth == 0:
            raise RuntimeError("store writes need a transaction")
        self._dirty[(kind, key)] = value

    def put_node(self, node: Node) -> None:
        old = self.nodes.get(node.id)
        if old is not None and old.blob and old.blob != node.blob:
            self._orphans.add(old.blob)
        self.nodes[node.id] = node
        self._mark("node", node.id, asdict(node))

    def delete_node(self, node_id: str) -> None:
        node = self.nodes.pop(node_id)
        if node.blob:
            self._orphans.add(node.blob)
        self._mark("node", node_id, None)

    def put_series(self, series: Series) -> None:
        self.series[series.id] = series
        self._mark("series", series.id, asdict(series))

    def delete_series(self, series_id: str) -> None:
        del self.series[series_id]
        self._mark("series", series_id, None)

    def put_type(self, definition: dict[str, Any]) -> None:
        self.types[definition["id"]] = definition
        self._mark("type", definition["id"], definition)

    def put_meta(self, key: str, value: Any) -> None:
        self.meta[key] = value
        self._mark("meta", key, value)

    def log_change(self, object_id: str, change_type: str) -> None:
        if self._depth == 0:
            raise RuntimeError("store writes need a transaction")
        self._changes.append((object_id, change_type, now_ms()))

    def changes(self, first_token: int | None, limit: int | None) -> list[Change]:
        with self.lock:
            rows = self._db.execute(
                "SELECT token, object_id, change_type, time FROM changes WHERE token >= ? ORDER BY token LIMIT ?",
                (first_token or 0, -1 if limit is None else limit),
            ).fetchall()
        return [Change(*row) for row in rows]

    def latest_change_token(self) -> int | None:
        with self.lock:
            return self._db.execute("SELECT MAX(token) FROM changes").fetchone()[0]
