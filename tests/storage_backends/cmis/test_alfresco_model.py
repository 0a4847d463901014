"""The Alfresco content model and the test server's "deployed model" both declare exactly mapping.PROPERTIES."""
import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from cmislib import CmisClient
from cmislib.browser.binding import BrowserBinding

from storage_backends.cmis.mapping import BASES, DOCUMENT, PROPERTIES, query_name
from storage_backends.cmis.model_json import NAMESPACES, TITLES, type_definitions
from tests.cmis_server.binding import SERVICE_PATH
from tests.cmis_server.conftest import AUTH, ROOT, start_server, stop_server

MODEL = ROOT / "config" / "alfresco" / "drc-model.xml"
M = "{http://www.alfresco.org/model/dictionary/1.0}"
# The Alfresco data types a CMIS property type of the mapping may be declared with.
DATA_TYPES = {
    "string": {"d:text"},
    "id": {"d:text"},
    "integer": {"d:int", "d:long"},
    "boolean": {"d:boolean"},
    "datetime": {"d:datetime"},
}
PARENTS = {"cmis:document": "cm:content", "cmis:item": "cm:cmobject"}


@pytest.fixture(scope="module")
def model() -> ET.Element:
    return ET.parse(MODEL).getroot()


def xml_types(model: ET.Element) -> dict[str, ET.Element]:
    return {element.get("name"): element for element in model.find(f"{M}types")}


def flag(element: ET.Element, path: str, default: bool) -> bool:
    found = element.find(path)
    return default if found is None else found.text.strip() == "true"


def test_model_declares_the_namespaces_of_the_type_definitions(model):
    declared = {ns.get("prefix"): ns.get("uri") for ns in model.iter(f"{M}namespace")}

    assert declared == NAMESPACES
    assert model.get("name").split(":")[0] in declared


def test_model_declares_exactly_the_mapped_types(model):
    types = xml_types(model)

    assert set(types) == {query_name(type_id) for type_id in PROPERTIES}
    for type_id, base in BASES.items():
        element = types[query_name(type_id)]
        assert element.findtext(f"{M}parent") == PARENTS[base], type_id
        assert element.findtext(f"{M}title") == TITLES[type_id], type_id


@pytest.mark.parametrize("type_id", list(PROPERTIES))
def test_model_declares_exactly_the_mapped_properties(model, type_id):
    declared = {p.get("name"): p for p in xml_types(model)[query_name(type_id)].iter(f"{M}property")}
    declared.pop("cm:autoVersionOnUpdateProps", None)  # an override, not a property of its own

    assert list(declared) == [prop.id for prop in PROPERTIES[type_id]]
    for prop in PROPERTIES[type_id]:
        element = declared[prop.id]
        assert element.findtext(f"{M}type") in DATA_TYPES[prop.type], prop.id
        assert flag(element, f"{M}multiple", False) is prop.multi, prop.id
        assert not flag(element, f"{M}mandatory", False), prop.id
        index = element.find(f"{M}index")
        # Alfresco reports a property as queryable exactly when it is indexed (default: indexed).
        assert (index is None or index.get("enabled") == "true") is prop.queryable, prop.id
        if prop.queryable:
            assert flag(index, f"{M}atomic", False), prop.id
            assert not flag(index, f"{M}tokenised", True), prop.id


def test_bestandsomvang_holds_sizes_beyond_two_gigabytes(model):
    document = xml_types(model)[query_name(DOCUMENT)]
    bestandsomvang = next(p for p in document.iter(f"{M}property") if p.get("name") == "drc:bestandsomvang")

    assert bestandsomvang.findtext(f"{M}type") == "d:long"


def test_documents_are_versioned_but_not_by_property_updates(model):
    document = xml_types(model)[query_name(DOCUMENT)]
    overrides = {p.get("name"): p for p in document.find(f"{M}overrides")}

    assert [a.text for a in document.find(f"{M}mandatory-aspects")] == ["cm:versionable"]
    assert overrides["cm:autoVersionOnUpdateProps"].findtext(f"{M}default") == "false"


@pytest.fixture(scope="module")
def model_server(tmp_path_factory):
    """A test server started with the model as `make run` registers it: the module's output as --types."""
    data = tmp_path_factory.mktemp("cmis-model")
    printed = subprocess.run(
        [sys.executable, "-m", "storage_backends.cmis.model_json"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    assert json.loads(printed) == type_definitions()
    (data / "types.json").write_text(printed)
    process, base_url = start_server(data / "repository", "--types", str(data / "types.json"))
    try:
        yield base_url
    finally:
        stop_server(process)


@pytest.mark.parametrize("type_id", list(PROPERTIES))
def test_the_test_server_reports_every_mapped_property(model_server, type_id):
    repo = CmisClient(model_server + SERVICE_PATH, *AUTH, binding=BrowserBinding()).getDefaultRepository()

    definition = repo.getTypeDefinition(type_id)
    properties = definition.properties

    assert definition.baseId == BASES[type_id]
    assert definition.queryName == query_name(type_id)
    for prop in PROPERTIES[type_id]:
        reported = properties[prop.id]
        assert reported.propertyType == prop.type, prop.id
        assert reported.cardinality == ("multi" if prop.multi else "single"), prop.id
        assert reported.queryable is prop.queryable, prop.id
        assert reported.updatability == "readwrite", prop.id
