"""What queries see: a snapshot of the queryable objects, optionally lagging behind writes.

Alfresco answers most queries from Solr, which indexes a write some time after it commits
(CMIS.md §4.4). With a lag, each write's new rows become visible only ``lag`` seconds later, so a
query shows a new object late, an updated one with its old values, a deleted one still (the live
object is then gone and the result skips it, as Alfresco's result sets do).
"""
import time
from collections import deque
from typing import Any

Row = dict[str, Any]


class QueryIndex:
    """Rows per key (a version series, or a folder/item id); guarded by the repository lock."""

    def __init__(self, lag: float = 0.0):
        self.lag = lag
        self._rows: dict[str, list[Row]] = {}
        self._pending: deque[tuple[float, str, list[Row]]] = deque()

    def schedule(self, key: str, rows: list[Row]) -> None:
        self._pending.append((time.monotonic() + self.lag, key, rows))
        self._apply(time.monotonic())

    def rows(self) -> list[Row]:
        self._apply(time.monotonic())
        return [row for rows in self._rows.values() for row in rows]

    def flush(self) -> None:
        """Make every write visible now (a test that waits for the index to catch up)."""
        self._apply(float("inf"))

    def set_lag(self, lag: float) -> None:
        self.lag = lag
        if lag <= 0:
            self.flush()

    def _apply(self, now: float) -> None:
        while self._pending and self._pending[0][0] <= now:
            _, key, rows = self._pending.popleft()
            if rows:
                self._rows[key] = rows
            else:
                self._rows.pop(key, None)
