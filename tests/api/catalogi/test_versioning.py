"""New versions of a published zaaktype: a full concept copy, and publishing it closes the old version."""
from datetime import date

import pytest
from rest_framework.exceptions import ValidationError

from api.catalogi import services
from api.catalogi.models import ZaakType
from api.catalogi.versioning import zaaktype_new_version, zaaktype_version_publish
from api.common.models import OutboxNotification
from tests.api.catalogi.conftest import make_besluittype, make_catalogus, make_zaaktype, snapshot, url_for

pytestmark = pytest.mark.django_db

NEW_BEGIN = date(2025, 1, 1)


def codes(error: pytest.ExceptionInfo) -> dict[str, str]:
    return {name: details[0].code for name, details in error.value.detail.items()}


def test_new_version_is_a_concept_copy_with_all_types_and_relations(full_catalogus):
    old = full_catalogus.zaaktype
    before = snapshot(old)

    version = zaaktype_new_version(zaaktype=old, begin_geldigheid=NEW_BEGIN, url_for=url_for)

    assert version.pk != old.pk and version.uuid != old.uuid
    assert (version.concept, version.begin_geldigheid, version.versiedatum) == (True, NEW_BEGIN, NEW_BEGIN)
    assert version.einde_geldigheid is None
    assert snapshot(version, "begin_geldigheid", "versiedatum") == snapshot(old, "begin_geldigheid", "versiedatum")
    # The copy has types of its own, and uses the same besluittypen, informatieobjecttypen and deelzaaktypen.
    assert not set(version.statustypen.values_list("pk", flat=True)) & set(old.statustypen.values_list("pk", flat=True))
    assert list(version.besluittypen.all()) == [full_catalogus.besluittype]
    assert list(version.deelzaaktypen.all()) == [full_catalogus.deelzaaktype]
    assert version.ziots.get().informatieobjecttype == full_catalogus.formulier
    assert version.zaakobjecttypen.get().statustypen.get().zaaktype == version
    assert version.eigenschappen.get().statustype.zaaktype == version
    # The published version is untouched until the new one is published.
    old.refresh_from_db()
    assert snapshot(old) == before and old.concept is False
    assert OutboxNotification.objects.filter(kanaal="zaaktypen", actie="create", resource_url=url_for(version)).exists()


def test_concept_has_no_new_version(db):
    concept = make_zaaktype(make_catalogus())

    with pytest.raises(ValidationError) as error:
        zaaktype_new_version(zaaktype=concept, begin_geldigheid=NEW_BEGIN, url_for=url_for)

    assert codes(error) == {"nonFieldErrors": "concept-zaaktype"}
    assert ZaakType.objects.count() == 1


def test_new_version_must_begin_after_the_old_one(full_catalogus):
    with pytest.raises(ValidationError) as error:
        zaaktype_new_version(zaaktype=full_catalogus.zaaktype, begin_geldigheid=date(2024, 1, 1), url_for=url_for)

    assert codes(error) == {"beginGeldigheid": "invalid-date"}


def test_publishing_the_new_version_ends_the_old_one_the_day_before(full_catalogus):
    old = full_catalogus.zaaktype
    version = zaaktype_new_version(zaaktype=old, begin_geldigheid=NEW_BEGIN, url_for=url_for)

    zaaktype_version_publish(zaaktype=version, url_for=url_for)

    old.refresh_from_db()
    version.refresh_from_db()
    assert old.einde_geldigheid == date(2024, 12, 31)
    assert version.concept is False and version.einde_geldigheid is None
    actions = {(n.resource_url, n.actie) for n in OutboxNotification.objects.filter(kanaal="zaaktypen")}
    assert {(url_for(old), "partial_update"), (url_for(version), "publish")} <= actions
    # The other version with the same catalogus, but another identificatie, keeps its geldigheid.
    full_catalogus.deelzaaktype.refresh_from_db()
    assert full_catalogus.deelzaaktype.einde_geldigheid is None


def test_refused_publish_leaves_the_old_version_open(full_catalogus):
    old = full_catalogus.zaaktype
    version = zaaktype_new_version(zaaktype=old, begin_geldigheid=NEW_BEGIN, url_for=url_for)
    services.zaaktype_update(
        zaaktype=version, data={"besluittypen": [make_besluittype(old.catalogus, "Nog een concept")]},
        partial=True, force=False, url_for=url_for,
    )

    with pytest.raises(ValidationError) as error:
        zaaktype_version_publish(zaaktype=version, url_for=url_for)

    assert codes(error) == {"besluittypen": "concept-relation"}
    old.refresh_from_db()
    version.refresh_from_db()
    assert old.einde_geldigheid is None
    assert version.concept is True


def test_a_version_published_later_still_overlaps_and_nothing_changes(full_catalogus):
    old = full_catalogus.zaaktype
    later = zaaktype_new_version(zaaktype=old, begin_geldigheid=date(2026, 1, 1), url_for=url_for)
    zaaktype_version_publish(zaaktype=later, url_for=url_for)
    old.refresh_from_db()
    assert old.einde_geldigheid == date(2025, 12, 31)
    middle = zaaktype_new_version(zaaktype=old, begin_geldigheid=NEW_BEGIN, url_for=url_for)

    with pytest.raises(ValidationError) as error:
        zaaktype_version_publish(zaaktype=middle, url_for=url_for)

    assert codes(error) == {"beginGeldigheid": "overlap"}
    old.refresh_from_db()
    later.refresh_from_db()
    assert (old.einde_geldigheid, later.einde_geldigheid) == (date(2025, 12, 31), None)
    assert middle.concept is True


def test_first_version_is_published_as_is(db):
    zaaktype = make_zaaktype(make_catalogus())

    zaaktype_version_publish(zaaktype=zaaktype, url_for=url_for)

    zaaktype.refresh_from_db()
    assert zaaktype.concept is False and zaaktype.einde_geldigheid is None
