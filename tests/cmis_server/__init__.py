"""A CMIS 1.1 Browser Binding server that behaves like Alfresco, for the CMIS backend's tests and demos.

There is no Alfresco, Java or Docker to test against (CMIS.md §4.1), so this stands in for one: it
speaks the Browser Binding over HTTP on loopback, keeps its state under a data directory (SQLite
for metadata, one file per content stream, so restarts keep everything and big files never sit in
memory), serves threads concurrently under one repository lock, and checks basic auth.

Run it:
    python -m tests.cmis_server --data DIR [--host 127.0.0.1 --port 8089 --user admin --password admin]
                                [--index-lag SECONDS] [--types FILE.json] [--verbose]
or in-process: ``server = CmisServer(data_dir).start()``; ``server.service_url``, ``server.faults.add(...)``,
``server.repository``, ``server.stop()``. The service (and repository) URL is
``http://HOST:PORT/alfresco/api/-default-/public/cmis/versions/1.1/browser``, the root folder ``…/root``.
``/__control`` (control.py) injects faults (500s, any CMIS exception, dropped connections, delays,
before or after the write happens), sets the index lag and Alfresco switches, registers type
definitions (a deployed content model: ``getTypeDefinition``/``typeChildren``/``typeDescendants`` then
answer them) and lists the requests served. The protocol tests here drive it with the unmodified
cmislib 0.7.0 client (test_cmislib_*.py) and, where CMIS.md §1.4/§1.6 says cmislib falls short, with
the raw requests the backend will send (test_raw_http.py lists those bypasses, (a)–(g)).

Alfresco behaviour imitated (CMIS.md §4.3–4.4, checked against Alfresco's AlfrescoCmisServiceImpl,
CMISConnector and exception interceptor): repository ``-default-``, vendor "Alfresco"; folder/item ids
are bare UUIDs, versions ``<series uuid>;<label>``, a bare series id resolves to the current version;
PWC id ``<own uuid>;pwc``, label ``pwc``, name ``X (Working Copy).ext``, filed next to the original;
new documents 1.0 (major, ``P:cm:versionable``), check-in major → 2.0, minor → 1.1; a write to the
current version auto-creates a minor version (switchable); the checked-out original is locked
(409 updateConflict), a second checkout is 409 versioning, updating an old version 400, setting its
content 403 streamNotSupported, deleting a checked-out original 409 constraint, deleting a PWC
cancels the checkout, ``deleteTree`` needs ``allVersions=true``; unknown or wrong-base type on create
409 constraint, duplicate name (case-insensitive) 409 contentAlreadyExists, names with ``*"<>\\/?:|`` or
a trailing dot/space 409 constraint, missing mandatory property 409 constraint; ``D:/F:/I:/P:`` type
prefixes, queries by queryName; queries see latest versions and PWCs, ``searchAllVersions`` is 400;
``cmis:changeToken`` is always null; ``cmis:contentStreamFileName`` is ``cmis:name``; change log entries
carry only ``cmis:objectId`` with Alfresco's token paging; optional index lag emulating Solr.

Not imitated: ACL enforcement (ACLs are stored and returned; one user; permissionDenied only through
a fault), relationships, policies and renditions (empty answers), full-text (CONTAINS), JOIN and
aspect queries, createType (Alfresco lacks it too), unfiled documents, bulkUpdateProperties,
createDocumentFromSource, ``add/removeSecondaryTypeIds`` on update, ticket auth and the CSRF filter,
version-store nodeRefs of old versions, and which query shapes Alfresco runs on the database (TMQ)
rather than Solr. Only a real Alfresco can verify (CMIS.md §4.6): content model deployment
(types, aspects, ``I:`` items, index flags, mandatory constraints, length limits, the
autoVersionOnUpdateProps override); the query engine (TMQ vs Solr, IN/ANY/OR/LIKE/ORDER BY support on
our properties, numItems accuracy, the consistency window, latency at 10⁵–10⁶ documents); versioning
details (labels after mixed sequences, whether setContent outside a checkout versions, checkIn with
properties and content in one call, the real PWC id format, appendContent cost, ISO-8601 datetime
input); auth, CSRF, TLS/proxies, multipart limits, files over 2 GB, Range, timeouts under load;
changeToken enforcement, ACL permission names, multi-filing, change log completeness, UTF-8 file
names in Content-Disposition, and Alfresco 7.x/23.x differences.
"""
from .server import CmisServer

__all__ = ["CmisServer"]
