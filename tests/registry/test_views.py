"""The registry's pages as users meet them: own records in full, others' at coordination level, the mapping step
of an import, decisions through forms, and the public page without sign-in."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hramada.core.models import AuditEntry
from hramada.core.roles import Role
from hramada.registry import overlaps, services
from hramada.registry.models import ColumnMapping, GrantRecord, OverlapFlag, PendingUpload
from tests.conftest import sign_in_verified
from tests.registry.conftest import record_input
from tests.registry.test_imports import MAPPING, csv_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def ec(make_donor: Any) -> Any:
    return make_donor("ec")


def test_a_donor_sees_its_own_records_in_full_and_reveals_a_name_with_an_audit_entry(
    client: Any, ec: Any, coordinator_of: Any
) -> None:
    user = coordinator_of(ec)
    record = services.record_grant(ec, record_input(), by=user)
    sign_in_verified(client, user)
    page = client.get(reverse("registry:donor", args=[ec.slug])).content.decode()
    assert "Safety of journalists" in page and "журналістаў" not in page
    revealed = client.post(reverse("registry:reveal_recipient", args=[record.pk])).content.decode()
    assert "Беларуская асацыяцыя журналістаў" in revealed
    assert AuditEntry.objects.filter(action="personal_data.read").exists()


def test_another_donor_gets_404_for_a_record_and_sees_only_the_coordination_row(
    client: Any, ec: Any, make_donor: Any, coordinator_of: Any
) -> None:
    record = services.record_grant(ec, record_input(), by=coordinator_of(ec))
    other = coordinator_of(make_donor("sida"))
    sign_in_verified(client, other)
    assert client.get(reverse("registry:record", args=[record.pk])).status_code == 404
    assert client.post(reverse("registry:reveal_recipient", args=[record.pk])).status_code == 404
    overview = client.get(reverse("registry:overview")).content.decode()
    assert record.recipient.reference in overview and "50k-250k" in overview
    assert "Safety of journalists" not in overview and "журналіст" not in overview


def test_an_import_walks_upload_mapping_preview_and_result(client: Any, ec: Any, coordinator_of: Any) -> None:
    user = coordinator_of(ec)
    sign_in_verified(client, user)
    upload = SimpleUploadedFile("grants.csv", csv_file({"ref": "A"}, {"ref": "B"}), content_type="text/csv")
    response = client.post(reverse("registry:import_upload", args=[ec.slug]), {"kind": "csv", "file": upload})
    assert response.status_code == 302
    pending = PendingUpload.objects.get()
    page = client.get(response["Location"]).content.decode()
    assert "Grant ref" in page and "Belarusian Association of Journalists" in page
    missing = client.post(response["Location"], {k: v for k, v in MAPPING.items() if k != "amount"})
    assert missing.status_code == 200 and not GrantRecord.objects.exists()
    done = client.post(response["Location"], MAPPING)
    assert done.status_code == 200 and "2 new" in done.content.decode()
    assert GrantRecord.objects.count() == 2
    assert ColumnMapping.objects.get(donor=ec).mapping == MAPPING
    assert not PendingUpload.objects.filter(pk=pending.pk).exists()


def test_an_upload_gone_from_disk_before_its_mapping_asks_for_the_file_again(
    client: Any, ec: Any, coordinator_of: Any
) -> None:
    sign_in_verified(client, coordinator_of(ec))
    upload = SimpleUploadedFile("grants.csv", csv_file({"ref": "A"}), content_type="text/csv")
    response = client.post(reverse("registry:import_upload", args=[ec.slug]), {"kind": "csv", "file": upload})
    pending = PendingUpload.objects.get()
    pending.file.storage.delete(pending.file.name)
    answer = client.get(response["Location"], follow=True)
    assert answer.status_code == 200
    assert "no longer on the server" in answer.content.decode()
    assert not PendingUpload.objects.exists() and not GrantRecord.objects.exists()


def test_a_failed_import_shows_every_problem_and_stores_nothing(
    client: Any, ec: Any, coordinator_of: Any
) -> None:
    sign_in_verified(client, coordinator_of(ec))
    upload = SimpleUploadedFile("bad.json", b'{"grants": [{"id": 5}]}', content_type="application/json")
    response = client.post(
        reverse("registry:import_upload", args=[ec.slug]), {"kind": "360giving", "file": upload}
    )
    assert response.status_code == 422
    assert "/grants/0" in response.content.decode()
    assert not GrantRecord.objects.exists()


def test_a_coordinator_decides_a_double_funding_flag_through_the_page(
    client: Any, ec: Any, make_donor: Any, coordinator_of: Any
) -> None:
    sida = make_donor("sida")
    ec_user, sida_user = coordinator_of(ec), coordinator_of(sida)
    services.record_grant(ec, record_input(identifier="e1", recipient_registration="R1"), by=ec_user)
    services.record_grant(sida, record_input(identifier="s1", recipient_registration="R1"), by=sida_user)
    overlaps.detect()
    flag = OverlapFlag.objects.get()
    sign_in_verified(client, sida_user)
    assert "Donor ec" in client.get(reverse("registry:overlaps")).content.decode()
    client.post(
        reverse("registry:overlap_decide", args=[flag.pk]), {"decision": "complementary", "note": "Two parts"}
    )
    flag.refresh_from_db()
    assert flag.status == "rejected" and flag.note == "Two parts"


def test_the_coordination_views_render_charts_and_download(client: Any, ec: Any, coordinator_of: Any) -> None:
    user = coordinator_of(ec)
    services.record_grant(ec, record_input(), by=user)
    sign_in_verified(client, user)
    page = client.get(reverse("registry:analysis")).content.decode()
    assert page.count("<svg") == 3
    csv = client.get(reverse("registry:download", args=["gaps", "csv"]))
    assert csv.status_code == 200 and csv.content.decode().startswith("year,theme,geography")
    xlsx = client.get(reverse("registry:download", args=["over-time", "xlsx"]))
    assert xlsx.content[:2] == b"PK"
    assert client.get("/registry/coordination/nothing.csv").status_code == 404


def test_the_public_page_and_files_open_without_sign_in(client: Any, ec: Any, coordinator_of: Any) -> None:
    services.record_grant(ec, record_input(is_public=True), by=coordinator_of(ec))
    page = client.get(reverse("registry:public"))
    assert page.status_code == 200 and b"<svg" in page.content and "журналіст" not in page.content.decode()
    assert client.get(reverse("registry:policy")).status_code == 200
    assert client.get(reverse("registry:iati")).content.startswith(b"<?xml")
    assert client.get(reverse("registry:giving"))["Content-Type"].startswith("application/json")


def test_an_analyst_decides_a_hold(client: Any, ec: Any, coordinator_of: Any, make_staff: Any) -> None:
    from hramada.registry import screening
    from hramada.registry.models import ScreeningHold

    match = screening.PossibleMatch("eu-1", "LISTED", 0.9, "names agree")
    with screening.use_screener(lambda name, *_: [match]):
        record = services.record_grant(ec, record_input(), by=coordinator_of(ec))
    analyst = make_staff(Role.SANCTIONS_ANALYST)
    sign_in_verified(client, analyst)
    assert "LISTED" in client.get(reverse("registry:holds")).content.decode()
    client.post(reverse("registry:hold_decide", args=[ScreeningHold.objects.get().pk]), {"decision": "clear"})
    record.refresh_from_db()
    assert not record.held
