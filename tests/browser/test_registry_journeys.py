"""A donor coordinator in Chromium: imports a CSV through the column-mapping step, confirms a recipient merge
across Belarusian and Russian spellings, and decides the double-funding flag it reveals."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from hramada.core.roles import Role
from hramada.registry import services
from hramada.registry.models import Decision, Donor, DonorMember, GrantRecord, MergeProposal, OverlapFlag
from tests.conftest import sign_in_verified
from tests.registry.conftest import record_input

pytestmark = pytest.mark.django_db(transaction=True)

CSV = (
    "Grant ref;Recipient;Project;Sum;Cur;Awarded;From;To;Area;Country\n"
    "SIDA-1;Белорусская ассоциация журналистов;Safety of journalists;1150000;SEK;2025-03-03;2025-03-03;2026-03-02;"
    "Independent media;LT\n"
    "SIDA-2;Беларускі ПЭН;Literature in Belarusian;200000;SEK;2025-04-01;2025-04-01;2025-12-31;"
    "Education, culture and language;PL\n"
)


@pytest.fixture
def coordinator_page(browser: Any, live_server: Any, make_staff: Any) -> Iterator[tuple[Any, Any, Any]]:
    sida = Donor.objects.create(name="Sida", slug="sida", kind="member_state", iati_org_id="SE-0")
    ec = Donor.objects.create(name="European Commission", slug="ec", kind="eu")
    ec_user = make_staff(Role.DONOR_COORDINATOR)
    DonorMember.objects.create(donor=ec, user=ec_user)
    services.record_grant(ec, record_input(identifier="EC-1"), by=ec_user)
    user = make_staff(Role.DONOR_COORDINATOR)
    DonorMember.objects.create(donor=sida, user=user)
    client = sign_in_verified(Client(), user)
    context = browser.new_context(locale="en-GB")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page, live_server.url, sida
    context.close()


def test_a_coordinator_imports_with_a_mapping_confirms_a_merge_and_decides_the_flag(
    coordinator_page: tuple[Any, Any, Any], tmp_path: Path
) -> None:
    page, url, sida = coordinator_page
    upload = tmp_path / "sida-grants.csv"
    upload.write_text(CSV, encoding="utf-8")

    page.goto(f"{url}/registry/donors/sida/")
    page.click("text=Import a file")
    page.select_option("#id_kind", "csv")
    page.set_input_files("#id_file", str(upload))
    page.click("main form button[type=submit]")
    page.wait_for_load_state()  # the click returns once the next page starts; read it whole
    assert "Белорусская ассоциация журналистов" in page.content()  # the preview
    fields = {
        "identifier": "Grant ref",
        "recipient_name": "Recipient",
        "title": "Project",
        "amount": "Sum",
        "currency": "Cur",
        "award_date": "Awarded",
        "start": "From",
        "end": "To",
        "theme": "Area",
        "geography": "Country",
    }
    for field, column in fields.items():
        page.select_option(f"#id_{field}", column)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()  # the click returns once the next page starts; read it whole
    assert "Imported: 2 new, 0 changed, 0 unchanged." in page.content()
    assert GrantRecord.objects.filter(donor=sida).count() == 2

    page.goto(f"{url}/registry/merges/")
    page.click("text=Look for new merges")
    page.click("button[value=confirm]")
    page.wait_for_load_state()
    assert MergeProposal.objects.get().status == Decision.CONFIRMED

    page.goto(f"{url}/registry/overlaps/")
    page.click("text=Look for new overlaps")
    page.fill("textarea[name=note]", "Same training, two budgets")
    page.click("button[value=double]")
    page.wait_for_load_state()
    flag = OverlapFlag.objects.get()
    assert flag.status == Decision.CONFIRMED and flag.note == "Same training, two budgets"
    assert "Same training, two budgets" in page.content()
