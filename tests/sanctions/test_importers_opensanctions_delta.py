"""The OpenSanctions delta importer against the real delta files of the `sanctions` collection (May 2024)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hramada.sanctions.importers import SourceFormatError, parse_all, sniff
from hramada.sanctions.importers.opensanctions_delta import apply_delta, read_version_index

from .conftest import FTM

DELTAS = FTM / "yente-t2-deltas"
INDEX = DELTAS / "delta.json"
FILES = sorted(DELTAS.glob("*.entities.delta.json"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_ops_equal_an_independent_count(path: Path) -> None:
    expected = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    changes = parse_all("opensanctions_delta", path)
    assert [(c.op, c.id) for c in changes] == [(e["op"], e["entity"]["id"]) for e in expected]
    for change, raw in zip(changes, expected, strict=True):
        props = raw["entity"].get("properties", {})
        names = sum(1 for p in ("name", "alias") for v in props.get(p, []) if v.strip())  # "" is dropped
        assert sum(len(change.values(p)) for p in ("name", "alias")) == names


def test_documented_ops_per_version() -> None:
    ops = {path.name.split(".")[0]: [c.op for c in parse_all("opensanctions_delta", path)] for path in FILES}
    assert ops == {
        "20240527194702-wnk": ["ADD", "ADD"],
        "20240528014702-pfh": ["ADD", "MOD"],
        "20240528074703-npf": ["DEL"],
        "20240528134729-3iv": ["ADD"],
    }


def test_the_index_names_versions_in_order_and_the_first_empty_one_is_absent() -> None:
    versions = [version for version, _url in read_version_index(INDEX)]
    assert versions[0] == "20240527134702-zbn" and len(versions) == 5
    with pytest.raises(SourceFormatError, match="20240527134702-zbn has no file"):
        parse_all("opensanctions_delta", INDEX)
    assert len(parse_all("opensanctions_delta", INDEX, skip_missing=True)) == 6


def test_applying_all_deltas_gives_the_last_version() -> None:
    state = apply_delta([], INDEX, skip_missing=True)
    assert sorted(e.id for e in state) == [
        "NK-2T3S8Hu29ktYnKSTgQp2wL",
        "NK-2sJaJRaPJcWUfMbHjTtWcL",
        "Q4365364",
    ]
    modified = next(e for e in state if e.id == "NK-2T3S8Hu29ktYnKSTgQp2wL")
    assert len(modified.properties) == 6 and modified.op is None


def test_a_delta_against_the_wrong_version_is_refused() -> None:
    with pytest.raises(SourceFormatError, match="MOD of NK-2T3S8Hu29ktYnKSTgQp2wL, which is not present"):
        apply_delta([], FILES[1])
    with pytest.raises(SourceFormatError, match="DEL of NK-500Poltergeist, which is not present"):
        apply_delta([], FILES[2])


def test_bad_lines_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.entities.delta.json"
    path.write_text('{"op":"UPSERT","entity":{"id":"x"}}\n', encoding="utf-8")
    with pytest.raises(SourceFormatError, match="line 1: expected"):
        parse_all("opensanctions_delta", path)
    assert {sniff(p) for p in [*FILES, INDEX]} == {"opensanctions_delta"}
    with pytest.raises(SourceFormatError, match="looks like opensanctions_delta, not ftm_json"):
        parse_all("ftm_json", FILES[0])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_files_fail_only_with_source_format_error(
    data: st.DataObject, mutate: Callable[[bytes], st.SearchStrategy[bytes]], fuzz_check: Callable[..., None]
) -> None:
    original = data.draw(st.sampled_from([FILES[1].read_bytes(), FILES[2].read_bytes()]))
    fuzz_check("opensanctions_delta", data.draw(mutate(original)), ".json")
