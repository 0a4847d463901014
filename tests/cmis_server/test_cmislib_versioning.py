"""Check-out, check-in, cancel, version history and Alfresco's PWC rules through unmodified cmislib."""
import io

import pytest
from cmislib.exceptions import (
    InvalidArgumentException,
    ObjectNotFoundException,
    PermissionDeniedException,
    UpdateConflictException,
)


@pytest.fixture
def doc(folder):
    return folder.createDocument(
        "besluit.pdf", {"cmis:objectTypeId": "D:zt:document", "zt:titel": "v1"},
        contentFile=io.BytesIO(b"version one"), contentType="application/pdf",
    )


def test_checkout_creates_an_alfresco_style_pwc(repo, folder, doc):
    pwc = doc.checkout()
    props = pwc.getProperties()
    pwc_uuid, suffix = pwc.id.split(";")
    assert suffix == "pwc" and pwc_uuid != props["cmis:versionSeriesId"]  # a node of its own
    assert props["cmis:versionLabel"] == "pwc"
    assert props["cmis:isPrivateWorkingCopy"] is True and props["cmis:isLatestVersion"] is False
    assert props["cmis:name"] == "besluit (Working Copy).pdf"
    assert props["zt:titel"] == "v1"
    assert pwc.getContentStream().read() == b"version one"
    assert doc.isCheckedOut() is True
    assert doc.getProperties()["cmis:versionSeriesCheckedOutId"] == pwc.id
    assert doc.getCheckedOutBy() == "admin"
    assert doc.getPrivateWorkingCopy().id == pwc.id
    assert sorted(c.getName() for c in folder.getChildren()) == ["besluit (Working Copy).pdf", "besluit.pdf"]


def test_checkin_without_major_kwarg_makes_the_next_major_version_with_properties_and_content(repo, doc):
    pwc = doc.checkout()
    new = pwc.checkin("toelichting", contentFile=io.BytesIO(b"version two"), contentType="text/plain",
                      properties={"zt:titel": "v2"})
    props = new.getProperties()
    assert new.id == f"{props['cmis:versionSeriesId']};2.0"
    assert props["cmis:versionLabel"] == "2.0" and props["cmis:isMajorVersion"] is True
    assert props["cmis:checkinComment"] == "toelichting"
    assert props["cmis:name"] == "besluit.pdf"
    assert props["zt:titel"] == "v2" and props["cmis:contentStreamMimeType"] == "text/plain"
    assert new.getContentStream().read() == b"version two"
    assert doc.isCheckedOut() is False
    with pytest.raises(ObjectNotFoundException):
        repo.getObject(pwc.id)
    old = repo.getObject(doc.id)
    assert old.getProperties()["zt:titel"] == "v1" and old.getContentStream().read() == b"version one"
    assert old.getProperties()["cmis:isLatestVersion"] is False


def test_checkin_with_major_kwarg_makes_a_minor_version_cmislib_defect(doc):
    new = doc.checkout().checkin(major=True)  # CMIS.md §1.4 defect 1: any major kwarg becomes 'false'
    assert new.getProperties()["cmis:versionLabel"] == "1.1"
    assert new.getProperties()["cmis:isMajorVersion"] is False


def test_checkin_keeps_property_changes_made_on_the_pwc(doc):
    pwc = doc.checkout()
    pwc.updateProperties({"zt:titel": "on pwc", "zt:lock": "token"})
    assert pwc.getProperties()["cmis:versionLabel"] == "pwc"  # updating a PWC never versions
    new = pwc.checkin()
    assert new.getProperties()["zt:titel"] == "on pwc" and new.getProperties()["zt:lock"] == "token"


def test_when_checked_out_property_is_read_only_outside_a_checkout(doc):
    with pytest.raises(InvalidArgumentException):
        doc.updateProperties({"zt:lock": "token"})


def test_cancel_checkout_removes_the_pwc(repo, doc):
    pwc = doc.checkout()
    pwc.cancelCheckout()
    assert doc.isCheckedOut() is False
    with pytest.raises(ObjectNotFoundException):
        repo.getObject(pwc.id)
    assert [v.getProperties()["cmis:versionLabel"] for v in doc.getAllVersions()] == ["1.0"]


def test_versions_list_the_pwc_first_then_newest_to_oldest(doc):
    second = doc.checkout().checkin()
    third = second.checkout().checkin(major=True)
    pwc = third.checkout()
    labels = [v.getProperties()["cmis:versionLabel"] for v in pwc.getAllVersions()]
    assert labels == ["pwc", "2.1", "2.0", "1.0"]


def test_latest_and_latest_major_version(repo, doc):
    doc.checkout().checkin().checkout().checkin(major=True)
    old = repo.getObject(doc.id)
    assert old.getLatestVersion().getProperties()["cmis:versionLabel"] == "2.1"
    assert old.getLatestVersion(major="true").getProperties()["cmis:versionLabel"] == "2.0"
    assert old.getPropertiesOfLatestVersion()["cmis:isLatestVersion"] is True


def test_second_checkout_is_a_versioning_error(doc):
    doc.checkout()
    with pytest.raises(UpdateConflictException) as error:
        doc.checkout()
    assert '"versioning"' in str(error.value)


def test_checked_out_original_is_locked(repo, doc):
    doc.checkout()
    with pytest.raises(UpdateConflictException) as error:
        doc.updateProperties({"zt:titel": "x"})
    assert "updateConflict" in str(error.value)
    with pytest.raises(UpdateConflictException):
        doc.setContentStream(io.BytesIO(b"x"), "text/plain")
    with pytest.raises(UpdateConflictException) as error:
        doc.delete()
    assert '"constraint"' in str(error.value)


def test_deleting_the_pwc_cancels_the_checkout(doc):
    doc.checkout().delete()
    assert doc.isCheckedOut() is False


def test_old_versions_are_immutable(repo, doc):
    doc.checkout().checkin()
    old = repo.getObject(doc.id)
    assert old.getProperties()["cmis:isImmutable"] is True
    with pytest.raises(InvalidArgumentException):
        old.updateProperties({"zt:titel": "x"})
    with pytest.raises(PermissionDeniedException) as error:
        old.setContentStream(io.BytesIO(b"x"), "text/plain")
    assert "streamNotSupported" in str(error.value)
    with pytest.raises(InvalidArgumentException):
        old.checkout()


def test_checkin_on_a_non_pwc_is_a_versioning_error(doc):
    with pytest.raises(UpdateConflictException) as error:
        doc.checkin()
    assert '"versioning"' in str(error.value)


def test_deleting_one_version_reverts_to_the_previous(repo, doc):
    new = doc.checkout().checkin()
    repo.getObject(new.id).delete(allVersions="false")
    series = doc.getProperties()["cmis:versionSeriesId"]
    assert repo.getObject(series).getProperties()["cmis:versionLabel"] == "1.0"
    assert repo.getObject(series).getProperties()["cmis:isLatestVersion"] is True


def test_delete_all_versions_removes_the_series(repo, doc):
    new = doc.checkout().checkin()
    repo.getObject(doc.id).delete()
    for object_id in (doc.id, new.id, doc.getProperties()["cmis:versionSeriesId"]):
        with pytest.raises(ObjectNotFoundException):
            repo.getObject(object_id)
