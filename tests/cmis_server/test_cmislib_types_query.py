"""Type definitions, CMIS-QL queries and the change log through unmodified cmislib."""
import io

import pytest
from cmislib.exceptions import InvalidArgumentException, ObjectNotFoundException


def test_registered_type_definition_is_served(repo):
    definition = repo.getTypeDefinition("D:zt:document")
    assert definition.getQueryName() == "zt:document"
    assert definition.getBaseId() == "cmis:document" and definition.data["parentId"] == "cmis:document"
    props = definition.getProperties()
    assert props["zt:titel"].getPropertyType() == "string"
    assert props["zt:trefwoorden"].getCardinality() == "multi"
    assert props["zt:notitie"].isQueryable() is False
    assert props["zt:lock"].getUpdatability() == "whencheckedout"
    assert props["cmis:name"].isInherited() is True and props["zt:titel"].isInherited() is False
    assert props["zt:titel"].data["maxLength"] == 200


def test_unknown_type_is_object_not_found(repo):
    with pytest.raises(ObjectNotFoundException):
        repo.getTypeDefinition("D:zt:missing")


def test_type_children_and_descendants(repo):
    assert {t.getTypeId() for t in repo.getTypeDefinitions()} >= {"cmis:document", "cmis:folder", "cmis:item",
                                                                   "cmis:secondary"}
    assert {t.getTypeId() for t in repo.getTypeChildren("cmis:document")} >= {"D:zt:document", "D:zt:zonderinhoud"}
    assert {t.getTypeId() for t in repo.getTypeDescendants("cmis:document")} >= {"D:zt:document", "D:zt:verplicht"}
    assert "P:cm:versionable" in {t.getTypeId() for t in repo.getTypeChildren("cmis:secondary")}


def _documents(folder, *specs):
    return [folder.createDocument(name, {"cmis:objectTypeId": "D:zt:document", **props},
                                  contentFile=io.BytesIO(b"x"), contentType="text/plain")
            for name, props in specs]


@pytest.fixture
def corpus(folder):
    _documents(
        folder,
        ("a.txt", {"zt:titel": "Aanvraag", "zt:vaRank": "1", "zt:trefwoorden": ["bouw", "vergunning"],
                   "zt:beginRegistratie": "2024-01-01T00:00:00Z", "zt:vervallen": "false"}),
        ("b.txt", {"zt:titel": "Besluit", "zt:vaRank": "3", "zt:trefwoorden": ["bouw"],
                   "zt:beginRegistratie": "2024-06-01T00:00:00Z", "zt:vervallen": "true"}),
        ("c.txt", {"zt:titel": "Bezwaar 'x'", "zt:vaRank": "5"}),
    )
    return folder


def _names(repo, where, folder, order="cmis:name"):
    result = repo.query(f"SELECT * FROM zt:document WHERE IN_FOLDER('{folder.id}') AND ({where}) ORDER BY {order}")
    return [r.getName() for r in result]


@pytest.mark.parametrize("where, expected", [
    ("zt:titel = 'Aanvraag'", ["a.txt"]),
    ("zt:titel <> 'Aanvraag'", ["b.txt", "c.txt"]),
    ("zt:titel LIKE 'Be%'", ["b.txt", "c.txt"]),
    ("zt:titel NOT LIKE 'B_sluit'", ["a.txt", "c.txt"]),
    ("zt:titel = 'Bezwaar \\'x\\''", ["c.txt"]),
    ("zt:titel IN ('Aanvraag', 'Besluit')", ["a.txt", "b.txt"]),
    ("zt:titel NOT IN ('Aanvraag')", ["b.txt", "c.txt"]),
    ("zt:vaRank <= 3", ["a.txt", "b.txt"]),
    ("zt:vaRank > 1 AND zt:vaRank < 5", ["b.txt"]),
    ("zt:vaRank >= 5 OR zt:titel = 'Aanvraag'", ["a.txt", "c.txt"]),
    ("NOT (zt:vaRank = 1)", ["b.txt", "c.txt"]),
    ("zt:beginRegistratie >= TIMESTAMP '2024-03-01T00:00:00.000Z'", ["b.txt"]),
    ("zt:beginRegistratie IS NULL", ["c.txt"]),
    ("zt:beginRegistratie IS NOT NULL", ["a.txt", "b.txt"]),
    ("zt:vervallen = TRUE", ["b.txt"]),
    ("ANY zt:trefwoorden IN ('vergunning')", ["a.txt"]),
    ("'bouw' = ANY zt:trefwoorden", ["a.txt", "b.txt"]),
    ("zt:trefwoorden IS NULL", ["c.txt"]),
    ("zt:vervallen <> TRUE", ["a.txt"]),  # NULL is unknown, not true: c.txt does not match
])
def test_where_clauses(repo, corpus, where, expected):
    assert _names(repo, where, corpus) == expected


def test_order_by_descending_and_multiple_keys(repo, corpus):
    assert _names(repo, "zt:vaRank > 0", corpus, "zt:vaRank DESC") == ["c.txt", "b.txt", "a.txt"]
    assert _names(repo, "zt:vaRank > 0", corpus, "zt:vervallen, cmis:name DESC") == ["c.txt", "a.txt", "b.txt"]


def test_query_paging_with_max_items_and_skip_count(repo, corpus):
    statement = f"SELECT cmis:objectId, cmis:name FROM zt:document WHERE IN_FOLDER('{corpus.id}') ORDER BY cmis:name"
    first = repo.query(statement, maxItems=2)
    assert [r.getName() for r in first] == ["a.txt", "b.txt"]
    assert first.getNumItems() == 3 and first.hasNext() is True
    last = repo.query(statement, maxItems=2, skipCount=2)
    assert [r.getName() for r in last] == ["c.txt"] and last.hasNext() is False
    assert set(first[0].getProperties()) == {"cmis:objectId", "cmis:name"}


def test_in_tree_and_supertype_queries(repo, folder):
    sub = folder.createFolder("sub")
    _documents(sub, ("deep.txt", {}))
    folder.createDocument("plain.txt", contentFile=io.BytesIO(b"x"))
    assert _names(repo, f"IN_TREE('{folder.id}')", folder) == []  # IN_FOLDER(folder) AND IN_TREE: only direct
    names = [r.getName() for r in repo.query(f"SELECT * FROM cmis:document WHERE IN_TREE('{folder.id}')")]
    assert sorted(names) == ["deep.txt", "plain.txt"]  # cmis:document covers subtypes
    folders = repo.query(f"SELECT * FROM cmis:folder WHERE IN_FOLDER('{folder.id}') AND cmis:name = 'sub'")
    assert [f.id for f in folders] == [sub.id]


def test_queries_return_latest_versions_and_pwcs(repo, folder):
    doc = folder.createDocument("v.txt", contentFile=io.BytesIO(b"x"))
    doc.checkout().checkin().checkout()
    labels = sorted(r.getProperties()["cmis:versionLabel"]
                    for r in repo.query(f"SELECT * FROM cmis:document WHERE IN_FOLDER('{folder.id}')"))
    assert labels == ["2.0", "pwc"]


@pytest.mark.parametrize("statement", [
    "SELECT * FROM D:zt:document",  # the type id with prefix is not a query name
    "SELECT * FROM zt:document WHERE zt:notitie = 'x'",  # not queryable
    "SELECT * FROM zt:document WHERE zt:trefwoorden = 'x'",  # multi-valued needs ANY
    "SELECT * FROM zt:document WHERE zt:vaRank = '1'",  # wrong literal type
    "SELECT * FROM zt:document WHERE zt:beginRegistratie > '2024-01-01'",  # datetime needs TIMESTAMP
    "SELECT * FROM zt:document WHERE CONTAINS('x')",
    "SELECT * FROM zt:document d JOIN cm:titled t ON d.cmis:objectId = t.cmis:objectId",
    "SELECT * FROM zt:document ORDER BY zt:trefwoorden",
    "SELECT * FROM zt:document WHERE zt:kenmerk = 'x'",  # a secondary type's property needs a JOIN
    "SELECT * FROM zt:document WHERE",
    "DELETE FROM zt:document",
])
def test_unsupported_or_invalid_queries_are_invalid_argument(repo, statement):
    with pytest.raises(InvalidArgumentException):
        repo.query(statement)


def test_search_all_versions_is_refused(repo):
    with pytest.raises(InvalidArgumentException):
        repo.query("SELECT * FROM cmis:document", searchAllVersions="true")


def test_items_are_created_and_queried(repo, folder, http, service_url):
    response = http.post(service_url + "/root", data={
        "cmisaction": "createItem", "objectId": folder.id, "propertyId[0]": "cmis:objectTypeId",
        "propertyValue[0]": "I:zt:oio", "propertyId[1]": "cmis:name", "propertyValue[1]": "oio-1",
        "propertyId[2]": "zt:informatieobject", "propertyValue[2]": "doc-uuid"})
    assert response.status_code == 201, response.text
    item_id = response.json()["properties"]["cmis:objectId"]["value"]
    hits = repo.query(f"SELECT * FROM zt:oio WHERE zt:informatieobject = 'doc-uuid' AND IN_FOLDER('{folder.id}')")
    assert [h.id for h in hits] == [item_id]


def _latest_token(http, service_url):
    return http.get(service_url).json()["-default-"]["latestChangeLogToken"]  # cmislib caches repository info


def test_content_changes_follow_alfresco_token_semantics(repo, folder, http, service_url):
    start = int(_latest_token(http, service_url)) + 1
    doc = folder.createDocument("c.txt", contentFile=io.BytesIO(b"x"))
    doc.updateProperties({"cmis:description": "d"})
    doc.delete()
    first = repo.getContentChanges(changeLogToken=str(start), maxItems=2)
    series = doc.getProperties()["cmis:versionSeriesId"]
    assert [(c.getObjectId(), c.getChangeType()) for c in first] == [(doc.id, "created"), (f"{series};1.1", "updated")]
    assert first.hasNext() is True
    token = first._data["changeLogToken"]
    assert token == str(start + 2)  # the first entry not returned
    rest = repo.getContentChanges(changeLogToken=token, maxItems=10)
    assert [c.getChangeType() for c in rest] == ["deleted"] and rest._data["changeLogToken"] is None
    assert rest[0].getChangeTime().year >= 2024
    assert _latest_token(http, service_url) == str(start + 2)


def test_invalid_change_log_token_is_invalid_argument(repo):
    with pytest.raises(InvalidArgumentException):
        repo.getContentChanges(changeLogToken="abc")
