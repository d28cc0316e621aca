"""A list change re-screens every counterparty the inverted way: only the delta's listed entities against an index
of counterparties; each flip raises an alert where its owner works, with remembered decisions reused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hramada.core.counterparties import Counterparty, CounterpartySource, register_counterparty_source
from hramada.core.models import AuditEntry
from hramada.fund.models import ScreeningHold
from hramada.monitoring import rescreen, services
from hramada.monitoring.models import Alert, Exposure, RescreenRun
from hramada.sanctions import public
from hramada.sanctions.services import import_file
from tests.fund import factories
from tests.monitoring.conftest import AMENDMENT, EU_LIST, NAUMOV, NAUMOV_RU, OTHER, eu_list_without, watch_csv

pytestmark = pytest.mark.django_db


def _import(path: Path, capture: Any) -> None:
    with capture(execute=True):
        import_file("eu_journal", path, by=None)


def _watch(rows: list[tuple[str, ...]], analyst: Any, capture: Any) -> Any:
    with capture(execute=True):
        return services.upload_watch_list(
            name="Suppliers", file_name="suppliers.csv", data=watch_csv(rows), by=analyst
        )


@pytest.fixture
def before(tmp_path: Path, django_capture_on_commit_callbacks: Any) -> Path:
    """The EU list as it read before Naumov's listing, imported; every counterparty gets its first screening."""
    path = eu_list_without(tmp_path / "before", NAUMOV)
    _import(path, django_capture_on_commit_callbacks)
    return path


def test_a_newly_listed_person_raises_an_alert_on_the_fund_application_and_the_funds_own_hold(
    before: Path, django_capture_on_commit_callbacks: Any
) -> None:
    application = factories.submitted(factories.programme(), contact_name=NAUMOV_RU)
    bystander = factories.submitted(factories.programme(), contact_name="Hanna Kavalenka")
    assert not ScreeningHold.objects.exists(), "not listed yet: the submission screened clean"
    with django_capture_on_commit_callbacks(execute=True):
        services.queue_first_screenings()
    assert not Alert.objects.exists(), "a fund party's first screening is the fund's own business"

    _import(EU_LIST, django_capture_on_commit_callbacks)

    run = RescreenRun.objects.filter(snapshot_id__isnull=False).order_by("pk").last()
    assert run.status == RescreenRun.Status.DONE
    alert = Alert.objects.get(owner="fund")
    assert alert.kind == Alert.Kind.POSSIBLE_MATCH
    assert alert.ref == f"fund.application:{application.pk}:applicant"
    assert alert.url == f"/fund/applications/{application.pk}/"
    assert "NAVUMAU" in alert.caption.upper() or "NAUMOV" in alert.caption.upper()
    assert NAUMOV_RU not in alert.label, "the label names the application, never the person"
    hold = ScreeningHold.objects.get(application=application)
    assert hold.status == ScreeningHold.Status.OPEN and hold.party == "applicant"
    assert not ScreeningHold.objects.filter(application=bystander).exists()
    assert run.screened_entities >= 1 and run.alerts == 1


def test_a_listing_that_came_between_intake_and_monitorings_first_look_still_reaches_the_fund(
    before: Path, django_capture_on_commit_callbacks: Any
) -> None:
    """The application was screened clean at intake; the list then added the person before monitoring ever saw
    the application (a fresh installation, a worker that was down): the first screening finds the pair, the fund
    raises its hold and the alert is filed where the fund works. An application the fund already held for the
    same listing raises nothing twice."""
    application = factories.submitted(factories.programme(), contact_name=NAUMOV_RU)
    assert not ScreeningHold.objects.exists()
    with django_capture_on_commit_callbacks(execute=False):
        import_file("eu_journal", EU_LIST, by=None)  # the list change's own run is not done now
    with django_capture_on_commit_callbacks(execute=True):
        services.queue_first_screenings()

    hold = ScreeningHold.objects.get(application=application)
    assert hold.status == ScreeningHold.Status.OPEN and hold.party == "applicant"
    alert = Alert.objects.get(owner="fund")
    assert alert.ref == f"fund.application:{application.pk}:applicant" and alert.first_screening

    with django_capture_on_commit_callbacks(execute=True):
        services.queue_first_screenings()
    assert Alert.objects.filter(owner="fund").count() == 1
    assert ScreeningHold.objects.filter(application=application).count() == 1


def test_the_run_screens_only_the_delta_and_opens_names_with_one_audit_entry_for_the_run(
    before: Path, analyst: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _watch(
        [(NAUMOV_RU, "Person", "1956-02-07", "by"), ("Siarhei Zhukouski", "Person", "", "")],
        analyst,
        django_capture_on_commit_callbacks,
    )
    factories.submitted(factories.programme(), contact_name="Volha Maroz")
    reads_before = AuditEntry.objects.filter(action="personal_data.read").count()
    _import(EU_LIST, django_capture_on_commit_callbacks)
    run = RescreenRun.objects.filter(snapshot_id__isnull=False).order_by("pk").last()
    revealed = AuditEntry.objects.filter(action="monitoring.counterparties.revealed", target_id=str(run.pk))
    assert revealed.count() == 1
    detail = revealed.get().detail
    # The worker holds the watch list from its first screening: unchanged rows are not opened again.
    assert detail["owners"]["monitoring"] == {"counterparties": 2, "names_opened": 0}
    assert detail["owners"]["fund"]["names_opened"] >= 1
    assert NAUMOV_RU not in str(detail)
    assert AuditEntry.objects.filter(action="personal_data.read").count() == reads_before
    assert run.delta_size < 20, "a person's listing is a handful of entities, not the whole list"
    alert = Alert.objects.get(owner="monitoring", first_screening=False)
    assert alert.kind == Alert.Kind.POSSIBLE_MATCH and alert.label.startswith("Suppliers")


def _revealed(run: RescreenRun) -> dict[str, Any]:
    entry = AuditEntry.objects.get(action="monitoring.counterparties.revealed", target_id=str(run.pk))
    return dict(entry.detail["owners"]["monitoring"])


def test_a_run_opens_only_the_watch_list_rows_it_does_not_hold_yet(
    before: Path, analyst: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _watch(
        [(NAUMOV_RU, "Person", "", ""), ("Siarhei Zhukouski", "Person", "", "")],
        analyst,
        django_capture_on_commit_callbacks,
    )
    assert _revealed(RescreenRun.objects.order_by("pk").last()) == {"counterparties": 2, "names_opened": 2}
    _watch([("Hanna Kavalenka", "Person", "", "")], analyst, django_capture_on_commit_callbacks)
    assert _revealed(RescreenRun.objects.order_by("pk").last()) == {"counterparties": 3, "names_opened": 1}
    # A worker that starts afresh holds nothing: it opens every row once, and the list change still alerts.
    rescreen.forget_index()
    _import(EU_LIST, django_capture_on_commit_callbacks)
    run = RescreenRun.objects.filter(snapshot_id__isnull=False).order_by("pk").last()
    assert _revealed(run) == {"counterparties": 3, "names_opened": 3}
    assert Alert.objects.filter(owner="monitoring", run=run, kind=Alert.Kind.POSSIBLE_MATCH).count() == 1


def test_a_removed_listing_clears_the_match_and_says_so(
    tmp_path: Path, analyst: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _import(EU_LIST, django_capture_on_commit_callbacks)
    _watch([(NAUMOV_RU, "Person", "1956-02-07", "by")], analyst, django_capture_on_commit_callbacks)
    first = Alert.objects.get()
    assert first.first_screening and first.kind == Alert.Kind.POSSIBLE_MATCH
    assert Exposure.objects.count() == 1
    _import(eu_list_without(tmp_path / "delisted", NAUMOV), django_capture_on_commit_callbacks)
    cleared = Alert.objects.exclude(pk=first.pk).get()
    assert cleared.kind == Alert.Kind.CLEARED
    assert cleared.entity_id == first.entity_id
    assert not Exposure.objects.exists()


def test_a_remembered_false_positive_is_reused_until_the_listed_record_changes(
    tmp_path: Path, analyst: Any, before: Path, django_capture_on_commit_callbacks: Any
) -> None:
    watch_list = _watch([(NAUMOV_RU, "Person", "", "")], analyst, django_capture_on_commit_callbacks)
    ref = f"monitoring.watch:{watch_list.pk}:2"
    # The analyst knew this supplier is not the official (a decision on the pair, taken before the listing).
    _import(EU_LIST, django_capture_on_commit_callbacks)
    alert = Alert.objects.get(first_screening=False)
    public.remember_decision(
        party_ref=ref,
        entity_id=alert.entity_id,
        confirmed=False,
        reason="Another person, born 1990",
        identity=public.current_identity(alert.entity_id),
        by=analyst,
    )
    Alert.objects.all().delete()
    Exposure.objects.all().delete()
    # Delisted and listed again as it was: the decision stands, no alert.
    # Another publication delists him (and someone else, so it is not the file imported before), a later one
    # lists him again as he read.
    _import(eu_list_without(tmp_path / "gone", NAUMOV, OTHER), django_capture_on_commit_callbacks)
    _import(eu_list_without(tmp_path / "back", OTHER), django_capture_on_commit_callbacks)
    back = RescreenRun.objects.order_by("pk").last()
    assert back.status == RescreenRun.Status.DONE and back.screened_entities >= 1
    assert not Alert.objects.filter(kind=Alert.Kind.POSSIBLE_MATCH).exists()
    # Amended: his birth date reads differently, so the decision is not reused and the alert says so.
    _import(
        eu_list_without(tmp_path / "amended", OTHER, birth_dates={NAUMOV: "7.2.1957"}),
        django_capture_on_commit_callbacks,
    )
    changed = Alert.objects.get(kind=Alert.Kind.LISTED_CHANGED)
    assert changed.decision_verdict == "false_positive" and changed.decision_listed_changed


def test_a_confirmed_match_is_alerted_with_the_decision_reused(
    tmp_path: Path, analyst: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _import(eu_list_without(tmp_path / "before", NAUMOV), django_capture_on_commit_callbacks)
    watch_list = _watch(
        [(NAUMOV_RU, "Person", "1956-02-07", "")], analyst, django_capture_on_commit_callbacks
    )
    _import(EU_LIST, django_capture_on_commit_callbacks)
    alert = Alert.objects.get()
    public.remember_decision(
        party_ref=f"monitoring.watch:{watch_list.pk}:2",
        entity_id=alert.entity_id,
        confirmed=True,
        reason="Same person: passport seen",
        identity=public.current_identity(alert.entity_id),
        by=analyst,
    )
    Alert.objects.all().delete()
    Exposure.objects.all().delete()
    # Another publication delists him (and someone else, so it is not the file imported before), a later one
    # lists him again as he read.
    _import(eu_list_without(tmp_path / "gone", NAUMOV, OTHER), django_capture_on_commit_callbacks)
    _import(eu_list_without(tmp_path / "back", OTHER), django_capture_on_commit_callbacks)
    again = Alert.objects.get(kind=Alert.Kind.POSSIBLE_MATCH)
    assert again.decision_verdict == "confirmed" and not again.decision_listed_changed


def test_an_amendment_listing_companies_alerts_the_watch_list_supplier(
    analyst: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _import(EU_LIST, django_capture_on_commit_callbacks)
    _watch(
        [("Chip and Dip LLC", "Company", "", ""), ("Minsk Autoservice LLC", "Company", "", "")],
        analyst,
        django_capture_on_commit_callbacks,
    )
    assert not Alert.objects.exists()
    _import(AMENDMENT, django_capture_on_commit_callbacks)
    alert = Alert.objects.get()
    assert "CHIP AND DIP" in alert.caption.upper()
    assert alert.label == "Suppliers · 2"


def test_a_delta_arriving_during_a_running_rescreen_is_queued_and_both_complete(
    tmp_path: Path, analyst: Any, before: Path, django_capture_on_commit_callbacks: Any
) -> None:
    _watch(
        [(NAUMOV_RU, "Person", "", ""), ("Chip and Dip LLC", "Company", "", "")],
        analyst,
        django_capture_on_commit_callbacks,
    )
    arrived: list[int] = []

    def counterparties_while_a_list_changes() -> list[Counterparty]:
        # The first run is collecting its counterparties when the amendment's delta arrives.
        if not arrived:
            arrived.append(1)
            import_file("eu_journal", AMENDMENT, by=None)
            assert RescreenRun.objects.filter(status=RescreenRun.Status.QUEUED).count() == 1
        return []

    register_counterparty_source(
        CounterpartySource("test.interrupting", "test", counterparties_while_a_list_changes)
    )
    try:
        _import(EU_LIST, django_capture_on_commit_callbacks)
    finally:
        from hramada.core import counterparties

        counterparties._sources.pop("test.interrupting", None)
    runs = list(RescreenRun.objects.filter(snapshot_id__isnull=False).order_by("pk"))[1:]
    assert [r.status for r in runs] == [RescreenRun.Status.DONE, RescreenRun.Status.DONE]
    assert runs[0].started_at <= runs[1].started_at
    kinds = sorted(a.caption.upper()[:12] for a in Alert.objects.filter(first_screening=False))
    assert len(kinds) == 2 and any("CHIP AND DIP" in k for k in kinds)
