"""Admin for catalog managers: browse, edit concepts, read-only published types, publish, versions, export, import."""
import io
import zipfile
from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from api.catalogi.models import Catalogus, InformatieObjectType, ResultaatType, StatusType, ZaakType
from api.catalogi.transfer import zaaktype_export
from api.common.models import OutboxNotification
from tests.api.catalogi.conftest import (
    make_besluittype,
    make_catalogus,
    make_informatieobjecttype,
    make_zaaktype,
    publish,
)
from tests.fixtures.catalogi import RESULTAAT_NIHIL, RESULTAAT_OTHER_PROCESTYPE, RESULTAATTYPEOMSCHRIJVING

pytestmark = pytest.mark.django_db

ZAAKTYPEN = "/admin/catalogi/zaaktype/"


def change_url(obj) -> str:
    return reverse(f"admin:catalogi_{obj._meta.model_name}_change", args=[obj.pk])


def texts(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def _post_value(field, value):
    """What a browser sends for a field's value; None when it sends nothing (unchecked box, empty selection)."""
    value = field.prepare_value(value)
    if isinstance(value, bool):
        return "on" if value else None
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return None if value is None else str(value)


def form_data(response) -> dict:
    """The POST data the change page in `response` would send unchanged: main form, inlines, management forms."""
    forms = [response.context["adminform"].form]
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        data.update({management.add_prefix(name): management[name].value() for name in management.fields})
        forms.extend(formset.forms)
    for form in forms:
        for name, field in form.fields.items():
            value = _post_value(field, form[name].value())
            if value is not None:
                data[form.add_prefix(name)] = value
    return data


def add_row(data: dict, prefix: str, **values) -> dict:
    """`data` with one more inline row under `prefix`."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    return {**data, f"{prefix}-TOTAL_FORMS": str(index + 1), **{f"{prefix}-{index}-{k}": v for k, v in values.items()}}


def run_action(admin_web, changelist: str, action: str, objects, **extra):
    data = {"action": action, "_selected_action": [str(obj.pk) for obj in objects], **extra}
    return admin_web.post(changelist, data)


def test_catalogus_page_lists_all_its_types_with_links(admin_web, full_catalogus):
    response = admin_web.get(change_url(full_catalogus.catalogus))

    assert response.status_code == 200
    page = response.content.decode()
    for obj in (full_catalogus.zaaktype, full_catalogus.deelzaaktype, full_catalogus.formulier,
                full_catalogus.besluittype):
        assert change_url(obj) in page
    assert reverse("admin:catalogi_catalogus_import", args=[full_catalogus.catalogus.pk]) in page
    assert f"{reverse('admin:catalogi_zaaktype_add')}?catalogus={full_catalogus.catalogus.pk}" in page


@pytest.mark.parametrize("model", ["catalogus", "zaaktype", "informatieobjecttype", "besluittype"])
def test_list_and_add_pages_load(admin_web, full_catalogus, model):
    assert admin_web.get(reverse(f"admin:catalogi_{model}_changelist")).status_code == 200
    assert admin_web.get(reverse(f"admin:catalogi_{model}_add")).status_code == 200


def test_published_zaaktype_takes_only_an_einde_geldigheid(admin_web, full_catalogus):
    zaaktype = full_catalogus.zaaktype
    response = admin_web.get(change_url(zaaktype))

    assert set(response.context["adminform"].form.fields) == {"einde_geldigheid"}
    assert not any(inline.has_add_permission or inline.has_change_permission or inline.has_delete_permission
                   for inline in response.context["inline_admin_formsets"])
    assert admin_web.get(reverse("admin:catalogi_zaaktype_delete", args=[zaaktype.pk])).status_code == 403

    response = admin_web.post(change_url(zaaktype), {**form_data(response), "einde_geldigheid": "2030-12-31"})

    assert response.status_code == 302
    zaaktype.refresh_from_db()
    assert zaaktype.einde_geldigheid == date(2030, 12, 31)
    assert OutboxNotification.objects.filter(resource_url__endswith=str(zaaktype.uuid), actie="partial_update").exists()


def test_concept_zaaktype_is_edited_with_its_types_through_the_services(admin_web, db):
    zaaktype = make_zaaktype(make_catalogus())
    data = form_data(admin_web.get(change_url(zaaktype)))
    # A browser sends the empty checklist box as "".
    data = add_row(data, "statustypen", volgnummer="1", omschrijving="Ontvangen", checklistitem_statustype="")
    data = add_row(data, "resultaattypen", omschrijving="Verleend", resultaattypeomschrijving=RESULTAATTYPEOMSCHRIJVING,
                   selectielijstklasse=RESULTAAT_NIHIL, brondatum_archiefprocedure_afleidingswijze="afgehandeld")

    response = admin_web.post(change_url(zaaktype), {**data, "omschrijving": "Nieuwe omschrijving"})

    assert response.status_code == 302, response.context and response.context["errors"]
    zaaktype.refresh_from_db()
    assert zaaktype.omschrijving == "Nieuwe omschrijving"
    assert list(zaaktype.statustypen.values_list("omschrijving", flat=True)) == ["Ontvangen"]
    resultaattype = zaaktype.resultaattypen.get()
    # Derived by the service from the selectielijst, as the API does.
    assert (resultaattype.omschrijving_generiek, resultaattype.archiefnominatie) == ("Afgewezen", "vernietigen")
    assert OutboxNotification.objects.filter(resource_url__endswith=str(zaaktype.uuid), actie="partial_update").exists()


def test_rule_refusal_shows_on_the_form_and_saves_nothing(admin_web, db):
    zaaktype = make_zaaktype(make_catalogus())
    data = add_row(form_data(admin_web.get(change_url(zaaktype))), "resultaattypen", omschrijving="Verleend",
                   resultaattypeomschrijving=RESULTAATTYPEOMSCHRIJVING, selectielijstklasse=RESULTAAT_OTHER_PROCESTYPE)

    response = admin_web.post(change_url(zaaktype), {**data, "omschrijving": "Niet opgeslagen"})

    assert response.status_code == 200
    errors = str(response.context["inline_admin_formsets"][2].formset.errors)
    assert "hoort niet bij het selectielijstProcestype" in errors
    zaaktype.refresh_from_db()
    assert zaaktype.omschrijving == "Aanvraag vergunning"
    assert not ResultaatType.objects.exists()


def test_zaaktype_added_in_the_admin_is_created_by_the_service(admin_web, db):
    catalogus = make_catalogus()
    data = form_data(admin_web.get(f"{reverse('admin:catalogi_zaaktype_add')}?catalogus={catalogus.pk}"))
    data.update({
        "identificatie": "ZT-ADMIN", "omschrijving": "Via de admin", "vertrouwelijkheidaanduiding": "openbaar",
        "doel": "doel", "aanleiding": "aanleiding", "indicatie_intern_of_extern": "intern",
        "handeling_initiator": "melden", "onderwerp": "melding", "handeling_behandelaar": "behandelen",
        "doorlooptijd": "P10D", "referentieproces_naam": "melding", "verantwoordelijke": "team",
        "begin_geldigheid": "2024-01-01", "versiedatum": "2024-01-01",
    })
    data = add_row(data, "statustypen", volgnummer="1", omschrijving="Ontvangen")

    response = admin_web.post(reverse("admin:catalogi_zaaktype_add"), data)

    assert response.status_code == 302, response.context and response.context["errors"]
    zaaktype = ZaakType.objects.get(identificatie="ZT-ADMIN")
    assert (zaaktype.catalogus, zaaktype.concept) == (catalogus, True)
    assert zaaktype.statustypen.get().omschrijving == "Ontvangen"
    assert OutboxNotification.objects.filter(resource_url__endswith=str(zaaktype.uuid), actie="create").exists()


def test_publish_action_publishes_each_concept_or_says_why_not(admin_web, db):
    catalogus = make_catalogus()
    ready = make_zaaktype(catalogus, identificatie="ZT-KLAAR")
    blocked = make_zaaktype(catalogus, identificatie="ZT-WACHT", besluittypen=[make_besluittype(catalogus)])

    response = run_action(admin_web, ZAAKTYPEN, "publish", [ready, blocked])

    assert response.status_code == 302
    messages = texts(response)
    assert any("Gepubliceerd: ZT-KLAAR" in message for message in messages)
    assert any("ZT-WACHT" in message and "Alle gerelateerde typen moeten gepubliceerd zijn" in message
               for message in messages)
    ready.refresh_from_db()
    blocked.refresh_from_db()
    assert (ready.concept, blocked.concept) == (False, True)


def test_informatieobjecttype_publish_action(admin_web, db):
    informatieobjecttype = make_informatieobjecttype(make_catalogus(), "Brief")

    run_action(admin_web, reverse("admin:catalogi_informatieobjecttype_changelist"), "publish", [informatieobjecttype])

    informatieobjecttype.refresh_from_db()
    assert informatieobjecttype.concept is False


def test_new_version_action_asks_for_a_date_then_copies_and_publishing_closes_the_old(admin_web, full_catalogus):
    old = full_catalogus.zaaktype

    asked = run_action(admin_web, ZAAKTYPEN, "new_version", [old])
    assert asked.status_code == 200
    assert "begin_geldigheid" in asked.context["form"].fields

    created = run_action(admin_web, ZAAKTYPEN, "new_version", [old], apply="1", begin_geldigheid="2025-01-01")

    version = ZaakType.objects.get(identificatie="ZT-1", concept=True)
    assert created.status_code == 302 and created.url == change_url(version)
    assert version.statustypen.count() == 2 and version.begin_geldigheid == date(2025, 1, 1)

    run_action(admin_web, ZAAKTYPEN, "publish", [version])

    old.refresh_from_db()
    version.refresh_from_db()
    assert (old.einde_geldigheid, version.concept) == (date(2024, 12, 31), False)


def test_new_version_of_a_concept_is_refused_with_the_reason(admin_web, db):
    concept = make_zaaktype(make_catalogus())

    response = run_action(admin_web, ZAAKTYPEN, "new_version", [concept], apply="1", begin_geldigheid="2025-01-01")

    assert any("Alleen van een gepubliceerd zaaktype" in message for message in texts(response))
    assert ZaakType.objects.count() == 1


def test_export_actions_download_zips(admin_web, full_catalogus):
    response = run_action(admin_web, ZAAKTYPEN, "export", [full_catalogus.zaaktype])

    assert response["Content-Type"] == "application/zip"
    assert 'filename="zaaktype-zt-1-2024-01-01.zip"' in response["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert "ZaakType.json" in archive.namelist()

    response = run_action(admin_web, reverse("admin:catalogi_catalogus_changelist"), "export",
                          [full_catalogus.catalogus])
    assert response["Content-Type"] == "application/zip"

    both = run_action(admin_web, ZAAKTYPEN, "export", [full_catalogus.zaaktype, full_catalogus.deelzaaktype])
    assert "Kies precies één zaaktype" in " ".join(texts(both))


def test_import_uploads_then_maps_then_imports(admin_web, full_catalogus):
    target = make_catalogus(domein="DOEL", rsin="111111111")
    existing = publish(make_informatieobjecttype(target, "Aanvraagformulier"))
    make_zaaktype(target, identificatie="DEEL-1")
    import_url = reverse("admin:catalogi_catalogus_import", args=[target.pk])
    upload = io.BytesIO(zaaktype_export(zaaktype=full_catalogus.zaaktype))
    upload.name = "export.zip"

    mapping = admin_web.post(import_url, {"bestand": upload, "_upload": "1"})

    assert mapping.status_code == 200
    form = mapping.context["mapping_form"]
    suggested = {field.label: field.initial for field in form.fields.values() if field.label}
    assert suggested["informatieobjecttype 'Aanvraagformulier'"] == str(existing.uuid)
    assert suggested["informatieobjecttype 'Besluitdocument'"] == ""
    assert not target.zaaktypen.filter(identificatie="ZT-1").exists()

    data = {name: form[name].value() for name in form.fields}
    response = admin_web.post(import_url, {**data, "_import": "1"})

    assert response.status_code == 302 and response.url == change_url(target)
    copy = target.zaaktypen.get(identificatie="ZT-1")
    assert copy.ziots.get().informatieobjecttype == existing
    assert InformatieObjectType.objects.filter(catalogus=target).count() == 2
    assert StatusType.objects.filter(zaaktype=copy).count() == 2


def test_bad_zip_upload_shows_the_error_and_changes_nothing(admin_web, full_catalogus):
    target = make_catalogus(domein="DOEL", rsin="111111111")
    upload = io.BytesIO(b"dit is geen zip")
    upload.name = "export.zip"

    response = admin_web.post(reverse("admin:catalogi_catalogus_import", args=[target.pk]),
                              {"bestand": upload, "_upload": "1"})

    assert response.status_code == 200
    assert "geen (geldig) zip-bestand" in str(response.context["upload_form"].errors)
    assert response.context["mapping_form"] is None
    assert Catalogus.objects.get(pk=target.pk).zaaktypen.count() == 0


def test_import_step_with_a_tampered_zip_starts_over(admin_web, full_catalogus):
    target = make_catalogus(domein="DOEL", rsin="111111111")

    response = admin_web.post(reverse("admin:catalogi_catalogus_import", args=[target.pk]),
                              {"data": "bm90IGEgemlw", "_import": "1"})

    assert response.status_code == 200
    assert any("geen (geldig) zip-bestand" in message for message in texts(response))
    assert response.context["mapping_form"] is None
    assert not target.zaaktypen.exists()


def test_concept_is_deleted_through_the_service_and_announced(admin_web, db):
    concept = make_informatieobjecttype(make_catalogus(), "Brief")

    response = admin_web.post(reverse("admin:catalogi_informatieobjecttype_delete", args=[concept.pk]), {"post": "yes"})

    assert response.status_code == 302
    assert not InformatieObjectType.objects.exists()
    assert OutboxNotification.objects.filter(resource_url__endswith=str(concept.uuid), actie="destroy").exists()


def test_published_informatieobjecttype_page_is_read_only(admin_web, full_catalogus):
    response = admin_web.get(change_url(full_catalogus.formulier))

    assert set(response.context["adminform"].form.fields) == {"einde_geldigheid"}
    changelist = admin_web.get(reverse("admin:catalogi_informatieobjecttype_changelist"))
    actions = [name for name, _ in changelist.context["action_form"].fields["action"].choices]
    assert "publish" in actions and "delete_selected" not in actions
