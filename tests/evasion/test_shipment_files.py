"""Shipment files: read whatever columns they carry in whatever order, refused whole with every bad row named; a
party written several ways in one manifest is screened once, and all of a file's names go through the screening
function in one batch."""

import csv
import io
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hramada.evasion import parsers
from hramada.evasion.parsers import GoodsRow, ImportRefusedError, Shipment
from hramada.evasion.shipments import GoodsWatchList, ShipmentScreener, name_key
from hramada.evasion.transport import VesselIdentity


def _csv(header, rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def test_columns_in_any_order_with_extra_and_missing_optional_ones():
    data = _csv(
        ["Consignee", "remarks", "SHIPPER", "hs_codes", "vessel_imo", "value", "currency"],
        [["Minsk Agro UAB", "x", "Baltic Trade LLC", "3104.20; 2710", "IMO 9187629", "1 250 000.50", "eur"]],
    )
    [row] = parsers.shipments(data, "manifest.csv")
    assert row.parties == {"shipper": "Baltic Trade LLC", "consignee": "Minsk Agro UAB"}
    assert row.hs_codes == ("310420", "2710") and row.vessel_imo == "9187629"
    assert row.value == Decimal("1250000.50") and row.currency == "EUR"
    assert row.shipment_id == "1" and row.ports == ("", "")


def test_a_short_row_reads_its_missing_cells_as_empty():
    data = b"shipment_id,shipper,consignee,carrier,hs_codes\nS1,A,B\n"
    [row] = parsers.shipments(data, "m.csv")
    assert row.parties == {"shipper": "A", "consignee": "B"} and row.hs_codes == ()


def test_every_bad_row_is_named_and_nothing_is_kept():
    data = _csv(
        ["shipper", "consignee", "vessel_imo", "hs_codes", "value"],
        [
            ["A", "B", "9187629", "3104", "10"],
            ["A", "B", "9187628", "3104", "10"],
            ["A", "B", "", "31O4", "10"],
            ["A", "B", "", "3104", "ten"],
            ["A", "B", "", "3104²", "10"],
        ],
    )
    with pytest.raises(ImportRefusedError) as refused:
        parsers.shipments(data, "m.csv")
    assert [e.split(":")[0] for e in refused.value.errors] == ["row 3", "row 4", "row 5", "row 6"]
    assert "check digit should be 9" in refused.value.errors[0]


def test_a_file_without_shipper_or_consignee_is_refused():
    with pytest.raises(ImportRefusedError, match="missing column"):
        parsers.shipments(b"party,value\nA,1\n", "m.csv")


_cell = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30).map(str.strip)


@given(
    st.lists(
        st.tuples(
            _cell,
            _cell,
            st.lists(st.from_regex(r"[0-9]{2,10}", fullmatch=True), max_size=3),
            st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False),
        ),
        min_size=1,
        max_size=20,
    )
)
def test_any_well_formed_file_reads_back_row_for_row(rows):
    data = _csv(
        ["shipper", "consignee", "hs_codes", "value"],
        [[shipper, consignee, ";".join(codes), str(value)] for shipper, consignee, codes, value in rows],
    )
    read = parsers.shipments(data, "m.csv")
    assert len(read) == len(rows)
    for shipment, (shipper, consignee, codes, value) in zip(read, rows, strict=True):
        assert (
            shipment.parties.get("shipper", "") == shipper
            and shipment.parties.get("consignee", "") == consignee
        )
        assert shipment.hs_codes == tuple(codes) and shipment.value == value


def _shipment(row, *names):
    return Shipment(
        row,
        str(row),
        dict(zip(("shipper", "consignee"), names, strict=False)),
        "",
        "",
        ("", ""),
        (),
        None,
        "",
    )


def test_a_party_written_several_ways_is_screened_once_in_one_batch():
    batches: list[list[str]] = []
    singles: list[str] = []

    def batch(names):
        batches.append(names)
        return {
            n: [("ofac-1", "BALTIC TRADE LLC", 0.95)] if name_key(n) == "baltic trade llc" else []
            for n in names
        }

    screener = ShipmentScreener(
        screen_party=lambda n: singles.append(n) or [],
        nodes_named=lambda n: [],
        coverage={},
        names={},
        vessels={},
        vessels_by_name={},
        goods=[GoodsRow("3104", "potash", "EU 2021/1030")],
        listed_nodes={"ofac-1"},
        screen_parties=batch,
    )
    rows = [
        _shipment(2, "Baltic Trade LLC", "Minsk Agro"),
        _shipment(3, "BALTIC TRADE, LLC", "minsk agro"),
        _shipment(4, "baltic  trade llc.", "Other Co"),
    ]
    assert screener.prepare(rows) == 3  # baltic trade llc, minsk agro, other co
    assert len(batches) == 1 and not singles
    results = [screener.screen(r) for r in rows]
    assert [r.flagged for r in results] == [True, True, True]
    # each reason quotes the name as that row wrote it
    assert "'BALTIC TRADE, LLC' matches listed 'BALTIC TRADE LLC'" in results[1].reasons[0].detail
    assert screener.prepare(rows) == 0 and len(batches) == 1  # nothing new to screen


def test_name_key_folds_case_spacing_and_punctuation_but_keeps_letters_and_digits():
    assert name_key("  Baltic-Trade 12, LLC ") == name_key("BALTIC TRADE 12 LLC")
    assert name_key("Baltic Trade 12 LLC") != name_key("Baltic Trade 13 LLC")
    assert name_key("ОАО «Беларуськалий»") == "оао беларуськалий"


def test_hs_codes_are_matched_against_the_watch_list_by_prefix_both_ways():
    screener = ShipmentScreener(
        screen_party=lambda n: [],
        nodes_named=lambda n: [],
        coverage={},
        names={},
        vessels={},
        vessels_by_name={},
        goods=[GoodsRow("3104", "potash", "EU 2021/1030"), GoodsRow("930190", "arms", "")],
        listed_nodes=set(),
    )
    shipment = Shipment(2, "1", {}, "", "", ("", ""), ("310420", "93", "8471"), None, "")
    details = [r.detail for r in screener.screen(shipment).reasons]
    assert details == [
        "HS 310420: watch list 3104 potash (EU 2021/1030)",
        "HS 93: watch list 930190 arms",
    ]


_hs = st.from_regex(r"[01]{2,6}", fullmatch=True)  # two digits only, so that codes often prefix each other


@given(st.lists(_hs, max_size=40), st.lists(_hs, min_size=1, max_size=10))
def test_the_indexed_watch_list_finds_what_comparing_every_entry_finds_in_its_order(entries, codes):
    goods = [GoodsRow(code, f"entry {i}", "") for i, code in enumerate(entries)]
    watch_list = GoodsWatchList(goods)
    for code in codes:
        every = [e for e in goods if code.startswith(e.hs_code) or e.hs_code.startswith(code)]
        assert watch_list.matching(code) == every


def test_a_party_in_two_roles_is_named_in_each_role_and_a_repeated_vessel_each_time():
    screener = ShipmentScreener(
        screen_party=lambda n: [("ofac-1", "BALTIC TRADE LLC", 0.95)] if "baltic" in n.lower() else [],
        nodes_named=lambda n: [],
        coverage={},
        names={"ofac-9": "ARTAVIL"},
        vessels={"9187629": VesselIdentity("9187629", names=["ALPHA", "ARTAVIL"], listed_ids={"ofac-9"})},
        vessels_by_name={},
        goods=[],
        listed_nodes={"ofac-1", "ofac-9"},
    )
    first = Shipment(
        2,
        "1",
        {"shipper": "Baltic Trade LLC", "notify_party": "Baltic Trade LLC"},
        "ARTAVIL",
        "9187629",
        ("", ""),
        (),
        None,
        "",
    )
    second = Shipment(3, "2", {"consignee": "Baltic Trade LLC"}, "ARTAVIL", "9187629", ("", ""), (), None, "")
    one, two = screener.screen(first), screener.screen(second)
    assert [(r.kind, r.role) for r in one.reasons] == [
        ("party", "shipper"),
        ("party", "notify_party"),
        ("vessel", "vessel"),
    ]
    assert [(r.kind, r.role) for r in two.reasons] == [("party", "consignee"), ("vessel", "vessel")]
    assert "also known as ALPHA" in two.reasons[1].detail
