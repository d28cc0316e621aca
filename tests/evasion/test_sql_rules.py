"""The database path of the 50% rules agrees with the in-memory graph (run on SQLite and on PostgreSQL)."""

from decimal import Decimal

from hramada.evasion import services, sql_rules
from hramada.evasion.graph import Link, LinkKind, OwnershipGraph, eu_owned_or_controlled, ofac_fifty_percent
from hramada.evasion.models import Dataset, Holding

from .conftest import demo_file


def test_database_rule_matches_the_graph_on_the_demo_shareholdings(db, analyst):
    services.import_dataset(
        kind=Dataset.Kind.SHAREHOLDINGS,
        data=demo_file("shareholdings.csv"),
        file_name="s.csv",
        name="s",
        source="demo",
        by=analyst,
    )
    seeds = {"ofac-32746", "ofac-33374", "ofac-33371", "ofac-44541"}
    graph = OwnershipGraph()
    for h in Holding.objects.all():
        graph.add_link(Link(h.owner_key, h.owned_key, LinkKind.OWNERSHIP, h.share))
    expected = {n for n, c in ofac_fifty_percent(graph, seeds).items() if c.covered and not c.listed}
    assert sql_rules.covered_in_database(seeds) == len(expected) == 4
    assert sql_rules.path_in_database("demo-baltic-bulk") == [
        ("ofac-32746", ""),
        ("demo-potash-trade", "100%"),
        ("demo-baltic-bulk", "60%"),
    ]
    assert sql_rules.path_in_database("demo-ground-handling") == []  # Belavia's 40% does not cover it


def test_database_rule_terminates_on_cycles_and_respects_the_2022_threshold(db, analyst):
    dataset = Dataset.objects.create(
        kind="shareholdings",
        name="c",
        source="t",
        file_name="c",
        sha256="x",
        imported_at="2024-01-01T00:00:00Z",
    )
    rows = [("X", "A", "50"), ("A", "B", "60"), ("B", "A", "40"), ("X", "C", "50")]
    Holding.objects.bulk_create(
        Holding(dataset=dataset, owner_key=a, owned_key=b, share=Decimal(s)) for a, b, s in rows
    )
    assert sql_rules.covered_in_database({"X"}) == 3
    assert sql_rules.covered_in_database({"X"}, inclusive=False) == 0


def test_database_eu_rule_counts_control_rights_and_agrees_with_the_graph(db):
    dataset = Dataset.objects.create(
        kind="shareholdings",
        name="c",
        source="t",
        file_name="c",
        sha256="y",
        imported_at="2024-01-01T00:00:00Z",
    )
    rows = [
        ("X", "A", "10", "board"),
        ("A", "B", "60", ""),
        ("Y", "C", "30", ""),
        ("B", "C", "25", ""),
        ("C", "D", None, "dominant-influence"),
        ("Q", "E", "90", ""),
    ]
    Holding.objects.bulk_create(
        Holding(
            dataset=dataset,
            owner_key=a,
            owned_key=b,
            share=None if s is None else Decimal(s),
            control=c,
        )
        for a, b, s, c in rows
    )
    seeds = {"X", "Y"}
    graph = OwnershipGraph()
    for h in Holding.objects.all():
        if h.share is not None:
            graph.add_link(Link(h.owner_key, h.owned_key, LinkKind.OWNERSHIP, h.share))
        if h.control:
            graph.add_link(Link(h.owner_key, h.owned_key, LinkKind.CONTROL, None, h.control))
    in_memory = eu_owned_or_controlled(graph, seeds)
    expected = set(in_memory.deemed_ids())
    assert expected == {"A", "B", "C", "D"}
    assert sql_rules.covered_in_database(seeds, use_control=True) == len(expected)
    # C: Y's 30% and B's 25% (B covered through A, which X controls); the path shows the larger holder
    assert sql_rules.path_in_database("D") == [("Y", ""), ("C", "30%"), ("D", "control: dominant-influence")]
    assert sql_rules.path_in_database("B") == [("X", ""), ("A", "control: board"), ("B", "60%")]
    for entity in expected:
        assert tuple(sql_rules.path_in_database(entity)) == in_memory[entity].path
    assert sql_rules.covered_in_database(seeds) == 0  # OFAC: control alone blocks nothing, A stays unblocked
