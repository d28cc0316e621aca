"""The UN consolidated list importer against the real 2016 and 2026 files."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from hramada.sanctions.importers import ParsedEntity, SourceFormatError, parse_all, sniff

from .conftest import SANCTIONS

UN = SANCTIONS / "un"
FILES = [UN / "un-consolidated-2016.xml", UN / "un-consolidated-2026-02.xml"]


@cache
def parsed(path: Path) -> list[ParsedEntity]:
    return parse_all("un_xml", path)


def _norm(value: str) -> str:
    return " ".join(value.split())


def _independent(path: Path) -> dict[str, int]:
    root = etree.parse(str(path)).getroot()
    records = root.xpath("/CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL | /CONSOLIDATED_LIST/ENTITIES/ENTITY")
    names = identifiers = 0
    for record in records:
        by_kind: dict[str, set[str]] = {"alias": set(), "weakAlias": set(), "previousName": set()}
        by_kind["alias"].update(_norm(v) for v in record.xpath("NAME_ORIGINAL_SCRIPT/text()") if v.strip())
        for alias in record.xpath("INDIVIDUAL_ALIAS | ENTITY_ALIAS"):
            quality = (alias.findtext("QUALITY") or "").strip().lower()
            kind = {"low": "weakAlias", "f.k.a.": "previousName"}.get(quality, "alias")
            by_kind[kind].update(
                _norm(v) for v in (alias.findtext("ALIAS_NAME") or "").split(";") if v.strip()
            )
        names += 1 + sum(len(values) for values in by_kind.values())
        numbers = set()
        for document in record.xpath("INDIVIDUAL_DOCUMENT[NUMBER[normalize-space()]]"):
            kind = (document.findtext("TYPE_OF_DOCUMENT") or "").lower()
            passport = any(word in kind for word in ("passport", "passeport", "pasaporte"))
            numbers.add((passport, _norm(document.findtext("NUMBER") or "")))
        identifiers += len(numbers)
    return {"subjects": len(records), "names": names, "identifiers": identifiers}


def _counts(entities: list[ParsedEntity]) -> dict[str, int]:
    subjects = [e for e in entities if e.schema in ("Person", "Organization")]
    return {
        "subjects": len(subjects),
        "names": sum(
            len(e.values(p)) for e in subjects for p in ("name", "alias", "weakAlias", "previousName")
        ),
        "identifiers": sum(len(e.values(p)) for e in subjects for p in ("passportNumber", "idNumber")),
    }


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_counts_equal_an_independent_xpath_count(path: Path) -> None:
    entities = parsed(path)
    assert _counts(entities) == _independent(path)
    assert sum(1 for e in entities if e.schema == "Sanction") == _independent(path)["subjects"]


def test_documented_counts() -> None:
    assert _counts(parsed(FILES[0])) == {"subjects": 239, "names": 761, "identifiers": 41}
    assert _counts(parsed(FILES[1])) == {"subjects": 1003, "names": 4194, "identifiers": 448}


def test_an_individual_is_read_field_by_field() -> None:
    entities = {e.id: e for e in parsed(FILES[1])}
    badege = entities["un-6907993"]
    assert badege.schema == "Person"
    assert badege.values("name") == ["ERIC BADEGE"]
    assert badege.values("birthDate") == ["1971"]
    assert badege.values("nationality") == ["cd"]
    assert badege.values("gender") == ["male"]
    assert badege.values("address") == ["Rwanda"]
    sanction = entities["un-6907993-sanction"]
    assert sanction.values("programId") == ["DRC"]
    assert sanction.values("recordId") == ["CDi.001"]
    assert sanction.values("listingDate") == ["2012-12-31"]
    assert sanction.values("reason")[0].startswith("He fled to Rwanda in March 2013")


def test_2016_aliases_packed_in_one_element_are_split_and_original_script_kept() -> None:
    entities = {e.id: e for e in parsed(FILES[0])}
    zolqadr = entities["un-110404"]
    assert zolqadr.values("alias") == [
        "Mohammad Bakr Zolqadr",
        "Mohammad Bakr Zolkadr",
        "Mohammad Baqer Zolqadir",
        "Mohammad Baqer Zolqader",
    ]
    arabic = [e for e in entities.values() if "محمد طاهر انوری" in e.values("alias")]
    assert len(arabic) == 1


def test_between_dates_give_both_years_and_documents_become_entities() -> None:
    entities = parsed(FILES[1])
    root = etree.parse(str(FILES[1])).getroot()
    between = root.xpath("//INDIVIDUAL[INDIVIDUAL_DATE_OF_BIRTH/TYPE_OF_DATE='BETWEEN']")[0]
    person = next(e for e in entities if e.id == f"un-{between.findtext('DATAID')}")
    dob = between.xpath("INDIVIDUAL_DATE_OF_BIRTH[TYPE_OF_DATE='BETWEEN']")[0]
    assert {dob.findtext("FROM_YEAR"), dob.findtext("TO_YEAR")} <= set(person.values("birthDate"))
    passports = [e for e in entities if e.schema == "Passport"]
    assert passports and all(e.values("holder") and e.values("number") for e in passports)


def test_bad_files_are_refused(tmp_path: Path) -> None:
    data = FILES[0].read_bytes()
    truncated = tmp_path / "truncated.xml"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(SourceFormatError, match="malformed XML"):
        parse_all("un_xml", truncated)
    duplicate = tmp_path / "duplicate.xml"
    duplicate.write_bytes(data.replace(b"<DATAID>110405</DATAID>", b"<DATAID>110404</DATAID>"))
    with pytest.raises(SourceFormatError, match="duplicate DATAID"):
        parse_all("un_xml", duplicate)
    cp1251 = tmp_path / "cp1251.xml"
    cp1251.write_bytes(data.replace(b"ZOLQADR</SECOND_NAME>", "ЗОЛКАДР</SECOND_NAME>".encode("cp1251"), 1))
    with pytest.raises(SourceFormatError, match="UTF-8"):
        parse_all("un_xml", cp1251)
    with pytest.raises(SourceFormatError, match="looks like eu_fsf, not un_xml"):
        parse_all("un_xml", SANCTIONS / "eu" / "eu-fsf-v1-2016-02-11.xml")
    assert {sniff(p) for p in FILES} == {"un_xml"}


_SMALL = FILES[0].read_bytes()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_files_fail_only_with_source_format_error(
    data: st.DataObject, mutate: Callable[[bytes], st.SearchStrategy[bytes]], fuzz_check: Callable[..., None]
) -> None:
    fuzz_check("un_xml", data.draw(mutate(_SMALL)), ".xml")
