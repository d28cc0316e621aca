"""The EU FSF importer: the real legacy 1.0 file, and a 1.1 file written from the documented schema."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from hramada.sanctions.importers import ParsedEntity, SourceFormatError, name_variants, parse_all, sniff

from .conftest import FIXTURES, SANCTIONS

LEGACY = SANCTIONS / "eu" / "eu-fsf-v1-2016-02-11.xml"
# Not published data: written from the documented FSF 1.1 schema (see the comment at its top).
CURRENT = FIXTURES / "eu-fsf-v1.1-written-from-documentation.xml"
NS = {"f": "http://eu.europa.ec/fpi/fsd/export"}


def _norm(value: str) -> str:
    return " ".join(value.split())


def _independent_legacy() -> dict[str, int]:
    root = etree.parse(str(LEGACY)).getroot()
    entities = root.xpath("/WHOLE/ENTITY")
    names = sum(len({_norm(n) for n in e.xpath("NAME/WHOLENAME/text()") if n.strip()}) for e in entities)
    identifiers = 0
    for entity in entities:  # (passport or other document, number as printed before its " (type)")
        numbers = entity.xpath("PASSPORT/NUMBER/text()")
        identifiers += len({("(passport-" in n, _norm(n.split(" (")[0])) for n in numbers if n.strip()})
    return {"subjects": len(entities), "names": names, "identifiers": identifiers}


def _independent_current() -> dict[str, int]:
    root = etree.parse(str(CURRENT)).getroot()
    entities = root.xpath("/f:export/f:sanctionEntity", namespaces=NS)
    names = sum(len({_norm(n) for n in e.xpath("f:nameAlias/@wholeName", namespaces=NS)}) for e in entities)
    identifiers = sum(len(e.xpath("f:identification[@number != '']", namespaces=NS)) for e in entities)
    return {"subjects": len(entities), "names": names, "identifiers": identifiers}


IDENTIFIER_PROPS = ("passportNumber", "idNumber", "registrationNumber", "taxNumber", "swiftBic", "imoNumber")


def _counts(entities: list[ParsedEntity]) -> dict[str, int]:
    subjects = [e for e in entities if e.schema in ("Person", "LegalEntity")]
    return {
        "subjects": len(subjects),
        "names": sum(len(e.values(p)) for e in subjects for p in ("name", "alias")),
        "identifiers": sum(len(e.values(p)) for e in subjects for p in IDENTIFIER_PROPS),
    }


def test_legacy_counts_equal_an_independent_xpath_count() -> None:
    entities = parse_all("eu_fsf", LEGACY)
    assert _counts(entities) == _independent_legacy()
    assert _counts(entities) == {"subjects": 595, "names": 2697, "identifiers": 125}
    assert sum(1 for e in entities if e.schema == "Sanction") == 595


def test_current_layout_counts_equal_an_independent_xpath_count() -> None:
    entities = parse_all("eu_fsf", CURRENT)
    assert _counts(entities) == _independent_current() == {"subjects": 5, "names": 13, "identifiers": 4}


def test_lukashenka_in_the_current_layout_with_name_languages() -> None:
    entities = {e.id: e for e in parse_all("eu_fsf", CURRENT)}
    person = entities["eu-fsf-128880"]
    assert person.values("name") == ["Aliaksandr Ryhoravich LUKASHENKA"]
    assert person.values("birthDate") == ["1954-08-30"]
    assert person.values("nationality") == ["by"]
    assert person.name_langs == {
        "Аляксандр Рыгоравіч ЛУКАШЭНКА": "bel",
        "Александр Григорьевич ЛУКАШЕНКО": "rus",
    }
    sanction = entities["eu-fsf-128880-sanction-blr"]
    assert sanction.values("programId") == ["BLR"]
    assert sanction.values("recordId") == ["EU.6344.11"]
    assert sanction.values("listingDate") == ["2020-11-06"]
    assert sanction.values("reason")[0].startswith("As President of Belarus")
    variants = {v.value: v for v in name_variants(entities["eu-fsf-128881"])}
    assert variants["Вiктар Аляксандравiч ЛУКАШЭНКА"].lang == "bel"  # from nameLanguage BE


def test_belaruskali_has_a_sanction_per_programme_and_its_registration() -> None:
    entities = {e.id: e for e in parse_all("eu_fsf", CURRENT)}
    belaruskali = entities["eu-fsf-150500"]
    assert belaruskali.schema == "LegalEntity"
    assert belaruskali.values("registrationNumber") == ["600122610"]
    assert belaruskali.values("incorporationDate") == ["1996-12-23"]
    assert belaruskali.name_langs["Open Joint Stock Company ‘Belaruskali’"] == "eng"
    assert {"eu-fsf-150500-sanction-blr", "eu-fsf-150500-sanction-rus"} <= set(entities)
    belarus = parse_all("eu_fsf", CURRENT, programmes={"BLR"})
    assert {
        e.id for e in belarus if e.schema != "Sanction" and e.schema not in ("Passport", "Identification")
    } == {
        "eu-fsf-128880",
        "eu-fsf-128881",
        "eu-fsf-140214",
        "eu-fsf-150500",
    }


def test_legacy_entity_field_by_field() -> None:
    entities = {e.id: e for e in parse_all("eu_fsf", LEGACY)}
    mugabe = entities["eu-fsf-1"]
    assert mugabe.values("name") == ["Robert Gabriel Mugabe"]
    assert mugabe.values("birthDate") == ["1924-02-21"]
    assert mugabe.values("passportNumber") == ["AD001095"]
    assert entities["eu-fsf-1-sanction-zwe"].values("summary") == ["151/2012 (OJ L49)"]
    assert entities["eu-fsf-1-id-315"].schema == "Passport"


def test_bad_files_are_refused(tmp_path: Path) -> None:
    data = CURRENT.read_bytes()
    truncated = tmp_path / "truncated.xml"
    truncated.write_bytes(data[: len(data) - 200])
    with pytest.raises(SourceFormatError, match="malformed XML"):
        parse_all("eu_fsf", truncated)
    duplicate = tmp_path / "duplicate.xml"
    duplicate.write_bytes(data.replace(b'logicalId="128881"', b'logicalId="128880"'))
    with pytest.raises(SourceFormatError, match="duplicate entity eu-fsf-128880"):
        parse_all("eu_fsf", duplicate)
    with pytest.raises(SourceFormatError, match="looks like un_xml, not eu_fsf"):
        parse_all("eu_fsf", SANCTIONS / "un" / "un-consolidated-2016.xml")
    with pytest.raises(SourceFormatError, match="looks like eu_fsf, not un_xml"):
        parse_all("un_xml", CURRENT)
    assert sniff(LEGACY) == sniff(CURRENT) == "eu_fsf"


_LEGACY_SMALL = LEGACY.read_bytes()[:120_000]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_files_fail_only_with_source_format_error(
    data: st.DataObject, mutate: Callable[[bytes], st.SearchStrategy[bytes]], fuzz_check: Callable[..., None]
) -> None:
    original = data.draw(st.sampled_from([_LEGACY_SMALL, CURRENT.read_bytes()]))
    fuzz_check("eu_fsf", data.draw(mutate(original)), ".xml")
