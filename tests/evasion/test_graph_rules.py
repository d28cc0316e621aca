"""The worked examples of OFAC's 50 Percent Rule (FAQ 399, 401) and the EU best practices, as docs/evasion.md
states them."""

import itertools
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hramada.evasion.graph import (
    SHARE_UNITS,
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
    assert result["C"].path_text() == "X → 50% → A → 25% → C"  # equal shares: the smaller id is shown


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


def test_equal_largest_shares_show_the_owner_with_the_smaller_id_whatever_the_order_they_came_in():
    g = graph(
        ("X", "b-holding", "50"), ("X", "a-holding", "50"), ("b-holding", "C", "30"), ("a-holding", "C", "30")
    )
    assert ofac_fifty_percent(g, {"X"})["C"].path_text() == "X → 50% → a-holding → 30% → C"


def test_a_later_link_of_the_same_pair_and_kind_replaces_the_earlier_one():
    g = graph(("X", "A", "60"), ("X", "A", "20"))
    assert g.number_of_links() == 1
    assert g.links_out("X")[0].share == Decimal(20)
    assert not ofac_fifty_percent(g, {"X"})["A"].covered


def test_a_path_through_a_control_right_names_the_criterion():
    g = graph(("A", "B", "100"), control=(("X", "A", "board"),))
    result = eu_owned_or_controlled(g, {"X"})
    assert result["B"].path_text() == "X → control: board → A → 100% → B"
    assert result["B"].criteria == ("ownership",)
    assert "B" not in ofac_fifty_percent(g, {"X"})


def test_links_loaded_as_arrays_refuse_impossible_shares_and_unknown_entities():
    g = OwnershipGraph()
    first, second = g.add_nodes(["A", "B"], ["A Ltd", "B Ltd"]).tolist()
    with pytest.raises(ShareError):
        g.add_link_array([first], [second], [101 * SHARE_UNITS])
    with pytest.raises(IndexError):
        g.add_link_array([first], [7], [10 * SHARE_UNITS])
    g.add_link_array([first], [second], [Decimal("50.25") * SHARE_UNITS])
    assert g.links_in("B")[0].share == Decimal("50.25")


def _reference(links: list[tuple[str, str, str, int]], seeds: set[str], *, inclusive: bool, control: bool):
    """The rule as the texts say it, computed the slow obvious way: sweep every entity until nothing changes."""
    latest = {(owner, owned, kind): share for owner, owned, kind, share in links}
    nodes = {end for owner, owned, _ in latest for end in (owner, owned)}
    covered = seeds & nodes
    changed = True
    while changed:
        changed = False
        for node in sorted(nodes - covered):
            total = sum(
                s for (o, d, k), s in latest.items() if d == node and o in covered and k == "ownership"
            )
            controlled = control and any(d == node and o in covered and k == "control" for o, d, k in latest)
            if controlled or (total >= 50 if inclusive else total > 50):
                covered.add(node)
                changed = True
    return covered


entity = st.sampled_from(["X", "Y", "A", "B", "C", "D", "E"])
link = st.tuples(
    entity, entity, st.sampled_from(["ownership", "ownership", "ownership", "control"]), st.integers(0, 100)
)


@settings(max_examples=300, deadline=None)
@given(st.lists(link, max_size=25), st.sets(st.sampled_from(["X", "Y", "A"]), min_size=1))
def test_the_array_rules_agree_with_the_obvious_fixed_point_and_every_path_is_real(links, seeds):
    links = [(o, d, k, s) for o, d, k, s in links if o != d]
    g = OwnershipGraph()
    for owner, owned, kind, share in links:
        g.add_link(
            Link(owner, owned, LinkKind(kind), Decimal(share) if kind == "ownership" else None, "board")
        )
    existing = {(lk.owner, lk.owned): lk for lk in g.links() if lk.kind is LinkKind.OWNERSHIP}
    controls = {(lk.owner, lk.owned) for lk in g.links() if lk.kind is LinkKind.CONTROL}
    for result, inclusive, control in (
        (ofac_fifty_percent(g, seeds), True, False),
        (eu_owned_or_controlled(g, seeds), True, True),
        (eu_owned_or_controlled(g, seeds, edition=EUEdition.BP_2022), False, True),
    ):
        covered = {e for e, c in result.items() if c.covered}
        assert covered == _reference(links, seeds, inclusive=inclusive, control=control)
        for e in covered - seeds:
            path = result[e].path
            assert path[0][0] in seeds and path[-1][0] == e
            assert len({step for step, _ in path}) == len(path)  # never loops
            for (owner, _), (owned, via) in itertools.pairwise(path):
                if via.startswith("control"):
                    assert (owner, owned) in controls
                else:
                    assert owner in covered and existing[(owner, owned)].share == Decimal(via.rstrip("%"))
            expected = sum(
                lk.share
                for (o, d), lk in existing.items()
                if d == e and o in covered and lk.share is not None
            )
            assert result[e].aggregate == expected


def test_the_graph_holds_arrays_not_an_object_per_link():
    g = graph(("X", "A", "60"), ("A", "B", "60"))
    compact = g.compact()
    assert isinstance(compact.owner, np.ndarray) and compact.owner.dtype == np.int32
    assert compact.share.tolist() == [60 * SHARE_UNITS, 60 * SHARE_UNITS]


def test_two_listed_controllers_show_the_smaller_id():
    g = graph(control=(("Zed", "A", "board"), ("Ada", "A", "dominant-influence")))
    assert (
        eu_owned_or_controlled(g, {"Zed", "Ada"})["A"].path_text() == "Ada → control: dominant-influence → A"
    )
