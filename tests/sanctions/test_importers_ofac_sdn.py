"""The OFAC SDN importer against six real daily snapshots of sdn.csv and OFAC's companion files."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hramada.sanctions.importers import ParsedEntity, SourceFormatError, parse_all, sniff

from .conftest import SANCTIONS, assert_valid_ftm

OFAC = SANCTIONS / "ofac"
AUX = OFAC / "aux"
SNAPSHOTS = sorted(OFAC.glob("sdn-*.csv"))
LATEST = OFAC / "sdn-2024-05-03.csv"
BELARUS = {"BELARUS", "BELARUS-EO14038"}
# The test's own reading of OFAC's identifier labels (label -> FtM property), longest first.
LABELS = {
    "Vessel Registration Identification IMO": "imoNumber",
    "Identification Number IMO": "imoNumber",
    "Company Number IMO": "imoNumber",
    "MMSI": "mmsi",
    "Passport": "passportNumber",
    "National ID No.": "idNumber",
    "Identification Number": "idNumber",
    "Cedula No.": "idNumber",
    "D.N.I.": "idNumber",
    "Birth Certificate Number": "idNumber",
    "Personal ID Card": "idNumber",
    "Tax ID No.": "taxNumber",
    "RFC": "taxNumber",
    "NIT #": "taxNumber",
    "V.A.T. Number": "vatCode",
    "Registration Number": "registrationNumber",
    "Business Registration Number": "registrationNumber",
    "Registration ID": "registrationNumber",
    "Company Number": "registrationNumber",
    "Commercial Registry Number": "registrationNumber",
    "Government Gazette Number": "registrationNumber",
    "Chamber of Commerce Number": "registrationNumber",
    "Trade License No.": "registrationNumber",
    "C.R. No.": "registrationNumber",
    "Folio Mercantil No.": "registrationNumber",
    "Matricula Mercantil No": "registrationNumber",
    "Economic Register Number (CBLS)": "registrationNumber",
    "Unified Social Credit Code (USCC)": "registrationNumber",
    "Central Registration System Number": "registrationNumber",
    "Istanbul Chamber of Comm. No.": "registrationNumber",
    "Legal Entity Number": "leiCode",
    "SWIFT/BIC": "swiftBic",
    "D-U-N-S Number": "dunsCode",
    "Aircraft Tail Number": "registrationNumber",
}
PROPS_BY_TYPE = {
    "individual": {"passportNumber", "idNumber", "taxNumber", "vatCode", "registrationNumber", "leiCode",
                   "swiftBic", "dunsCode"},
    "": {"imoNumber", "idNumber", "taxNumber", "vatCode", "registrationNumber", "leiCode", "swiftBic",
         "dunsCode"},
    "vessel": {"imoNumber", "mmsi", "registrationNumber"},
    "aircraft": {"registrationNumber"},
}  # fmt: skip
IDENTIFIER_PROPS = sorted(set(LABELS.values()))
_LABEL_RE = re.compile(
    r"(?:^|; )(?:alt\. )?("
    + "|".join(re.escape(k) for k in sorted(LABELS, key=len, reverse=True))
    + r") ([^;]+)"
)


@cache
def parsed(path: Path, with_aux: bool = False) -> list[ParsedEntity]:
    if with_aux:
        return parse_all(
            "ofac_sdn",
            path,
            alt_path=AUX / "alt.csv",
            add_path=AUX / "add.csv",
            comments_path=AUX / "sdn_comments.csv",
        )
    return parse_all("ofac_sdn", path)


def _rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return [row for row in csv.reader(handle) if len(row) == 12]


def _quoted(value: str) -> str:
    return " ".join(value.strip().rstrip(".").strip("'").split())


def _number(value: str) -> str:
    """OFAC writes ``Passport 0310857 (Eritrea) issued 21 Aug 2006``: the number ends before those parts."""
    for stop in (" (", " issued ", " expires "):
        value = value.split(stop)[0]
    return " ".join(value.strip(" ,.").split())


def _independent(path: Path) -> dict[str, int]:
    counts = {"subjects": 0, "names": 0, "identifiers": 0, "sanctions": 0, "wallets": 0, "links": 0}
    rows = _rows(path)
    by_name: dict[str, list[str]] = {}
    for row in rows:
        by_name.setdefault(row[1].upper(), []).append(row[0])
    for row in rows:
        targets: set[str] = set()
        for name in re.findall(r"Linked To: ([^;]+?)\.?(?:;|\s*$)", row[11].strip()):
            candidates = by_name.get(name.upper()) or by_name.get(name.upper() + ".") or []
            if len(candidates) == 1 and candidates[0] != row[0]:
                targets.add(candidates[0])
        counts["links"] += len(targets)
        sdn_type = row[2].strip().replace("-0-", "")
        remarks = row[11].strip().replace("-0-", "")
        counts["subjects"] += 1
        aliases = {_quoted(v) for v in re.findall(r"(?:^|; )(?:alt\. )?[an]\.k\.a\. ([^;]+)", remarks)}
        previous = {_quoted(v) for v in re.findall(r"(?:^|; )(?:alt\. )?f\.k\.a\. ([^;]+)", remarks)}
        counts["names"] += 1 + len(aliases) + len(previous)
        found = {
            (LABELS[label], _number(value)) for label, value in _LABEL_RE.findall(remarks) if _number(value)
        }
        counts["identifiers"] += len({item for item in found if item[0] in PROPS_BY_TYPE[sdn_type]})
        counts["sanctions"] += len({p.strip(" []") for p in row[3].split("] [")})
        counts["wallets"] += len(set(re.findall(r"Digital Currency Address - (\w+) (\w+)", remarks)))
    return counts


def _counts(entities: list[ParsedEntity]) -> dict[str, int]:
    subjects = [e for e in entities if e.schema in ("Person", "Organization", "Vessel", "Airplane")]
    return {
        "subjects": len(subjects),
        "names": sum(len(e.values(p)) for e in subjects for p in ("name", "alias", "previousName")),
        "identifiers": sum(len(e.values(p)) for e in subjects for p in IDENTIFIER_PROPS),
        "sanctions": sum(1 for e in entities if e.schema == "Sanction"),
        "wallets": sum(1 for e in entities if e.schema == "CryptoWallet"),
        "links": sum(1 for e in entities if e.schema == "UnknownLink"),
    }


@pytest.mark.parametrize("path", SNAPSHOTS, ids=lambda p: p.name)
def test_counts_equal_an_independent_count_of_the_file(path: Path) -> None:
    entities = parsed(path)
    assert _counts(entities) == _independent(path)
    assert sniff(path) == "ofac_sdn"
    ids = [e.id for e in entities]
    assert len(ids) == len(set(ids))
    assert_valid_ftm(entities)


def test_latest_snapshot_counts() -> None:
    assert _counts(parsed(LATEST)) == {
        "subjects": 14965,
        "names": 18631,
        "identifiers": 13424,
        "sanctions": 17382,
        "wallets": 294,
        "links": 6365,
    }


def test_lukashenka_is_read_field_by_field() -> None:
    entities = {e.id: e for e in parsed(LATEST)}
    person = entities["ofac-9760"]
    assert person.schema == "Person"
    assert person.values("name") == ["LUKASHENKA, Alyaksandr Ryhorovich"]
    assert person.values("lastName") == ["LUKASHENKA"]
    assert person.values("firstName") == ["Alyaksandr Ryhorovich"]
    assert person.values("birthDate") == ["1954-08-30", "1954-08-31"]  # DOB and alt. DOB
    assert person.printed["birthDate"] == ("30 Aug 1954", "31 Aug 1954")
    assert person.values("birthPlace") == ["Kopys, Vitebsk oblast, Belarus"]
    assert person.values("nationality") == ["by"]
    assert person.values("gender") == ["male"]
    sanction = entities["ofac-9760-sanction-belarus"]
    assert sanction.values("entity") == ["ofac-9760"]
    assert sanction.values("programId") == ["BELARUS"]
    assert sanction.values("authority") == ["Office of Foreign Assets Control (US Treasury)"]
    assert not person.warnings


def test_belaruskali_belavia_and_a_belavia_aircraft() -> None:
    entities = {e.id: e for e in parsed(LATEST)}
    belaruskali = entities["ofac-32746"]
    assert belaruskali.values("name") == ["BELARUSKALI OAO"]
    assert belaruskali.values("registrationNumber") == ["600122610"]
    assert belaruskali.values("incorporationDate") == ["1996-12-23"]
    assert entities["ofac-32746-sanction-belarus-eo14038"].values("programId") == ["BELARUS-EO14038"]
    belavia = entities["ofac-44541"]
    assert belavia.values("taxNumber") == ["600390798"]
    assert belavia.values("registrationNumber") == ["011286185000"]
    aircraft = entities["ofac-44580"]
    assert aircraft.schema == "Airplane"
    assert aircraft.values("model") == ["CRJ-200ER"]
    assert aircraft.values("serialNumber") == ["8057"]
    link = entities["ofac-44580-link-44541"]
    assert link.schema == "UnknownLink"
    assert (link.values("subject"), link.values("object")) == (["ofac-44580"], ["ofac-44541"])


def test_crypto_addresses_become_wallets_held_by_the_subject() -> None:
    entities = {e.id: e for e in parsed(LATEST)}
    wallet = entities["ofac-25308-wallet-XBT-12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h"]
    assert wallet.schema == "CryptoWallet"
    assert wallet.values("currency") == ["XBT"]
    assert wallet.values("holder") == ["ofac-25308"]
    assert wallet.values("publicKey") == ["12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h"]


def test_vessel_columns_and_passports() -> None:
    entities = {e.id: e for e in parsed(LATEST)}
    vessel = entities["ofac-4238"]
    assert vessel.schema == "Vessel"
    assert vessel.values("callSign") == ["CL2192"]
    assert vessel.values("flag") == ["cu"]
    assert vessel.values("grossRegisteredTonnage") == ["212"]
    passports = [e for e in entities.values() if e.schema == "Passport"]
    assert passports and all(e.values("holder")[0] in entities for e in passports)
    imo = [e for e in entities.values() if e.schema == "Vessel" and e.values("imoNumber")]
    assert len(imo) > 800


def test_the_august_2023_belarus_designations_are_the_new_ids() -> None:
    def belarus_subjects(path: Path) -> set[str]:
        return {
            e.values("entity")[0]
            for e in parsed(path)
            if e.schema == "Sanction" and set(e.values("programId")) & BELARUS
        }

    before = belarus_subjects(OFAC / "sdn-2023-08-03.csv")
    after = belarus_subjects(OFAC / "sdn-2023-08-09.csv")
    rows = [r for r in _rows(OFAC / "sdn-2023-08-09.csv") if "BELARUS" in r[3]]
    assert len(after) == len(rows)
    assert len(after - before) == 14
    assert not before - after


def test_programme_filter_keeps_belarus_records() -> None:
    entities = parse_all("ofac_sdn", OFAC / "sdn-2021-12-02.csv", programmes=BELARUS)
    subjects = {e.id for e in entities if e.schema in ("Person", "Organization", "Vessel", "Airplane")}
    assert len(subjects) == 138


def test_aux_files_join_on_ent_num() -> None:
    plain = {e.id: e for e in parsed(LATEST)}
    joined = {e.id: e for e in parsed(LATEST, True)}
    assert "NATIONAL BANK OF CUBA" in joined["ofac-306"].values("alias")
    assert "Zweierstrasse 35, Zurich CH-8022, Switzerland" in joined["ofac-306"].values("address")
    assert "SIN998A" in joined["ofac-47682"].values("alias")  # only in sdn_comments.csv
    assert "SIN998A" not in plain["ofac-47682"].values("alias")
    with open(AUX / "alt.csv", encoding="utf-8", newline="") as handle:
        alt = [r for r in csv.reader(handle) if len(r) == 5]
    present = {r[0] for r in _rows(LATEST)}
    for ent_num, _num, kind, name, _rem in alt[:500]:
        if ent_num in present:
            prop = "previousName" if kind == "fka" else "alias"
            assert name in joined[f"ofac-{ent_num}"].values(prop)


def test_sniff_and_wrong_files(tmp_path: Path) -> None:
    assert {sniff(p) for p in SNAPSHOTS} == {"ofac_sdn"}
    assert sniff(AUX / "alt.csv") is None
    with pytest.raises(
        SourceFormatError, match=re.escape("found 5 (this looks like OFAC's alt.csv: pass it as alt_path)")
    ):
        parse_all("ofac_sdn", AUX / "alt.csv")
    with pytest.raises(SourceFormatError, match="looks like eu_journal, not ofac_sdn"):
        parse_all("ofac_sdn", SANCTIONS / "eu" / "journal" / "32006R0765.csv")
    duplicate = tmp_path / "dup.csv"
    lines = LATEST.read_bytes().split(b"\r\n")
    duplicate.write_bytes(b"\r\n".join(lines[:50] + lines[10:11]))
    with pytest.raises(SourceFormatError, match="line 51: duplicate ent_num"):
        parse_all("ofac_sdn", duplicate)
    cp1251 = tmp_path / "cp1251.csv"
    cp1251.write_bytes(
        b"\r\n".join(lines[:5])
        + '\r\n1,"ЛУКАШЕНКО",-0-,"BELARUS",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-'.encode("cp1251")
    )
    with pytest.raises(SourceFormatError, match="not valid UTF-8"):
        parse_all("ofac_sdn", cp1251)
    unknown = tmp_path / "unknown.csv"
    unknown.write_bytes(lines[0].replace(b'"CUBA"', b'"NEWPROG"'))
    assert "unknown programme code 'NEWPROG'" in parse_all("ofac_sdn", unknown)[0].warnings


_SMALL = b"\r\n".join(LATEST.read_bytes().split(b"\r\n")[8300:8500])  # Belarus and Russia designations


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_files_fail_only_with_source_format_error(
    data: st.DataObject, mutate: Callable[[bytes], st.SearchStrategy[bytes]], fuzz_check: Callable[..., None]
) -> None:
    fuzz_check("ofac_sdn", data.draw(mutate(_SMALL)), ".csv")
