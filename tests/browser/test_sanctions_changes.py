"""An analyst reads what changed in the OFAC list by listed party in the browser: compares two publications
that are not consecutive, filters by kind of change and programme, pages on, and downloads the CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from hramada.core.roles import Role
from hramada.sanctions import selectors
from hramada.sanctions.services import import_file
from tests.browser.test_fund_journeys import staff_as  # noqa: F401  # the signed-in page fixture
from tests.sanctions.conftest import OFAC, belarus_rows_of


@pytest.mark.django_db(transaction=True)
def test_an_analyst_compares_two_publications_by_listed_party(
    staff_as: Any,  # noqa: F811
    live_server: Any,
    make_staff: Any,
    tmp_path: Path,
) -> None:
    days = ("2023-08-03", "2023-08-09", "2024-05-03")
    snapshots = [
        import_file(
            "ofac_sdn", belarus_rows_of(OFAC / f"sdn-{day}.csv", tmp_path / f"sdn-{day}.csv"), by=None
        ).snapshot
        for day in days
    ]
    expected = selectors.changes_between(snapshots[0], snapshots[2])
    added = sum(party.change == "added" for party in expected.parties)

    page = staff_as(make_staff(Role.SANCTIONS_ANALYST))
    page.set_default_timeout(60_000)  # the comparison is computed on the page's request
    page.goto(f"{live_server.url}/sanctions/sources/")
    # The page says which screening engine the installation runs (docs/screening.md, "The compiled engine").
    assert page.inner_text("#screening-engine").startswith("Screening runs ")
    page.click("text=Compare two snapshots")
    page.select_option("select[name='old']", str(snapshots[0].pk))
    page.select_option("select[name='new']", str(snapshots[2].pk))
    page.click("#compare-form button[type='submit']")
    counts = page.inner_text("#party-counts")
    assert f"{added} added" in counts
    assert "published 3 August 2023" in page.content() and "published 3 May 2024" in page.content()

    page.select_option("select[name='change']", "added")
    page.select_option("select[name='programme']", "BELARUS-EO14038")
    page.click("#changes-filter button[type='submit']")
    heading = page.inner_text("#changed-parties h2")
    shown = [a for a in page.locator("#changed-parties article h3 a").all_inner_texts()]
    assert shown and len(shown) <= 50
    assert all(
        "Added" in text for text in page.locator("#changed-parties article h3 .badge").all_inner_texts()[:1]
    )
    total = int(heading.split()[0].replace(",", ""))
    assert 0 < total <= added
    if total > 50:
        page.click("nav.pagination >> text=Next")
        assert "Page 2" in page.inner_text("nav.pagination")

    with page.expect_download() as download:
        page.click("text=Download as CSV")
    text = Path(download.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == total
    assert {row["change"] for row in rows} == {"added"}
    assert all("BELARUS-EO14038" in row["programmes"].split() for row in rows)
