"""Imports are all-or-nothing with row-level errors; the demo data make real listed companies' subsidiaries deemed
sanctioned with their path; shipments are screened with reasons."""

from decimal import Decimal

import pytest

from hramada.core.models import AuditEntry
from hramada.evasion import selectors, services
from hramada.evasion.models import Dataset, Holding, ShipmentResults
from hramada.evasion.parsers import ImportRefusedError

from .conftest import demo_file


def imp(kind, data, by, name="test"):
    return services.import_dataset(
        kind=kind, data=data, file_name=f"{name}.csv", name=name, source="test", by=by
    )


def test_demo_shareholdings_make_the_subsidiaries_of_belaruskali_deemed_sanctioned(lists, analyst):
    imp(Dataset.Kind.SHAREHOLDINGS, demo_file("shareholdings.csv"), analyst)
    w = selectors.world()
    bulk = w.coverage["ofac"]["demo-baltic-bulk"]
    assert bulk.covered
    assert bulk.path_text(w.names()) == (
        "BELARUSKALI OAO → 100% → DEMO Potash Trade FZE → 60% → DEMO Baltic Bulk Shipping Ltd"
    )
    # BPC and Slavkali hold 25% each: blocked by aggregation; its 51% subsidiary follows.
    assert w.coverage["ofac"]["demo-fertiliser-dist"].covered
    assert w.coverage["ofac"]["demo-rail-carrier"].covered
    # Belavia holds 40%: not blocked, and its holding's 100% subsidiary is not either.
    assert not w.coverage["ofac"]["demo-ground-handling"].covered
    assert "demo-catering" not in w.coverage["ofac"]


def test_a_file_with_one_bad_percentage_imports_nothing_and_names_the_row(db, analyst):
    data = b"owner_id,owned_id,share\nA,B,50\nA,C,150\nB,C,-3\n"
    with pytest.raises(ImportRefusedError) as refused:
        imp(Dataset.Kind.SHAREHOLDINGS, data, analyst)
    assert refused.value.errors == [
        "row 3: 150% is over 100%: a share cannot exceed the whole company",
        "row 4: -3% is negative: a share cannot be below 0%",
    ]
    assert not Holding.objects.exists() and not Dataset.objects.exists()


def test_shares_over_100_percent_are_imported_with_a_warning(db, analyst):
    dataset = imp(Dataset.Kind.SHAREHOLDINGS, b"owner_id,owned_id,share\nA,C,70\nB,C,60\n", analyst)
    assert dataset.warnings == ["Shares of C add up to 130% (more than 100%): kept and computed as recorded."]
    assert Holding.objects.filter(owned_key="C").count() == 2


def test_the_same_file_twice_is_refused_the_second_time(db, analyst):
    imp(Dataset.Kind.GOODS, demo_file("goods.csv"), analyst)
    with pytest.raises(services.AlreadyImportedError):
        imp(Dataset.Kind.GOODS, demo_file("goods.csv"), analyst)


def test_wrong_imo_check_digit_refuses_the_vessel_register(db, analyst):
    with pytest.raises(ImportRefusedError, match="check digit should be 9"):
        imp(Dataset.Kind.VESSELS, b"imo,name\n9187628,ARTAVIL\n", analyst)


def test_transfer_file_with_unknown_asset_or_badly_written_amount_is_refused(db, analyst):
    data = (
        b"tx_id,time,from,to,asset,amount\n"
        b"1,2024-01-01T00:00:00Z,12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h,1Kuf2Rd8mDyAViwBozGTNYnvWL8uYFrkVo,DOGE,1\n"
        b'2,2024-01-01T00:00:00Z,12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h,1Kuf2Rd8mDyAViwBozGTNYnvWL8uYFrkVo,XBT,"1,5"\n'
        b"3,2024-01-01T00:00:00Z,12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9i,1Kuf2Rd8mDyAViwBozGTNYnvWL8uYFrkVo,XBT,1\n"
    )
    with pytest.raises(ImportRefusedError) as refused:
        imp(Dataset.Kind.TRANSFERS, data, analyst)
    errors = refused.value.errors
    assert errors[0] == "row 2: unknown asset 'DOGE'"
    assert errors[1].startswith("row 3: amount '1,5' is not a plain decimal number")
    assert errors[2].startswith("row 4: from: 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9i: base58check")


def test_a_vessel_renamed_after_listing_is_found_by_imo_and_by_its_old_name(lists, analyst):
    imp(Dataset.Kind.SHAREHOLDINGS, demo_file("shareholdings.csv"), analyst)
    imp(Dataset.Kind.VESSELS, demo_file("vessels.csv"), analyst)
    [vessel] = selectors.find_vessels("9187629")
    assert vessel.current_name == "DEMO NORTHERN STAR"
    assert selectors.find_vessels("alpha") == [vessel]
    assert "demo-baltic-bulk" in vessel.owners


def test_shipment_file_gives_one_row_per_shipment_with_reasons(lists, analyst):
    for kind, name in (
        ("shareholdings", "shareholdings.csv"),
        ("vessels", "vessels.csv"),
        ("goods", "goods.csv"),
    ):
        imp(kind, demo_file(name), analyst, name=name)
    screening = services.screen_shipment_file(data=demo_file("shipments.csv"), file_name="s.csv", by=analyst)
    results = selectors.shipment_results(screening, by=analyst, purpose="checking the stored results")
    rows = {row["shipment_id"]: row for row in results}
    assert screening.row_count == 3 and screening.flagged_count == 2
    reasons_1 = [r["detail"] for r in rows["DEMO-001"]["reasons"]]
    assert any("deemed sanctioned (OFAC 50% rule): BELARUSKALI OAO → 100%" in r for r in reasons_1)
    assert any(r.startswith("IMO 9187629 is listed as 'ARTAVIL'") for r in reasons_1)
    assert any(r.startswith("HS 310420: watch list 3104") for r in reasons_1)
    assert not rows["DEMO-002"]["flagged"]
    reasons_3 = [r["detail"] for r in rows["DEMO-003"]["reasons"]]
    assert any("matches listed 'BELARUSKALI OAO'" in r for r in reasons_3)
    assert any("IMO 9187629 is listed as 'ARTAVIL'" in r for r in reasons_3)  # found by the old name ALPHA


def test_shipment_with_a_wrong_imo_is_refused_whole(db, analyst):
    data = b"shipper,consignee,vessel_imo\nA,B,9187629\nC,D,1234568\n"
    with pytest.raises(ImportRefusedError, match="row 3: IMO 1234568: the check digit should be 7"):
        services.screen_shipment_file(data=data, file_name="s.csv", by=analyst)


def test_wallet_exposure_of_the_demo_customer_reaches_the_listed_address_in_three_hops(lists, analyst):
    from hramada.evasion import demo

    imp(Dataset.Kind.TRANSFERS, demo.demo_transfers(), analyst)
    exposure = selectors.wallet_exposure(demo.demo_address("demo-customer"), currency="XBT")
    [path] = exposure.paths
    assert path.direction == "incoming" and path.distance == 3
    assert path.hops[0].sender == "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h"
    assert path.hops[0].amount == Decimal("1.75")


@pytest.mark.parametrize("block", [4, 256])  # blocks packed several to a part; blocks too large, split by row
def test_a_large_file_s_results_are_stored_in_encrypted_parts_and_read_back_whole(
    lists, analyst, monkeypatch, block
):
    """An encrypted value holds at most 1 MiB: results are split into consecutive parts under the limit."""
    imp("goods", demo_file("goods.csv"), analyst, name="goods.csv")
    header, *rows = demo_file("shipments.csv").decode().splitlines()
    body = [f"R-{n}," + rows[n % len(rows)].split(",", 1)[1] for n in range(300)]
    data = "\n".join([header, *body]).encode()
    monkeypatch.setattr(services, "RESULT_PART_BYTES", 4096)
    monkeypatch.setattr(services, "RESULT_BLOCK", block)
    screening = services.screen_shipment_file(data=data, file_name="big.csv", by=analyst)
    parts = list(ShipmentResults.objects.filter(screening=screening).order_by("number"))
    assert len(parts) > 5 and [p.number for p in parts] == list(range(len(parts)))
    results = selectors.shipment_results(screening, by=analyst, purpose="checking the stored results")
    assert [r["shipment_id"] for r in results] == [f"R-{n}" for n in range(300)]
    entry = AuditEntry.objects.filter(action="personal_data.read").order_by("-pk").first()
    assert entry.detail == {"field": "results", "purpose": "checking the stored results"}
