"""The deemed-sanctioned results are computed once by the task worker and stored; the web workers (the API's
explanation, evasion.public) read them from the database and build no ownership graph."""

import pytest

from hramada.evasion import public, selectors, services
from hramada.evasion.models import Dataset, DeemedComputation, DeemedEntity

from .conftest import demo_file

PATH = "BELARUSKALI OAO → 100% → DEMO Potash Trade FZE → 60% → DEMO Baltic Bulk Shipping Ltd"


@pytest.fixture(autouse=True)
def fresh_door():
    public.forget()
    yield
    public.forget()


def imp(kind, data, by, name):
    return services.import_dataset(
        kind=kind, data=data, file_name=f"{name}.csv", name=name, source="test", by=by
    )


def no_graph(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a web worker built the ownership graph")

    monkeypatch.setattr(selectors, "_build", refuse)


def test_stored_results_are_the_rules_results_with_reason_and_path(lists, analyst):
    imp(Dataset.Kind.SHAREHOLDINGS, demo_file("shareholdings.csv"), analyst, "holdings")
    computation = services.store_deemed_sanctioned()
    world = selectors.build_world()
    for rule in selectors.RULES:
        stored = set(
            DeemedEntity.objects.filter(computation=computation, rule=rule).values_list(
                "entity_id", flat=True
            )
        )
        assert stored == set(world.coverage[rule].deemed_ids())
    # the small OFAC file names no EU-listed party: the OFAC rule alone covers the demo companies
    ofac = set(DeemedEntity.objects.filter(rule="ofac").values_list("entity_id", flat=True))
    assert "demo-baltic-bulk" in ofac and "demo-ground-handling" not in ofac
    assert computation.entities == DeemedEntity.objects.count()
    assert computation.version == selectors.results_version()


def test_the_door_reads_the_stored_results_without_building_the_graph(lists, analyst, monkeypatch):
    imp(Dataset.Kind.SHAREHOLDINGS, demo_file("shareholdings.csv"), analyst, "holdings")
    services.store_deemed_sanctioned()
    no_graph(monkeypatch)
    public.warm_up()
    [ofac] = public.deemed_sanctioned_of(["demo-baltic-bulk", "demo-ground-handling"])["demo-baltic-bulk"]
    assert ofac.rule == "ofac" and ofac.name == "DEMO Baltic Bulk Shipping Ltd"
    assert ofac.path_text == PATH and ofac.aggregate == "60" and ofac.criteria == ("ownership",)
    assert [step.via for step in ofac.path] == ["", "100%", "60%"]
    assert [d.entity_id for d in public.deemed_sanctioned_named("Demo Baltic Bulk Shipping Ltd.")] == [
        "demo-baltic-bulk"
    ]
    assert public.deemed_sanctioned_of(["demo-ground-handling"]) == {}


def test_a_new_installation_computes_and_stores_the_results_once(lists, analyst):
    imp(Dataset.Kind.SHAREHOLDINGS, demo_file("shareholdings.csv"), analyst, "holdings")
    assert not DeemedComputation.objects.exists()
    public.warm_up()
    public.forget()
    public.warm_up()
    assert DeemedComputation.objects.count() == 1
    assert "demo-baltic-bulk" in public.deemed_sanctioned_of(["demo-baltic-bulk"])


def test_an_import_asks_the_task_worker_and_older_results_are_dropped(
    lists, analyst, django_capture_on_commit_callbacks
):
    services.store_deemed_sanctioned()
    first = DeemedComputation.objects.get()
    assert public.deemed_sanctioned_of(["demo-baltic-bulk"]) == {}
    with django_capture_on_commit_callbacks(execute=True):  # the task backend of the tests runs it at once
        imp(Dataset.Kind.SHAREHOLDINGS, demo_file("shareholdings.csv"), analyst, "holdings")
    latest = DeemedComputation.objects.order_by("-pk").first()
    assert latest.pk != first.pk and latest.version == selectors.results_version()
    public.forget()
    assert "demo-baltic-bulk" in public.deemed_sanctioned_of(["demo-baltic-bulk"])
    # the previous results stay for a worker that looked them up a moment ago; the ones before are dropped
    third = services.store_deemed_sanctioned()
    assert list(DeemedComputation.objects.order_by("pk").values_list("pk", flat=True)) == [
        latest.pk,
        third.pk,
    ]


def test_results_of_older_data_are_read_until_the_worker_has_the_new_ones(lists, analyst, monkeypatch):
    services.store_deemed_sanctioned()
    imp(Dataset.Kind.SHAREHOLDINGS, demo_file("shareholdings.csv"), analyst, "holdings")  # no commit: no task
    asked = []
    monkeypatch.setattr(services, "refresh_deemed_sanctioned_soon", lambda: asked.append(1))
    no_graph(monkeypatch)
    assert public.deemed_sanctioned_of(["demo-baltic-bulk"]) == {}  # stale, and says so to the worker once
    public._held.clear()
    assert public.deemed_sanctioned_of(["demo-baltic-bulk"]) == {}
    assert asked == [1]


def test_a_list_change_asks_the_task_worker(db, small_ofac, django_capture_on_commit_callbacks):
    from hramada.sanctions.services import import_file

    with django_capture_on_commit_callbacks(execute=True):
        import_file("ofac_sdn", small_ofac, by=None)
    assert DeemedComputation.objects.get().version == selectors.results_version()
