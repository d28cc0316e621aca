"""The importers' front door: the registry, sniffing, FtM validity of every output, streaming and names."""

from __future__ import annotations

from pathlib import Path

import pytest

from hramada.sanctions.importers import (
    SOURCES,
    ParsedEntity,
    SourceFormatError,
    guess_cyrillic_lang,
    name_variants,
    parse,
    parse_all,
    sniff,
)

from .conftest import FIXTURES, FTM, SANCTIONS, assert_valid_ftm

BUNDLED = {
    "eu_journal": sorted((SANCTIONS / "eu" / "journal").glob("*.csv")),
    "un_xml": sorted((SANCTIONS / "un").glob("*.xml")),
    "eu_fsf": [
        SANCTIONS / "eu" / "eu-fsf-v1-2016-02-11.xml",
        FIXTURES / "eu-fsf-v1.1-written-from-documentation.xml",
    ],
    "ftm_json": sorted(FTM.glob("*.ftm.json")),
    "opensanctions_delta": sorted((FTM / "yente-t2-deltas").glob("*.entities.delta.json")),
}


def test_every_source_is_registered_with_its_belarus_programmes() -> None:
    assert set(SOURCES) == {*BUNDLED, "ofac_sdn"}  # OFAC's six files are checked in its own test module
    assert SOURCES["eu_journal"].default_programmes == {"EU-BLR"}
    assert SOURCES["ofac_sdn"].default_programmes == {"BELARUS", "BELARUS-EO14038"}
    assert SOURCES["eu_fsf"].default_programmes == {"BLR"}
    assert SOURCES["ofac_sdn"].options == ("alt_path", "add_path", "comments_path")
    with pytest.raises(KeyError, match="unknown sanctions source"):
        parse_all("uk_ofsi", BUNDLED["un_xml"][0])


@pytest.mark.parametrize(
    ("source", "path"),
    [(s, p) for s, paths in BUNDLED.items() for p in paths],
    ids=lambda v: getattr(v, "name", v),
)
def test_every_bundled_file_is_sniffed_and_yields_valid_ftm_with_unique_ids(source: str, path: Path) -> None:
    assert sniff(path) == source
    entities = parse_all(source, path)
    assert entities
    ids = [e.id for e in entities]
    if source != "opensanctions_delta":  # a delta may touch one id twice (DEL, then ADD)
        assert len(ids) == len(set(ids))
    assert_valid_ftm(entities, sanctions_point_inside=source not in ("ftm_json", "opensanctions_delta"))


def test_parse_streams_records_before_the_end_of_the_file(tmp_path: Path) -> None:
    """A truncated XML file yields its first records and raises only when the parser reaches the cut."""
    data = (SANCTIONS / "un" / "un-consolidated-2026-02.xml").read_bytes()
    path = tmp_path / "truncated.xml"
    path.write_bytes(data[: len(data) // 2])
    items = parse("un_xml", path)
    first = next(items)
    assert first.id.startswith("un-")
    with pytest.raises(SourceFormatError, match="malformed XML"):
        list(items)
    with pytest.raises(SourceFormatError):
        parse_all("un_xml", path)  # the collecting form gives nothing partial


def test_name_variants_give_script_language_and_kind() -> None:
    entity = ParsedEntity(
        data={
            "id": "x",
            "schema": "Person",
            "properties": {
                "name": ["Aliaksandr LUKASHENKA"],
                "alias": ["Аляксандр ЛУКАШЭНКА", "Александр ЛУКАШЕНКО"],
                "previousName": ["Олександр ЛУКАШЕНКО ґ"],
                "weakAlias": ["Sasha"],
            },
        },
        name_langs={"Aliaksandr LUKASHENKA": "bel"},
    )
    variants = [(v.value, v.script, v.lang, v.kind) for v in name_variants(entity)]
    assert variants == [
        ("Aliaksandr LUKASHENKA", "Latn", "bel", "name"),
        ("Аляксандр ЛУКАШЭНКА", "Cyrl", None, "alias"),  # no і/ў and no и/щ/ъ: the letters do not tell
        ("Александр ЛУКАШЕНКО", "Cyrl", None, "alias"),
        ("Sasha", "Latn", None, "weakAlias"),
        ("Олександр ЛУКАШЕНКО ґ", "Cyrl", "ukr", "previousName"),
    ]
    assert guess_cyrillic_lang("СIВАКАЎ") == "bel"  # Latin I inside Cyrillic, as the EU prints it
    assert guess_cyrillic_lang("Юрий Леонидович СИВАКОВ") == "rus"
    assert guess_cyrillic_lang("Рыгоравіч") == "bel"  # ы is Belarusian too
    assert name_variants(entity.data)[0].lang is None  # a bare dict has no source languages
