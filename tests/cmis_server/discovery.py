"""Query and the change log (CMIS.md §4.3/§4.4).

Queries see the query index (latest versions and PWCs, possibly lagging) and render the live
object, skipping hits whose object is gone. ``searchAllVersions=true`` is refused as Alfresco does.
The change log follows Alfresco's token semantics: tokens are entry numbers, a request returns the
entries from the given token on (inclusive), and when more remain the answer's ``changeLogToken``
is the first entry not returned; otherwise it is null.
"""
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import InvalidArgument
from .query import Context, Query, parse, sort_rows
from .store import Change, Node

if TYPE_CHECKING:
    from .repository import Repository

DEFAULT_MAX_ITEMS = 200


@dataclass
class QueryPage:
    query: Query
    hits: list[Node]
    num_items: int
    has_more: bool


def query(repo: "Repository", statement: str, *, max_items: int | None, skip_count: int,
          search_all_versions: bool) -> QueryPage:
    if search_all_versions:
        raise InvalidArgument("Search all version is not supported!")
    max_items = DEFAULT_MAX_ITEMS if max_items is None else max_items
    if max_items < 0 or skip_count < 0:
        raise InvalidArgument("maxItems and skipCount must not be negative")
    parsed = parse(statement, repo.types)
    with repo.store.lock:
        types = repo.types.descendant_ids(parsed.type["id"])
        context = Context(in_tree=lambda parents, folder_id: any(folder_id in repo.ancestors(p) for p in parents))
        rows = [r for r in repo.index.rows() if r["cmis:objectTypeId"] in types and parsed.where(r, context) is True]
        live = [repo.store.nodes[r["cmis:objectId"]] for r in sort_rows(rows, parsed.order)
                if r["cmis:objectId"] in repo.store.nodes]
    page = live[skip_count:skip_count + max_items]
    num_items = len(live) if repo.settings.exact_num_items else -1
    return QueryPage(parsed, page, num_items, skip_count + len(page) < len(live))


def content_changes(repo: "Repository", token: str | None, max_items: int | None) -> tuple[list[Change], bool, Any]:
    """(changes, hasMoreItems, next changeLogToken)."""
    first = None
    if token not in (None, ""):
        try:
            first = int(token)
        except ValueError:
            raise InvalidArgument(f"Invalid change log token: {token}") from None
    if max_items is not None and max_items < 1:
        max_items = None
    changes = repo.store.changes(first, None if max_items is None else max_items + 1)
    if max_items is not None and len(changes) > max_items:
        return changes[:max_items], True, str(changes[max_items].token)
    return changes, False, None
