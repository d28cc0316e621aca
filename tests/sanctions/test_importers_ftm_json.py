"""The FtM JSON lines importer against OpenSanctions' published entities (yente fixtures)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from followthemoney import model
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hramada.sanctions.importers import SourceFormatError, name_variants, parse_all, sniff

from .conftest import FTM

T1 = FTM / "yente-t1-entities.ftm.json"
ZALA = FTM / "yente-zala-entities.ftm.json"
NAME_PROPS = ("name", "alias", "weakAlias", "previousName")


def _independent(path: Path) -> dict[str, int]:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    identifier_props = {
        (schema.name, prop.name)
        for schema in model
        for prop in schema.properties.values()
        if prop.type.name == "identifier"
    }
    return {
        "entities": len(lines),
        "names": sum(len(e["properties"].get(p, [])) for e in lines for p in NAME_PROPS),
        "identifiers": sum(
            len(values)
            for e in lines
            for p, values in e["properties"].items()
            if (e["schema"], p) in identifier_props
        ),
    }


def _counts(path: Path) -> dict[str, int]:
    entities = parse_all("ftm_json", path)
    identifiers = 0
    for entity in entities:
        schema = model.get(entity.schema)
        assert schema is not None
        for prop, values in entity.properties.items():
            if schema.properties[prop].type.name == "identifier":
                identifiers += len(values)
    return {
        "entities": len(entities),
        "names": sum(len(e.values(p)) for e in entities for p in NAME_PROPS),
        "identifiers": identifiers,
    }


@pytest.mark.parametrize("path", [T1, ZALA], ids=lambda p: p.name)
def test_counts_equal_an_independent_count(path: Path) -> None:
    assert _counts(path) == _independent(path)


def test_documented_counts() -> None:
    assert _counts(T1)["entities"] == 7 and _counts(T1)["names"] == 35
    assert (
        _counts(ZALA)["entities"] == 91 and _counts(ZALA)["names"] == 278
    )  # 268 name + alias, as documented
    assert sum(len(e.values(p)) for e in parse_all("ftm_json", ZALA) for p in ("name", "alias")) == 268
    schemata = [e.schema for e in parse_all("ftm_json", ZALA)]
    assert (schemata.count("Sanction"), schemata.count("Ownership"), schemata.count("Person")) == (41, 14, 6)


def test_belarus_names_keep_their_languages() -> None:
    entities = {e.id: e for e in parse_all("ftm_json", T1)}
    inter_tobacco = entities["NK-2GdmHtZTeNXjNVrBGEXZNj"]
    assert len(inter_tobacco.values("name")) == 12
    variants = {v.value: v for v in name_variants(inter_tobacco)}
    assert variants["Таварыства з абмежаванай адказнасцю “Інтэр Табак”"].lang == "bel"
    assert variants["Общество с ограниченной ответственностью “Интер Тобако”"].lang == "rus"
    assert variants["Εταιρία περιορισμένης ευθύνης “Inter Tobacco”"].script == "Grek"
    assert inter_tobacco.data["datasets"] == ["eu_fsf"]
    assert "ofac-32733" in inter_tobacco.data["referents"]


def test_sanctions_point_at_subjects_in_the_file() -> None:
    entities = {e.id: e for e in parse_all("ftm_json", ZALA)}
    for sanction in (e for e in entities.values() if e.schema == "Sanction"):
        assert sanction.values("entity")[0] in entities


def test_bad_lines_are_refused(tmp_path: Path) -> None:
    lines = T1.read_text(encoding="utf-8").splitlines()
    cases = {
        "bad-json": (lines[0][:-5], "line 1: not valid JSON"),
        "bad-schema": (
            lines[0].replace('"schema":"Organization"', '"schema":"Organisation"'),
            "unknown FtM schema",
        ),
        "bad-prop": (
            lines[0].replace('"registrationNumber"', '"registrationNo"'),
            "has no property 'registrationNo'",
        ),
        "duplicate": ("\n".join([lines[0], lines[0]]), "line 2: duplicate entity NK-2GdmHtZTeNXjNVrBGEXZNj"),
    }
    for name, (text, message) in cases.items():
        path = tmp_path / f"{name}.ftm.json"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(SourceFormatError, match=message):
            parse_all("ftm_json", path)
    utf16 = tmp_path / "utf16.json"
    utf16.write_bytes(T1.read_text(encoding="utf-8").encode("utf-16"))
    with pytest.raises(SourceFormatError, match="UTF-16"):
        parse_all("ftm_json", utf16)
    with pytest.raises(ValueError, match="filter after collecting"):
        parse_all("ftm_json", T1, programmes={"EU-BLR"})
    assert sniff(T1) == sniff(ZALA) == "ftm_json"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_files_fail_only_with_source_format_error(
    data: st.DataObject, mutate: Callable[[bytes], st.SearchStrategy[bytes]], fuzz_check: Callable[..., None]
) -> None:
    original = data.draw(st.sampled_from([T1.read_bytes(), ZALA.read_bytes()[:40_000]]))
    fuzz_check("ftm_json", data.draw(mutate(original)), ".json")
