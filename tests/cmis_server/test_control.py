"""Fault injection, index lag, the request log, persistence, the Python API and thread safety."""
import io
import threading

import pytest
import requests
from cmislib.exceptions import PermissionDeniedException, RuntimeException, UpdateConflictException

from tests.cmis_server.binding import SERVICE_PATH
from tests.cmis_server.conftest import AUTH, start_server, stop_server
from tests.cmis_server.server import CmisServer


def test_fault_fails_the_next_matching_requests_then_stops(folder, control):
    control.fault(count=2, action="createFolder")
    for _ in range(2):
        with pytest.raises(RuntimeException) as error:
            folder.createFolder("x")
        assert '"runtime"' in str(error.value)
    assert list(folder.getChildren()) == []  # nothing was created, other requests pass
    assert folder.createFolder("x").getName() == "x"


def test_fault_with_status_and_exception_name(http, service_url, folder, control):
    control.fault(method="POST", action="createFolder", status=409, exception="updateConflict", message="busy")
    response = http.post(service_url + "/root", data={
        "cmisaction": "createFolder", "objectId": folder.id, "propertyId[0]": "cmis:objectTypeId",
        "propertyValue[0]": "cmis:folder", "propertyId[1]": "cmis:name", "propertyValue[1]": "f"})
    assert response.status_code == 409
    assert response.json() == {"exception": "updateConflict", "message": "busy"}


def test_permission_denied_fault_reaches_cmislib_as_403(repo, folder, control):
    control.fault(status=403, exception="permissionDenied", action="createDocument")
    with pytest.raises(PermissionDeniedException) as error:
        folder.createDocument("x.txt", contentFile=io.BytesIO(b"x"))
    assert error.value.status == 403 and '"permissionDenied"' in str(error.value)


def test_dropped_connection(http, service_url, folder, control):
    control.fault(selector="object", path="/root$")
    control.fault(drop=True, selector="children")
    url = f"{service_url}/root?objectId={folder.id}"
    assert http.get(url + "&cmisselector=object").status_code == 500
    with pytest.raises(requests.ConnectionError):
        http.get(url + "&cmisselector=children")
    assert http.get(url + "&cmisselector=children").status_code == 200


def test_fault_after_the_write_loses_only_the_answer(repo, folder, control):
    doc = folder.createDocument("d.txt", contentFile=io.BytesIO(b"x"))
    pwc = doc.checkout()
    control.fault(action="checkIn", drop=True, after=True)
    with pytest.raises(requests.ConnectionError):
        pwc.checkin()
    assert repo.getObject(doc.id).getLatestVersion().getProperties()["cmis:versionLabel"] == "2.0"
    assert doc.isCheckedOut() is False


def test_delay_makes_a_client_time_out(http, service_url, control):
    control.fault(delay=0.5, status=None, selector="typeDefinition")
    params = {"cmisselector": "typeDefinition", "typeId": "cmis:folder"}
    with pytest.raises(requests.Timeout):
        http.get(service_url, params=params, timeout=0.1)
    control.fault(delay=0.2, status=None, selector="typeDefinition")
    response = http.get(service_url, params=params, timeout=10)  # only slow: the answer is the real one
    assert response.status_code == 200 and response.json()["id"] == "cmis:folder"


def test_invalid_fault_rules_are_rejected(http, cmis_server):
    for rule in ({"count": 0}, {"exception": "nonsense"}, {"colour": "red"}, {"path": "("}):
        assert http.post(cmis_server + "/__control/faults", json=rule).status_code == 400


def test_request_log_records_actions_and_selectors(http, cmis_server, folder, control):
    http.delete(cmis_server + "/__control/requests")
    folder.createFolder("logged")
    entries = control.requests()
    assert {"method": "POST", "path": SERVICE_PATH + "/root", "action": "createFolder", "selector": None,
            "objectId": folder.id, "status": 201} in entries


def test_index_lag_hides_new_writes_from_queries_until_indexed(repo, folder, control):
    control.settings(indexLag=3600)
    doc = folder.createDocument("lag.txt", {"cmis:objectTypeId": "D:zt:document", "zt:titel": "old"})
    statement = f"SELECT * FROM zt:document WHERE IN_FOLDER('{folder.id}') AND zt:titel = '%s'"
    assert list(repo.query(statement % "old")) == []
    assert repo.getObject(doc.id).getName() == "lag.txt"  # reads by id are never stale
    control.flush_index()
    assert [d.id for d in repo.query(statement % "old")] == [doc.id]
    control.settings(autoVersionOnUpdateProps=False)
    doc.updateProperties({"zt:titel": "new"})
    stale = list(repo.query(statement % "old"))
    assert [d.getProperties()["zt:titel"] for d in stale] == ["new"]  # matched on the index, rendered live
    assert list(repo.query(statement % "new")) == []
    doc.delete()
    assert list(repo.query(statement % "old")) == []  # the index still has it; the result skips the gone object
    control.flush_index()


def test_state_persists_across_restarts_and_index_lag_flag(tmp_path):
    process, base_url = start_server(tmp_path)
    service_url = base_url + SERVICE_PATH
    try:
        root = requests.get(service_url, auth=AUTH, timeout=10).json()["-default-"]["rootFolderId"]
        created = requests.post(service_url + "/root", auth=AUTH, timeout=10, data={
            "cmisaction": "createDocument", "objectId": root, "propertyId[0]": "cmis:objectTypeId",
            "propertyValue[0]": "cmis:document", "propertyId[1]": "cmis:name", "propertyValue[1]": "kept.txt"},
            files={"content": ("kept.txt", io.BytesIO(b"persisted"), "text/plain")}).json()
    finally:
        stop_server(process)
    process, base_url = start_server(tmp_path, "--index-lag", "3600")
    service_url = base_url + SERVICE_PATH
    try:
        info = requests.get(service_url, auth=AUTH, timeout=10).json()["-default-"]
        assert info["rootFolderId"] == root
        object_id = created["properties"]["cmis:objectId"]["value"]
        content = requests.get(f"{service_url}/root/kept.txt", auth=AUTH, timeout=10)
        assert content.content == b"persisted"
        query = {"cmisaction": "query", "q": "SELECT * FROM cmis:document WHERE cmis:name = 'kept.txt'"}
        assert len(requests.post(service_url, data=query, auth=AUTH, timeout=10).json()["results"]) == 1
        requests.post(service_url + "/root", auth=AUTH, timeout=10, data={
            "cmisaction": "update", "objectId": object_id, "propertyId[0]": "cmis:name", "propertyValue[0]": "new.txt"})
        assert len(requests.post(service_url, data=query, auth=AUTH, timeout=10).json()["results"]) == 1  # lagging
        settings = requests.get(base_url + "/__control", auth=AUTH, timeout=10).json()["settings"]
        assert settings["indexLag"] == 3600
    finally:
        stop_server(process)


def test_in_process_server_with_python_fault_api(tmp_path):
    server = CmisServer(tmp_path).start()
    try:
        server.faults.add(selector="repositoryInfo", status=503, exception="runtime")
        assert requests.get(server.service_url, auth=AUTH, params={"cmisselector": "repositoryInfo"},
                            timeout=10).status_code == 503
        assert requests.get(server.service_url, auth=AUTH, timeout=10).status_code == 200
        assert server.faults.pending() == []
    finally:
        server.stop()


def test_concurrent_creates_of_one_name_let_exactly_one_win(folder, service_url):
    statuses = []

    def create():
        response = requests.post(service_url + "/root", auth=AUTH, timeout=30, data={
            "cmisaction": "createDocument", "objectId": folder.id, "propertyId[0]": "cmis:objectTypeId",
            "propertyValue[0]": "cmis:document", "propertyId[1]": "cmis:name", "propertyValue[1]": "race.txt"},
            files={"content": ("race.txt", io.BytesIO(b"x" * 100_000), "text/plain")})
        statuses.append((response.status_code, response.json().get("exception")))

    threads = [threading.Thread(target=create) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses, key=str) == [(201, None)] + [(409, "contentAlreadyExists")] * 7
    assert [c.getName() for c in folder.getChildren()] == ["race.txt"]


def test_conflicting_concurrent_checkouts_let_exactly_one_win(folder):
    doc = folder.createDocument("c.txt", contentFile=io.BytesIO(b"x"))
    outcomes = []

    def check_out():
        try:
            doc.checkout()
            outcomes.append("ok")
        except UpdateConflictException:
            outcomes.append("conflict")

    threads = [threading.Thread(target=check_out) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["conflict"] * 5 + ["ok"]


def test_a_write_failing_halfway_leaves_nothing_behind(tmp_path):
    server = CmisServer(tmp_path).start()
    try:
        root = server.repository.root_id

        def create(name, **extra):
            return requests.post(server.service_url + "/root", auth=AUTH, timeout=10, data={
                "cmisaction": "createDocument", "objectId": root, "propertyId[0]": "cmis:objectTypeId",
                "propertyValue[0]": "cmis:document", "propertyId[1]": "cmis:name", "propertyValue[1]": name, **extra},
                files={"content": (name, io.BytesIO(b"data"), "text/plain")})

        assert create("x (Working Copy).txt").status_code == 201
        # the document is written first, then its checkout collides with the name above
        response = create("x.txt", versioningState="checkedout")
        assert response.status_code == 409 and response.json()["exception"] == "contentAlreadyExists"
        children = requests.get(server.service_url + "/root", auth=AUTH, timeout=10,
                                params={"cmisselector": "children", "succinct": "true"}).json()["objects"]
        assert [c["object"]["succinctProperties"]["cmis:name"] for c in children] == ["x (Working Copy).txt"]
        assert len(list((tmp_path / "content").iterdir())) == 1  # the failed upload's blob is gone too
    finally:
        server.stop()
