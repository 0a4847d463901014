"""The CMIS 1.1 Browser Binding gateway: cmislib 0.7.0 where it works, raw HTTP where not (CMIS.md §1.4–1.6).

The only module that imports cmislib. It owns the HTTP session (timeouts on every request,
pooling, retries for GETs, basic auth) and hands it to cmislib, so both paths share one connection
pool and one error mapping. Raw requests on that session cover what cmislib 0.7.0 gets wrong:
streamed downloads with Range, checkIn with properties, content and major=true in one request,
appendContent, paged queries, createItem and versioningState on create, typed property values in
and out (nulls kept, datetimes UTC-aware) and errors that keep the server's CMIS exception name.
Callers get plain dataclasses and never see a cmislib object, a CMIS form field or an id format.
"""
import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from functools import wraps
from typing import IO, Any, TypeVar

import requests
import urllib3
from cmislib import CmisClient
from cmislib.browser.binding import BrowserBinding, BrowserDocument, BrowserFolder, BrowserRepository
from cmislib.domain import CmisId
from requests.adapters import HTTPAdapter
from requests_toolbelt.multipart.encoder import MultipartEncoder
from urllib3.util.retry import Retry

CHUNK_SIZE = 64 * 1024
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
TEXT_PART = "text/plain; charset=utf-8"  # explicit, so the server never guesses the charset of a form field
DEFAULT_MIMETYPE = "application/octet-stream"


@dataclass(frozen=True)
class CmisConfig:
    url: str  # Browser Binding service URL (…/alfresco/api/-default-/public/cmis/versions/1.1/browser)
    repository_id: str = ""  # "" = the first repository the service lists
    user: str = ""
    password: str = ""
    base_folder: str = "/DRC"  # absolute path under the root folder
    connect_timeout: float = 5.0
    read_timeout: float = 60.0
    retries: int = 3  # for idempotent GETs only


@dataclass(frozen=True)
class CmisObject:
    id: str  # cmis:objectId (never parse it)
    version_series_id: str | None
    version_label: str | None
    is_latest: bool
    properties: dict[str, Any]  # typed: str | int | bool | Decimal | datetime (UTC) | list | None
    content_length: int | None
    mimetype: str | None
    change_token: str | None
    last_modified: datetime | None


@dataclass(frozen=True)
class QueryPage:
    objects: tuple[CmisObject, ...]  # only the selected properties, keyed by query name or alias
    has_more: bool
    num_items: int | None  # None when the server does not know (-1 or absent)


@dataclass(frozen=True)
class ContentStream:
    chunks: Iterator[bytes]  # closes the response when exhausted, broken off or closed
    length: int  # bytes in this response
    total: int | None  # size of the whole content stream, None when the server withholds it
    mimetype: str


class CmisError(Exception):
    """A failed CMIS call; ``status`` is the HTTP status (None: no answer), ``exception`` the CMIS name ("" if none)."""

    def __init__(self, message: str, *, status: int | None = None, exception: str = ""):
        super().__init__(message)
        self.message = message
        self.status = status
        self.exception = exception


class CmisUnavailable(CmisError):
    """Connection refused or dropped, a timeout, or a 5xx: the repository may be fine a moment later."""


class CmisNotFound(CmisError):
    """404: the object (or type, or path) does not exist."""


class CmisConflict(CmisError):
    """409: constraint, contentAlreadyExists, updateConflict, versioning or nameConstraintViolation."""


class CmisRefused(CmisError):
    """Any other 4xx: the request itself was wrong or not allowed (invalidArgument, 401, 403, 405, 416 ...)."""


def quote(value: str) -> str:
    """A CMIS-QL string literal: backslashes and single quotes escaped, wrapped in single quotes."""
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


# ---- HTTP: session, retries, timeouts, error mapping -------------------------------------------------------------

class _TimeoutAdapter(HTTPAdapter):
    """A pooled adapter that applies the configured timeouts to requests that name none (all of cmislib's)."""

    def __init__(self, timeout: tuple[float, float], **kwargs: Any):
        self._timeout = timeout
        super().__init__(**kwargs)

    def send(self, request: requests.PreparedRequest, *args: Any, timeout: Any = None, **kwargs: Any):
        return super().send(request, *args, timeout=timeout or self._timeout, **kwargs)


def _error_for(status: int | None, exception: str, message: str) -> CmisError:
    if status is None or status >= 500:
        kind: type[CmisError] = CmisUnavailable
    elif status == 404:
        kind = CmisNotFound
    elif status == 409:
        kind = CmisConflict
    else:
        kind = CmisRefused
    return kind(message or f"The CMIS server answered HTTP {status}", status=status, exception=exception)


def _raise_for_status(response: requests.Response, *args: Any, **kwargs: Any) -> None:
    """Session hook, so cmislib's calls and the raw ones fail alike, keeping the server's ``exception`` name."""
    if response.status_code < 400:
        return
    try:
        body = response.json()
    except ValueError:
        body = None
    finally:
        response.close()
    body = body if isinstance(body, dict) else {}
    raise _error_for(response.status_code, str(body.get("exception") or ""),
                     str(body.get("message") or response.reason or ""))


_TRANSPORT_ERRORS = (requests.RequestException, urllib3.exceptions.HTTPError)
_F = TypeVar("_F", bound=Callable[..., Any])


def _transport_errors_mapped(method: _F) -> _F:
    """Turns transport failures (refused, dropped, timed out) into CmisUnavailable."""

    @wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except requests.Timeout as error:
            raise CmisUnavailable(f"The CMIS server did not answer in time: {error}") from error
        except _TRANSPORT_ERRORS as error:
            raise CmisUnavailable(f"The CMIS server could not be reached: {error}") from error

    return wrapper  # type: ignore[return-value]


def _json(response: requests.Response) -> Any:
    """The body with decimals as Decimal (a float would round them); an empty body is None."""
    try:
        return json.loads(response.content, parse_float=Decimal) if response.content else None
    except ValueError as error:
        raise CmisUnavailable("The CMIS server sent a body that is not JSON", status=response.status_code) from error


class _Body:
    """Iterates a streamed response in chunks and closes it when exhausted, broken off or closed, even unstarted
    (a generator's ``finally`` would not run if it is closed before its first ``next``)."""

    def __init__(self, response: requests.Response):
        self._response = response
        self._chunks = response.iter_content(CHUNK_SIZE)
        self._closed = False

    def __iter__(self) -> "_Body":
        return self

    def __next__(self) -> bytes:
        if self._closed:
            raise StopIteration
        try:
            return next(self._chunks)
        except StopIteration:
            self.close()
            raise
        except _TRANSPORT_ERRORS as error:
            self.close()
            raise CmisUnavailable(f"The CMIS download broke off: {error}") from error

    def close(self) -> None:
        self._closed = True
        self._response.close()


# ---- property codecs -------------------------------------------------------------------------------------------

def _encode(value: Any) -> str:
    """One property value as the Browser Binding's form string."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        if value.utcoffset() is None:
            raise ValueError(f"A naive datetime is ambiguous; give {value!r} a timezone")
        return str((value - EPOCH) // timedelta(milliseconds=1))
    if isinstance(value, date):
        return _encode(datetime.combine(value, time(), tzinfo=UTC))
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, int):
        return int.__repr__(value)  # an IntEnum member gives its number, not its name
    if isinstance(value, str):
        return str.__str__(value)  # a str-based enum member gives its value
    raise TypeError(f"Cannot send a {type(value).__name__} as a CMIS property value")


def _property_fields(properties: dict[str, Any]) -> list[tuple[str, str]]:
    """``propertyId[i]`` with ``propertyValue[i]`` or ``propertyValue[i][j]``; a property without value is null."""
    fields = []
    for i, (property_id, value) in enumerate(properties.items()):
        fields.append((f"propertyId[{i}]", property_id))
        if isinstance(value, (list, tuple)):
            fields += [(f"propertyValue[{i}][{j}]", _encode(item)) for j, item in enumerate(value)]
        elif value is not None:
            fields.append((f"propertyValue[{i}]", _encode(value)))
    return fields


def _decode(kind: str | None, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, list):
        return [_decode(kind, item) for item in value]
    if kind == "datetime":
        if isinstance(value, str):  # not what Alfresco sends, but ISO-8601 is unambiguous
            moment = datetime.fromisoformat(value)
            return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)
        return EPOCH + timedelta(milliseconds=int(value))
    if kind == "integer":
        return int(value)
    if kind == "decimal":
        return value if isinstance(value, Decimal) else Decimal(str(value))
    if kind == "boolean":
        return value if isinstance(value, bool) else str(value).lower() == "true"
    return value


def _object(data: dict[str, Any]) -> CmisObject:
    """A CmisObject from the raw JSON, typed by each property's own ``type`` (cmislib would erase nulls)."""
    raw_properties = data.get("properties") or {}
    properties = {key: _decode(raw.get("type"), raw.get("value")) for key, raw in raw_properties.items()}
    return CmisObject(
        id=properties.get("cmis:objectId") or "",
        version_series_id=properties.get("cmis:versionSeriesId"),
        version_label=properties.get("cmis:versionLabel"),
        is_latest=bool(properties.get("cmis:isLatestVersion")),
        properties=properties,
        content_length=properties.get("cmis:contentStreamLength"),
        mimetype=properties.get("cmis:contentStreamMimeType"),
        change_token=properties.get("cmis:changeToken"),
        last_modified=properties.get("cmis:lastModificationDate"),
    )


def _is_pwc(obj: CmisObject) -> bool:
    return bool(obj.properties.get("cmis:isPrivateWorkingCopy")) or (
        obj.id == obj.properties.get("cmis:versionSeriesCheckedOutId"))


def _content_range_total(header: str | None) -> int | None:
    """The size after the slash of ``bytes a-b/size``; None for ``*`` or no header."""
    size = (header or "").rpartition("/")[2].strip()
    return int(size) if size.isdigit() else None


def _content_range_span(header: str | None) -> int | None:
    first, _, last = (header or "").partition(" ")[2].partition("/")[0].partition("-")
    return int(last) - int(first) + 1 if first.isdigit() and last.isdigit() else None


# ---- the gateway -----------------------------------------------------------------------------------------------

class CmisGateway:
    """Thread-safe: one requests session + cmislib repository per thread (threading.local)."""

    def __init__(self, config: CmisConfig):
        self.config = config
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._folders: dict[str, str] = {}
        self._lock = threading.Lock()

    def _new_session(self) -> requests.Session:
        config = self.config
        # 502/503/504 are retried for GETs only. A connect error is retried for any method: nothing was sent.
        # A read error (dropped, timed out) is not: a write may have happened, and a slow GET would only be
        # waited for again.
        retry = Retry(
            total=config.retries, connect=config.retries, read=False, status=config.retries, other=0,
            allowed_methods=frozenset({"GET", "HEAD"}), status_forcelist=(502, 503, 504), backoff_factor=0.2,
            raise_on_status=False,
        )
        adapter = _TimeoutAdapter((config.connect_timeout, config.read_timeout), max_retries=retry)
        session = requests.Session()
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        if config.user:
            session.auth = (config.user, config.password)
        session.hooks["response"].append(_raise_for_status)
        return session

    def _repository(self) -> BrowserRepository:
        """This thread's cmislib repository, bound to this thread's session (connecting on first use)."""
        repository = getattr(self._local, "repository", None)
        if repository is not None:
            return repository
        session = self._new_session()
        try:
            client = CmisClient(self.config.url, self.config.user, self.config.password, binding=BrowserBinding())
            client.session.close()
            client.session = session
            client.extArgs = {}  # else cmislib sends the binding's repr as a query parameter (CMIS.md §1.4.7)
            repositories = _json(session.get(self.config.url)) or {}
            wanted = self.config.repository_id or next(iter(repositories), "")
            if wanted not in repositories:
                raise CmisNotFound(f"The CMIS service has no repository {wanted!r}", status=404,
                                   exception="objectNotFound")
        except BaseException:
            session.close()
            raise
        with self._lock:
            self._sessions.append(session)
        self._local.repository = repository = BrowserRepository(client, repositories[wanted])
        return repository

    def _session(self) -> requests.Session:
        return self._repository()._cmisClient.session

    def _post(self, url: str, fields: list[tuple[str, str]], content: IO[bytes] | None = None,
              filename: str = "", mimetype: str = "") -> Any:
        """A multipart form; the content part streams from the file object, which needs a known size
        (a real file, BytesIO, a Django File, or anything with ``len``/``__len__``)."""
        parts: list[tuple[str, Any]] = [(name, (None, value, TEXT_PART)) for name, value in fields]
        if content is not None:
            parts.append(("content", (filename or "content", content, mimetype or DEFAULT_MIMETYPE)))
        encoder = MultipartEncoder(fields=parts)
        return _json(self._session().post(url, data=encoder, headers={"Content-Type": encoder.content_type}))

    def _post_object(self, fields: list[tuple[str, str]], **content: Any) -> CmisObject:
        return _object(self._post(self._repository().getRootFolderUrl(), fields, **content))

    def _document(self, object_id: str) -> BrowserDocument:
        """A cmislib handle on an object id, without fetching it first."""
        repository = self._repository()
        return BrowserDocument(repository._cmisClient, repository, CmisId(object_id))

    @_transport_errors_mapped
    def repository_info(self) -> dict:
        """The repository's raw info, fetched fresh (latestChangeLogToken moves)."""
        repository = self._repository()
        return repository._cmisClient.getRepository(repository.getRepositoryId()).data

    @_transport_errors_mapped
    def type_definition(self, type_id: str) -> dict | None:
        """The type's raw definition (with propertyDefinitions), None when the repository does not know it."""
        try:
            return self._repository().getTypeDefinition(type_id).data
        except CmisNotFound:
            return None

    @_transport_errors_mapped
    def folder(self, path: str) -> str:
        """The id of ``base_folder/path`` (e.g. "2026/12"), created with its parents when missing.

        Idempotent under races: look up, create, and on 409 look up again. Ids are cached for the life of
        the gateway; a folder removed in the DMS afterwards shows up as CmisNotFound on the write using it.
        """
        segments = [segment for segment in f"{self.config.base_folder}/{path}".split("/") if segment]
        return self._folder_at("/" + "/".join(segments))

    def _folder_at(self, absolute_path: str) -> str:
        with self._lock:
            cached = self._folders.get(absolute_path)
        if cached:
            return cached
        repository = self._repository()
        if absolute_path == "/":
            folder_id = repository.getRepositoryInfo()["rootFolderId"]
        else:
            try:
                folder_id = str(repository.getObjectByPath(absolute_path).id)
            except CmisNotFound:
                parent_path, _, name = absolute_path.rpartition("/")
                parent = BrowserFolder(repository._cmisClient, repository, CmisId(self._folder_at(parent_path or "/")))
                try:
                    folder_id = str(parent.createFolder(name).id)
                except CmisConflict:  # created by someone else since our lookup
                    folder_id = str(repository.getObjectByPath(absolute_path).id)
        with self._lock:
            self._folders[absolute_path] = folder_id
        return folder_id

    @_transport_errors_mapped
    def document_create(self, folder_id: str, *, type_id: str, name: str, properties: dict[str, Any],
                        content: IO[bytes] | None = None, filename: str = "", mimetype: str = "") -> CmisObject:
        """A new document as major version 1.0, content streamed from ``content``; CmisConflict on a taken name."""
        fields = [("cmisaction", "createDocument"), ("objectId", folder_id), ("versioningState", "major"),
                  *_property_fields({"cmis:objectTypeId": type_id, "cmis:name": name, **properties})]
        return self._post_object(fields, content=content, filename=filename or name, mimetype=mimetype)

    @_transport_errors_mapped
    def item_create(self, folder_id: str, *, type_id: str, name: str, properties: dict[str, Any]) -> CmisObject:
        """A new cmis:item (unversioned, content-less), which cmislib cannot create."""
        fields = [("cmisaction", "createItem"), ("objectId", folder_id),
                  *_property_fields({"cmis:objectTypeId": type_id, "cmis:name": name, **properties})]
        return self._post_object(fields)

    @_transport_errors_mapped
    def get(self, object_id: str) -> CmisObject:
        """The object with this id (that exact version for a document); CmisNotFound."""
        return _object(self._repository().getObject(object_id).data)

    @_transport_errors_mapped
    def latest(self, version_series_or_object_id: str) -> CmisObject:
        """The latest version of the series the id belongs to (the PWC never counts); CmisNotFound."""
        return _object(self._repository().getObject(version_series_or_object_id, returnVersion="latest").data)

    @_transport_errors_mapped
    def versions(self, object_id: str) -> tuple[CmisObject, ...]:
        """Every version of the series, oldest first, without the PWC."""
        found = (_object(version.data) for version in self._document(object_id).getAllVersions())
        return tuple(reversed([version for version in found if not _is_pwc(version)]))

    @_transport_errors_mapped
    def check_out(self, object_id: str) -> CmisObject:
        """Checks the series out and returns the PWC; CmisConflict (versioning) when already checked out."""
        return _object(self._document(object_id).checkout().data)

    @_transport_errors_mapped
    def check_in(self, pwc_id: str, *, properties: dict[str, Any], content: IO[bytes] | None = None,
                 filename: str = "", mimetype: str = "", comment: str = "") -> CmisObject:
        """Checks the PWC in as the next major version with these properties and (optionally) new content,
        in one request, so no intermediate version exists; returns the new version."""
        fields = [("cmisaction", "checkIn"), ("objectId", pwc_id), ("major", "true"),
                  *([("checkinComment", comment)] if comment else []), *_property_fields(properties)]
        return self._post_object(fields, content=content, filename=filename, mimetype=mimetype)

    @_transport_errors_mapped
    def cancel_check_out(self, pwc_id: str) -> None:
        """Discards the PWC; the series is as before the checkout."""
        self._document(pwc_id).cancelCheckout()

    @_transport_errors_mapped
    def append_content(self, object_id: str, content: IO[bytes], *, last: bool, filename: str = "",
                       mimetype: str = "") -> CmisObject:
        """Appends a chunk to the content of a PWC (or an unversioned document); ``last`` ends the upload."""
        fields = [("cmisaction", "appendContent"), ("objectId", object_id), ("isLastChunk", _encode(last))]
        return self._post_object(fields, content=content, filename=filename, mimetype=mimetype)

    @_transport_errors_mapped
    def update_properties(self, object_id: str, properties: dict[str, Any]) -> CmisObject:
        """Sets properties of an item or a PWC (on a current document version Alfresco would make a minor version)."""
        return self._post_object([("cmisaction", "update"), ("objectId", object_id), *_property_fields(properties)])

    @_transport_errors_mapped
    def delete(self, object_id: str, *, all_versions: bool = True) -> None:
        """Deletes the object (the whole series by default); CmisNotFound when it is gone already."""
        self._document(object_id).delete(allVersions=_encode(all_versions))

    @_transport_errors_mapped
    def content(self, object_id: str, *, byte_range: tuple[int, int | None] | None = None) -> ContentStream:
        """The content stream, streamed (never held whole); ``byte_range`` = (first, last or None), inclusive.

        Close ``chunks`` (or exhaust it) to release the connection. CmisConflict (constraint) when the
        document has no content, CmisRefused (416) when the range lies beyond it.
        """
        headers = {"Accept-Encoding": "identity"}  # the byte counts must be those of the stored content
        if byte_range is not None:
            first, last = byte_range
            headers["Range"] = f"bytes={first}-{'' if last is None else last}"
        response = self._session().get(self._repository().getRootFolderUrl(), stream=True, headers=headers,
                                       params={"objectId": object_id, "cmisselector": "content"})
        try:
            content_range = response.headers.get("Content-Range") if response.status_code == 206 else None
            length = response.headers.get("Content-Length")
            size = int(length) if length is not None else _content_range_span(content_range)
            if size is None:
                size = self.get(object_id).content_length or 0
            total = _content_range_total(content_range) if content_range else size
            return ContentStream(chunks=_Body(response), length=size, total=total,
                                 mimetype=response.headers.get("Content-Type") or DEFAULT_MIMETYPE)
        except BaseException:
            response.close()
            raise

    @_transport_errors_mapped
    def query(self, statement: str, *, max_items: int = 100, skip_count: int = 0) -> QueryPage:
        """One page of a CMIS-QL query (build literals with ``quote``); select cmis:objectId to get ids.

        Alfresco searches latest versions and PWCs only, and may lag behind writes (Solr).
        """
        fields = [("cmisaction", "query"), ("statement", statement), ("q", statement),
                  ("maxItems", str(max_items)), ("skipCount", str(skip_count)), ("searchAllVersions", "false")]
        body = self._post(self._repository().getRepositoryUrl(), fields) or {}
        num_items = body.get("numItems")
        return QueryPage(
            objects=tuple(_object(result) for result in body.get("results") or []),
            has_more=bool(body.get("hasMoreItems")),
            num_items=int(num_items) if num_items is not None and num_items >= 0 else None,
        )

    def close(self) -> None:
        """Closes every thread's session; a later call connects again."""
        with self._lock:
            sessions, self._sessions = self._sessions, []
        self._local = threading.local()
        for session in sessions:
            session.close()
