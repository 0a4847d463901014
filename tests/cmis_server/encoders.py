"""Browser Binding JSON: objects (verbose or succinct), ACLs, allowable actions, types, repository info.

Every property of the object's type (and secondary types) is returned, unset ones as ``null``;
datetimes are epoch milliseconds (CMIS.md §4.3).
"""
from typing import TYPE_CHECKING, Any

from .discovery import QueryPage
from .filing import ALFRESCO_ROLES, EVERYONE, PERMISSIONS
from .store import Change, Node

if TYPE_CHECKING:
    from .repository import Repository

ALWAYS = ("cmis:objectId", "cmis:baseTypeId", "cmis:objectTypeId")


def property_json(definition: dict[str, Any], value: Any, key: str | None = None) -> dict[str, Any]:
    return {
        "id": definition["id"],
        "localName": definition["localName"],
        "displayName": definition["displayName"],
        "queryName": key or definition["queryName"],
        "type": definition["propertyType"],
        "cardinality": definition["cardinality"],
        "value": value if value != [] else None,
    }


def _properties(columns: list[tuple[str, dict[str, Any]]], view: dict[str, Any], succinct: bool) -> dict[str, Any]:
    if succinct:
        return {"succinctProperties": {key: view.get(d["id"]) for key, d in columns}}
    return {"properties": {key: property_json(d, view.get(d["id"]), key) for key, d in columns}}


def object_json(repo: "Repository", node: Node, *, filter_ids: set[str] | None = None, actions: bool = False,
                acl: bool = False, succinct: bool = False) -> dict[str, Any]:
    view = repo.view(node)
    columns = [(pid, d) for pid, d in repo.definitions(node).items()
               if filter_ids is None or pid in filter_ids or pid in ALWAYS]
    result = _properties(columns, view, succinct)
    if actions:
        result["allowableActions"] = allowable_actions(repo, node, view)
    if acl:
        result["acl"] = acl_json(node)
        result["exactACL"] = True
    return result


def query_json(repo: "Repository", page: QueryPage, *, actions: bool, succinct: bool) -> dict[str, Any]:
    results = []
    for node in page.hits:
        view = repo.view(node)
        entry = _properties(page.query.columns, view, succinct)
        if actions:
            entry["allowableActions"] = allowable_actions(repo, node, view)
        results.append(entry)
    return {"results": results, "hasMoreItems": page.has_more, "numItems": page.num_items}


def allowable_actions(repo: "Repository", node: Node, view: dict[str, Any]) -> dict[str, bool]:
    document, folder = node.base == "cmis:document", node.base == "cmis:folder"
    root = node.id == repo.root_id
    pwc, current = bool(view.get("cmis:isPrivateWorkingCopy")), bool(view.get("cmis:isLatestVersion"))
    checked_out = bool(view.get("cmis:isVersionSeriesCheckedOut"))
    writable = not document or pwc or (current and not checked_out)
    content = document and node.blob is not None
    return {
        "canDeleteObject": not root and (not document or pwc or not checked_out),
        "canUpdateProperties": writable,
        "canGetProperties": True,
        "canGetObjectRelationships": True,
        "canGetObjectParents": not root,
        "canGetFolderParent": folder and not root,
        "canGetFolderTree": folder,
        "canGetDescendants": folder,
        "canGetChildren": folder,
        "canCreateDocument": folder,
        "canCreateFolder": folder,
        "canCreateItem": folder,
        "canCreateRelationship": False,
        "canDeleteTree": folder and not root,
        "canMoveObject": not root,
        "canGetContentStream": content,
        "canSetContentStream": document and writable,
        "canDeleteContentStream": content and writable,
        "canCheckOut": document and current and not checked_out,
        "canCancelCheckOut": document and pwc,
        "canCheckIn": document and pwc,
        "canGetAllVersions": document,
        "canAddObjectToFolder": document,
        "canRemoveObjectFromFolder": document,
        "canGetRenditions": True,
        "canApplyPolicy": False,
        "canGetAppliedPolicies": True,
        "canRemovePolicy": False,
        "canGetACL": True,
        "canApplyACL": True,
    }


def acl_json(node: Node) -> dict[str, Any]:
    aces = [{"principal": {"principalId": principal}, "permissions": permissions, "isDirect": True}
            for principal, permissions in node.acl.items()]
    aces.append({"principal": {"principalId": EVERYONE}, "permissions": [ALFRESCO_ROLES[0]], "isDirect": False})
    return {"aces": aces, "isExact": True}


def change_json(change: Change, *, succinct: bool) -> dict[str, Any]:
    definition = {"id": "cmis:objectId", "localName": "objectId", "displayName": "cmis:objectId",
                  "queryName": "cmis:objectId", "propertyType": "id", "cardinality": "single"}
    entry = _properties([("cmis:objectId", definition)], {"cmis:objectId": change.object_id}, succinct)
    entry["changeEventInfo"] = {"changeType": change.change_type, "changeTime": change.time}
    return entry


def repository_info(repo: "Repository", service_url: str) -> dict[str, Any]:
    token = repo.store.latest_change_token()
    return {
        "repositoryId": "-default-",
        "repositoryName": "",
        "repositoryDescription": "",
        "vendorName": "Alfresco",
        "productName": "Alfresco Content Services (openzaak-cmis test double)",
        "productVersion": "7.4.0",
        "rootFolderId": repo.root_id,
        "latestChangeLogToken": None if token is None else str(token),
        "cmisVersionSupported": "1.1",
        "thinClientURI": "",
        "changesIncomplete": True,
        "changesOnType": ["cmis:document", "cmis:folder"],
        "principalIdAnonymous": "guest",
        "principalIdAnyone": EVERYONE,
        "extendedFeatures": [],
        "repositoryUrl": service_url,
        "rootFolderUrl": service_url + "/root",
        "capabilities": {
            "capabilityContentStreamUpdatability": "anytime",
            "capabilityChanges": "objectidsonly",
            "capabilityRenditions": "read",
            "capabilityGetDescendants": True,
            "capabilityGetFolderTree": True,
            "capabilityMultifiling": True,
            "capabilityUnfiling": False,
            "capabilityVersionSpecificFiling": False,
            "capabilityPWCSearchable": True,
            "capabilityPWCUpdatable": True,
            "capabilityAllVersionsSearchable": False,
            "capabilityOrderBy": "common",
            "capabilityQuery": "bothcombined",
            "capabilityJoin": "none",
            "capabilityACL": "manage",
            "capabilityCreatablePropertyTypes": {"canCreate": []},
            "capabilityNewTypeSettableAttributes": {key: False for key in (
                "id", "localName", "localNamespace", "displayName", "queryName", "description", "creatable",
                "fileable", "queryable", "fulltextIndexed", "includedInSupertypeQuery", "controllablePolicy",
                "controllableACL")},
        },
        "aclCapabilities": {
            "supportedPermissions": "both",
            "propagation": "propagate",
            "permissions": [{"permission": p, "description": p} for p in PERMISSIONS],
            "permissionMapping": [
                {"key": "canGetProperties.Object", "permission": ["cmis:read"]},
                {"key": "canUpdateProperties.Object", "permission": ["cmis:write"]},
                {"key": "canDelete.Object", "permission": ["cmis:all"]},
                {"key": "canSetContent.Document", "permission": ["cmis:write"]},
                {"key": "canCheckout.Document", "permission": ["cmis:all"]},
            ],
        },
    }


def error_json(name: str, message: str) -> dict[str, str]:
    return {"exception": name, "message": message}
