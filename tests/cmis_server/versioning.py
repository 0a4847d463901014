"""Versioning as Alfresco does it (CMIS.md §4.4): labels 1.0 → 2.0 (major) / 1.1 (minor), PWC rules.

A PWC is a node of its own: id ``<new uuid>;pwc``, label ``pwc``, name ``X (Working Copy).ext``,
filed next to the original; it starts with the original's properties and content (shared blob).
Check-in turns it into the next version of the series and removes it.
"""
import os
import uuid
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .errors import Constraint, InvalidArgument, ObjectNotFound, Versioning
from .store import Node, Series, now_ms

if TYPE_CHECKING:
    from .repository import Repository, Upload


def next_label(label: str, *, major: bool) -> str:
    number, minor = (int(part) for part in label.split("."))
    return f"{number + 1}.0" if major else f"{number}.{minor + 1}"


def working_copy_name(name: str) -> str:
    stem, extension = os.path.splitext(name)
    return f"{stem} (Working Copy){extension}"


def new_version(repo: "Repository", series: Series, type_id: str, props: dict[str, Any], blob: str | None, *,
                major: bool, comment: str | None, user: str) -> Node:
    """Append a version to the series, built from ``props`` and ``blob``."""
    current = repo.store.nodes[series.versions[-1]]
    label = next_label(current.props["cmis:versionLabel"], major=major)
    stamp = now_ms()
    props = {**props, "cmis:versionLabel": label, "cmis:isMajorVersion": major, "cmis:checkinComment": comment,
             "cmis:lastModifiedBy": user, "cmis:lastModificationDate": stamp}
    node = Node(id=f"{series.id};{label}", base=current.base, type_id=type_id, props=props, series=series.id, blob=blob)
    repo.store.put_series(replace(series, versions=[*series.versions, node.id]))
    repo.store.put_node(node)
    repo.store.log_change(node.id, "updated")
    return node


def check_out(repo: "Repository", object_id: str, *, user: str) -> Node:
    with repo.store.transaction():
        node = repo.node(object_id)
        if node.base != "cmis:document" or repo.is_pwc(node):
            raise InvalidArgument("Only documents can be checked out!")
        if not repo.is_current(node):
            raise InvalidArgument("Can't check out an old version of a document")
        series = repo.series_of(node)
        if series.pwc:
            raise Versioning(f"Check out failed: node {series.id} is already checked out")
        name = working_copy_name(node.props["cmis:name"])
        repo.check_unique(series.folders, name)
        stamp = now_ms()
        props = {**node.props, "cmis:name": name, "cmis:versionLabel": "pwc", "cmis:isMajorVersion": False,
                 "cmis:checkinComment": None, "cmis:createdBy": user, "cmis:creationDate": stamp,
                 "cmis:lastModifiedBy": user, "cmis:lastModificationDate": stamp}
        pwc = Node(id=f"{uuid.uuid4()};pwc", base=node.base, type_id=node.type_id, props=props, series=series.id,
                   blob=node.blob)
        repo.store.put_node(pwc)
        repo.store.put_series(replace(series, pwc=pwc.id, checked_out_by=user))
        repo.store.log_change(pwc.id, "created")
        repo.store.log_change(node.id, "updated")
        return pwc


def _pwc_of(repo: "Repository", object_id: str) -> tuple[Node, Series]:
    node = repo.node(object_id)
    series = repo.series_of(node) if node.base == "cmis:document" else None
    if series is None or series.pwc is None:
        raise Versioning("Object is not a PWC!")
    return repo.store.nodes[series.pwc], series


def cancel_check_out(repo: "Repository", object_id: str) -> None:
    """Accepts the PWC or, as Alfresco does, the checked-out original."""
    with repo.store.transaction():
        pwc, series = _pwc_of(repo, object_id)
        repo.store.delete_node(pwc.id)
        repo.store.put_series(replace(series, pwc=None, checked_out_by=None))
        repo.store.log_change(pwc.id, "deleted")


def check_in(repo: "Repository", object_id: str, *, major: bool, raw: dict[str, Any], upload: "Upload | None",
             comment: str | None, user: str) -> Node:
    """Properties and content of the request land on the new version, with the PWC's own changes."""
    with repo.staged(upload) as staged, repo.store.transaction():
        node = repo.node(object_id)
        if not repo.is_pwc(node):
            raise Versioning("Object is not a PWC!")
        series = repo.series_of(node)
        raw = {pid: value for pid, value in raw.items() if pid != "cmis:objectTypeId"}
        props = repo.merged_props(node.type_id, node.props, raw, on_pwc=True,
                                  keep_secondary=repo.system_secondaries(node))
        current = repo.store.nodes[series.versions[-1]]
        if props["cmis:name"] == working_copy_name(current.props["cmis:name"]):
            props["cmis:name"] = current.props["cmis:name"]
        elif props["cmis:name"] != current.props["cmis:name"]:
            repo.check_unique(series.folders, props["cmis:name"], ignore={current.id, node.id})
        blob = node.blob
        if staged:
            blob = staged[0]
            props.update(repo.content_props(upload, staged[1]))
        repo.store.delete_node(node.id)
        series = replace(series, pwc=None, checked_out_by=None)
        repo.store.put_series(series)
        repo.store.log_change(node.id, "deleted")
        return new_version(repo, series, node.type_id, props, blob, major=major, comment=comment or None, user=user)


def all_versions(repo: "Repository", object_id: str) -> list[Node]:
    """PWC first, then newest to oldest (Alfresco's getAllVersions order)."""
    with repo.store.lock:
        node = repo.node(object_id)
        if node.base != "cmis:document":
            raise InvalidArgument("Version Series does not exist!")
        series = repo.series_of(node)
        ids = ([series.pwc] if series.pwc else []) + list(reversed(series.versions))
        return [repo.store.nodes[i] for i in ids]


def latest_version(repo: "Repository", object_id: str, *, major: bool) -> Node:
    with repo.store.lock:
        node = repo.node(object_id)
        if node.base != "cmis:document":
            return node
        versions = [repo.store.nodes[i] for i in repo.series_of(node).versions]
        if major:
            versions = [v for v in versions if v.props["cmis:isMajorVersion"]]
        if not versions:
            raise ObjectNotFound(f"Object {object_id} has no major version")
        return versions[-1]


def delete_version(repo: "Repository", node: Node, *, every_version: bool) -> None:
    """Delete a document (series) or one version of it; a PWC delete is a cancel-checkout."""
    series = repo.series_of(node)
    if node.id == series.pwc:
        cancel_check_out(repo, node.id)
        return
    if series.pwc:
        raise Constraint("Could not delete/cancel checkout on the original checked out document")
    if every_version or len(series.versions) == 1:
        for version_id in series.versions:
            repo.store.delete_node(version_id)
        repo.store.delete_series(series.id)
        repo.store.log_change(series.versions[-1], "deleted")
        return
    repo.store.delete_node(node.id)
    repo.store.put_series(replace(series, versions=[v for v in series.versions if v != node.id]))
    repo.store.log_change(node.id, "deleted")
