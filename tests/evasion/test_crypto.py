"""Addresses from the lists, checked by the rules of their currency; exposure over transfers."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from hramada.evasion.crypto import AddressError, Transfer, TransferGraph, naive_exposure, validate

# Real addresses from OFAC's SDN list (sdn-2024-05-03.csv, "Digital Currency Address - ...").
OFAC_XBT = "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h"
OFAC_ETH = "0x098B716B8Aaf21512996dC57EB0615e2383E2f96"
# BIP 173 / BIP 350 test vectors (segwit v0 bech32, v1 taproot bech32m).
BECH32_V0 = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
BECH32M_V1 = "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"


def test_ofac_bitcoin_address_passes_base58check():
    assert validate("XBT", OFAC_XBT).kind == "p2pkh"


def test_bitcoin_address_with_one_wrong_letter_fails_base58check():
    with pytest.raises(AddressError, match="base58check"):
        validate("XBT", OFAC_XBT[:-1] + "i")


def test_segwit_v0_and_taproot_addresses_pass_bech32_and_bech32m():
    assert validate("XBT", BECH32_V0).kind == "segwit-v0"
    assert validate("BTC", BECH32M_V1).kind == "segwit-v1"


def test_bech32_address_with_a_wrong_checksum_is_refused():
    with pytest.raises(AddressError, match="bech32"):
        validate("XBT", BECH32_V0[:-1] + "5")


def test_ofac_ethereum_address_passes_eip55():
    assert validate("ETH", OFAC_ETH).kind == "eip55"


def test_ethereum_address_with_one_letter_in_the_wrong_case_fails_eip55():
    flipped = OFAC_ETH[:5] + OFAC_ETH[5].swapcase() + OFAC_ETH[6:]  # "B" of 0x098B...
    with pytest.raises(AddressError, match="EIP-55"):
        validate("ETH", flipped)


def test_all_lower_case_ethereum_address_is_accepted_and_given_its_checksum():
    assert validate("ETH", OFAC_ETH.lower()).value == OFAC_ETH


def test_a_currency_without_a_checker_is_kept_as_written():
    assert validate("XMR", "44AFFq5kSiGBoZ").kind == "unchecked"


def t(tx, a, b, amount, asset="XBT"):
    return Transfer(tx, datetime(2024, 1, 1, tzinfo=UTC), a, b, asset, Decimal(amount))


def test_exposure_finds_the_listed_address_two_hops_upstream_with_amounts_and_direction():
    g = TransferGraph()
    g.add_all([t("1", "LISTED", "MID", "2"), t("2", "MID", "ME", "1.5"), t("3", "MID", "ME", "0.5")])
    found = g.exposure("ME", {"LISTED"}, hops=3)
    assert len(found) == 1
    assert found[0].direction == "incoming" and found[0].distance == 2
    assert found[0].path_text() == "LISTED → 2 XBT → MID → 2 XBT → ME"


def test_exposure_respects_the_hop_limit_and_finds_outgoing_paths():
    g = TransferGraph()
    g.add_all([t("1", "ME", "A", "1"), t("2", "A", "B", "1"), t("3", "B", "LISTED", "1")])
    assert g.exposure("ME", {"LISTED"}, hops=2) == []
    assert [e.direction for e in g.exposure("ME", {"LISTED"}, hops=3)] == ["outgoing"]


def test_exposure_agrees_with_the_naive_traversal():
    g = TransferGraph()
    g.add_all(
        [t("1", "L1", "A", "1"), t("2", "A", "ME", "1"), t("3", "ME", "B", "1"), t("4", "B", "L2", "1")]
    )
    fast = {(e.listed, e.direction) for e in g.exposure("ME", {"L1", "L2"}, hops=3)}
    assert fast == naive_exposure(g, "ME", {"L1", "L2"}, hops=3) == {("L1", "incoming"), ("L2", "outgoing")}


def test_cycles_in_transfers_terminate():
    g = TransferGraph()
    g.add_all([t("1", "ME", "A", "1"), t("2", "A", "ME", "1"), t("3", "A", "LISTED", "1")])
    assert [e.distance for e in g.exposure("ME", {"LISTED"}, hops=5)] == [2]


def test_amounts_are_summed_exactly_across_exponents_and_wide_amounts():
    g = TransferGraph()
    wide = Decimal("1.000000000000000000001")  # 22 significant digits: kept aside as a Decimal
    g.add_all(
        [
            t("1", "LISTED", "ME", "0.1", "ETH"),
            t("2", "LISTED", "ME", "0.20", "ETH"),
            t("3", "LISTED", "ME", "3E+2", "ETH"),
            Transfer("4", datetime(2024, 1, 1, tzinfo=UTC), "LISTED", "ME", "ETH", wide),
            t("5", "LISTED", "ME", "7", "XBT"),  # another asset: another edge
        ]
    )
    (found,) = g.exposure("ME", {"LISTED"}, hops=1)
    assert found.hops[0].amount in {Decimal("301.300000000000000000001"), Decimal(7)}
    eth = [h for h in _all_hops(g) if h.asset == "ETH"]
    assert eth[0].amount == Decimal("301.300000000000000000001") and eth[0].transfers == 4


def _all_hops(g):
    c = g.compact()
    return [g._hop(c, e) for e in range(g.number_of_edges())]


def test_the_graph_sorts_again_after_later_additions_and_across_chunks(monkeypatch):
    from hramada.evasion import transfers

    monkeypatch.setattr(transfers, "CHUNK", 2)
    g = TransferGraph()
    g.add_all([t("1", "ME", "A", "1"), t("2", "A", "B", "1"), t("3", "ME", "A", "2")])
    assert g.exposure("ME", {"B"}, hops=2)[0].path_text() == "ME → 3 XBT → A → 1 XBT → B"
    g.add_all([t("4", "L", "ME", "5"), t("5", "ME", "A", "0.5")])
    assert [e.path_text() for e in g.exposure("ME", {"B", "L"}, hops=2)] == [
        "L → 5 XBT → ME",
        "ME → 3.5 XBT → A → 1 XBT → B",
    ]
    assert len(g) == 5 and g.number_of_edges() == 3 and g.number_of_addresses() == 4


def test_evm_addresses_meet_whatever_their_letter_case():
    g = TransferGraph()
    g.add(
        t(
            "1",
            "0xABCDEF0000000000000000000000000000000001",
            "0xme00000000000000000000000000000000000002",
            "1",
        )
    )
    found = g.exposure(
        "0xME00000000000000000000000000000000000002", {"0xabcdef0000000000000000000000000000000001"}
    )
    assert [e.direction for e in found] == ["incoming"]


def test_exposure_agrees_with_the_naive_traversal_on_a_random_graph_with_hubs():
    import random

    rng = random.Random(7)
    g = TransferGraph()
    names = [f"a{i}" for i in range(300)]
    for i in range(1500):
        sender = names[int(len(names) * rng.random() ** 3)]  # a few hubs send most
        g.add(t(str(i), sender, rng.choice(names), "1", rng.choice(["XBT", "ETH"])))
    listed = set(rng.sample(names, 5))
    for probe in rng.sample(names, 20):
        fast = g.exposure(probe, listed, hops=3, limit=1000)
        assert {(e.listed, e.direction) for e in fast} == naive_exposure(g, probe, listed, hops=3)
        for e in fast:  # each path is a real chain of edges ending at the listed address
            assert all(a.receiver == b.sender for a, b in zip(e.hops, e.hops[1:], strict=False))
            assert (e.hops[-1].receiver if e.direction == "outgoing" else e.hops[0].sender) == e.listed
            assert (e.hops[0].sender if e.direction == "outgoing" else e.hops[-1].receiver) == probe


def test_an_unknown_address_or_no_listed_address_in_the_graph_finds_nothing():
    g = TransferGraph()
    g.add(t("1", "A", "B", "1"))
    assert g.exposure("NOBODY", {"A"}) == [] and g.exposure("A", {"NOBODY"}) == []
    assert TransferGraph().exposure("A", {"B"}) == []
