"""The raw Browser Binding requests the CMIS backend sends where cmislib 0.7.0 falls short (CMIS.md §1.4, §1.6).

Bypasses this server supports, each exercised below with ``requests`` on a plain session:

(a) streamed download: ``GET <root>?objectId=…&cmisselector=content`` read with ``stream=True``;
    single ``Range: bytes=a-b`` / ``a-`` / ``-n`` → 206 with ``Content-Range`` (416 when unsatisfiable);
    ``Content-Type``, ``Content-Length`` and ``Content-Disposition`` (with ``filename*=UTF-8''…``) are
    always set; ``application/json`` content comes back as bytes (cmislib would parse it).
(b) ``cmisaction=checkIn`` with ``major=true``, ``checkinComment``, ``propertyId[i]``/``propertyValue[i]``
    and a content part, all in one multipart request.
(c) ``cmisaction=appendContent`` (``isLastChunk``) after ``setContent`` for chunked uploads onto a PWC.
(d) ``cmisaction=query`` posted to the repository URL with ``statement`` (or ``q``), ``maxItems``,
    ``skipCount`` in the body or the URL; the answer's ``numItems``/``hasMoreItems`` are read directly.
(e) error mapping from the JSON body ``{"exception", "message"}`` (cmislib keeps only the status, and
    409 covers constraint, contentAlreadyExists, updateConflict and versioning).
(f) property codecs: ``data["properties"]`` read raw keeps ``null`` (cmislib turns integer null into 0
    and boolean null into False); datetimes are epoch milliseconds out, milliseconds or ISO-8601 in;
    multi-valued input as ``propertyValue[i][j]``; ``succinct=true`` gives ``succinctProperties``.
(g) ``cmisselector=checkedOut`` on the repository or a folder URL (cmislib's ``getCheckedOutDocs`` has no
    result parser), and ``createItem`` / ``versioningState`` on create (cmislib cannot send them).
Also accepted: urlencoded bodies (drc-cmis style), parameters in any letter case, unknown parameters.
"""
import io
import json

import pytest


def _create(http, service_url, folder_id, name, *, content=b"", mime="text/plain", extra=None, **props):
    fields = {"cmisaction": "createDocument", "objectId": folder_id, "succinct": "true"}
    all_props = {"cmis:objectTypeId": "D:zt:document", "cmis:name": name, **props}
    for i, (pid, value) in enumerate(all_props.items()):
        fields[f"propertyId[{i}]"] = pid
        if isinstance(value, list):
            fields.update({f"propertyValue[{i}][{j}]": v for j, v in enumerate(value)})
        elif value is not None:
            fields[f"propertyValue[{i}]"] = value
    fields.update(extra or {})
    response = http.post(service_url + "/root", data=fields, files={"content": (name, io.BytesIO(content), mime)})
    assert response.status_code == 201, response.text
    return response.json()["succinctProperties"]


def _content_url(service_url, object_id):
    return f"{service_url}/root?objectId={object_id}&cmisselector=content"


def test_streamed_download_with_headers(http, service_url, folder):
    body = bytes(range(256)) * 4096  # 1 MiB
    doc = _create(http, service_url, folder.id, "Overzicht é.bin", content=body, mime="application/octet-stream")
    with http.get(_content_url(service_url, doc["cmis:objectId"]), stream=True) as response:
        assert response.status_code == 200
        assert response.headers["Content-Type"] == "application/octet-stream"
        assert response.headers["Content-Length"] == str(len(body))
        assert "filename*=UTF-8''Overzicht%20%C3%A9.bin" in response.headers["Content-Disposition"]
        chunks = list(response.iter_content(65536))
    assert len(chunks) > 1 and b"".join(chunks) == body


@pytest.mark.parametrize("header, status, expected, content_range", [
    ("bytes=2-5", 206, b"2345", "bytes 2-5/10"),
    ("bytes=7-", 206, b"789", "bytes 7-9/10"),
    ("bytes=-3", 206, b"789", "bytes 7-9/10"),
    ("bytes=8-100", 206, b"89", "bytes 8-9/10"),
    ("bytes=10-", 416, None, "bytes */10"),
])
def test_range_requests(http, service_url, folder, header, status, expected, content_range):
    doc = _create(http, service_url, folder.id, "r.txt", content=b"0123456789")
    response = http.get(_content_url(service_url, doc["cmis:objectId"]), headers={"Range": header})
    assert response.status_code == status
    assert response.headers["Content-Range"] == content_range
    if expected is not None:
        assert response.content == expected and response.headers["Content-Length"] == str(len(expected))


def test_json_content_downloads_raw_where_cmislib_parses_it(http, service_url, folder, repo):
    doc = _create(http, service_url, folder.id, "data.json", content=b'{"a": 1}', mime="application/json")
    response = http.get(_content_url(service_url, doc["cmis:objectId"]))
    assert response.content == b'{"a": 1}' and response.headers["Content-Type"] == "application/json"
    with pytest.raises(AttributeError):  # CMIS.md §1.4 defect 4: the binding returns a dict, not a response
        repo.getObject(doc["cmis:objectId"]).getContentStream()


def test_document_without_content_has_no_stream(http, service_url, folder):
    response = http.post(service_url + "/root", data={
        "cmisaction": "createDocument", "objectId": folder.id, "propertyId[0]": "cmis:objectTypeId",
        "propertyValue[0]": "cmis:document", "propertyId[1]": "cmis:name", "propertyValue[1]": "empty"})
    object_id = response.json()["properties"]["cmis:objectId"]["value"]
    response = http.get(_content_url(service_url, object_id))
    assert response.status_code == 409 and response.json()["exception"] == "constraint"


def test_checkin_with_properties_content_and_major_in_one_request(http, service_url, folder):
    doc = _create(http, service_url, folder.id, "d.txt", content=b"one", **{"zt:versie": "1"})
    pwc = http.post(service_url + "/root", data={"cmisaction": "checkOut", "objectId": doc["cmis:objectId"],
                                                 "succinct": "true"}).json()["succinctProperties"]
    response = http.post(service_url + "/root", data={
        "cmisaction": "checkIn", "objectId": pwc["cmis:objectId"], "major": "true", "checkinComment": "PUT",
        "propertyId[0]": "zt:versie", "propertyValue[0]": "2", "succinct": "true",
    }, files={"content": ("d.txt", io.BytesIO(b"two"), "text/plain")})
    assert response.status_code == 201
    new = response.json()["succinctProperties"]
    assert (new["cmis:versionLabel"], new["zt:versie"], new["cmis:checkinComment"]) == ("2.0", 2, "PUT")
    assert http.get(_content_url(service_url, new["cmis:objectId"])).content == b"two"


def test_chunked_upload_with_set_and_append_content(http, service_url, folder):
    doc = _create(http, service_url, folder.id, "big.bin", content=b"old")
    pwc_id = http.post(service_url + "/root", data={"cmisaction": "checkOut", "objectId": doc["cmis:objectId"]}
                       ).json()["properties"]["cmis:objectId"]["value"]
    response = http.post(service_url + "/root", data={"cmisaction": "setContent", "objectId": pwc_id},
                         files={"content": ("big.bin", io.BytesIO(b"part1-"), "application/octet-stream")})
    assert response.status_code == 200
    for part, last in ((b"part2-", "false"), (b"part3", "true")):
        response = http.post(service_url + "/root", data={"cmisaction": "appendContent", "objectId": pwc_id,
                                                          "isLastChunk": last},
                             files={"content": ("big.bin", io.BytesIO(part), "application/octet-stream")})
        assert response.status_code == 200, response.text
    assert http.get(_content_url(service_url, pwc_id)).content == b"part1-part2-part3"
    assert http.get(_content_url(service_url, doc["cmis:objectId"])).content == b"old"  # the original is untouched
    new = http.post(service_url + "/root", data={"cmisaction": "checkIn", "objectId": pwc_id}).json()
    assert new["properties"]["cmis:contentStreamLength"]["value"] == 17
    assert new["properties"]["cmis:contentStreamMimeType"]["value"] == "application/octet-stream"


def test_set_content_without_overwrite_on_existing_content(http, service_url, folder):
    doc = _create(http, service_url, folder.id, "o.txt", content=b"x")
    response = http.post(service_url + "/root", data={"cmisaction": "setContent", "objectId": doc["cmis:objectId"],
                                                      "overwriteFlag": "false"},
                         files={"content": ("o.txt", io.BytesIO(b"y"), "text/plain")})
    assert response.status_code == 409 and response.json()["exception"] == "contentAlreadyExists"


def test_query_with_statement_paging_and_counts(http, service_url, folder):
    for name in ("q1", "q2", "q3"):
        _create(http, service_url, folder.id, name, **{"zt:titel": "zoek"})
    statement = (f"SELECT cmis:objectId, cmis:name FROM zt:document WHERE zt:titel = 'zoek' "
                 f"AND IN_FOLDER('{folder.id}') ORDER BY cmis:name DESC")
    response = http.post(service_url, data={"cmisaction": "query", "statement": statement, "maxItems": "2",
                                            "skipCount": "1", "succinct": "true"})
    body = response.json()
    assert [r["succinctProperties"]["cmis:name"] for r in body["results"]] == ["q2", "q1"]
    assert body["numItems"] == 3 and body["hasMoreItems"] is False
    by_q = http.post(service_url, params={"maxItems": "1"}, data={"cmisaction": "query", "q": statement}).json()
    assert by_q["hasMoreItems"] is True and len(by_q["results"]) == 1
    assert by_q["results"][0]["properties"]["cmis:name"]["value"] == "q3"


def test_unknown_num_items_setting(http, service_url, folder, control):
    control.settings(exactNumItems=False)
    _create(http, service_url, folder.id, "n1")
    body = http.post(service_url, data={"cmisaction": "query",
                                        "q": f"SELECT * FROM cmis:document WHERE IN_FOLDER('{folder.id}')"}).json()
    assert body["numItems"] == -1 and len(body["results"]) == 1


@pytest.mark.parametrize("method, path, data, status, exception", [
    ("GET", "/root?objectId=missing&cmisselector=object", None, 404, "objectNotFound"),
    ("POST", "", {"cmisaction": "query", "q": "SELECT nonsense"}, 400, "invalidArgument"),
    ("POST", "/root", {"cmisaction": "checkIn"}, 409, "versioning"),
    ("POST", "/root", {"cmisaction": "bogus"}, 405, "notSupported"),
    ("POST", "/root", {"cmisaction": "update", "propertyId[0]": "cmis:name", "propertyValue[0]": ""}, 400,
     "invalidArgument"),
])
def test_errors_carry_the_cmis_exception_name(http, service_url, folder, method, path, data, status, exception):
    doc = _create(http, service_url, folder.id, "e.txt")["cmis:objectId"]
    response = http.request(method, service_url + path, data=data and {**data, "objectId": doc})
    assert response.status_code == status
    assert response.headers["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["exception"] == exception and body["message"]


def test_missing_or_wrong_credentials_get_401_with_basic_challenge(http, service_url):
    import requests

    for auth in (None, ("admin", "wrong")):
        response = requests.get(service_url, auth=auth, timeout=10)
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"].startswith("Basic")


def test_raw_properties_keep_nulls_that_cmislib_erases(http, service_url, folder, repo):
    doc = _create(http, service_url, folder.id, "n.txt", **{"zt:versie": None, "zt:vervallen": None})
    raw = http.get(f"{service_url}/root", params={"objectId": doc["cmis:objectId"], "cmisselector": "object"}).json()
    assert raw["properties"]["zt:versie"] == {
        "id": "zt:versie", "localName": "versie", "displayName": "zt:versie", "queryName": "zt:versie",
        "type": "integer", "cardinality": "single", "value": None}
    assert raw["properties"]["zt:vervallen"]["value"] is None
    props = repo.getObject(doc["cmis:objectId"]).getProperties()
    assert props["zt:versie"] == 0 and props["zt:vervallen"] is False  # CMIS.md §1.4 defect 2


def test_datetimes_are_milliseconds_out_and_iso_or_milliseconds_in(http, service_url, folder):
    iso = _create(http, service_url, folder.id, "t1", **{"zt:beginRegistratie": "2024-05-01T12:00:00+02:00"})
    millis = _create(http, service_url, folder.id, "t2", **{"zt:beginRegistratie": "1714557600000"})
    assert iso["zt:beginRegistratie"] == millis["zt:beginRegistratie"] == 1714557600000
    assert isinstance(iso["cmis:creationDate"], int)
    response = http.post(service_url + "/root", data={
        "cmisaction": "update", "objectId": iso["cmis:objectId"], "propertyId[0]": "zt:beginRegistratie",
        "propertyValue[0]": "1 May 2024"})
    assert response.status_code == 400 and response.json()["exception"] == "invalidArgument"


def test_multi_valued_input_and_urlencoded_case_insensitive_parameters(http, service_url, folder):
    response = http.post(service_url + "/root", data={
        "CMISACTION": "createDocument", "OBJECTID": folder.id, "someUnknownParameter": "ignored",
        "propertyId[0]": "cmis:objectTypeId", "propertyValue[0]": "D:zt:document",
        "propertyId[1]": "cmis:name", "propertyValue[1]": "m.txt",
        "propertyId[2]": "zt:trefwoorden", "propertyValue[2][0]": "a", "propertyValue[2][1]": "b"})
    assert response.status_code == 201, response.text
    assert response.json()["properties"]["zt:trefwoorden"]["value"] == ["a", "b"]
    assert response.json()["properties"]["zt:trefwoorden"]["cardinality"] == "multi"


def test_filter_limits_the_returned_properties(http, service_url, folder):
    doc = _create(http, service_url, folder.id, "f.txt")
    body = http.get(f"{service_url}/root", params={"objectId": doc["cmis:objectId"], "cmisselector": "object",
                                                   "filter": "cmis:name", "succinct": "true"}).json()
    assert set(body["succinctProperties"]) == {"cmis:name", "cmis:objectId", "cmis:baseTypeId", "cmis:objectTypeId"}


def test_allowable_actions_follow_the_version_state(http, service_url, folder):
    doc = _create(http, service_url, folder.id, "a.txt", content=b"x")
    def actions(object_id):
        return http.get(f"{service_url}/root", params={"objectId": object_id, "cmisselector": "object",
                                                       "includeAllowableActions": "true"}).json()["allowableActions"]
    assert actions(doc["cmis:objectId"])["canCheckOut"] is True
    pwc = http.post(service_url + "/root", data={"cmisaction": "checkOut", "objectId": doc["cmis:objectId"]}).json()
    pwc_id = pwc["properties"]["cmis:objectId"]["value"]
    original = actions(doc["cmis:objectId"])
    assert original["canCheckOut"] is False and original["canUpdateProperties"] is False
    assert original["canDeleteObject"] is False
    assert actions(pwc_id)["canCheckIn"] is True and actions(pwc_id)["canSetContentStream"] is True


def test_cmislib_property_values_must_be_strings(folder):
    with pytest.raises(AttributeError):  # CMIS.md §1.4 defect 3: MultipartEncoder needs str values
        folder.createDocument("x.txt", {"cmis:objectTypeId": "D:zt:document", "zt:versie": 1})


def test_response_bodies_are_json_documents(http, service_url):
    response = http.get(service_url)
    assert response.headers["Content-Type"].startswith("application/json")
    assert "-default-" in json.loads(response.content)


def test_checked_out_documents_are_listed_where_cmislib_cannot(http, service_url, folder, repo):
    doc = _create(http, service_url, folder.id, "co.txt")
    http.post(service_url + "/root", data={"cmisaction": "checkOut", "objectId": doc["cmis:objectId"]})
    body = http.get(f"{service_url}/root", params={"objectId": folder.id, "cmisselector": "checkedOut",
                                                   "succinct": "true"}).json()
    assert [o["object"]["succinctProperties"]["cmis:versionLabel"] for o in body["objects"]] == ["pwc"]
    with pytest.raises(AttributeError):  # the result set has no serializer
        list(repo.getCheckedOutDocs())


@pytest.mark.parametrize("state, label, major, checked_out", [
    ("major", "1.0", True, False), ("minor", "0.1", False, False), ("none", "1.0", True, False),
    ("checkedout", "pwc", False, True),
])
def test_versioning_state_on_create(http, service_url, folder, state, label, major, checked_out):
    doc = _create(http, service_url, folder.id, f"{state}.txt", extra={"versioningState": state})
    assert doc["cmis:versionLabel"] == label and doc["cmis:isMajorVersion"] is major
    assert doc["cmis:isVersionSeriesCheckedOut"] is checked_out
    assert ("P:cm:versionable" in (doc["cmis:secondaryObjectTypeIds"] or [])) is (state != "none")


def test_latest_major_of_a_minor_only_series_is_not_found(http, service_url, folder):
    doc = _create(http, service_url, folder.id, "m.txt", extra={"versioningState": "minor"})
    response = http.get(f"{service_url}/root", params={"objectId": doc["cmis:objectId"], "cmisselector": "object",
                                                       "returnVersion": "latestmajor"})
    assert response.status_code == 404 and response.json()["exception"] == "objectNotFound"
