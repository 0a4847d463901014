"""`expand` (ZGW 1.7: drc-011..014, zrc-025..028): linked resources inlined under `_expand`.

Each component registers its resources here (`register`), each with the
fields that link to other resources (`Link`) and a batch loader that renders
the linked objects exactly as a direct GET would show them, leaving out what
the caller may not read. `expand_paths` turns `?expand=a,b.c` (or a `_zoek`
body's list) into a tree of field names, checked against the registry at
every level: an unknown name is a 404 (drc-013), malformed input or a request
beyond the caps below a 400. `expand_apply` walks the tree level by level
and loads each level's objects of a whole page in one batch per link, so a
page costs a constant number of queries per level.

Shape of `_expand` (the 1.7 OAS files): a to-one link holds the object, or
`{}` when the field is empty; a to-many link holds an array. An object the
caller may not read, or that cannot be found, is left out.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from uuid import UUID

from django.conf import settings
from django.urls import Resolver404, resolve
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions, serializers
from rest_framework.exceptions import ErrorDetail
from vng_api_common.utils import underscore_to_camel

from .constants import EXPAND_DESCRIPTION

EXPAND_KEY = "_expand"

# An expansion path as the client wrote it, one segment per level.
Tree = dict[str, "Tree"]


@dataclass(frozen=True)
class Link:
    """A field of a resource that names another resource by URL.

    `many`: the field holds a list. `url_key`: its values are objects holding
    the URL under this key (Catalogi's `gerelateerdeZaaktypen[].zaaktype`).
    `required`: the field always holds a URL, so its expansion is never `{}`
    (the schema names the target alone, as Documenten 1.7 writes it).
    """

    target: str
    many: bool = False
    url_key: str | None = None
    required: bool = False

    def urls(self, value) -> list[str]:
        values = value if self.many and isinstance(value, list) else [value]
        if self.url_key:
            values = [v.get(self.url_key) if isinstance(v, dict) else None for v in values]
        return [v for v in values if isinstance(v, str) and v]


@dataclass
class Resource:
    """What expand knows of one resource: its API, its OAS component, its links and its loader.

    `load(request, urls)` returns the objects the caller may read among
    `urls`, rendered as their own detail renders them (snake_case, before the
    camelCase renderer), keyed by the URL asked for. `links` are keyed by the
    snake_case field name.
    """

    name: str
    api: str
    schema_name: str
    load: Callable[[object, list[str]], dict[str, dict]] | None = None  # None: no link leads here
    links: dict[str, Link] = field(default_factory=dict)


RESOURCES: dict[str, Resource] = {}


def register(resource: Resource) -> Resource:
    RESOURCES[resource.name] = resource
    return resource


class ExpandNotFound(exceptions.NotFound):
    """drc-013 / zrc-027: a name that is not an expandable attribute of the resource is a 404."""

    default_code = "invalid-expand"


def _bad_request(message: str, code: str) -> exceptions.ValidationError:
    return exceptions.ValidationError({"expand": [ErrorDetail(message, code=code)]})


def expand_paths(raw, resource_name: str) -> Tree:
    """The expansion tree a request asks for; {} for none.

    `raw` is the query parameter (comma-separated, dot-notation) or a `_zoek`
    body's value (a list of such strings, or one string). Raises a 400
    (`invalid-expand`, `expand-too-large`) for malformed input or more than
    EXPAND_MAX_PATHS paths or EXPAND_MAX_DEPTH levels, and a 404 for a name
    the resource at that level does not link.
    """
    if raw is None or raw == "":
        return {}
    if isinstance(raw, str):
        entries = raw.split(",")
    elif isinstance(raw, list):
        if not all(isinstance(entry, str) for entry in raw):
            raise _bad_request("Elke expand-waarde is een tekst, bijvoorbeeld \"informatieobjecttype\".", "invalid-expand")
        entries = [part for entry in raw for part in entry.split(",")]
    else:
        raise _bad_request("Geef expand als komma-gescheiden tekst of als lijst van teksten.", "invalid-expand")
    paths = [entry.strip() for entry in entries if entry.strip()]
    if len(paths) > settings.EXPAND_MAX_PATHS:
        raise _bad_request(f"Vraag hoogstens {settings.EXPAND_MAX_PATHS} expand-paden tegelijk.", "expand-too-large")
    tree: Tree = {}
    for path in paths:
        segments = path.split(".")
        if any(not segment.strip() for segment in segments):
            raise _bad_request(f"Ongeldig expand-pad: {_quoted(path)}.", "invalid-expand")
        if len(segments) > settings.EXPAND_MAX_DEPTH:
            raise _bad_request(f"Een expand-pad gaat hoogstens {settings.EXPAND_MAX_DEPTH} niveaus diep.", "expand-too-large")
        resource, node = RESOURCES[resource_name], tree
        for depth, segment in enumerate(segments):
            # The name as the resource renders it (camelCase), nothing looser: drc-013.
            name = {underscore_to_camel(field): field for field in resource.links}.get(segment.strip())
            if name is None:
                reached = ".".join(segments[:depth]) or resource.name.split(".")[-1]
                raise ExpandNotFound(f"{_quoted(segment)} is geen uit te breiden attribuut van {_quoted(reached)}.")
            node = node.setdefault(name, {})
            resource = RESOURCES[resource.links[name].target]
    return tree


def _quoted(text: str, limit: int = 60) -> str:
    # A problem quotes the client's input, never all of it: a fuzzer's megabyte stays out of answers and logs.
    return repr(text if len(text) <= limit else text[:limit] + "…")


def tree_truncated(tree: Tree, depth: int) -> Tree:
    """The tree cut after `depth` levels (drc-012: a deeper expand answers at most three levels)."""
    if depth <= 0:
        return {}
    return {name: tree_truncated(subtree, depth - 1) for name, subtree in tree.items()}


class _Expansion:
    """One response's expansion: each object read once per resource and URL, every copy placed counted.

    The cap counts what the answer carries, not what was read: a few objects
    reached along a path that fans out again at every level would otherwise
    make an answer of millions of copies from a handful of reads.
    """

    def __init__(self, request):
        self.request = request
        self.read: dict[str, dict[str, dict | None]] = {}
        self.placed = 0

    def load(self, resource: Resource, urls: Iterable[str]) -> dict[str, dict]:
        known = self.read.setdefault(resource.name, {})
        missing = [url for url in dict.fromkeys(urls) if url not in known]
        if missing:
            local = _local(missing, self.request)
            found = resource.load(self.request, local) if local and resource.load else {}
            known.update({url: found.get(url) for url in missing})
        return {url: known[url] for url in urls if known.get(url) is not None}

    def place(self, obj: dict) -> dict:
        """A copy of `obj` for one spot in the answer: its own `_expand` follows its own path."""
        self.placed += 1
        if self.placed > settings.EXPAND_MAX_OBJECTS:
            raise _bad_request(
                f"De expand zou meer dan {settings.EXPAND_MAX_OBJECTS} objecten opleveren; vraag minder "
                "of gebruik een kleinere pagina.", "expand-too-large",
            )
        return dict(obj)


def _local(urls: list[str], request) -> list[str]:
    # Only this service's own objects are expanded: a URL of another host is never fetched.
    host = request.get_host()
    return [url for url in urls if _host(url) == host]


def _host(url: str) -> str | None:
    try:
        return urlsplit(url).netloc
    except ValueError:  # free text in a link field that only starts like a URL ("http://[x")
        return None


def expand_apply(request, items: list[dict], tree: Tree, resource_name: str) -> None:
    """Fill `_expand` on rendered `items` of `resource_name` following `tree`, level by level.

    Raises a 400 (`expand-too-large`) when the answer would carry more than
    EXPAND_MAX_OBJECTS expanded objects.
    """
    _expand_level(items, tree, RESOURCES[resource_name], _Expansion(request))


def _expand_level(items: list[dict], tree: Tree, resource: Resource, expansion: _Expansion) -> None:
    for name, subtree in tree.items():
        link = resource.links[name]
        target = RESOURCES[link.target]
        loaded = expansion.load(target, [url for item in items for url in link.urls(item.get(name))])
        placed = []
        for item in items:
            urls = link.urls(item.get(name))
            objects = [expansion.place(loaded[url]) for url in urls if url in loaded]
            placed += objects
            expanded = item.setdefault(EXPAND_KEY, {})
            if link.many:
                expanded[name] = objects
            elif not urls:
                expanded[name] = {}
            elif objects:
                expanded[name] = objects[0]
        if subtree and placed:
            _expand_level(placed, subtree, target, expansion)


def uuid_of(url: str, view_name: str) -> str | None:
    """The uuid of the `view_name` resource `url` names (its path resolved here), or None."""
    try:
        match = resolve(urlsplit(url).path)
        return str(UUID(str(match.kwargs.get("uuid")))) if match.url_name == view_name else None
    except (Resolver404, ValueError):
        return None


def viewset_loader(viewset_class, *, component: str, view_name: str) -> Callable[[object, list[str]], dict[str, dict]]:
    """A loader rendering objects through `viewset_class` as its retrieve would: its queryset
    (with its prefetches), its serializer, and its retrieve scope on `component`.

    One query (plus the queryset's prefetches) for any number of URLs.
    """

    def load(request, urls: list[str]) -> dict[str, dict]:
        view = viewset_class(request=request, format_kwarg=None, args=(), kwargs={}, action="retrieve")
        if not request.jwt_auth.for_component(component).has_scope(view.required_scopes.get("retrieve")):
            return {}
        uuids = {url: uuid_of(url, view_name) for url in urls}
        found = list(view.get_queryset().filter(uuid__in=[u for u in uuids.values() if u]))
        rendered = {str(obj.uuid): data for obj, data in zip(found, view.get_serializer(found, many=True).data)}
        return {url: rendered[uuid] for url, uuid in uuids.items() if uuid in rendered}

    return load


@extend_schema_field({"type": "string", "description": EXPAND_DESCRIPTION, "example": "informatieobjecttype"})
class ExpandField(serializers.JSONField):
    """`expand` in a search body: a string as the OAS has it, or a list of strings; `ExpandMixin`
    has checked it (a 400 for anything else) before the body's serializer runs."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
