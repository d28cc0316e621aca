"""The EU journal importer against the real transcription of Regulation 765/2006 and its 2026 amendments."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hramada.sanctions.importers import SourceFormatError, name_variants, parse_all, sniff
from hramada.sanctions.importers.eu_journal import apply_amendment

from .conftest import SANCTIONS

JOURNAL = SANCTIONS / "eu" / "journal"
CONSOLIDATED = JOURNAL / "32006R0765.csv"
AMENDMENT_1817 = JOURNAL / "amendment-32026R1817.csv"
AMENDMENT_1846 = JOURNAL / "amendment-32026R1846.csv"
ALL_FILES = [CONSOLIDATED, AMENDMENT_1817, AMENDMENT_1846]
NAME_COLUMNS = ("name", "alias", "weakAlias", "previousName")
IDENTIFIER_COLUMNS = (
    "passportNumber",
    "registrationNumber",
    "taxNumber",
    "idNumber",
    "innCode",
    "ogrnCode",
    "kppCode",
    "okpoCode",
    "leiCode",
    "swiftBic",
    "imoNumber",
    "mmsi",
)


def _cell_values(cell: str) -> set[str]:
    """Independent reading of a multi-value cell: quoted runs or runs without ';'."""
    values = set()
    for part in re.findall(r'"[^"]*"|[^;]+', cell):
        value = " ".join(part.strip().strip('"').split())
        if value:
            values.add(value)
    return values


def _independent_counts(path: Path) -> tuple[int, int, int]:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    names = sum(len(_cell_values(row[c])) for row in rows for c in NAME_COLUMNS)
    identifiers = sum(len(_cell_values(row[c])) for row in rows for c in IDENTIFIER_COLUMNS)
    return len(rows), names, identifiers


def _count(entities: list, props: tuple[str, ...]) -> int:  # type: ignore[type-arg]
    return sum(len(e.values(p)) for e in entities if e.schema != "Sanction" for p in props)


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_counts_equal_an_independent_count_of_the_file(path: Path) -> None:
    rows, names, identifiers = _independent_counts(path)
    entities = parse_all("eu_journal", path)
    subjects = [e for e in entities if e.schema != "Sanction"]
    sanctions = [e for e in entities if e.schema == "Sanction"]
    assert len(subjects) == rows
    assert len(sanctions) == rows
    assert _count(entities, NAME_COLUMNS) == names
    assert _count(entities, IDENTIFIER_COLUMNS) == identifiers


def test_consolidated_counts_are_those_documented() -> None:
    entities = parse_all("eu_journal", CONSOLIDATED)
    schemata = [e.schema for e in entities]
    assert (schemata.count("Person"), schemata.count("LegalEntity"), schemata.count("Asset")) == (312, 95, 1)
    assert _count(entities, NAME_COLUMNS) == 1476
    assert _count(entities, IDENTIFIER_COLUMNS) == 176
    programmes = {p for e in entities if e.schema == "Sanction" for p in e.values("programId")}
    assert programmes == {"EU-BLR"}


def test_lukashenka_is_read_field_by_field() -> None:
    entities = {e.id: e for e in parse_all("eu_journal", CONSOLIDATED)}
    person = entities["eu-journal-i-a-45"]
    assert person.schema == "Person"
    assert person.values("name") == ["Aliaksandr Ryhoravich LUKASHENKA"]
    assert person.values("alias") == [
        "Alexander (Alexandr) Grigorievich LUKASHENKO",
        "Аляксандр Рыгоравіч ЛУКАШЭНКА",
        "Александр Григорьевич ЛУКАШЕНКО",
    ]
    assert person.values("birthDate") == ["1954-08-30"]
    assert person.printed["birthDate"] == ("30.8.1954",)
    assert person.values("gender") == ["male"]
    assert person.values("position") == ["President of the Republic of Belarus"]
    assert person.values("birthPlace") == [
        "Kopys settlement, Vitebsk/Viciebsk Region/Oblast, former USSR (now Belarus)"
    ]
    assert person.name_langs == {
        "Аляксандр Рыгоравіч ЛУКАШЭНКА": "bel",
        "Александр Григорьевич ЛУКАШЕНКО": "rus",
    }
    sanction = entities["eu-journal-i-a-45-sanction"]
    assert sanction.values("entity") == [person.id]
    assert sanction.values("programId") == ["EU-BLR"]
    assert sanction.values("provisions") == ["Asset freeze"]
    assert sanction.values("startDate") == ["2020-11-06"]
    assert sanction.values("authority") == ["Council of the European Union"]
    assert sanction.values("recordId") == ["45"]
    assert sanction.values("reason")[0].startswith("As President of Belarus with authority over State bodies")
    assert sanction.values("sourceUrl") == [
        "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32006R0765"
    ]


def test_latin_i_inside_cyrillic_words_is_kept_as_published_and_read_as_belarusian() -> None:
    entities = {e.id: e for e in parse_all("eu_journal", CONSOLIDATED)}
    viktar = entities["eu-journal-i-a-46"]
    assert "Вiктар Аляксандравiч ЛУКАШЭНКА" in viktar.values("alias")  # Latin i, as the EU prints it
    variants = {v.value: v for v in name_variants(viktar)}
    assert variants["Вiктар Аляксандравiч ЛУКАШЭНКА"].lang == "bel"
    assert variants["Вiктар Аляксандравiч ЛУКАШЭНКА"].script == "Cyrl"
    assert variants["Viktar Aliaksandravich LUKASHENKA"].kind == "name"
    assert variants["Viktar Aliaksandravich LUKASHENKA"].script == "Latn"
    assert variants["Виктор Александрович ЛУКАШЕНКО"].lang == "rus"


def test_alternates_in_parentheses_and_partial_dates_survive() -> None:
    entities = {e.id: e for e in parse_all("eu_journal", CONSOLIDATED)}
    sheiman = next(e for e in entities.values() if any("SHEIMAN (" in n for n in e.values("name")))
    assert re.search(r"SHEIMAN \(.*SHEYMAN\)", sheiman.values("name")[0])
    paulichenka = entities["eu-journal-i-a-2"]
    assert paulichenka.values("birthDate") == ["1966"]
    assert paulichenka.printed == {}  # a bare year is printed as FtM writes it


def test_belaruskali_and_belavia() -> None:
    entities = {e.id: e for e in parse_all("eu_journal", CONSOLIDATED)}
    belaruskali = entities["eu-journal-i-b-28"]
    assert belaruskali.schema == "LegalEntity"
    assert belaruskali.values("name") == ["Open Joint Stock Company ‘Belaruskali’"]
    assert belaruskali.values("registrationNumber") == ["600122610"]
    assert belaruskali.values("incorporationDate") == ["1996-12-23"]
    assert belaruskali.values("address") == ["5 Korzha St., Soligorsk, 223710 Minsk Region/Oblast, Belarus"]
    assert belaruskali.name_langs["Открытое акционерное общество ‘Беларуськалий’"] == "rus"
    assert belaruskali.name_langs["Адкрытае акцыянернае таварыства ‘Беларуськалiй’"] == "bel"
    belavia = entities["eu-journal-i-b-17"]
    assert belavia.values("name") == ["Open Joint Stock Company ‘Belavia Belarusian Airlines’"]
    assert belavia.values("registrationNumber") == ["600390798"]
    assert entities["eu-journal-i-b-17-sanction"].values("startDate") == ["2021-12-02"]


def test_unnumbered_annex_entries_get_ids_from_their_names() -> None:
    entities = {e.id: e for e in parse_all("eu_journal", CONSOLIDATED)}
    assert entities["eu-journal-v-belarus-ministry-of-defence"].schema == "LegalEntity"
    assert entities["eu-journal-v-belarus-ministry-of-defence-sanction"].values("provisions") == [
        "Export control"
    ]
    assert "eu-journal-ix-belagroprombank" in entities and "eu-journal-xv-belagroprombank" in entities
    assert entities["eu-journal-xxxiv-belarusian-digital-rouble"].schema == "Asset"


def test_ids_are_stable_between_parses() -> None:
    first = [e.data for e in parse_all("eu_journal", CONSOLIDATED)]
    second = [e.data for e in parse_all("eu_journal", CONSOLIDATED)]
    assert first == second


def test_applying_the_2026_amendments_adds_their_entries() -> None:
    base = parse_all("eu_journal", CONSOLIDATED)
    after = apply_amendment(apply_amendment(base, AMENDMENT_1817), AMENDMENT_1846)
    base_ids = {e.id for e in base}
    added = {e.id for e in after} - base_ids
    assert added == {
        "eu-journal-i-b-62",
        "eu-journal-i-b-62-sanction",
        "eu-journal-i-b-63",
        "eu-journal-i-b-63-sanction",
        "eu-journal-v-chip-and-dip-llc",
        "eu-journal-v-chip-and-dip-llc-sanction",
        "eu-journal-v-ojsc-rogachev-plant-diaprojector",
        "eu-journal-v-ojsc-rogachev-plant-diaprojector-sanction",
        "eu-journal-v-display-design-bureau-jsc",
        "eu-journal-v-display-design-bureau-jsc-sanction",
        "eu-journal-v-cjsc-hull-products-plant",
        "eu-journal-v-cjsc-hull-products-plant-sanction",
    }
    entities = {e.id: e for e in after}
    etk = entities["eu-journal-i-b-62"]
    assert etk.schema == "Company"
    assert etk.values("innCode") == ["6732050064"]
    assert etk.values("ogrnCode") == ["1126733000063"]
    assert etk.values("kppCode") == ["673201001"]
    assert etk.values("address") == ["Room 1, 2, 4a Tenishevoy st., Smolensk, 21400, Russia", "Russia"]
    sanction = entities["eu-journal-i-b-62-sanction"]
    assert sanction.values("sourceUrl") == [
        "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32026R1817"
    ]
    assert sanction.values("startDate") == ["2026-07-23"]
    assert len(after) == len(base) + 12


def test_an_amendment_replaces_an_existing_entry(tmp_path: Path) -> None:
    text = AMENDMENT_1817.read_text(encoding="utf-8").replace(
        "32026R1817,62,EU-BLR,I.B", "32026R1817,28,EU-BLR,I.B"
    )
    path = tmp_path / "amendment-replace.csv"
    path.write_text(text, encoding="utf-8")
    base = parse_all("eu_journal", CONSOLIDATED)
    after = {e.id: e for e in apply_amendment(base, path)}
    assert after["eu-journal-i-b-28"].values("name") == ["European Trading Company LLC"]
    assert len(after) == len(base) + 2  # 28 replaced, 63 added


def test_an_amendment_of_a_missing_entry_is_refused(tmp_path: Path) -> None:
    # I.A has no entry 30 in the consolidated text (numbers 30 and 251 are absent).
    text = AMENDMENT_1817.read_text(encoding="utf-8").replace(
        "32026R1817,62,EU-BLR,I.B", "32026R1817,30,EU-BLR,I.A"
    )
    path = tmp_path / "amendment-missing.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(
        SourceFormatError, match=r"line 2: amends annex I.A entry 30, which is not in the base"
    ):
        apply_amendment(parse_all("eu_journal", CONSOLIDATED), path)


def test_sniff_recognises_journal_files() -> None:
    assert {sniff(path) for path in ALL_FILES} == {"eu_journal"}


def test_bad_files_are_refused_with_a_clear_error(tmp_path: Path) -> None:
    text = CONSOLIDATED.read_text(encoding="utf-8")
    cases = {
        "utf16.csv": (text.encode("utf-16"), "UTF-16"),
        "cp1251.csv": (text.encode("cp1251", errors="replace"), "not valid UTF-8 \\(it may be cp1251"),
        "empty.csv": (b"", "empty"),
        "truncated.csv": (
            text[: text.index("Vitebsk/Viciebsk")].encode(),
            "line 3: malformed CSV: unexpected end of data",
        ),
        "duplicate.csv": ((text + text.splitlines()[1] + "\n").encode(), "duplicate entry eu-journal-i-a-1"),
        "ofac.csv": ((SANCTIONS / "ofac" / "sdn-2021-12-02.csv").read_bytes(), "looks like ofac_sdn"),
    }
    for name, (data, message) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(SourceFormatError, match=message):
            parse_all("eu_journal", path)


def test_an_unknown_programme_is_accepted_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "other-programme.csv"
    path.write_text(AMENDMENT_1817.read_text(encoding="utf-8").replace("EU-BLR", "EU-XYZ"), encoding="utf-8")
    entities = parse_all("eu_journal", path)
    assert all("unknown programme code 'EU-XYZ'" in e.warnings for e in entities)


_SMALL = CONSOLIDATED.read_bytes()[:60_000]  # the header and the first rows of the real file


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_files_fail_only_with_source_format_error(
    data: st.DataObject, mutate: Callable[[bytes], st.SearchStrategy[bytes]], fuzz_check: Callable[..., None]
) -> None:
    original = data.draw(st.sampled_from([_SMALL, AMENDMENT_1817.read_bytes()]))
    fuzz_check("eu_journal", data.draw(mutate(original)), ".csv")
