"""The worked examples of OFAC's 50 Percent Rule (FAQ 399, 401) and the EU best practices, as docs/evasion.md
states them."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hramada.evasion.graph import (
    EUEdition,
    Link,
    LinkKind,
    Node,
    OwnershipGraph,
    ShareError,
    eu_owned_or_controlled,
    ofac_fifty_percent,
    parse_share,
)


def graph(*links: tuple[str, str, str], control: tuple[tuple[str, str, str], ...] = ()) -> OwnershipGraph:
    g = OwnershipGraph()
    for owner, owned, share in links:
        g.add_link(Link(owner, owned, LinkKind.OWNERSHIP, Decimal(share)))
    for owner, owned, label in control:
        g.add_link(Link(owner, owned, LinkKind.CONTROL, None, label))
    return g


def test_ofac_example_1_a_chain_of_fifty_percent_blocks_both_companies():
    result = ofac_fifty_percent(graph(("X", "A", "50"), ("A", "B", "50")), {"X"})
    assert result["A"].covered and result["B"].covered
    assert result["B"].path_text() == "X → 50% → A → 50% → B"


def test_ofac_example_2_two_blocked_subsidiaries_with_25_percent_each_block_the_third():
    g = graph(("X", "A", "50"), ("X", "B", "50"), ("A", "C", "25"), ("B", "C", "25"))
    result = ofac_fifty_percent(g, {"X"})
    assert result["C"].covered
    assert result["C"].aggregate == Decimal(50)


def test_ofac_example_3_direct_and_indirect_stakes_add_up():
    result = ofac_fifty_percent(graph(("X", "A", "50"), ("X", "B", "10"), ("A", "B", "40")), {"X"})
    assert result["B"].covered
    assert result["B"].path_text() == "X → 50% → A → 40% → B"


def test_ofac_blocked_subsidiary_and_owner_together_reach_fifty():
    result = ofac_fifty_percent(graph(("X", "A", "50"), ("A", "B", "25"), ("X", "B", "25")), {"X"})
    assert result["B"].covered


def test_ofac_two_blocked_persons_with_25_percent_each_block_by_aggregation():
    result = ofac_fifty_percent(graph(("X", "C", "25"), ("Y", "C", "25")), {"X", "Y"})
    assert result["C"].covered and result["C"].criteria == ("ownership",)


def test_ofac_forty_percent_does_not_block_and_the_holdings_of_the_unblocked_company_do_not_count():
    result = ofac_fifty_percent(graph(("X", "D", "40"), ("D", "E", "100")), {"X"})
    assert not result["D"].covered
    assert result["D"].aggregate == Decimal(40)
    assert "E" not in result


def test_ofac_ignores_control_without_ownership():
    g = graph(("X", "A", "10"), control=(("X", "A", "board"),))
    assert not ofac_fifty_percent(g, {"X"})["A"].covered
    assert eu_owned_or_controlled(g, {"X"})["A"].covered
    assert eu_owned_or_controlled(g, {"X"})["A"].criteria == ("control: board",)


def test_eu_majority_ownership_covers_and_chains():
    result = eu_owned_or_controlled(graph(("Y", "Z", "60"), ("Z", "W", "100")), {"Y"})
    assert result["Z"].covered and result["W"].covered
    assert result["W"].path_text({"Y": "Yname"}) == "Yname → 60% → Z → 100% → W"


def test_eu_holdings_of_several_listed_persons_are_aggregated():
    assert eu_owned_or_controlled(graph(("P", "C", "30"), ("Q", "C", "25")), {"P", "Q"})["C"].covered


def test_eu_exactly_fifty_percent_is_owned_under_2024_text_and_not_under_2022_text():
    g = graph(("P", "C", "50"))
    assert eu_owned_or_controlled(g, {"P"}, edition=EUEdition.BP_2024)["C"].covered
    assert not eu_owned_or_controlled(g, {"P"}, edition=EUEdition.BP_2022)["C"].covered


def test_cycles_terminate_and_cover_each_entity_once():
    g = graph(("X", "A", "60"), ("A", "B", "60"), ("B", "A", "40"), ("B", "C", "10"), ("C", "B", "10"))
    result = ofac_fifty_percent(g, {"X"})
    assert result["A"].covered and result["B"].covered and not result["C"].covered


def test_cycle_without_a_listed_party_covers_nothing():
    assert ofac_fifty_percent(graph(("A", "B", "100"), ("B", "A", "100")), {"X"}) == {}


def test_shares_summing_over_100_are_reported_and_still_computed():
    g = graph(("X", "A", "70"), ("Y", "A", "60"))
    assert g.over_allocated() == {"A": Decimal(130)}
    assert ofac_fifty_percent(g, {"X"})["A"].covered


@pytest.mark.parametrize("bad", ["101", "-1", "abc", "NaN", "1e400"])
def test_impossible_percentages_are_refused(bad):
    with pytest.raises(ShareError):
        parse_share(bad)


def test_a_link_with_an_impossible_share_cannot_be_built():
    with pytest.raises(ShareError):
        Link("X", "A", LinkKind.OWNERSHIP, Decimal(150))


@given(st.decimals(min_value=0, max_value=100, allow_nan=False, allow_infinity=False, places=4))
def test_every_percentage_from_0_to_100_is_accepted_as_written(value):
    assert parse_share(f"{value}%") == value


def test_listed_authorities_select_the_seeds():
    g = OwnershipGraph()
    g.add_node(Node("X", "X", listed_by=frozenset({"ofac"})))
    g.add_node(Node("Y", "Y", listed_by=frozenset({"eu"})))
    assert g.listed({"ofac"}) == {"X"}
    assert g.listed({"eu", "ofac"}) == {"X", "Y"}
