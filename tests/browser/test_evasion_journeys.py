"""A sanctions analyst in Chromium: screens a shipment file and follows an ownership investigation to the picture.

No sleeps: each step waits for what it needs (the page the form redirects to, by its URL; the text, by Playwright's
``expect``, which retries until it appears). The first screening builds the lists' index, slow on a loaded
machine, hence the generous timeout; a step that never comes fails with the condition it waited for."""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from hramada.core.roles import Role
from hramada.evasion import services
from tests.conftest import sign_in_verified
from tests.evasion.conftest import lists, small_ofac  # noqa: F401  (fixtures)

STEP_MS = 90_000  # the longest a single step may take (the first screening builds the index)
expect.set_options(timeout=STEP_MS)


@pytest.fixture
def analyst_page(browser: Any, live_server: Any, make_staff: Any) -> Iterator[Any]:
    user = make_staff(Role.SANCTIONS_ANALYST)
    client = sign_in_verified(Client(), user)
    context = browser.new_context(locale="en-GB", java_script_enabled=False)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(STEP_MS)
    page.set_default_navigation_timeout(STEP_MS)
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
    page.get_by_role("button", name="Screen", exact=True).click()
    page.wait_for_url(re.compile(r"/evasion/shipments/\d+/$"))
    expect(page.get_by_text("2 of 3 shipments flagged")).to_be_visible()
    flagged = page.locator("#results tr.flagged")
    expect(flagged).to_have_count(2)
    expect(flagged.first).to_contain_text("deemed sanctioned (OFAC 50% rule)")
    expect(flagged.first).to_contain_text("IMO 9187629 is listed as 'ARTAVIL'")


def test_analyst_investigates_a_company_and_opens_its_ownership_picture(
    analyst_page: Any, live_server: Any, demo_data: None
) -> None:
    page = analyst_page
    page.goto(f"{live_server.url}/evasion/investigate/")
    page.fill("input[name=q]", "DEMO Baltic Bulk")
    page.get_by_role("button", name="Investigate", exact=True).click()
    page.wait_for_url(re.compile(r"/evasion/investigate/\?"))
    expect(page.locator("#findings")).to_contain_text("deemed sanctioned")
    page.get_by_role("link", name="DEMO Baltic Bulk Shipping Ltd").first.click()
    page.wait_for_url("**/evasion/entities/demo-baltic-bulk/")
    expect(page.locator("main")).to_contain_text(
        "BELARUSKALI OAO → 100% → DEMO Potash Trade FZE → 60% → DEMO Baltic Bulk Shipping Ltd"
    )
    expect(page.locator("#picture svg")).to_be_visible()
    assert page.locator("#picture svg rect").count() >= 3  # drawn on the server: complete once the page is


def test_analyst_screens_a_company_no_list_names_and_follows_its_ownership_path(
    analyst_page: Any, live_server: Any, demo_data: None
) -> None:
    page = analyst_page
    page.goto(f"{live_server.url}/screening/")
    page.fill("input[name=name]", "Demo Baltic Bulk Shipping Ltd.")
    page.get_by_role("button", name="Screen", exact=True).click()
    note = page.locator("#beyond-the-lists")
    expect(note).to_contain_text("Deemed sanctioned: OFAC 50 Percent Rule")
    expect(note).to_contain_text(
        "BELARUSKALI OAO → 100% → DEMO Potash Trade FZE → 60% → DEMO Baltic Bulk Shipping Ltd"
    )
    note.get_by_role("link", name="Show the links").first.click()
    page.wait_for_url("**/evasion/**")
    expect(page.locator("#picture svg")).to_be_visible()
    assert page.locator("#picture svg rect").count() >= 3
