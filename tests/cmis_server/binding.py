"""The CMIS 1.1 Browser Binding over HTTP (WSGI), at Alfresco's URLs (CMIS.md §1.3, §4.3).

Service URL ``/alfresco/api/-default-/public/cmis/versions/1.1/browser`` (repository URL too),
objects under ``…/browser/root[/path]`` or ``…/root?objectId=``. Parameter names and the values of
``cmisselector``/``cmisaction`` are case-insensitive, parameters may come in the URL query or the
(multipart or urlencoded) body, and unknown ones are ignored. Uploads are spooled to disk by the
form parser and content is streamed back in chunks, with single ``Range`` requests answered 206.
"""
import hmac
import json
import logging
import re
import socket
import time
from typing import Any
from urllib.parse import quote

from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Request, Response

from . import control, discovery, encoders, filing, versioning
from .errors import CmisError, Constraint, InvalidArgument, NotSupported, ObjectNotFound
from .faults import Faults
from .repository import DOCUMENT, FOLDER, Repository, Upload

logger = logging.getLogger(__name__)
SERVICE_PATH = "/alfresco/api/-default-/public/cmis/versions/1.1/browser"
DEFAULT_MAX_ITEMS = 200
JSON = "application/json; charset=UTF-8"
RANGE = re.compile(r"bytes=(\d*)-(\d*)")


class Params(dict):
    """Request parameters by lower-cased name (first value), URL query and body merged."""

    @classmethod
    def of(cls, request: Request) -> "Params":
        params = cls()
        for source in (request.args, request.form):
            for key in source:
                params.setdefault(key.lower(), source.get(key))
        return params

    def flag(self, name: str, default: bool) -> bool:
        value = self.get(name.lower())
        return default if value in (None, "") else value.lower() == "true"

    def integer(self, name: str) -> int | None:
        value = self.get(name.lower())
        if value in (None, ""):
            return None
        try:
            return int(value)
        except ValueError:
            raise InvalidArgument(f"Parameter {name} must be an integer") from None

    def indexed(self, prefix: str) -> dict[int, str]:
        pattern = re.compile(re.escape(prefix.lower()) + r"\[(\d+)\]")
        return {int(m.group(1)): v for k, v in self.items() if (m := pattern.fullmatch(k))}

    def nested(self, prefix: str) -> dict[int, list[str]]:
        pattern = re.compile(re.escape(prefix.lower()) + r"\[(\d+)\]\[(\d+)\]")
        found: dict[int, dict[int, str]] = {}
        for key, value in self.items():
            if m := pattern.fullmatch(key):
                found.setdefault(int(m.group(1)), {})[int(m.group(2))] = value
        return {i: [values[j] for j in sorted(values)] for i, values in found.items()}

    def properties(self) -> dict[str, Any]:
        """``propertyId[i]`` with ``propertyValue[i]`` or ``propertyValue[i][j]``; no value means unset."""
        singles, multis = self.indexed("propertyValue"), self.nested("propertyValue")
        return {pid: multis.get(i, singles.get(i)) for i, pid in self.indexed("propertyId").items()}

    def aces(self, kind: str) -> dict[str, list[str]]:
        permissions = self.nested(f"{kind}ACEPermission")
        return {principal: permissions.get(i, []) for i, principal in self.indexed(f"{kind}ACEPrincipal").items()}


class Dropped(Response):
    """Closes the connection without an answer (the client sees a reset / remote disconnect)."""

    def __call__(self, environ, start_response):
        start_response("500 Dropped", [])
        sock = environ.get("werkzeug.socket")
        if sock is not None:
            sock.shutdown(socket.SHUT_RDWR)
        return []


class BrowserBindingApp:
    def __init__(self, repo: Repository, *, user: str, password: str, faults: Faults | None = None,
                 log: control.RequestLog | None = None):
        self.repo = repo
        self.user, self.password = user, password
        self.faults = faults or Faults()
        self.log = log or control.RequestLog()

    def __call__(self, environ: dict, start_response):
        request = Request(environ)
        if not self._authorized(request):
            response = self._error(401, "permissionDenied", "Unauthorized")
            response.headers["WWW-Authenticate"] = 'Basic realm="Alfresco"'
            return response(environ, start_response)
        if request.path.rstrip("/") == "/__control" or request.path.startswith("/__control/"):
            return control.handle(request, self.repo, self.faults, self.log)(environ, start_response)
        try:
            params = Params.of(request)
        except HTTPException as error:  # e.g. a form field over werkzeug's in-memory limit
            return self._error(error.code, "invalidArgument", error.description)(environ, start_response)
        action, selector = params.get("cmisaction"), params.get("cmisselector")
        fault = self.faults.take(request.method, request.path, action, selector)
        if fault:
            time.sleep(fault.delay)
        fails = fault is not None and (fault.drop or fault.status is not None)
        response = None if fails and not fault.after else self.respond(request, params)
        if fails:
            if response is not None:
                response.close()
            response = Dropped() if fault.drop else self._error(fault.status, fault.exception, fault.message)
        status = "dropped" if fails and fault.drop else response.status_code
        self.log.add(method=request.method, path=request.path, action=action, selector=selector,
                     objectId=params.get("objectid"), status=status)
        return response(environ, start_response)

    def _authorized(self, request: Request) -> bool:
        auth = request.authorization
        if auth is None or auth.type != "basic":
            return False
        return hmac.compare_digest((auth.username or "").encode(), self.user.encode()) and hmac.compare_digest(
            (auth.password or "").encode(), self.password.encode())

    @staticmethod
    def _error(status: int, name: str, message: str) -> Response:
        return Response(json.dumps(encoders.error_json(name, message)), status, content_type=JSON)

    def _json(self, data: Any, status: int = 200) -> Response:
        return Response(json.dumps(data), status, content_type=JSON)

    def respond(self, request: Request, params: Params) -> Response:
        try:
            if not request.path.startswith(SERVICE_PATH):
                raise ObjectNotFound(f"No CMIS service at {request.path}")
            if request.method not in ("GET", "POST"):
                raise NotSupported(f"The Browser Binding has no {request.method}")
            rest = request.path[len(SERVICE_PATH):].rstrip("/")
            user = request.authorization.username
            if rest == "":
                if request.method == "POST":
                    return self.repository_action(params)
                return self.repository_selector(request, params)
            if rest != "/root" and not rest.startswith("/root/"):
                raise ObjectNotFound(f"Object not found: {rest}")
            object_id = params.get("objectid")
            node = self.repo.node(object_id) if object_id else self.repo.by_path(rest[len("/root"):] or "/")
            if request.method == "POST":
                return self.object_action(node.id, params, request, user)
            return self.object_selector(node.id, params, request)
        except CmisError as error:
            return self._error(error.status, error.name, error.message)
        except Exception as error:  # a defect in this server: answer as Alfresco's CmisRuntimeException would
            logger.exception("request failed")
            return self._error(500, "runtime", repr(error))

    # ---- repository URL -------------------------------------------------------------------------
    def service_url(self, request: Request) -> str:
        return request.host_url.rstrip("/") + SERVICE_PATH

    def repository_selector(self, request: Request, params: Params) -> Response:
        selector = (params.get("cmisselector") or "repositoryInfo").lower()
        types, with_props = self.repo.types, params.flag("includePropertyDefinitions", False)
        if selector == "repositoryinfo":
            return self._json({"-default-": encoders.repository_info(self.repo, self.service_url(request))})
        if selector == "typedefinition":
            return self._json(types.definition_json(params.get("typeid") or ""))
        if selector == "typechildren":
            type_id = params.get("typeid")
            if type_id:
                types.get(type_id)
            children = [types.definition_json(t["id"], include_properties=with_props) for t in types.children(type_id)]
            page, more = self._page(children, params, default=50)
            return self._json({"types": page, "hasMoreItems": more, "numItems": len(children)})
        if selector == "typedescendants":
            depth = params.integer("depth") or -1
            type_id = params.get("typeid")
            if type_id:
                types.get(type_id)
            return self._json(self._type_tree(type_id, depth, with_props))
        if selector == "query":
            return self._query(params)
        if selector == "contentchanges":
            with self.repo.store.lock:
                changes, more, token = discovery.content_changes(self.repo, params.get("changelogtoken"),
                                                                 params.integer("maxItems"))
            succinct = params.flag("succinct", False)
            return self._json({"objects": [encoders.change_json(c, succinct=succinct) for c in changes],
                               "hasMoreItems": more, "numItems": len(changes), "changeLogToken": token})
        if selector == "checkedout":
            return self._checked_out(params, None)
        raise NotSupported(f"Unknown operation: cmisselector={selector}")

    def _type_tree(self, type_id: str | None, depth: int, with_props: bool) -> list[dict[str, Any]]:
        tree = []
        for child in self.repo.types.children(type_id):
            entry = {"type": self.repo.types.definition_json(child["id"], include_properties=with_props)}
            if depth != 1:
                entry["children"] = self._type_tree(child["id"], depth - 1, with_props)
            tree.append(entry)
        return tree

    def repository_action(self, params: Params) -> Response:
        action = (params.get("cmisaction") or "").lower()
        if action == "query":
            return self._query(params)
        raise NotSupported(f"Unknown operation: cmisaction={action}")

    def _query(self, params: Params) -> Response:
        page = discovery.query(self.repo, params.get("q") or params.get("statement") or "",
                               max_items=params.integer("maxItems"), skip_count=params.integer("skipCount") or 0,
                               search_all_versions=params.flag("searchAllVersions", False))
        actions, succinct = params.flag("includeAllowableActions", False), params.flag("succinct", False)
        with self.repo.store.lock:
            return self._json(encoders.query_json(self.repo, page, actions=actions, succinct=succinct))

    # ---- object URLs: reads -------------------------------------------------------------------
    def _object(self, node_id: str, params: Params) -> dict[str, Any]:
        filter_value = params.get("filter")
        filter_ids = None if filter_value in (None, "", "*") else {f.strip() for f in filter_value.split(",")}
        with self.repo.store.lock:
            return encoders.object_json(self.repo, self.repo.node(node_id), filter_ids=filter_ids,
                                        actions=params.flag("includeAllowableActions", False),
                                        acl=params.flag("includeACL", False), succinct=params.flag("succinct", False))

    def _page(self, items: list, params: Params, *, default: int = DEFAULT_MAX_ITEMS) -> tuple[list, bool]:
        skip = params.integer("skipCount") or 0
        size = params.integer("maxItems")
        size = default if size is None else size
        if skip < 0 or size < 0:
            raise InvalidArgument("maxItems and skipCount must not be negative")
        return items[skip:skip + size], skip + size < len(items)

    def object_selector(self, node_id: str, params: Params, request: Request) -> Response:
        node = self.repo.node(node_id)
        version = (params.get("returnversion") or "").lower()
        if version in ("latest", "latestmajor"):
            node = versioning.latest_version(self.repo, node.id, major=version == "latestmajor")
        default = {DOCUMENT: "content", FOLDER: "children"}.get(node.base, "object")
        selector = (params.get("cmisselector") or default).lower()
        if selector == "object":
            return self._json(self._object(node.id, params))
        if selector == "properties":
            data = self._object(node.id, params)
            return self._json(data.get("properties", data.get("succinctProperties")))
        if selector == "allowableactions":
            with self.repo.store.lock:
                return self._json(encoders.allowable_actions(self.repo, node, self.repo.view(node)))
        if selector == "content":
            return self._content(node.id, request, params)
        if selector == "children":
            return self._children(node.id, params)
        if selector in ("descendants", "foldertree"):
            depth = params.integer("depth") or 10
            with self.repo.store.lock:
                return self._json(self._tree(self.repo.folder(node.id), depth, params, selector == "foldertree"))
        if selector == "parent":
            parents = self.repo.parents(self.repo.folder(node.id))
            if not parents:
                raise InvalidArgument("The root folder has no parent!")
            return self._json(self._object(parents[0].id, params))
        if selector == "parents":
            with self.repo.store.lock:
                parents = self.repo.parents(node)
            return self._json([{"object": self._object(p.id, params), "relativePathSegment": node.props["cmis:name"]}
                               for p in parents])
        if selector == "versions":
            return self._json([self._object(v.id, params) for v in versioning.all_versions(self.repo, node.id)])
        if selector == "acl":
            return self._json(encoders.acl_json(node))
        if selector == "relationships":
            return self._json({"objects": [], "hasMoreItems": False, "numItems": 0})
        if selector in ("policies", "renditions"):
            return self._json([])
        if selector == "checkedout":
            return self._checked_out(params, self.repo.folder(node.id).id)
        raise NotSupported(f"Unknown operation: cmisselector={selector}")

    def _children(self, folder_id: str, params: Params) -> Response:
        with self.repo.store.lock:
            children = self.repo.children(self.repo.folder(folder_id))
            views = {c.id: self.repo.view(c) for c in children}
            for clause in reversed([c.split() for c in (params.get("orderby") or "").split(",") if c.strip()]):
                pid, descending = clause[0], clause[-1].upper() == "DESC"
                children.sort(key=lambda n: (0, 0) if views[n.id].get(pid) is None else (1, views[n.id][pid]),
                              reverse=descending)
            page, more = self._page(children, params)
            objects = [{"object": self._object(c.id, params)} for c in page]
        return self._json({"objects": objects, "hasMoreItems": more, "numItems": len(children)})

    def _tree(self, folder, depth: int, params: Params, folders_only: bool) -> list[dict[str, Any]]:
        if depth == 0:
            raise InvalidArgument("depth must not be 0")
        tree = []
        for child in self.repo.children(folder):
            if folders_only and child.base != FOLDER:
                continue
            entry = {"object": {"object": self._object(child.id, params), "pathSegment": child.props["cmis:name"]}}
            if child.base == FOLDER and depth != 1:
                entry["children"] = self._tree(child, depth - 1, params, folders_only)
            tree.append(entry)
        return tree

    def _checked_out(self, params: Params, folder_id: str | None) -> Response:
        with self.repo.store.lock:
            pwcs = [self.repo.store.nodes[s.pwc] for s in self.repo.store.series.values()
                    if s.pwc and (folder_id is None or folder_id in s.folders)]
            page, more = self._page(pwcs, params)
            objects = [{"object": self._object(p.id, params)} for p in page]
        return self._json({"objects": objects, "hasMoreItems": more, "numItems": len(pwcs)})

    def _content(self, node_id: str, request: Request, params: Params) -> Response:
        with self.repo.store.lock:
            node = self.repo.node(node_id)
            if node.base != DOCUMENT or node.blob is None:
                raise Constraint("Object has no content stream!")
            size = node.props["cmis:contentStreamLength"]
            start, end, status = 0, size - 1, 200
            match = RANGE.fullmatch(request.headers.get("Range", "").replace(" ", ""))
            if match and match.group(1) + match.group(2):
                first, last = match.groups()
                if first:
                    start, end = int(first), min(int(last or size - 1), size - 1)
                else:
                    start = max(size - int(last), 0)
                if start >= size or start > end:
                    response = self._error(416, "invalidArgument", "Range not satisfiable")
                    response.headers["Content-Range"] = f"bytes */{size}"
                    return response
                status = 206
            chunks = self.repo.store.blobs.read(node.blob, start, end - start + 1)
        name = node.props["cmis:name"]
        disposition = "attachment" if (params.get("download") or "").lower() == "attachment" else "inline"
        ascii_name = name.encode("ascii", "replace").decode().replace('"', "'")
        headers = {
            "Content-Length": str(end - start + 1),
            "Content-Disposition": f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}",
            "Accept-Ranges": "bytes",
        }
        if status == 206:
            headers["Content-Range"] = f"bytes {start}-{end}/{size}"
        return Response(chunks, status, headers=headers, content_type=node.props["cmis:contentStreamMimeType"],
                        direct_passthrough=True)

    # ---- object URLs: writes -------------------------------------------------------------------
    @staticmethod
    def _upload(request: Request) -> Upload | None:
        for storage in request.files.values():
            return Upload(storage.stream, storage.content_type or "")
        return None

    def object_action(self, node_id: str, params: Params, request: Request, user: str) -> Response:
        repo, action = self.repo, (params.get("cmisaction") or "").lower()
        raw = params.properties()
        if action == "createdocument":
            node = repo.create_document(node_id, raw, self._upload(request),
                                        versioning_state=params.get("versioningstate"), user=user)
        elif action == "createfolder":
            node = repo.create_folder(node_id, raw, user=user)
        elif action == "createitem":
            node = repo.create_item(node_id, raw, user=user)
        elif action == "update":
            node = repo.update_properties(node_id, raw, user=user)
        elif action == "setcontent":
            node = repo.set_content(node_id, self._upload(request), overwrite=params.flag("overwriteFlag", True),
                                    user=user)
        elif action == "appendcontent":
            node = repo.append_content(node_id, self._upload(request), user=user)
        elif action == "deletecontent":
            node = repo.delete_content(node_id, user=user)
        elif action == "checkout":
            node = versioning.check_out(repo, node_id, user=user)
        elif action == "checkin":
            node = versioning.check_in(repo, node_id, major=params.flag("major", True), raw=raw,
                                       upload=self._upload(request), comment=params.get("checkincomment"), user=user)
        elif action == "cancelcheckout":
            versioning.cancel_check_out(repo, node_id)
            return Response(status=200)
        elif action == "delete":
            filing.delete(repo, node_id, all_versions=params.flag("allVersions", True))
            return Response(status=200)
        elif action == "deletetree":
            filing.delete_tree(repo, node_id, all_versions=params.flag("allVersions", True),
                               unfile=params.get("unfileobjects"))
            return Response(status=200)
        elif action == "move":
            node = filing.move(repo, node_id, target_id=params.get("targetfolderid") or "",
                               source_id=params.get("sourcefolderid"))
        elif action == "addobjecttofolder":
            node = filing.add_to_folder(repo, node_id, params.get("folderid") or "",
                                        all_versions=params.flag("allVersions", True))
        elif action == "removeobjectfromfolder":
            node = filing.remove_from_folder(repo, node_id, params.get("folderid") or "")
        elif action == "applyacl":
            node = filing.apply_acl(repo, node_id, add=params.aces("add"), remove=params.aces("remove"))
            return self._json(encoders.acl_json(node))
        elif action == "query":
            return self._query(params)
        else:
            raise NotSupported(f"Unknown operation: cmisaction={action}")
        created = action in ("createdocument", "createfolder", "createitem", "checkout", "checkin", "move")
        return self._json(self._object(node.id, params), 201 if created else 200)
