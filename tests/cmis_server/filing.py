"""Deleting, moving and (multi-)filing objects, and ACLs, with Alfresco's rules (CMIS.md §4.4).

Alfresco refuses to delete a non-empty folder or a checked-out original (409 constraint), treats
deleting a PWC as cancel-checkout, and supports ``deleteTree`` only with ``allVersions=true``.
"""
from dataclasses import replace
from typing import TYPE_CHECKING

from .errors import Constraint, InvalidArgument
from .store import Node
from .versioning import delete_version

if TYPE_CHECKING:
    from .repository import Repository

DOCUMENT, FOLDER = "cmis:document", "cmis:folder"
EVERYONE = "GROUP_EVERYONE"
ALFRESCO_ROLES = [f"{{http://www.alfresco.org/model/content/1.0}}cmobject.{role}"
                  for role in ("Consumer", "Contributor", "Editor", "Collaborator", "Coordinator")]
PERMISSIONS = ["cmis:read", "cmis:write", "cmis:all", *ALFRESCO_ROLES]


def delete(repo: "Repository", object_id: str, *, all_versions: bool) -> None:
    with repo.store.transaction():
        node = repo.node(object_id)
        if node.base == DOCUMENT:
            delete_version(repo, node, every_version=all_versions)
            return
        if node.id == repo.root_id:
            raise Constraint("The root folder cannot be deleted!")
        if node.base == FOLDER and repo.children(node):
            raise Constraint("Could not delete folder with at least one child!")
        repo.store.delete_node(node.id)
        repo.store.log_change(node.id, "deleted")


def delete_tree(repo: "Repository", folder_id: str, *, all_versions: bool, unfile: str | None) -> None:
    """Delete a folder and everything filed under it; multi-filed documents filed elsewhere first stay."""
    if not all_versions:
        raise InvalidArgument("Only allVersions=true supported!")
    if (unfile or "").lower() == "unfile":
        raise InvalidArgument("Unfiling not supported!")
    with repo.store.transaction():
        folder = repo.folder(folder_id)
        if folder.id == repo.root_id:
            raise Constraint("The root folder cannot be deleted!")
        doomed = {f.id for f in _folders_below(repo, folder)}
        for series in list(repo.store.series.values()):
            if series.folders[0] in doomed:
                for version_id in [*series.versions, *([series.pwc] if series.pwc else [])]:
                    repo.store.delete_node(version_id)
                repo.store.delete_series(series.id)
                repo.store.log_change(series.versions[-1], "deleted")
            elif doomed & set(series.folders):
                repo.store.put_series(replace(series, folders=[f for f in series.folders if f not in doomed]))
        for node in [n for n in repo.store.nodes.values() if n.id in doomed or n.parent in doomed]:
            repo.store.delete_node(node.id)
            repo.store.log_change(node.id, "deleted")


def _folders_below(repo: "Repository", folder: Node) -> list[Node]:
    found = [folder]
    for child in repo.children(folder):
        if child.base == FOLDER:
            found += _folders_below(repo, child)
    return found


def move(repo: "Repository", object_id: str, *, target_id: str, source_id: str | None) -> Node:
    with repo.store.transaction():
        node = repo.node(object_id)
        target = repo.folder(target_id)
        if source_id is None:
            raise InvalidArgument("Source folder must be set!")
        source = repo.folder(source_id)
        if source.id not in [p.id for p in repo.parents(node)]:
            raise InvalidArgument("Document is not a child of the source folder that was specified!")
        if node.base == FOLDER and node.id in repo.ancestors(target.id):
            raise Constraint("A folder cannot be moved into itself or its descendants")
        ignore = {node.id} | ({*repo.series_of(node).versions} if node.base == DOCUMENT else set())
        repo.check_unique([target.id], node.props["cmis:name"], ignore=ignore)
        if node.base == DOCUMENT:
            series = repo.series_of(node)
            folders = [target.id if f == source.id else f for f in series.folders]
            repo.store.put_series(replace(series, folders=list(dict.fromkeys(folders))))
            moved = node
        else:
            moved = replace(node, parent=target.id)
            repo.store.put_node(moved)
        repo.store.log_change(moved.id, "updated")
        return moved


def add_to_folder(repo: "Repository", object_id: str, folder_id: str, *, all_versions: bool) -> Node:
    if not all_versions:
        raise InvalidArgument("Only allVersions=true supported!")
    with repo.store.transaction():
        node = repo.node(object_id)
        if node.base != DOCUMENT:
            raise InvalidArgument("Object is not a document!")
        folder = repo.folder(folder_id)
        series = repo.series_of(node)
        if folder.id not in series.folders:
            repo.check_unique([folder.id], node.props["cmis:name"])
            repo.store.put_series(replace(series, folders=[*series.folders, folder.id]))
            repo.store.log_change(node.id, "updated")
        return node


def remove_from_folder(repo: "Repository", object_id: str, folder_id: str) -> Node:
    with repo.store.transaction():
        node = repo.node(object_id)
        if node.base != DOCUMENT:
            raise InvalidArgument("Object is not a document!")
        folder = repo.folder(folder_id)
        series = repo.series_of(node)
        if series.folders[0] == folder.id:
            raise Constraint("Unfiling from primary parent folder is not supported! Use deleteObject() instead.")
        if folder.id not in series.folders:
            raise InvalidArgument("Object is not filed in this folder!")
        repo.store.put_series(replace(series, folders=[f for f in series.folders if f != folder.id]))
        repo.store.log_change(node.id, "updated")
        return node


def apply_acl(repo: "Repository", object_id: str, *, add: dict[str, list[str]], remove: dict[str, list[str]]) -> Node:
    with repo.store.transaction():
        node = repo.node(object_id)
        for permissions in [*add.values(), *remove.values()]:
            unknown = set(permissions) - set(PERMISSIONS)
            if unknown:
                raise InvalidArgument(f"Unknown permission(s): {', '.join(sorted(unknown))}")
        acl = {principal: list(perms) for principal, perms in node.acl.items()}
        for principal, permissions in remove.items():
            acl[principal] = [p for p in acl.get(principal, []) if p not in permissions]
        for principal, permissions in add.items():
            acl[principal] = list(dict.fromkeys([*acl.get(principal, []), *permissions]))
        updated = replace(node, acl={principal: perms for principal, perms in acl.items() if perms})
        repo.store.put_node(updated)
        repo.store.log_change(updated.id, "security")
        return updated
