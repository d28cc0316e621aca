"""Linking: records of one party in different sources meet on a strong identifier, or on the same name in any
script with the same birth date; different people with one surname do not."""

from __future__ import annotations

from typing import Any

import pytest

from hramada.sanctions import linking, selectors
from hramada.sanctions.models import SnapshotEntity
from tests.sanctions.conftest import JOURNAL


@pytest.fixture
def journal_and_ofac(import_list: Any, ofac_belarus: Any) -> None:
    import_list("eu_journal", JOURNAL / "32006R0765.csv")
    import_list("ofac_sdn", ofac_belarus("2024-05-03"))


def member(source: str, caption_start: str) -> SnapshotEntity:
    found = [
        m
        for m in selectors.search_members(caption_start, source_key=source)
        if m.version.caption.upper().startswith(caption_start.upper())
    ]
    assert found, caption_start
    return found[0]


def links_of(record: SnapshotEntity) -> list[linking.LinkedRecord]:
    return linking.linked_records(record, snapshot_ids=selectors.latest_snapshot_ids())


def test_lukashenka_in_the_eu_journal_links_to_ofac_by_name_and_birth_date(journal_and_ofac: None) -> None:
    eu = member("eu_journal", "Aliaksandr Ryhoravich LUKASHENKA")
    links = links_of(eu)
    assert [(link.member.snapshot.source.key, link.member.entity_id) for link in links] == [
        ("ofac_sdn", "ofac-9760")
    ]
    assert links[0].bases[0].kind == "name_birth_date"
    assert "1954" in links[0].bases[0].detail


def test_the_link_holds_from_the_other_side_too(journal_and_ofac: None) -> None:
    ofac = SnapshotEntity.objects.select_related("version", "snapshot__source").get(
        entity_id="ofac-9760", snapshot__source__key="ofac_sdn"
    )
    assert [link.member.version.caption for link in links_of(ofac)] == ["Aliaksandr Ryhoravich LUKASHENKA"]


def test_his_sons_share_the_surname_but_are_not_linked_to_him(journal_and_ofac: None) -> None:
    viktar = member("ofac_sdn", "LUKASHENKA, Viktar")
    linked = {link.member.version.caption for link in links_of(viktar)}
    assert "Aliaksandr Ryhoravich LUKASHENKA" not in linked


def test_belaruskali_links_on_its_registration_number(journal_and_ofac: None) -> None:
    eu = member("eu_journal", "Open Joint Stock Company ‘Belaruskali’")
    links = links_of(eu)
    assert [link.member.version.caption for link in links] == ["BELARUSKALI OAO"]
    assert links[0].bases[0].kind == "identifier" and "600122610" in links[0].bases[0].detail


def test_belavia_links_although_the_eu_prints_a_registration_number_and_ofac_a_tax_id(
    journal_and_ofac: None,
) -> None:
    eu = member("eu_journal", "Open Joint Stock Company ‘Belavia")
    captions = [link.member.version.caption for link in links_of(eu)]
    assert captions == ["OPEN JOINT STOCK COMPANY BELAVIA BELARUSIAN AIRLINES"]


def test_name_keys_meet_across_scripts_and_transliterations() -> None:
    keys = {
        linking.name_keys(name)[1]
        for name in (
            "Аляксандр Рыгоравіч ЛУКАШЭНКА",
            "Александр Григорьевич ЛУКАШЕНКО",
            "LUKASHENKA, Aliaksandr Ryhoravich",
        )
    }
    assert len(keys) == 1


def test_birth_dates_agree_at_the_precision_both_give() -> None:
    assert linking.birth_dates_agree("1954-08-30", "1954-08-30;1954-08-31")
    assert linking.birth_dates_agree("1976", "1976-05-01")
    assert not linking.birth_dates_agree("1976", "1980-03-23")
    assert not linking.birth_dates_agree("", "1954")
