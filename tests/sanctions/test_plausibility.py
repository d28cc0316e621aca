"""A damaged list never becomes the current list.

Each test takes a real publication, damages it the way a careless transfer or an attacker would while keeping it
well-formed, imports it through the service, and checks that it is held as suspicious (or refused) with a reason
an analyst can act on, and that search and screening still see the previous list.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from hramada.core.models import AuditEntry
from hramada.core.roles import Role
from hramada.sanctions import plausibility, selectors, services
from hramada.sanctions.models import Snapshot
from tests.sanctions.conftest import FTM, SANCTIONS

ZALA = FTM / "yente-zala-entities.ftm.json"


def current_files() -> list[str]:
    return [snapshot.file_name for snapshot in selectors.latest_snapshots()]


def lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines(keepends=True)


def swap_name_and_programme(path: Path, entry: str) -> None:
    lines = lines_of(path)
    for index, line in enumerate(lines):
        if line.startswith(f"{entry},"):
            cells = line.split(",", 4)
            name = cells[1] + "," + cells[2]  # "LUKASHENKA, Alyaksandr Ryhorovich"
            lines[index] = ",".join([cells[0], cells[4].split(",", 1)[0], cells[3], name]) + (
                "," + cells[4].split(",", 1)[1]
            )
    path.write_text("".join(lines), encoding="utf-8")


def test_an_ofac_file_with_two_columns_swapped_is_held_and_lukashenka_is_not_named_belarus(
    import_list: Any, ofac_belarus: Any
) -> None:
    import_list("ofac_sdn", ofac_belarus("2024-04-15"))
    damaged = ofac_belarus("2024-05-03")
    swap_name_and_programme(damaged, "9760")
    result = import_list("ofac_sdn", damaged)
    snapshot = result.snapshot
    assert snapshot.status == Snapshot.Status.HELD
    reasons = " ".join(snapshot.held_reasons)
    assert "column 2" in reasons and "column 4" in reasons and "line" in reasons
    assert "HELD AS SUSPICIOUS" in result.message
    assert current_files() == ["sdn-2024-04-15.csv"]
    assert not [m for m in selectors.search_members("BELARUS") if m.version.caption == "BELARUS"]


def test_a_first_ofac_file_with_swapped_columns_is_held_too(import_list: Any, ofac_belarus: Any) -> None:
    damaged = ofac_belarus("2024-05-03")
    swap_name_and_programme(damaged, "9760")
    assert import_list("ofac_sdn", damaged).snapshot.status == Snapshot.Status.HELD
    assert current_files() == []


def test_an_ofac_file_cut_at_a_line_boundary_is_held(import_list: Any, ofac_belarus: Any) -> None:
    import_list("ofac_sdn", ofac_belarus("2024-04-15"))
    cut = ofac_belarus("2024-05-03")
    lines = lines_of(cut)
    cut.write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    snapshot = import_list("ofac_sdn", cut).snapshot
    assert snapshot.status == Snapshot.Status.HELD
    reasons = " ".join(snapshot.held_reasons)
    assert "end-of-file mark" in reasons and "listed parties of snapshot" in reasons
    assert current_files() == ["sdn-2024-04-15.csv"]


def test_a_first_ofac_file_cut_short_is_held_by_its_missing_end_mark(
    import_list: Any, ofac_belarus: Any
) -> None:
    cut = ofac_belarus("2024-05-03")
    lines = lines_of(cut)
    cut.write_text("".join(lines[:-40]), encoding="utf-8")
    snapshot = import_list("ofac_sdn", cut).snapshot
    assert snapshot.status == Snapshot.Status.HELD and "0x1A" in snapshot.held_reasons[0]


def test_an_ftm_file_cut_at_a_line_boundary_is_held(import_list: Any, tmp_path: Path) -> None:
    import_list("ftm_json", ZALA)
    cut = tmp_path / "yente-zala-entities-2.ftm.json"
    lines = lines_of(ZALA)
    cut.write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    snapshot = import_list("ftm_json", cut, dataset="yente-zala-entities").snapshot
    assert snapshot.status == Snapshot.Status.HELD
    assert "records of snapshot" in snapshot.held_reasons[0]
    assert current_files() == ["yente-zala-entities.ftm.json"]


def drop_rows(path: Path, count: int) -> None:
    lines = lines_of(path)
    rows, end = lines[:-1], lines[-1]
    assert end == "\x1a"
    path.write_text("".join(rows[count:]) + end, encoding="utf-8")


def next_day(path: Path, drop: int) -> Path:
    """The same publication as if published the next day, less its first ``drop`` rows."""
    later = path.with_name("sdn-2024-05-04.csv")
    later.write_bytes(path.read_bytes())
    drop_rows(later, drop)
    return later


def test_removing_more_than_five_percent_of_the_parties_holds_the_snapshot(
    import_list: Any, ofac_belarus: Any
) -> None:
    path = ofac_belarus("2024-05-03")
    first = import_list("ofac_sdn", path).snapshot
    snapshot = import_list("ofac_sdn", next_day(path, first.subject_count * 5 // 100 + 1)).snapshot
    assert snapshot.status == Snapshot.Status.HELD
    assert current_files() == ["sdn-2024-05-03.csv"]


def test_removing_five_percent_or_less_is_an_ordinary_update(import_list: Any, ofac_belarus: Any) -> None:
    path = ofac_belarus("2024-05-03")
    first = import_list("ofac_sdn", path).snapshot
    snapshot = import_list("ofac_sdn", next_day(path, first.subject_count * 5 // 100)).snapshot
    assert snapshot.status == Snapshot.Status.ACCEPTED, snapshot.held_reasons
    assert current_files() == ["sdn-2024-05-04.csv"]


def recast(path: Path, count: int, tmp_path: Path) -> Path:
    """The FtM file with ``count`` companies turned into organisations."""
    out = tmp_path / path.name
    changed = 0
    lines = []
    for line in lines_of(path):
        entity = json.loads(line)
        if entity["schema"] == "Company" and changed < count:
            entity["schema"] = "Organization"
            entity["properties"] = {
                k: v for k, v in entity["properties"].items() if k in {"name", "alias", "country", "notes"}
            }
            changed += 1
        lines.append(json.dumps(entity, ensure_ascii=False) + "\n")
    out.write_text("".join(lines), encoding="utf-8")
    return out


@pytest.mark.parametrize(("changed", "held"), [(3, False), (4, True)])
def test_more_than_three_parties_changing_kind_holds_the_snapshot(
    import_list: Any, tmp_path: Path, changed: int, held: bool
) -> None:
    import_list("ftm_json", ZALA)
    snapshot = import_list(
        "ftm_json", recast(ZALA, changed, tmp_path), dataset="yente-zala-entities"
    ).snapshot
    assert (snapshot.status == Snapshot.Status.HELD) is held
    if held:
        assert (
            "changed kind" in snapshot.held_reasons[0]
            and "Company -> Organization" in snapshot.held_reasons[0]
        )


def test_an_unknown_ofac_programme_code_is_held_for_an_analyst(import_list: Any, ofac_belarus: Any) -> None:
    path = ofac_belarus("2024-05-03")
    path.write_text(path.read_text(encoding="utf-8").replace('"BELARUS"', '"BELARUSX"', 1), encoding="utf-8")
    snapshot = import_list("ofac_sdn", path).snapshot
    assert snapshot.status == Snapshot.Status.HELD
    assert "never used" in " ".join(snapshot.held_reasons) and "BELARUSX" in " ".join(snapshot.held_reasons)


def test_a_thirty_megabyte_name_is_refused(import_list: Any, tmp_path: Path) -> None:
    lines = lines_of(ZALA)
    entity = json.loads(lines[0])
    entity["properties"]["name"] = ["A" * (30 * 1024 * 1024)]
    lines[0] = json.dumps(entity) + "\n"
    path = tmp_path / "huge.ftm.json"
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(services.SnapshotImportError, match="over the limit of 1,000"):
        import_list("ftm_json", path)
    assert not Snapshot.objects.exists()


@pytest.mark.parametrize(
    "prolog",
    [
        '<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY name SYSTEM "file:///etc/hostname">]>\n',
        '<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY name "Ivanov">]>\n',
        '<!DOCTYPE CONSOLIDATED_LIST SYSTEM "http://example.org/list.dtd">\n',
    ],
)
def test_xml_with_a_doctype_or_entities_is_refused(import_list: Any, tmp_path: Path, prolog: str) -> None:
    text = (SANCTIONS / "un" / "un-consolidated-2016.xml").read_text(encoding="utf-8")
    start = text.index("<CONSOLIDATED_LIST")
    damaged = text[:start] + prolog + text[start:]
    damaged = damaged.replace("<FIRST_NAME>", "<FIRST_NAME>&name;", 1) if "ENTITY" in prolog else damaged
    path = tmp_path / "un-consolidated-2016.xml"
    path.write_text(damaged, encoding="utf-8")
    with pytest.raises(services.SnapshotImportError, match=r"DOCTYPE|ENTITY"):
        import_list("un_xml", path)
    assert not Snapshot.objects.exists()


# --- The analyst's review ------------------------------------------------------------------------------------


@pytest.fixture
def held(import_list: Any, ofac_belarus: Any) -> Snapshot:
    import_list("ofac_sdn", ofac_belarus("2024-04-15"))
    damaged = ofac_belarus("2024-05-03")
    swap_name_and_programme(damaged, "9760")
    snapshot: Snapshot = import_list("ofac_sdn", damaged).snapshot
    return snapshot


def test_the_snapshot_page_shows_why_it_is_held(staff_client: Any, held: Snapshot) -> None:
    text = (
        staff_client(Role.SANCTIONS_ANALYST)
        .get(reverse("sanctions:snapshot", args=[held.pk]))
        .content.decode()
    )
    assert "Held as suspicious" in text and "column 4" in text and 'name="decision"' in text


def test_an_analyst_confirms_a_held_snapshot_and_it_becomes_current(
    staff_client: Any, held: Snapshot
) -> None:
    client = staff_client(Role.SANCTIONS_ANALYST)
    url = reverse("sanctions:review_snapshot", args=[held.pk])
    response = client.post(url, {"decision": "confirm", "note": "checked against treasury.gov"})
    assert response.status_code == 302
    held.refresh_from_db()
    assert held.status == Snapshot.Status.ACCEPTED and held.reviewed_at is not None
    assert current_files() == ["sdn-2024-05-03.csv"]
    entry = AuditEntry.objects.filter(action="sanctions.snapshot.confirmed").get()
    assert entry.detail["note"] == "checked against treasury.gov"


def test_an_analyst_rejects_a_held_snapshot_and_it_never_becomes_current(
    staff_client: Any, held: Snapshot
) -> None:
    client = staff_client(Role.SANCTIONS_ANALYST)
    client.post(
        reverse("sanctions:review_snapshot", args=[held.pk]), {"decision": "reject", "note": "swapped"}
    )
    held.refresh_from_db()
    assert held.status == Snapshot.Status.REJECTED
    assert current_files() == ["sdn-2024-04-15.csv"]
    with pytest.raises(plausibility.ReviewError):
        plausibility.confirm(held, by=None)


def test_a_review_needs_a_decision_and_a_reason(staff_client: Any, held: Snapshot) -> None:
    client = staff_client(Role.SANCTIONS_ANALYST)
    client.post(reverse("sanctions:review_snapshot", args=[held.pk]), {"decision": "confirm"})
    held.refresh_from_db()
    assert held.status == Snapshot.Status.HELD


def test_auditors_read_but_do_not_review(staff_client: Any, held: Snapshot) -> None:
    client = staff_client(Role.AUDITOR)
    assert client.get(reverse("sanctions:snapshot", args=[held.pk])).status_code == 200
    response = client.post(
        reverse("sanctions:review_snapshot", args=[held.pk]), {"decision": "confirm", "note": "x"}
    )
    assert response.status_code == 403
    held.refresh_from_db()
    assert held.status == Snapshot.Status.HELD


def test_findings_the_parse_process_worked_out_from_the_file_give_the_same_reasons(ofac_belarus: Any) -> None:
    """The bundled lists' parse process reads an OFAC file's columns beside the parse and hands them over
    (pickled); the reasons are those of reading them here, damage included."""
    import pickle

    from hramada.sanctions.importers import parse_all, shapes

    damaged = ofac_belarus("2024-05-03")
    swap_name_and_programme(damaged, "9760")
    entities = parse_all("ofac_sdn", damaged)
    here = shapes.findings("ofac_sdn", damaged, entities)
    handed = pickle.loads(pickle.dumps(shapes.file_findings("ofac_sdn", damaged)))  # noqa: S301 - our own
    assert here and any("column 2" in reason for reason in here)
    assert shapes.findings("ofac_sdn", damaged, entities, of_file=handed) == here


@pytest.mark.django_db
def test_a_damaged_ofac_file_parsed_in_the_second_process_is_held_for_the_same_reasons(
    tmp_path: Path, ofac_belarus: Any, monkeypatch: Any
) -> None:
    from hramada.sanctions.services import bundled

    damaged = ofac_belarus("2024-05-03")
    swap_name_and_programme(damaged, "9760")
    monkeypatch.setattr(bundled.os, "cpu_count", lambda: 2)
    said: list[str] = []
    [result] = list(
        services.import_bundled([services.BundledFile("ofac_sdn", damaged)], by=None, say=said.append)
    )
    assert result.snapshot.status == Snapshot.Status.HELD
    from hramada.sanctions.importers import parse_all, shapes

    assert result.snapshot.held_reasons == [
        reason[:1000] for reason in shapes.findings("ofac_sdn", damaged, parse_all("ofac_sdn", damaged))
    ]
