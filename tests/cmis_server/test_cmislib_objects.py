"""Repository, folders, documents, filing and ACLs through the unmodified cmislib 0.7.0 client."""
import io
import uuid

import pytest
from cmislib.exceptions import (
    InvalidArgumentException,
    ObjectNotFoundException,
    PermissionDeniedException,
    UpdateConflictException,
)


def test_repository_info_looks_like_alfresco(repo, service_url):
    info = repo.getRepositoryInfo()
    assert info["repositoryId"] == "-default-"
    assert info["vendorName"] == "Alfresco"
    assert info["cmisVersionSupported"] == "1.1"
    assert repo.getRepositoryUrl() == service_url
    assert repo.getRootFolderUrl() == service_url + "/root"
    capabilities = repo.getCapabilities()
    assert capabilities["ACL"] == "manage"
    assert capabilities["Changes"] == "objectidsonly"
    assert capabilities["AllVersionsSearchable"] is False
    assert capabilities["PWCUpdatable"] is True
    assert "cmis:read" in repo.getPermissionDefinitions()
    assert repo.getPermissionMap()["canGetProperties.Object"] == ["cmis:read"]
    assert repo.getPropagation() == "propagate"


def test_root_folder_is_company_home(repo):
    root = repo.getRootFolder()
    assert root.getName() == "Company Home"
    assert root.getProperties()["cmis:path"] == "/"
    assert repo.getObjectByPath("/").id == root.id


def test_folder_ids_are_bare_uuids_and_paths_resolve(repo, folder):
    sub = folder.createFolder("2024-05", {"cmis:objectTypeId": "F:zt:maandmap", "zt:maand": "05"})
    uuid.UUID(sub.id)
    assert sub.getProperties()["cmis:objectTypeId"] == "F:zt:maandmap"
    assert sub.getProperties()["zt:maand"] == "05"
    assert sub.getProperties()["cmis:parentId"] == folder.id
    assert sub.getProperties()["alfcmis:nodeRef"] == f"workspace://SpacesStore/{sub.id}"
    path = f"/{folder.getName()}/2024-05"
    assert sub.getProperties()["cmis:path"] == path
    assert repo.getObjectByPath(path).id == sub.id
    assert repo.getObjectByPath(path.upper()).id == sub.id  # Alfresco matches names case-insensitively
    assert sub.getParent().id == folder.id


def test_non_ascii_names_resolve_by_path(repo, folder):
    doc = folder.createDocument("Zaak ë 100% #1.txt", contentFile=io.BytesIO(b"x"), contentType="text/plain")
    assert repo.getObjectByPath(f"/{folder.getName()}/Zaak ë 100% #1.txt").id == doc.id


def test_unknown_path_and_id_are_object_not_found(repo, folder):
    with pytest.raises(ObjectNotFoundException):
        repo.getObjectByPath(f"/{folder.getName()}/missing")
    with pytest.raises(ObjectNotFoundException):
        repo.getObject(str(uuid.uuid4()))


def test_duplicate_name_in_folder_is_content_already_exists(folder):
    folder.createFolder("dup")
    with pytest.raises(UpdateConflictException) as error:  # cmislib maps every 409 to UpdateConflict
        folder.createFolder("DUP")
    assert "contentAlreadyExists" in str(error.value)


def test_name_with_forbidden_characters_is_a_constraint_violation(folder):
    with pytest.raises(UpdateConflictException) as error:
        folder.createFolder("a:b")
    assert '"constraint"' in str(error.value)


def test_children_are_paged_with_max_items_and_skip_count(folder):
    for name in ("c", "a", "b"):
        folder.createFolder(name)
    first = folder.getChildren(maxItems=2)
    assert [c.getName() for c in first] == ["a", "b"]
    assert first.hasNext() is True and first.getNumItems() == 3
    rest = folder.getChildren(maxItems=2, skipCount=2)
    assert [c.getName() for c in rest] == ["c"] and rest.hasNext() is False
    assert [c.getName() for c in folder.getChildren(orderBy="cmis:name DESC")] == ["c", "b", "a"]


def test_descendants_and_folder_tree(folder):
    sub = folder.createFolder("sub")
    sub.createDocument("d.txt", contentFile=io.BytesIO(b"x"), contentType="text/plain")
    assert sorted(o.getName() for o in folder.getDescendants()) == ["d.txt", "sub"]
    assert [o.getName() for o in folder.getTree()] == ["sub"]
    assert [o.getName() for o in folder.getDescendants(depth=1)] == ["sub"]


def test_create_document_with_custom_type_properties_and_content(repo, folder):
    doc = folder.createDocument(
        "brief.pdf",
        {"cmis:objectTypeId": "D:zt:document", "zt:titel": "Brief", "zt:versie": "1", "zt:bedrag": "12.5",
         "zt:vervallen": "false", "zt:beginRegistratie": "1714557600000", "zt:trefwoorden": ["a", "b"]},
        contentFile=io.BytesIO(b"%PDF-1.7 body"), contentType="application/pdf",
    )
    series_id, label = doc.id.split(";")
    assert label == "1.0"
    props = repo.getObject(doc.id).getProperties()
    assert props["cmis:versionSeriesId"] == series_id
    assert props["cmis:versionLabel"] == "1.0" and props["cmis:isMajorVersion"] is True
    assert props["cmis:isLatestVersion"] is True and props["cmis:isLatestMajorVersion"] is True
    assert "P:cm:versionable" in props["cmis:secondaryObjectTypeIds"]
    assert props["cmis:contentStreamLength"] == 13
    assert props["cmis:contentStreamMimeType"] == "application/pdf"
    assert props["cmis:contentStreamFileName"] == "brief.pdf"  # Alfresco derives it from cmis:name
    assert (props["zt:titel"], props["zt:versie"], props["zt:bedrag"]) == ("Brief", 1, 12.5)
    assert props["zt:vervallen"] is False and props["zt:trefwoorden"] == ["a", "b"]
    assert props["alfcmis:nodeRef"] == f"workspace://SpacesStore/{series_id}"
    assert repo.getObject(series_id).getProperties()["cmis:objectId"] == doc.id  # bare series id: current version
    assert doc.getContentStream().read() == b"%PDF-1.7 body"


def test_create_document_rejects_unknown_properties_types_and_read_only_properties(folder):
    with pytest.raises(InvalidArgumentException):
        folder.createDocument("x.txt", {"zt:titel": "not on cmis:document"})
    with pytest.raises(UpdateConflictException) as error:
        folder.createDocument("x.txt", {"cmis:objectTypeId": "D:zt:missing"})
    assert '"constraint"' in str(error.value)
    with pytest.raises(InvalidArgumentException):
        folder.createDocument("x.txt", {"cmis:versionLabel": "9.0"})
    with pytest.raises(InvalidArgumentException):
        folder.createDocument("x.txt", {"cmis:objectTypeId": "D:zt:document", "zt:versie": "one"})


def test_mandatory_property_missing_is_a_constraint_violation(folder):
    with pytest.raises(UpdateConflictException) as error:
        folder.createDocument("x.txt", {"cmis:objectTypeId": "D:zt:verplicht"})
    assert "zt:uuid" in str(error.value)
    doc = folder.createDocument("x.txt", {"cmis:objectTypeId": "D:zt:verplicht", "zt:uuid": "u-1"})
    assert doc.getProperties()["zt:uuid"] == "u-1"


def test_string_longer_than_max_length_is_a_constraint_violation(folder):
    with pytest.raises(UpdateConflictException):
        folder.createDocument("x.txt", {"cmis:objectTypeId": "D:zt:document", "zt:titel": "x" * 201})


def test_content_not_allowed_by_type_is_stream_not_supported(folder):
    with pytest.raises(PermissionDeniedException) as error:
        folder.createDocument("x.txt", {"cmis:objectTypeId": "D:zt:zonderinhoud"}, contentFile=io.BytesIO(b"x"))
    assert "streamNotSupported" in str(error.value)


def test_secondary_types_add_their_properties(repo, folder):
    doc = folder.createDocument("x.txt", {"cmis:secondaryObjectTypeIds": ["P:zt:extra"], "zt:kenmerk": "K1"})
    props = repo.getObject(doc.id).getProperties()
    assert props["zt:kenmerk"] == "K1"
    assert set(props["cmis:secondaryObjectTypeIds"]) == {"P:zt:extra", "P:cm:versionable"}


def test_update_properties_on_the_current_version_auto_versions_it(repo, folder):
    doc = folder.createDocument("x.txt", {"cmis:objectTypeId": "D:zt:document", "zt:titel": "old"})
    updated = doc.updateProperties({"zt:titel": "new"})
    assert updated.getProperties()["cmis:versionLabel"] == "1.1"
    assert repo.getObject(doc.id).getProperties()["zt:titel"] == "old"  # 1.0 keeps its values
    assert repo.getObject(doc.getProperties()["cmis:versionSeriesId"]).getProperties()["zt:titel"] == "new"


def test_update_without_auto_versioning_changes_the_version_in_place(repo, folder, control):
    control.settings(autoVersionOnUpdateProps=False)
    doc = folder.createDocument("x.txt", {"cmis:objectTypeId": "D:zt:document", "zt:titel": "old"})
    updated = doc.updateProperties({"zt:titel": "new", "zt:versie": None, "cmis:name": "y.txt"})
    assert updated.id == doc.id and updated.getProperties()["cmis:versionLabel"] == "1.0"
    assert updated.getProperties()["zt:titel"] == "new" and updated.getName() == "y.txt"


def test_set_content_stream_replaces_content(repo, folder, control):
    control.settings(autoVersionOnUpdateProps=False)
    doc = folder.createDocument("x.txt", contentFile=io.BytesIO(b"one"), contentType="text/plain")
    doc.setContentStream(io.BytesIO(b"two!"), "text/csv")
    fresh = repo.getObject(doc.id)
    assert fresh.getContentStream().read() == b"two!"
    assert fresh.getProperties()["cmis:contentStreamMimeType"] == "text/csv"
    assert fresh.getProperties()["cmis:contentStreamLength"] == 4


def test_delete_document_and_folder(repo, folder):
    doc = folder.createDocument("x.txt", contentFile=io.BytesIO(b"x"))
    with pytest.raises(UpdateConflictException):
        folder.delete()  # not empty: constraint
    doc.delete(allVersions="true")
    with pytest.raises(ObjectNotFoundException):
        repo.getObject(doc.id)
    folder.delete()
    with pytest.raises(ObjectNotFoundException):
        repo.getObject(folder.id)


def test_delete_tree_removes_everything_below(repo, folder):
    sub = folder.createFolder("sub")
    doc = sub.createDocument("x.txt", contentFile=io.BytesIO(b"x"))
    doc.checkout()
    folder.deleteTree()
    for object_id in (folder.id, sub.id, doc.id):
        with pytest.raises(ObjectNotFoundException):
            repo.getObject(object_id)


def test_delete_tree_requires_all_versions(folder):
    with pytest.raises(InvalidArgumentException):
        folder.deleteTree(allVersions="false")


def test_move_and_multi_filing(repo, folder):
    source, target, other = (folder.createFolder(n) for n in ("source", "target", "other"))
    doc = source.createDocument("x.txt", contentFile=io.BytesIO(b"x"))
    doc.move(source, target)
    assert [c.id for c in target.getChildren()] == [doc.id]
    assert list(source.getChildren()) == []
    other.addObject(doc)
    assert {p.id for p in repo.getObject(doc.id).getObjectParents()} == {target.id, other.id}
    assert sorted(repo.getObject(doc.id).getPaths()) == sorted(
        [f"/{folder.getName()}/target/x.txt", f"/{folder.getName()}/other/x.txt"])
    other.removeObject(doc)
    with pytest.raises(UpdateConflictException):
        target.removeObject(doc)  # the primary parent: constraint
    assert [p.id for p in repo.getObject(doc.id).getObjectParents()] == [target.id]


def test_acl_can_be_read_and_applied(repo, folder):
    doc = folder.createDocument("x.txt", contentFile=io.BytesIO(b"x"))
    acl = doc.getACL()
    assert "GROUP_EVERYONE" in acl.getEntries()
    acl.addEntry("behandelaar", ["cmis:write"])
    applied = doc.applyACL(acl)
    assert applied.getEntries()["behandelaar"].permissions == ["cmis:write"]
    assert repo.getObject(doc.id).getACL().getEntries()["behandelaar"].direct is True
