"""The sanctions app's door: screening with purpose and actor, remembered decisions, listed records, and the
`list_changed` signal, against the real EU Belarus list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from hramada.core.models import AuditEntry
from hramada.sanctions import live_index, public
from hramada.sanctions.models import ScreeningDecision
from hramada.sanctions.services import import_file

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_index() -> Any:
    live_index.reset_screening_index()
    yield
    live_index.reset_screening_index()


@pytest.fixture
def eu_list(shared_data: Path) -> Path:
    path = shared_data / "sanctions/eu/journal/32006R0765.csv"
    import_file("eu_journal", path, by=None)
    return path


LUKASHENKA = public.Party(
    name="Alexander Lukashenko", schema="Person", birth_date="1954-08-30", ref="test.party:1"
)


def _lukashenka_hit(screening: public.Screening) -> public.Hit:
    return next(hit for hit in screening.hits if "LUKASHENK" in hit.caption.upper())


def test_lukashenko_in_russian_spelling_finds_the_listed_lukashenka_with_his_programme(eu_list: Path) -> None:
    screening = public.screen(LUKASHENKA, purpose="onboarding", by=None, source="test")
    hit = _lukashenka_hit(screening)
    assert hit.match and hit.score >= 0.8
    assert hit.explanation
    assert hit.datasets == ("eu_journal",)
    assert hit.belarus
    assert any("Belarus" in programme for programme in hit.programmes)
    assert hit.decision is None
    assert len(hit.identity) == 64


def test_every_screening_writes_one_audit_entry_with_a_keyed_hash_and_never_the_name(eu_list: Path) -> None:
    before = AuditEntry.objects.filter(action="sanctions.screened").count()
    parties = [LUKASHENKA, public.Party(name="Hanna Kavalenka", schema="Person")]
    public.screen_many(parties, purpose="investigation", by=None, source="page.screen")
    entries = AuditEntry.objects.filter(action="sanctions.screened").order_by("pk")
    assert entries.count() == before + 1
    detail = entries.last().detail  # type: ignore[union-attr]
    assert detail["purpose"] == "investigation" and detail["source"] == "page.screen"
    assert detail["parties"] == 2 and detail["hits"] >= 1
    assert public.screened_name_hash("alexander  LUKASHENKO") in detail["names"]
    assert "Lukashenko" not in str(detail) and "Kavalenka" not in str(detail)


def test_a_standing_false_positive_silences_the_pair_until_the_listed_identity_changes(eu_list: Path) -> None:
    hit = _lukashenka_hit(public.screen(LUKASHENKA, purpose="onboarding", by=None, source="test"))
    decision = ScreeningDecision.objects.create(
        party_ref=LUKASHENKA.ref,
        entity_id=hit.entity_id,
        caption=hit.caption,
        verdict=ScreeningDecision.Verdict.FALSE_POSITIVE,
        reason="Different person: the applicant was born in 1991.",
        identity=hit.identity,
        decided_at=timezone.now(),
    )
    again = _lukashenka_hit(public.screen(LUKASHENKA, purpose="onboarding", by=None, source="test"))
    assert again.decision is not None and again.decision.false_positive and again.silenced
    other_party = public.Party(name=LUKASHENKA.name, schema="Person", ref="test.party:2")
    assert (
        _lukashenka_hit(public.screen(other_party, purpose="onboarding", by=None, source="t")).decision
        is None
    )

    ScreeningDecision.objects.filter(pk=decision.pk).update(identity="0" * 64)
    changed = _lukashenka_hit(public.screen(LUKASHENKA, purpose="onboarding", by=None, source="test"))
    assert changed.decision is not None and changed.decision.listed_changed
    assert not changed.silenced


def test_exclude_entity_ids_drops_the_listed_entity(eu_list: Path) -> None:
    hit = _lukashenka_hit(public.screen(LUKASHENKA, purpose="onboarding", by=None, source="test"))
    rest = public.screen(
        LUKASHENKA, purpose="onboarding", by=None, source="test", exclude_entity_ids=[hit.entity_id]
    )
    assert hit.entity_id not in {h.entity_id for h in rest.hits}


def test_a_party_without_name_or_identifier_is_refused_before_anything_is_recorded(eu_list: Path) -> None:
    before = AuditEntry.objects.count()
    with pytest.raises(public.PartyError) as error:
        public.screen(public.Party(name="  "), purpose="onboarding", by=None, source="test")
    assert error.value.field == "name"
    with pytest.raises(public.PartyError):
        public.screen(
            public.Party(name="X", birth_date="31.02.1990"), purpose="onboarding", by=None, source="t"
        )
    assert AuditEntry.objects.count() == before


def test_an_unknown_purpose_is_refused() -> None:
    with pytest.raises(public.UnknownPurposeError):
        public.screen(LUKASHENKA, purpose="curiosity", by=None, source="test")


def test_identifiers_by_kind_or_ftm_property_reach_the_engine() -> None:
    party = public.Party(name="Ship", identifiers={"imoNumber": ["IMO 9187629"], "passport": ["MP123"]})
    assert set(party.identifier_strings()) == {"imo:IMO 9187629", "passport:MP123"}
    with pytest.raises(public.PartyError):
        public.Party(name="X", identifiers={"shoe_size": ["44"]}).identifier_strings()


def test_listed_entity_and_belarus_programme_come_from_the_lists(eu_list: Path) -> None:
    hit = _lukashenka_hit(public.screen(LUKASHENKA, purpose="onboarding", by=None, source="test"))
    record = public.listed_entity(hit.entity_id)
    assert record is not None and record.schema == "Person" and record.belarus
    assert record.datasets == ("eu_journal",)
    assert public.listed_entity("no-such-entity") is None
    assert public.is_belarus_programme("EU-BLR")
    assert public.is_belarus_programme("BELARUS-EO14038")
    assert not public.is_belarus_programme("SDGT")
    assert public.is_belarus_programme({"programId": ["BLR"]})


def test_list_changed_is_sent_after_commit_with_the_delta(
    shared_data: Path, django_capture_on_commit_callbacks: Any
) -> None:
    received: list[public.ListChange] = []

    def receiver(sender: Any, change: public.ListChange, **kwargs: Any) -> None:
        received.append(change)

    public.list_changed.connect(receiver)
    try:
        journal = shared_data / "sanctions/eu/journal"
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            import_file("eu_journal", journal / "32006R0765.csv", by=None)
        assert received == [], "nothing is sent before the import commits"
        for callback in callbacks:
            callback()
        with django_capture_on_commit_callbacks(execute=True):
            import_file("eu_journal", journal / "amendment-32026R1846.csv", by=None)
    finally:
        public.list_changed.disconnect(receiver)
    first, second = received
    assert first.source == "eu_journal" and first.previous_snapshot_id is None and first.added
    assert second.previous_snapshot_id == first.snapshot_id
    assert second.added and second.snapshot_id != first.snapshot_id


def test_a_failing_list_changed_receiver_does_not_fail_the_import(
    shared_data: Path, django_capture_on_commit_callbacks: Any
) -> None:
    def broken(sender: Any, **kwargs: Any) -> None:
        raise RuntimeError("receiver bug")

    public.list_changed.connect(broken)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            result = import_file("eu_journal", shared_data / "sanctions/eu/journal/32006R0765.csv", by=None)
    finally:
        public.list_changed.disconnect(broken)
    assert result.created
