"""The repository's object services with Alfresco's rules (CMIS.md §4.4): ids, naming, filing, content.

Ids: folders and items are bare UUIDs, document versions ``<series uuid>;<label>``; a bare series
uuid resolves to the current version. Names are unique per folder, case-insensitively, and must
not contain ``* " < > \\ / ? : |`` or end in a dot or space. Versioning (checkout, checkin, version
history) lives in ``versioning.py`` and uses the helpers here.
"""
import io
import os
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from . import values, versioning
from .errors import (
    Constraint,
    ContentAlreadyExists,
    InvalidArgument,
    ObjectNotFound,
    StreamNotSupported,
    UpdateConflict,
)
from .index import QueryIndex
from .store import Node, Series, Store, now_ms
from .typedefs import VERSIONABLE, TypeRegistry

DOCUMENT, FOLDER, ITEM = "cmis:document", "cmis:folder", "cmis:item"
BAD_NAME = re.compile(r'["*\\<>?/:|]|[. ]$')
SYSTEM_PROPERTIES = {"cmis:objectTypeId", "cmis:secondaryObjectTypeIds", "cmis:name"}


@dataclass
class Upload:
    """A content part of a request: a readable stream (spooled to disk by the HTTP layer) and its mimetype.

    The part's file name is ignored, as Alfresco does: the content is named by ``cmis:name``.
    """

    stream: BinaryIO
    mime_type: str


@dataclass
class Settings:
    """Switches a test flips through the control endpoint.

    ``auto_version_on_update_props``: Alfresco's default for documents created through CMIS; a
    property or content write on a current version (not a PWC) then creates a new minor version.
    ``exact_num_items``: when off, queries answer ``numItems: -1`` as a repository may.
    """

    auto_version_on_update_props: bool = True
    exact_num_items: bool = True


class Repository:
    def __init__(self, data_dir: Path, *, index_lag: float = 0.0):
        self.store = Store(data_dir)
        self.types = TypeRegistry(list(self.store.types.values()))
        self.settings = Settings()
        self.index = QueryIndex(index_lag)
        if "root" not in self.store.meta:
            with self.store.transaction():
                root = self._new_node(FOLDER, FOLDER, {"cmis:name": "Company Home"}, user="System", parent=None)
                self.store.put_meta("root", root.id)
        self.root_id: str = self.store.meta["root"]
        for key in {node.series or node.id for node in self.store.nodes.values()}:
            self.index.schedule(key, self.index_rows(key))
        self.index.flush()
        self.store.listeners.append(self._reindex)

    # ---- lookup and views -------------------------------------------------------------------
    def node(self, object_id: str) -> Node:
        """The object with this id; a bare version series id means its current version."""
        with self.store.lock:
            if object_id in self.store.nodes:
                return self.store.nodes[object_id]
            series = self.store.series.get(object_id)
            if series is not None:
                return self.store.nodes[series.versions[-1]]
        raise ObjectNotFound(f"Object not found: {object_id}")

    def folder(self, folder_id: str) -> Node:
        node = self.node(folder_id)
        if node.base != FOLDER:
            raise InvalidArgument(f"Object {folder_id} is not a folder!")
        return node

    def series_of(self, node: Node) -> Series:
        return self.store.series[node.series]

    def is_pwc(self, node: Node) -> bool:
        return node.base == DOCUMENT and self.series_of(node).pwc == node.id

    def is_current(self, node: Node) -> bool:
        return node.base == DOCUMENT and self.series_of(node).versions[-1] == node.id

    def by_path(self, path: str) -> Node:
        """Resolve a path from the root; Alfresco matches names case-insensitively."""
        with self.store.lock:
            node = self.store.nodes[self.root_id]
            for segment in [s for s in path.split("/") if s]:
                node = next((c for c in self.children(node) if c.props["cmis:name"].casefold() == segment.casefold()),
                            None)
                if node is None:
                    raise ObjectNotFound(f"Object not found: {path}")
            return node

    def children(self, folder: Node) -> list[Node]:
        """Folders, items, and per filed document its current version and PWC."""
        with self.store.lock:
            found = [n for n in self.store.nodes.values() if n.parent == folder.id]
            for series in self.store.series.values():
                if folder.id in series.folders:
                    found.append(self.store.nodes[series.versions[-1]])
                    if series.pwc:
                        found.append(self.store.nodes[series.pwc])
        return sorted(found, key=lambda n: n.props["cmis:name"].casefold())

    def parents(self, node: Node) -> list[Node]:
        if node.base == DOCUMENT:
            return [self.store.nodes[f] for f in self.series_of(node).folders]
        return [self.store.nodes[node.parent]] if node.parent else []

    def path(self, folder: Node) -> str:
        names = []
        while folder.parent:
            names.append(folder.props["cmis:name"])
            folder = self.store.nodes[folder.parent]
        return "/" + "/".join(reversed(names))

    def ancestors(self, folder_id: str) -> set[str]:
        found = set()
        while folder_id and folder_id not in found:
            found.add(folder_id)
            folder_id = self.store.nodes[folder_id].parent if folder_id in self.store.nodes else None
        return found

    def definitions(self, node: Node) -> dict[str, dict[str, Any]]:
        """Property definitions of the node's type and of its secondary types."""
        return self._definitions(node.type_id, node.props.get("cmis:secondaryObjectTypeIds") or [])

    def _definitions(self, type_id: str, secondary_ids: list[str]) -> dict[str, dict[str, Any]]:
        merged = {}
        for secondary in secondary_ids:
            if self.types.find(secondary):
                merged.update(self.types.properties(secondary))
        merged.update(self.types.properties(type_id))
        return merged

    def view(self, node: Node) -> dict[str, Any]:
        """Every property value of the node, derived ones included (what JSON and queries see)."""
        props = dict(node.props)
        props.update({"cmis:objectId": node.id, "cmis:baseTypeId": node.base, "cmis:objectTypeId": node.type_id,
                      "cmis:changeToken": None})
        if node.base == DOCUMENT:
            series = self.series_of(node)
            majors = [v for v in series.versions if self.store.nodes[v].props["cmis:isMajorVersion"]]
            pwc = series.pwc == node.id
            current = series.versions[-1] == node.id
            props.update({
                "cmis:versionSeriesId": series.id,
                "cmis:isLatestVersion": current,
                "cmis:isLatestMajorVersion": bool(majors) and majors[-1] == node.id,
                "cmis:isPrivateWorkingCopy": pwc,
                "cmis:isImmutable": not (pwc or current),
                "cmis:isVersionSeriesCheckedOut": series.pwc is not None,
                "cmis:versionSeriesCheckedOutId": series.pwc,
                "cmis:versionSeriesCheckedOutBy": series.checked_out_by,
                "cmis:contentStreamFileName": node.props["cmis:name"] if node.blob else None,
                "cmis:contentStreamId": f"store://{node.blob}" if node.blob else None,
                "alfcmis:nodeRef": "workspace://SpacesStore/" + (node.id.split(";")[0] if pwc else series.id),
            })
        else:
            props["alfcmis:nodeRef"] = f"workspace://SpacesStore/{node.id}"
        if node.base == FOLDER:
            props.update({"cmis:parentId": node.parent, "cmis:path": self.path(node),
                          "cmis:allowedChildObjectTypeIds": None})
        return props

    # ---- the query index ----------------------------------------------------------------------
    def index_rows(self, key: str) -> list[dict[str, Any]]:
        """Queryable rows for a series (current version and PWC) or a folder/item: Alfresco searches both."""
        if key in self.store.series:
            series = self.store.series[key]
            nodes = [self.store.nodes[i] for i in (series.versions[-1], series.pwc) if i]
        elif key in self.store.nodes:
            nodes = [self.store.nodes[key]]
        else:
            return []
        return [{**self.view(n), "_parents": [p.id for p in self.parents(n)]} for n in nodes]

    def _reindex(self, node_ids: set[str], series_ids: set[str]) -> None:
        keys = set(series_ids)
        for node_id in node_ids:
            node = self.store.nodes.get(node_id)
            keys.add((node.series or node.id) if node else node_id)
        for key in keys:
            self.index.schedule(key, self.index_rows(key))

    # ---- property input ---------------------------------------------------------------------
    def type_for_create(self, raw: dict[str, Any], base: str) -> dict[str, Any]:
        type_id = raw.get("cmis:objectTypeId")
        if not type_id or not isinstance(type_id, str):
            raise InvalidArgument("Property cmis:objectTypeId must be set!")
        definition = self.types.find(type_id)
        if definition is None or definition["baseId"] != base:
            raise Constraint(f"Type is not a {base.split(':')[1]} type!")
        if not definition["creatable"]:
            raise Constraint("Type is not creatable!")
        return definition

    def secondary_ids(self, raw: Any, keep: list[str] = ()) -> list[str]:
        given = [] if raw is None else raw if isinstance(raw, list) else [raw]
        for type_id in given:
            definition = self.types.find(type_id)
            if definition is None or definition["baseId"] != "cmis:secondary":
                raise InvalidArgument(f"Type {type_id} is not a secondary type!")
        return list(dict.fromkeys([*keep, *given]))

    @staticmethod
    def system_secondaries(node: Node) -> list[str]:
        """Secondary types a client's new ``cmis:secondaryObjectTypeIds`` cannot remove."""
        return [VERSIONABLE] if VERSIONABLE in (node.props.get("cmis:secondaryObjectTypeIds") or []) else []

    def merged_props(self, type_id: str, current: dict[str, Any], raw: dict[str, Any], *,
                     creating: bool = False, on_pwc: bool = False, keep_secondary: list[str] = ()) -> dict[str, Any]:
        """Apply form properties to ``current`` the way Alfresco's setProperties checks them."""
        secondaries = current.get("cmis:secondaryObjectTypeIds") or []
        if "cmis:secondaryObjectTypeIds" in raw:
            secondaries = self.secondary_ids(raw["cmis:secondaryObjectTypeIds"], keep=list(keep_secondary))
        definitions = self._definitions(type_id, secondaries)
        props = {**current, "cmis:secondaryObjectTypeIds": secondaries or None}
        for pid, value in raw.items():
            if pid == "cmis:secondaryObjectTypeIds" or (creating and pid == "cmis:objectTypeId"):
                continue
            definition = definitions.get(pid)
            if definition is None:
                raise InvalidArgument(f"Property {pid} is unknown!")
            updatability = definition["updatability"]
            if updatability == "readonly" or (updatability == "oncreate" and not creating) or (
                    updatability == "whencheckedout" and not on_pwc):
                raise InvalidArgument(f"Property {pid} is read-only!")
            props[pid] = values.parse(definition, value)
        props = {pid: value for pid, value in props.items() if pid in definitions}
        name = props.get("cmis:name")
        if not isinstance(name, str) or not name.strip():
            raise InvalidArgument("Property cmis:name must be set!")
        if BAD_NAME.search(name):
            raise Constraint(f"Constraint violation: name {name!r} contains characters that are not allowed")
        for pid, definition in definitions.items():
            if definition["required"] and pid not in SYSTEM_PROPERTIES and definition["updatability"] != "readonly":
                if props.get(pid) in (None, "", []):
                    raise Constraint(f"Constraint violation: property {pid} is mandatory")
        return props

    def check_unique(self, folder_ids: list[str], name: str, *, ignore: set[str] = frozenset()) -> None:
        for folder_id in folder_ids:
            for child in self.children(self.store.nodes[folder_id]):
                if child.id not in ignore and child.props["cmis:name"].casefold() == name.casefold():
                    raise ContentAlreadyExists(f"An object with this name already exists: {name}")

    def _new_node(self, base: str, type_id: str, props: dict[str, Any], *, user: str, parent: str | None,
                  **fields: Any) -> Node:
        stamp = now_ms()
        props = {**props, "cmis:createdBy": user, "cmis:creationDate": stamp,
                 "cmis:lastModifiedBy": user, "cmis:lastModificationDate": stamp}
        node = Node(id=fields.pop("id", None) or str(uuid.uuid4()), base=base, type_id=type_id, props=props,
                    parent=parent, **fields)
        self.store.put_node(node)
        return node

    @contextmanager
    def staged(self, upload: Upload | None) -> Iterator[tuple[str, int] | None]:
        """Save an upload to a new blob before taking the lock; remove it again if the write fails."""
        if upload is None:
            yield None
            return
        name, size = self.store.blobs.save(upload.stream)
        try:
            yield name, size
        except BaseException:
            self.store.blobs.delete(name)
            raise

    @staticmethod
    def content_props(upload: Upload, size: int) -> dict[str, Any]:
        mime_type = (upload.mime_type or "").split(";")[0].strip() or "application/octet-stream"
        return {"cmis:contentStreamLength": size, "cmis:contentStreamMimeType": mime_type}

    # ---- create -----------------------------------------------------------------------------
    def create_folder(self, parent_id: str, raw: dict[str, Any], *, user: str, base: str = FOLDER) -> Node:
        with self.store.transaction():
            parent = self.folder(parent_id)
            definition = self.type_for_create(raw, base)
            props = self.merged_props(definition["id"], {}, raw, creating=True)
            self.check_unique([parent.id], props["cmis:name"])
            node = self._new_node(base, definition["id"], props, user=user, parent=parent.id)
            self.store.log_change(node.id, "created")
            return node

    def create_item(self, parent_id: str, raw: dict[str, Any], *, user: str) -> Node:
        return self.create_folder(parent_id, raw, user=user, base=ITEM)

    def create_document(self, folder_id: str, raw: dict[str, Any], upload: Upload | None, *,
                        versioning_state: str | None, user: str) -> Node:
        state = (versioning_state or "major").lower()
        if state not in ("none", "major", "minor", "checkedout"):
            raise InvalidArgument(f"Unknown versioningState {versioning_state!r}")
        with self.staged(upload) as staged, self.store.transaction():
            folder = self.folder(folder_id)
            definition = self.type_for_create(raw, DOCUMENT)
            if staged and definition["contentStreamAllowed"] == "notallowed":
                raise StreamNotSupported("Document type doesn't allow content!")
            if not staged and definition["contentStreamAllowed"] == "required":
                raise Constraint("Document type requires content!")
            keep = [] if state == "none" else [VERSIONABLE]
            raw = {**raw, "cmis:secondaryObjectTypeIds": raw.get("cmis:secondaryObjectTypeIds") or []}
            props = self.merged_props(definition["id"], {}, raw, creating=True, keep_secondary=keep)
            self.check_unique([folder.id], props["cmis:name"])
            label = "0.1" if state == "minor" else "1.0"
            props.update({"cmis:versionLabel": label, "cmis:isMajorVersion": state != "minor",
                          "cmis:checkinComment": None, **(self.content_props(upload, staged[1]) if staged else {})})
            series_id = str(uuid.uuid4())
            self.store.put_series(Series(id=series_id, versions=[f"{series_id};{label}"], folders=[folder.id]))
            node = self._new_node(DOCUMENT, definition["id"], props, user=user, parent=None, id=f"{series_id};{label}",
                                  series=series_id, blob=staged[0] if staged else None)
            self.store.log_change(node.id, "created")
            if state == "checkedout":
                return versioning.check_out(self, node.id, user=user)
            return node

    # ---- update -----------------------------------------------------------------------------
    def writable_document(self, node: Node) -> Series:
        """The rules for writing to a document: current version or PWC, and not locked by a checkout."""
        series = self.series_of(node)
        if node.id != series.pwc and node.id != series.versions[-1]:
            raise InvalidArgument("Document is not the latest version!")
        if node.id != series.pwc and series.pwc:
            raise UpdateConflict(f"Update conflict: document {node.id} is checked out and locked")
        return series

    def write_document(self, node: Node, props: dict[str, Any], blob: str | None, *, user: str) -> Node:
        """Store new state of a PWC or current version; Alfresco auto-versions the latter (minor)."""
        series = self.series_of(node)
        props = {**props, "cmis:lastModifiedBy": user, "cmis:lastModificationDate": now_ms()}
        if node.id == series.pwc or not self.settings.auto_version_on_update_props:
            updated = replace(node, props=props, blob=blob)
            self.store.put_node(updated)
            self.store.log_change(updated.id, "updated")
            return updated
        return versioning.new_version(self, series, node.type_id, props, blob, major=False, comment=None, user=user)

    def update_properties(self, object_id: str, raw: dict[str, Any], *, user: str) -> Node:
        with self.store.transaction():
            node = self.node(object_id)
            on_pwc = False
            if node.base == DOCUMENT:
                on_pwc = self.writable_document(node).pwc == node.id
            props = self.merged_props(node.type_id, node.props, raw, on_pwc=on_pwc,
                                      keep_secondary=self.system_secondaries(node))
            if props["cmis:name"] != node.props["cmis:name"]:
                ignore = {node.id, *self._series_members(node)}
                self.check_unique([p.id for p in self.parents(node)], props["cmis:name"], ignore=ignore)
            if node.base == DOCUMENT:
                return self.write_document(node, props, node.blob, user=user)
            updated = replace(node, props={**props, "cmis:lastModifiedBy": user, "cmis:lastModificationDate": now_ms()})
            self.store.put_node(updated)
            self.store.log_change(updated.id, "updated")
            return updated

    def _series_members(self, node: Node) -> set[str]:
        if node.base != DOCUMENT:
            return set()
        series = self.series_of(node)
        return {*series.versions, *([series.pwc] if series.pwc else [])}

    def content_target(self, object_id: str) -> Node:
        node = self.node(object_id)
        if node.base != DOCUMENT or not (self.is_current(node) or self.is_pwc(node)):
            raise StreamNotSupported("Content can only be set on private working copies or current versions.")
        self.writable_document(node)
        if self.types.get(node.type_id)["contentStreamAllowed"] == "notallowed":
            raise StreamNotSupported("Document type doesn't allow content!")
        return node

    def set_content(self, object_id: str, upload: Upload | None, *, overwrite: bool, user: str) -> Node:
        with self.staged(upload) as staged, self.store.transaction():
            node = self.content_target(object_id)
            if node.blob and not overwrite:
                raise ContentAlreadyExists("Content already exists!")
            if staged is None:
                raise InvalidArgument("No content!")
            props = {**node.props, **self.content_props(upload, staged[1])}
            return self.write_document(node, props, staged[0], user=user)

    def append_content(self, object_id: str, upload: Upload | None, *, user: str) -> Node:
        """Append a chunk: in place on an unshared blob (cut back on failure), else onto a copy."""
        if upload is None:
            raise InvalidArgument("No content!")
        blobs = self.store.blobs
        with self.store.lock:
            node = self.content_target(object_id)
            versioned = self.is_current(node) and self.settings.auto_version_on_update_props
            shared = versioned or any(n.blob == node.blob and n.id != node.id for n in self.store.nodes.values())
            if node.blob and not shared:
                blob = node.blob
                undo = partial(os.truncate, blobs.path(blob), node.props["cmis:contentStreamLength"])
                size = blobs.append(blob, upload.stream)
            else:
                blob = blobs.copy(node.blob) if node.blob else blobs.save(io.BytesIO())[0]
                undo = partial(blobs.delete, blob)
                try:
                    size = blobs.append(blob, upload.stream)
                except BaseException:
                    undo()
                    raise
            try:
                with self.store.transaction():
                    props = {**node.props, **self.content_props(upload, size)}
                    if node.blob:
                        props["cmis:contentStreamMimeType"] = node.props["cmis:contentStreamMimeType"]
                    return self.write_document(node, props, blob, user=user)
            except BaseException:
                undo()
                raise

    def delete_content(self, object_id: str, *, user: str) -> Node:
        with self.store.transaction():
            node = self.content_target(object_id)
            if self.types.get(node.type_id)["contentStreamAllowed"] == "required":
                raise InvalidArgument("Document type requires content!")
            props = {**node.props, "cmis:contentStreamLength": None, "cmis:contentStreamMimeType": None}
            return self.write_document(node, props, None, user=user)
