"""The CMIS gateway against the CMIS test server: every raw bypass, cmislib paths, codecs and error mapping."""
import io
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from storage_backends.cmis.client import (
    CmisConfig,
    CmisConflict,
    CmisGateway,
    CmisNotFound,
    CmisRefused,
    CmisUnavailable,
    quote,
)
from tests.cmis_server.conftest import free_port
from tests.tcp_proxy import TcpProxy

DOC = "D:zt:document"


def create(gateway, folder_id, name, content=b"", mimetype="text/plain", **properties):
    properties = {key.replace("__", ":"): value for key, value in properties.items()}
    stream = io.BytesIO(content) if content is not None else None
    return gateway.document_create(folder_id, type_id=DOC, name=name, properties=properties, content=stream,
                                   mimetype=mimetype)


def actions(control, action):
    return [entry for entry in control.requests() if (entry["action"] or "").lower() == action.lower()]


# ---- repository, types, folders ----------------------------------------------------------------------------------

def test_repository_info_is_the_raw_info_of_the_default_repository(gateway):
    info = gateway.repository_info()
    assert info["repositoryId"] == "-default-" and info["vendorName"] == "Alfresco"
    assert "latestChangeLogToken" in info and info["capabilities"]["capabilityQuery"]


def test_unknown_repository_id_is_not_found(cmis_config):
    gateway = CmisGateway(replace(cmis_config, repository_id="other"))
    with pytest.raises(CmisNotFound):
        gateway.repository_info()


def test_type_definition_raw_or_none_when_unknown(gateway):
    definition = gateway.type_definition(DOC)
    assert definition["id"] == DOC and definition["queryName"] == "zt:document"
    assert definition["propertyDefinitions"]["zt:versie"]["propertyType"] == "integer"
    assert gateway.type_definition("D:zt:unknown") is None


def test_folder_creates_its_parents_once_and_is_cached(gateway, cmis_config, control, cmis_server, http):
    http.delete(cmis_server + "/__control/requests")
    folder_id = gateway.folder("2026/12")
    assert gateway.get(folder_id).properties["cmis:path"] == f"{cmis_config.base_folder}/2026/12"
    assert [entry["status"] for entry in actions(control, "createFolder")] == [201, 201, 201]  # base, 2026, 12
    before = len(control.requests())
    assert gateway.folder("2026/12") == folder_id
    assert gateway.folder("/2026//12/") == folder_id
    assert len(control.requests()) == before  # answered from the cache
    assert CmisGateway(cmis_config).folder("2026/12") == folder_id  # a fresh gateway finds, not creates


def test_folder_with_non_ascii_name(gateway, cmis_config):
    folder_id = gateway.folder("één/straße")
    assert gateway.get(folder_id).properties["cmis:path"] == f"{cmis_config.base_folder}/één/straße"


def test_folder_created_concurrently_elsewhere_is_looked_up_again(gateway, cmis_config, control):
    existing = gateway.folder("2027")
    # a fresh gateway sees the folder missing (as if just before the other created it), then gets a 409
    control.fault(selector="object", path="/2027$", status=404, exception="objectNotFound")
    assert CmisGateway(cmis_config).folder("2027") == existing
    assert actions(control, "createFolder")[-1]["status"] == 409


# ---- documents, items and property codecs --------------------------------------------------------------------------

def test_typed_properties_round_trip_with_nulls_and_utc_datetimes(gateway, folder_id):
    moment = datetime(2024, 5, 1, 12, 30, 15, 123000, tzinfo=timezone(timedelta(hours=2)))
    doc = create(gateway, folder_id, "typed.txt", zt__titel="Één 'titel'", zt__versie=7, zt__vaRank=None,
                 zt__bedrag=Decimal("12.34"), zt__vervallen=False, zt__beginRegistratie=moment,
                 zt__trefwoorden=["a", "b"], zt__notitie=None)
    for obj in (doc, gateway.get(doc.id)):
        props = obj.properties
        assert props["zt:titel"] == "Één 'titel'" and props["zt:versie"] == 7 and props["zt:vaRank"] is None
        assert props["zt:bedrag"] == Decimal("12.34") and isinstance(props["zt:bedrag"], Decimal)
        assert props["zt:vervallen"] is False and props["zt:trefwoorden"] == ["a", "b"]
        assert props["zt:beginRegistratie"] == moment and props["zt:beginRegistratie"].tzinfo is UTC
        assert props["zt:notitie"] is None
        assert obj.last_modified.tzinfo is UTC and obj.change_token is None
        assert (obj.version_label, obj.is_latest, obj.content_length, obj.mimetype) == ("1.0", True, 0, "text/plain")


def test_null_integer_and_boolean_stay_null(gateway, folder_id):
    doc = create(gateway, folder_id, "nulls.txt", zt__versie=None, zt__vervallen=None, zt__bedrag=None)
    props = gateway.get(doc.id).properties
    assert props["zt:versie"] is None and props["zt:vervallen"] is None and props["zt:bedrag"] is None


def test_a_date_is_sent_as_midnight_utc(gateway, folder_id):
    doc = create(gateway, folder_id, "date.txt", zt__beginRegistratie=date(2024, 2, 29))
    assert gateway.get(doc.id).properties["zt:beginRegistratie"] == datetime(2024, 2, 29, tzinfo=UTC)


def test_values_that_cannot_be_sent_are_refused_before_any_request(gateway, folder_id):
    with pytest.raises(ValueError, match="naive"):
        create(gateway, folder_id, "naive.txt", zt__beginRegistratie=datetime(2024, 1, 1))
    with pytest.raises(TypeError):
        create(gateway, folder_id, "float.txt", zt__bedrag=1.5)


def test_non_ascii_file_name_and_content_stream(gateway, folder_id, tmp_path):
    path = tmp_path / "upload.bin"
    path.write_bytes(bytes(range(256)) * 8192)  # 2 MiB, streamed from the file
    with path.open("rb") as content:
        doc = gateway.document_create(folder_id, type_id=DOC, name="Overzicht é ü ß.pdf", properties={},
                                      content=content, filename="Overzicht é ü ß.pdf", mimetype="application/pdf")
    assert doc.properties["cmis:name"] == "Overzicht é ü ß.pdf"
    assert doc.properties["cmis:contentStreamFileName"] == "Overzicht é ü ß.pdf"
    assert (doc.content_length, doc.mimetype) == (2 * 1024 * 1024, "application/pdf")
    stream = gateway.content(doc.id)
    assert b"".join(stream.chunks) == path.read_bytes()


def test_item_create_and_update_properties(gateway, folder_id):
    item = gateway.item_create(folder_id, type_id="I:zt:oio", name="oio-1", properties={"zt:informatieobject": "x"})
    assert item.properties["cmis:baseTypeId"] == "cmis:item" and item.version_series_id is None
    updated = gateway.update_properties(item.id, {"zt:informatieobject": None, "cmis:name": "oio-2"})
    assert updated.id == item.id
    assert gateway.get(item.id).properties["zt:informatieobject"] is None
    assert gateway.get(item.id).properties["cmis:name"] == "oio-2"


# ---- versions ----------------------------------------------------------------------------------------------------

def test_check_in_sends_properties_content_and_major_in_one_request(gateway, folder_id, cmis_server, http, control):
    doc = create(gateway, folder_id, "v.txt", b"one", zt__versie=1, zt__titel="oud")
    pwc = gateway.check_out(doc.id)
    assert pwc.version_label == "pwc" and pwc.id != doc.id
    http.delete(cmis_server + "/__control/requests")
    new = gateway.check_in(pwc.id, properties={"zt:versie": 2, "zt:titel": None}, content=io.BytesIO(b"two"),
                           mimetype="text/plain", comment="PUT via API")
    assert [entry["action"] for entry in control.requests()] == ["checkIn"]
    assert (new.version_label, new.is_latest, new.properties["cmis:isMajorVersion"]) == ("2.0", True, True)
    assert new.properties["zt:versie"] == 2 and new.properties["zt:titel"] is None
    assert new.properties["cmis:checkinComment"] == "PUT via API"
    assert b"".join(gateway.content(new.id).chunks) == b"two"
    assert b"".join(gateway.content(doc.id).chunks) == b"one"  # the old version keeps its content


def test_versions_are_oldest_first_without_the_pwc_and_latest_follows_the_series(gateway, folder_id):
    doc = create(gateway, folder_id, "h.txt", zt__versie=1)
    second = gateway.check_in(gateway.check_out(doc.id).id, properties={"zt:versie": 2})
    pwc = gateway.check_out(second.id)
    versions = gateway.versions(doc.id)
    assert [(v.version_label, v.properties["zt:versie"]) for v in versions] == [("1.0", 1), ("2.0", 2)]
    assert pwc.id not in {v.id for v in versions}
    for reference in (doc.id, doc.version_series_id, second.id):
        assert gateway.latest(reference).id == second.id
    assert gateway.get(doc.id).version_label == "1.0"


def test_cancel_check_out_restores_the_series(gateway, folder_id, control):
    doc = create(gateway, folder_id, "c.txt")
    pwc = gateway.check_out(doc.id)
    gateway.cancel_check_out(pwc.id)
    assert gateway.get(doc.id).properties["cmis:isVersionSeriesCheckedOut"] is False
    with pytest.raises(CmisNotFound):
        gateway.get(pwc.id)
    assert [v.version_label for v in gateway.versions(doc.id)] == ["1.0"]


def test_update_properties_on_a_pwc_reach_the_next_version(gateway, folder_id):
    doc = create(gateway, folder_id, "p.txt")
    pwc = gateway.update_properties(gateway.check_out(doc.id).id, {"zt:lock": "token", "zt:vaRank": 3})
    assert pwc.properties["zt:lock"] == "token"
    new = gateway.check_in(pwc.id, properties={})
    assert (new.version_label, new.properties["zt:lock"], new.properties["zt:vaRank"]) == ("2.0", "token", 3)


def test_append_content_builds_the_content_of_a_pwc_in_chunks(gateway, folder_id):
    doc = create(gateway, folder_id, "parts.bin", content=None)
    pwc = gateway.check_out(doc.id)
    for part, last in ((b"part1-", False), (b"part2-", False), (b"part3", True)):
        pwc = gateway.append_content(pwc.id, io.BytesIO(part), last=last, mimetype="application/octet-stream")
    new = gateway.check_in(pwc.id, properties={})
    assert new.content_length == 17
    assert b"".join(gateway.content(new.id).chunks) == b"part1-part2-part3"


def test_delete_all_versions_then_not_found(gateway, folder_id):
    doc = create(gateway, folder_id, "d.txt")
    gateway.check_in(gateway.check_out(doc.id).id, properties={})
    gateway.delete(doc.id)
    with pytest.raises(CmisNotFound):
        gateway.get(doc.id)
    with pytest.raises(CmisNotFound) as error:
        gateway.delete(doc.id)
    assert error.value.exception == "objectNotFound"


def test_delete_one_version_reverts_to_the_previous(gateway, folder_id):
    doc = create(gateway, folder_id, "r.txt")
    second = gateway.check_in(gateway.check_out(doc.id).id, properties={})
    gateway.delete(second.id, all_versions=False)
    assert gateway.latest(doc.version_series_id).id == doc.id


# ---- content -----------------------------------------------------------------------------------------------------

def test_content_is_streamed_in_chunks(gateway, folder_id):
    body = bytes(range(256)) * 4096  # 1 MiB
    doc = create(gateway, folder_id, "big.bin", body, mimetype="application/octet-stream")
    stream = gateway.content(doc.id)
    assert (stream.length, stream.total, stream.mimetype) == (len(body), len(body), "application/octet-stream")
    chunks = list(stream.chunks)
    assert len(chunks) > 1 and b"".join(chunks) == body


@pytest.mark.parametrize("byte_range, expected", [((2, 5), b"2345"), ((7, None), b"789"), ((8, 100), b"89")])
def test_content_range(gateway, folder_id, byte_range, expected):
    doc = create(gateway, folder_id, "r.txt", b"0123456789")
    stream = gateway.content(doc.id, byte_range=byte_range)
    assert (b"".join(stream.chunks), stream.length, stream.total) == (expected, len(expected), 10)


def test_range_beyond_the_content_is_refused(gateway, folder_id):
    doc = create(gateway, folder_id, "r.txt", b"0123456789")
    with pytest.raises(CmisRefused) as error:
        gateway.content(doc.id, byte_range=(10, None))
    assert error.value.status == 416


def test_json_content_comes_back_as_bytes(gateway, folder_id):
    doc = create(gateway, folder_id, "data.json", b'{"a": 1}', mimetype="application/json")
    stream = gateway.content(doc.id)
    assert stream.mimetype == "application/json" and b"".join(stream.chunks) == b'{"a": 1}'


def test_closing_the_chunks_unread_ends_the_stream(gateway, folder_id):
    doc = create(gateway, folder_id, "x.bin", b"x" * 200_000)
    stream = gateway.content(doc.id)
    stream.chunks.close()
    assert list(stream.chunks) == []
    assert b"".join(gateway.content(doc.id).chunks) == b"x" * 200_000


def test_document_without_content_has_no_stream(gateway, folder_id):
    doc = create(gateway, folder_id, "empty", content=None)
    assert doc.content_length is None
    with pytest.raises(CmisConflict) as error:
        gateway.content(doc.id)
    assert error.value.exception == "constraint"


def test_download_broken_off_midway_is_unavailable(gateway, folder_id, cmis_config, cmis_server, tmp_path):
    path = tmp_path / "big.bin"
    path.write_bytes(bytes(32 * 1024 * 1024))  # more than the socket buffers hold
    with path.open("rb") as content:
        doc = gateway.document_create(folder_id, type_id=DOC, name="cut.bin", properties={}, content=content)
    port = cmis_server.rpartition(":")[2]
    proxy = TcpProxy(int(port))
    try:
        proxied = CmisGateway(replace(cmis_config, url=cmis_config.url.replace(f":{port}/", f":{proxy.port}/")))
        stream = proxied.content(doc.id)
        next(stream.chunks)
        proxy.cut()
        with pytest.raises(CmisUnavailable, match="broke off"):
            for _ in stream.chunks:
                pass
    finally:
        proxy.close()


# ---- queries -----------------------------------------------------------------------------------------------------

def test_query_pages_with_typed_values(gateway, folder_id):
    for n in range(5):
        create(gateway, folder_id, f"q{n}", zt__titel="zoek", zt__versie=n,
               zt__beginRegistratie=datetime(2024, 1, 1, n, tzinfo=UTC))
    statement = (f"SELECT cmis:objectId, zt:versie, zt:beginRegistratie FROM zt:document "
                 f"WHERE zt:titel = 'zoek' AND IN_FOLDER({quote(folder_id)}) ORDER BY zt:versie")
    pages = [gateway.query(statement, max_items=2, skip_count=skip) for skip in (0, 2, 4)]
    assert [[o.properties["zt:versie"] for o in page.objects] for page in pages] == [[0, 1], [2, 3], [4]]
    assert [page.has_more for page in pages] == [True, True, False]
    assert {page.num_items for page in pages} == {5}
    first = pages[0].objects[0]
    assert first.id and first.properties["zt:beginRegistratie"] == datetime(2024, 1, 1, 0, tzinfo=UTC)
    assert set(first.properties) == {"cmis:objectId", "zt:versie", "zt:beginRegistratie"}


def test_query_count_unknown_is_none(gateway, folder_id, control):
    control.settings(exactNumItems=False)
    create(gateway, folder_id, "n1")
    page = gateway.query(f"SELECT cmis:objectId FROM cmis:document WHERE IN_FOLDER({quote(folder_id)})")
    assert page.num_items is None and len(page.objects) == 1 and page.has_more is False


def test_quote_escapes_quotes_and_backslashes(gateway, folder_id):
    titel = "it's a \\ test"
    assert quote(titel) == "'it\\'s a \\\\ test'"
    create(gateway, folder_id, "quoted", zt__titel=titel)
    page = gateway.query(f"SELECT cmis:name FROM zt:document WHERE zt:titel = {quote(titel)} "
                         f"AND IN_FOLDER({quote(folder_id)})")
    assert [o.properties["cmis:name"] for o in page.objects] == ["quoted"]


# ---- errors ------------------------------------------------------------------------------------------------------

def test_missing_object_is_not_found_with_the_cmis_name(gateway):
    with pytest.raises(CmisNotFound) as error:
        gateway.get("no-such-object")
    assert (error.value.status, error.value.exception) == (404, "objectNotFound") and error.value.message


def test_conflicts_keep_their_cmis_exception_name(gateway, folder_id):
    doc = create(gateway, folder_id, "dup.txt")
    with pytest.raises(CmisConflict) as error:
        create(gateway, folder_id, "dup.txt")
    assert error.value.exception == "contentAlreadyExists"
    pwc = gateway.check_out(doc.id)
    with pytest.raises(CmisConflict) as error:  # through cmislib's checkout: the same mapping
        gateway.check_out(doc.id)
    assert error.value.exception == "versioning"
    with pytest.raises(CmisConflict) as error:
        gateway.delete(doc.id)
    assert error.value.exception == "constraint"
    gateway.cancel_check_out(pwc.id)


@pytest.mark.parametrize("exception", ["updateConflict", "nameConstraintViolation", "constraint"])
def test_any_409_is_a_conflict(gateway, folder_id, control, exception):
    control.fault(action="update", status=409, exception=exception, message="busy")
    item = gateway.item_create(folder_id, type_id="I:zt:oio", name="i", properties={})
    with pytest.raises(CmisConflict) as error:
        gateway.update_properties(item.id, {"zt:informatieobject": "y"})
    assert (error.value.status, error.value.exception, error.value.message) == (409, exception, "busy")


def test_bad_requests_and_bad_credentials_are_refused(gateway, cmis_config):
    with pytest.raises(CmisRefused) as error:
        gateway.query("SELECT nonsense")
    assert (error.value.status, error.value.exception) == (400, "invalidArgument")
    stranger = CmisGateway(replace(cmis_config, password="wrong"))
    with pytest.raises(CmisRefused) as error:
        stranger.repository_info()
    assert error.value.status == 401


def test_server_error_is_unavailable(gateway, folder_id, control):
    control.fault(action="createDocument", status=500, exception="runtime", message="Injected fault")
    with pytest.raises(CmisUnavailable) as error:
        create(gateway, folder_id, "e.txt")
    assert (error.value.status, error.value.exception, error.value.message) == (500, "runtime", "Injected fault")


def test_dropped_connection_is_unavailable(gateway, folder_id, control):
    control.fault(action="checkOut", drop=True)
    doc = create(gateway, folder_id, "drop.txt")
    with pytest.raises(CmisUnavailable) as error:
        gateway.check_out(doc.id)
    assert error.value.status is None
    control.fault(selector="content", drop=True)
    with pytest.raises(CmisUnavailable):
        gateway.content(doc.id)


def test_timeout_is_unavailable(cmis_config, folder_id, control):
    slow = CmisGateway(replace(cmis_config, read_timeout=0.3))
    control.fault(selector="object", delay=1.0, status=None)
    with pytest.raises(CmisUnavailable, match="in time") as error:
        slow.get(folder_id)
    assert error.value.status is None


def test_refused_connection_is_unavailable():
    gateway = CmisGateway(CmisConfig(url=f"http://127.0.0.1:{free_port()}/cmis", retries=1))
    with pytest.raises(CmisUnavailable):
        gateway.repository_info()


def test_gets_are_retried_on_503_but_writes_are_not(gateway, folder_id, control):
    doc = create(gateway, folder_id, "retry.txt")
    control.fault(selector="object", status=503, count=2)
    assert gateway.get(doc.id).id == doc.id
    assert [e["status"] for e in control.requests() if e["selector"] == "object"][-3:] == [503, 503, 200]
    control.fault(action="createItem", status=503)
    before = len(actions(control, "createItem"))
    with pytest.raises(CmisUnavailable) as error:
        gateway.item_create(folder_id, type_id="I:zt:oio", name="once", properties={})
    assert error.value.status == 503 and len(actions(control, "createItem")) == before + 1


# ---- threads -----------------------------------------------------------------------------------------------------

def test_two_threads_work_at_the_same_time(gateway, folder_id, control):
    control.fault(selector="content", delay=0.5, status=None)  # one download is held up while the other runs
    start = threading.Barrier(2)

    def work(n):
        doc = create(gateway, folder_id, f"t{n}.txt", f"thread {n}".encode(), zt__versie=n)
        start.wait(timeout=10)
        return b"".join(gateway.content(doc.id).chunks), gateway.latest(doc.id).properties["zt:versie"]

    with ThreadPoolExecutor(2) as pool:
        assert list(pool.map(work, (1, 2))) == [(b"thread 1", 1), (b"thread 2", 2)]


def test_close_then_use_again(gateway, folder_id):
    gateway.close()
    assert gateway.get(folder_id).id == folder_id
