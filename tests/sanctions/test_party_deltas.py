"""Changes counted and paged by listed party: a new Sanction, passport or link of a listed person is a change
to that person, not an entity of its own; any two snapshots compare; the list's own publication date; filters
by programme and kind of change; CSV that a spreadsheet cannot run."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import Any

from django.urls import reverse

from hramada.core.roles import Role
from hramada.sanctions import selectors
from hramada.sanctions.models import Delta, DeltaParty, Snapshot
from hramada.sanctions.records import SUBJECT_SCHEMATA
from hramada.sanctions.services.deltas import store_missing_party_rows
from tests.sanctions.conftest import JOURNAL, SANCTIONS
from tests.sanctions.test_deltas import amend_first_reason, journal_variant


def test_a_changed_sanction_amends_its_party_and_a_delisting_removes_one_party(
    import_list: Any, tmp_path: Path
) -> None:
    import_list("eu_journal", JOURNAL / "32006R0765.csv", published_at=date(2026, 4, 24))

    def change(rows: list[dict[str, str]]) -> list[dict[str, str]]:
        return amend_first_reason(rows)[:-1]

    new = import_list(
        "eu_journal", journal_variant(tmp_path, "next.csv", change), published_at=date(2026, 7, 23)
    ).snapshot
    delta = selectors.delta_into(new)
    assert (delta.removed_count, delta.amended_count) == (
        2,
        1,
    )  # records: the party and its Sanction; a Sanction
    assert (delta.parties_added, delta.parties_removed, delta.parties_amended) == (0, 1, 1)
    amended = DeltaParty.objects.get(delta=delta, change="amended")
    assert amended.schema in SUBJECT_SCHEMATA
    assert [part["schema"] for part in amended.parts] == ["Sanction"]
    assert amended.parts[0]["properties"]["reason"]["new"][0].endswith("Re-listed after review.")
    assert amended.programme_codes == ["EU-BLR"]


def test_every_changed_record_is_counted_under_a_listed_party(import_list: Any, ofac_belarus: Any) -> None:
    import_list("ofac_sdn", ofac_belarus("2023-08-03"))
    new = import_list("ofac_sdn", ofac_belarus("2023-08-09")).snapshot
    delta = selectors.delta_into(new)
    parties = {p.entity_id: p for p in DeltaParty.objects.filter(delta=delta)}
    assert delta.parties_added == sum(p.change == "added" for p in parties.values()) >= 14
    assert delta.added_count > delta.parties_added  # each new party came with its Sanctions and documents
    accounted = set(parties)
    for party in parties.values():
        assert party.schema in SUBJECT_SCHEMATA
        accounted |= {part["entity_id"] for part in party.parts}
    members = dict(new.members.values_list("entity_id", "subject"))
    for entity_id in delta.added_ids:
        if members[entity_id]:
            assert parties[entity_id].change == "added"
        else:  # a record of a new party, or of a party that stayed and was amended
            assert entity_id in accounted or any(
                p.change == "added" and entity_id.startswith(p.entity_id + "-") for p in parties.values()
            )


def test_any_two_snapshots_compare_by_party(import_list: Any, ofac_belarus: Any) -> None:
    first = import_list("ofac_sdn", ofac_belarus("2023-08-03")).snapshot
    import_list("ofac_sdn", ofac_belarus("2023-08-09"))
    third = import_list("ofac_sdn", ofac_belarus("2024-05-03")).snapshot
    assert not Delta.objects.filter(old=first, new=third).exists()
    changes = selectors.changes_between(first, third)
    assert not changes.stored and not Delta.objects.filter(old=first, new=third).exists()
    before = set(first.members.filter(subject=True).values_list("entity_id", flat=True))
    after = set(third.members.filter(subject=True).values_list("entity_id", flat=True))
    by_change: dict[str, set[str]] = {"added": set(), "removed": set(), "amended": set()}
    for party in changes.parties:
        by_change[party.change].add(party.entity_id)
    assert by_change["added"] == after - before
    assert by_change["removed"] == before - after
    assert by_change["amended"] <= before & after and by_change["amended"]


def test_the_publication_date_comes_from_the_file_where_it_carries_one(
    import_list: Any, ofac_belarus: Any
) -> None:
    un = import_list("un_xml", SANCTIONS / "un" / "un-consolidated-2026-02.xml").snapshot
    assert (un.published_at, un.published_from) == (date(2026, 2, 27), Snapshot.DateFrom.FILE)
    fsf = import_list("eu_fsf", SANCTIONS / "eu" / "eu-fsf-v1-2016-02-11.xml").snapshot
    assert (fsf.published_at, fsf.published_from) == (date(2016, 2, 11), Snapshot.DateFrom.FILE)
    ofac = import_list("ofac_sdn", ofac_belarus("2024-05-03")).snapshot
    assert (ofac.published_at, ofac.published_from) == (date(2024, 5, 3), Snapshot.DateFrom.FILE_NAME)
    given = import_list("eu_journal", JOURNAL / "32006R0765.csv", published_at=date(2026, 4, 24)).snapshot
    assert given.published_from == Snapshot.DateFrom.GIVEN
    unknown = import_list("eu_journal", JOURNAL / "amendment-32026R1817.csv").snapshot
    assert (unknown.published_at, unknown.published_from) == (None, Snapshot.DateFrom.NONE)


def test_the_changes_page_pages_filters_and_says_where_the_date_comes_from(
    staff_client: Any, import_list: Any, ofac_belarus: Any
) -> None:
    import_list("ofac_sdn", ofac_belarus("2023-08-03"))
    new = import_list("ofac_sdn", ofac_belarus("2023-08-09")).snapshot
    delta = selectors.delta_into(new)
    client = staff_client(Role.SANCTIONS_ANALYST)
    url = reverse("sanctions:delta", args=[delta.pk])
    text = client.get(url).content.decode()
    assert "published 9 August 2023" in text and "from the date in the file name" in text
    added = client.get(url, {"change": "added"}).context["page"]
    assert added.paginator.count == delta.parties_added
    assert {party.change for party in added.object_list} == {"added"}
    programme = "BELARUS-EO14038"
    only = client.get(url, {"programme": programme}).context["page"]
    assert only.paginator.count > 0
    assert all(programme in party.programme_codes for party in only.object_list)
    first = import_list("eu_journal", JOURNAL / "32006R0765.csv").snapshot
    response = client.get(reverse("sanctions:snapshot_changes", args=[first.pk]), follow=True)
    page = response.context["page"]
    assert page.paginator.count == first.subject_count and len(page.object_list) == 50
    assert len(response.content) < 200_000
    assert "the file carries no publication date" in response.content.decode()


def test_two_snapshots_compare_on_a_page_and_as_csv(
    staff_client: Any, import_list: Any, ofac_belarus: Any
) -> None:
    first = import_list("ofac_sdn", ofac_belarus("2023-08-03")).snapshot
    import_list("ofac_sdn", ofac_belarus("2023-08-09"))
    third = import_list("ofac_sdn", ofac_belarus("2024-05-03")).snapshot
    client = staff_client(Role.AUDITOR)
    url = reverse("sanctions:compare", args=["ofac_sdn"])
    response = client.get(url, {"old": third.pk, "new": first.pk})  # either order
    assert response.status_code == 200
    changes = response.context["changes"]
    assert (changes.old, changes.new) == (first, third)
    exported = client.get(url, {"old": first.pk, "new": third.pk, "change": "added", "format": "csv"})
    assert exported["Content-Type"].startswith("text/csv")
    assert "attachment" in exported["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(exported.content.decode())))
    assert rows and {row["change"] for row in rows} == {"added"}
    assert len(rows) == sum(p.change == "added" for p in changes.parties)
    assert client.get(url, {"old": first.pk, "new": first.pk}).status_code == 400
    assert client.get(url, {"old": "x", "new": first.pk}).status_code == 400
    assert client.get(reverse("sanctions:compare", args=["no_such_list"])).status_code == 404


def test_a_name_that_looks_like_a_formula_is_exported_as_text(
    staff_client: Any, import_list: Any, tmp_path: Path
) -> None:
    old = import_list("eu_journal", JOURNAL / "32006R0765.csv", published_at=date(2026, 4, 24)).snapshot

    def rename(rows: list[dict[str, str]]) -> list[dict[str, str]]:
        rows[0] = {**rows[0], "name": '=HYPERLINK("http://example.org","x")'}
        return rows

    import_list("eu_journal", journal_variant(tmp_path, "renamed.csv", rename), published_at=date(2026, 5, 1))
    new = Snapshot.objects.exclude(pk=old.pk).get()
    delta = selectors.delta_into(new)
    response = staff_client(Role.SANCTIONS_ANALYST).get(
        reverse("sanctions:delta", args=[delta.pk]), {"format": "csv"}
    )
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    [row] = rows
    assert row["change"] == "amended"
    assert row["name"] == '\'=HYPERLINK("http://example.org","x")'
    assert not any(value.startswith(("=", "+", "-", "@")) for value in row.values())


def test_deltas_stored_before_party_counting_get_their_party_rows(import_list: Any, tmp_path: Path) -> None:
    import_list("eu_journal", JOURNAL / "32006R0765.csv", published_at=date(2026, 4, 24))
    new = import_list(
        "eu_journal",
        journal_variant(tmp_path, "next.csv", amend_first_reason),
        published_at=date(2026, 7, 23),
    ).snapshot
    delta = selectors.delta_into(new)
    DeltaParty.objects.filter(delta=delta).delete()
    Delta.objects.filter(pk=delta.pk).update(parties_added=None, parties_removed=None, parties_amended=None)
    on_read = selectors.changes_of(Delta.objects.get(pk=delta.pk))
    assert not on_read.stored and [p.change for p in on_read.parties] == ["amended"]
    assert store_missing_party_rows() == 1
    assert Delta.objects.get(pk=delta.pk).parties_amended == 1
    assert store_missing_party_rows() == 0
