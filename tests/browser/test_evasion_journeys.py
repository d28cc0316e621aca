"""A sanctions analyst in Chromium: screens a shipment file and follows an ownership investigation to the picture."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from hramada.core.roles import Role
from hramada.evasion import services
from tests.conftest import sign_in_verified
from tests.evasion.conftest import lists, small_ofac  # noqa: F401  (fixtures)


@pytest.fixture
def analyst_page(browser: Any, live_server: Any, make_staff: Any) -> Iterator[Any]:
    user = make_staff(Role.SANCTIONS_ANALYST)
    client = sign_in_verified(Client(), user)
    context = browser.new_context(locale="en-GB", java_script_enabled=False)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.user = user
    yield page
    context.close()


def demo(name: str) -> bytes:
    return (resources.files("hramada.evasion") / "demo_data" / name).read_bytes()


@pytest.fixture
def demo_data(transactional_db: Any, lists: Any) -> None:  # noqa: F811
    for kind, name in (
        ("shareholdings", "shareholdings.csv"),
        ("vessels", "vessels.csv"),
        ("goods", "goods.csv"),
    ):
        services.import_dataset(kind=kind, data=demo(name), file_name=name, name=name, source="demo", by=None)


def test_analyst_screens_a_shipment_file(
    analyst_page: Any, live_server: Any, demo_data: None, tmp_path: Path
) -> None:
    page = analyst_page
    upload = tmp_path / "shipments.csv"
    upload.write_bytes(demo("shipments.csv"))
    page.goto(f"{live_server.url}/evasion/shipments/")
    page.set_input_files("input[name=file]", str(upload))
    page.get_by_role("button", name="Screen").click()
    page.wait_for_selector("#results")
    assert "2 of 3 shipments flagged" in page.content()
    row = page.locator("#results tr.flagged").first
    assert "deemed sanctioned (OFAC 50% rule)" in row.inner_text()
    assert "IMO 9187629 is listed as 'ARTAVIL'" in row.inner_text()


def test_analyst_investigates_a_company_and_opens_its_ownership_picture(
    analyst_page: Any, live_server: Any, demo_data: None
) -> None:
    page = analyst_page
    page.goto(f"{live_server.url}/evasion/investigate/")
    page.fill("input[name=q]", "DEMO Baltic Bulk")
    page.get_by_role("button", name="Investigate").click()
    page.wait_for_selector("#findings")
    assert "deemed sanctioned" in page.content()
    page.get_by_role("link", name="DEMO Baltic Bulk Shipping Ltd").first.click()
    page.wait_for_selector("#picture svg")
    assert (
        "BELARUSKALI OAO → 100% → DEMO Potash Trade FZE → 60% → DEMO Baltic Bulk Shipping Ltd"
        in page.content()
    )
    assert page.locator("#picture svg rect").count() >= 3


def test_analyst_screens_a_company_no_list_names_and_follows_its_ownership_path(
    analyst_page: Any, live_server: Any, demo_data: None
) -> None:
    page = analyst_page
    page.goto(f"{live_server.url}/screening/")
    page.fill("input[name=name]", "Demo Baltic Bulk Shipping Ltd.")
    page.get_by_role("button", name="Screen").click()
    page.wait_for_selector("#beyond-the-lists")
    note = page.locator("#beyond-the-lists").inner_text()
    assert "Deemed sanctioned: OFAC 50 Percent Rule" in note
    assert "BELARUSKALI OAO → 100% → DEMO Potash Trade FZE → 60% → DEMO Baltic Bulk Shipping Ltd" in note
    page.locator("#beyond-the-lists").get_by_role("link", name="Show the links").first.click()
    page.wait_for_selector("#picture svg")
    assert page.locator("#picture svg rect").count() >= 3
