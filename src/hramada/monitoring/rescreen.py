"""The inverted re-screen: a list change's listed entities against an index of every counterparty, with the
flips it finds turned into alerts. Run by the task worker (``tasks.rescreen_task``) one run at a time.

The index lives in the worker process and is brought up to date at the start of each run: only counterparties
that are new or whose data changed are indexed again (building it for 100,000 names takes tens of seconds; keeping
it takes a second or two). A source that stamps its counterparties from what is stored (the watch lists) has only
its new and changed ones opened; the others are held in the worker's memory only, never written anywhere. Names
are opened without one audit entry per name; the run writes one ``monitoring.counterparties.revealed`` entry with
the counts per owner (counterparties, names opened in this run).

Every write of a run is one transaction retried while SQLite is locked by another writer (a list import, a watch
list upload: ``core.retry.retry_while_locked``); the exposures a transaction stores and the alerts they raise are
committed together, so a write that is tried again never leaves an exposure without its alert.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from django.db import transaction
from django.utils import timezone

from hramada.core import audit
from hramada.core.counterparties import Counterparty, Flip, counterparty_sources
from hramada.core.progress import ProgressReporter
from hramada.core.retry import retry_while_locked
from hramada.monitoring.models import Alert, Exposure, KnownCounterparty, RescreenRun
from hramada.sanctions import public

logger = logging.getLogger(__name__)

WATCH_OWNER = "monitoring"
"""Owners whose counterparties are alerted on their first screening too (a watch list is uploaded to be told)."""
FIRST_SCREENING_BATCH = 2000


@dataclass
class Watched:
    """This process's index of counterparties, with what the alerts need of each."""

    index: public.CounterpartyIndex = field(default_factory=public.counterparty_index)
    parties: dict[str, Counterparty] = field(default_factory=dict)
    owners: dict[str, str] = field(default_factory=dict)


_watched = Watched()
_lock = threading.Lock()


def forget_index() -> None:
    """Drop this process's index (tests; a key rotation)."""
    global _watched
    with _lock:
        _watched = Watched()


def _mark(party: Counterparty) -> str:
    content = repr(
        (
            party.names,
            party.schema,
            party.purpose,
            party.birth_date,
            party.countries,
            sorted((k, tuple(v)) for k, v in party.identifiers.items()),
        )
    )
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def party_of(counterparty: Counterparty) -> public.Party:
    names = [n for n in counterparty.names if n and n.strip()]
    return public.Party(
        name=names[0] if names else "",
        aliases=tuple(names[1:]),
        schema=counterparty.schema,
        ref=counterparty.ref,
        birth_date=counterparty.birth_date,
        countries=counterparty.countries,
        identifiers=counterparty.identifiers,
    )


@dataclass
class Collected:
    parties: dict[str, Counterparty]
    owners: dict[str, str]
    counts: dict[str, dict[str, int]]


def collect(held: Watched | None = None) -> Collected:
    """Every counterparty of every registered source (a failing source is logged and left out of this run).

    With ``held`` (the worker's index), a source that gives stamps has only its new and changed counterparties
    opened; the others are taken as ``held`` has them. Without it, every name is opened (a full re-screen)."""
    parties: dict[str, Counterparty] = {}
    owners: dict[str, str] = {}
    counts: dict[str, dict[str, int]] = {}
    for source in counterparty_sources():
        seen = encrypted = 0
        try:
            if held is not None and source.stamps is not None and source.opened is not None:
                stamps = dict(source.stamps())
                kept = {
                    ref
                    for ref, stamp in stamps.items()
                    if ref in held.parties and held.index.mark(ref) == stamp
                }
                for ref in kept:
                    parties[ref] = held.parties[ref]
                    owners[ref] = source.key
                seen = len(kept)
                wanted = stamps.keys() - kept
                found: Iterable[Counterparty] = source.opened(wanted) if wanted else ()
            else:
                found = source.counterparties()
            for counterparty in found:
                if not any(n and n.strip() for n in counterparty.names) and not counterparty.identifiers:
                    continue
                parties[counterparty.ref] = counterparty
                owners[counterparty.ref] = source.key
                seen += 1
                encrypted += counterparty.encrypted
        except Exception:
            logger.exception("counterparty source %s failed; left out of this run", source.key)
            continue
        counts[source.key] = {"counterparties": seen, "names_opened": encrypted}
    return Collected(parties, owners, counts)


def refresh_index(collected: Collected) -> tuple[Watched, set[str]]:
    """Bring the process's index to the collected counterparties; returns it and the refs whose data changed
    since this process indexed them (they are screened in full again)."""
    watched = _watched
    touched: set[str] = set()
    for ref in watched.index.refs() - collected.parties.keys():
        watched.index.discard(ref)
        watched.parties.pop(ref, None)
        watched.owners.pop(ref, None)
    for ref, counterparty in collected.parties.items():
        mark = counterparty.stamp or _mark(counterparty)
        previous = watched.index.mark(ref)
        if previous == mark:
            continue
        try:
            public.index_party(watched.index, party_of(counterparty), mark=mark)
        except public.PartyError as error:
            logger.info("counterparty %s cannot be screened: %s", ref, error.field)
            watched.index.discard(ref)
            continue
        watched.parties[ref] = counterparty
        watched.owners[ref] = collected.owners[ref]
        if previous is not None:
            touched.add(ref)
    return watched, touched


@dataclass
class Outcome:
    alerts: list[Alert] = field(default_factory=list)
    flips: list[tuple[str, Flip]] = field(default_factory=list)
    first_found: list[tuple[str, Flip, Alert]] = field(default_factory=list)
    """Pairs found when another app's counterparty was screened for the first time: its owner is asked (its
    intake screening may have run before the list carried the entry) and the alert is kept only when the owner
    raised something new."""
    first_screened: int = 0
    screened_entities: int = 0
    saved: int = 0
    """Alerts already saved with the exposures that raised them (``alerts`` are saved at the end of the run)."""


def _alert(
    run: RescreenRun | None,
    party: Counterparty,
    owner: str,
    *,
    kind: str,
    entity_id: str,
    caption: str,
    score: float = 0.0,
    hit: public.Hit | None = None,
    first: bool = False,
) -> Alert:
    decision = hit.decision if hit is not None else None
    return Alert(
        run=run,
        kind=kind,
        ref=party.ref,
        owner=owner,
        label=party.label[:300],
        url=party.url[:500],
        entity_id=entity_id,
        caption=caption[:500],
        score=score,
        first_screening=first,
        explanation=hit.explanation if hit is not None else "",
        decision_verdict=decision.verdict if decision is not None else "",
        decision_listed_changed=bool(decision and decision.listed_changed),
        decided_at=decision.decided_at if decision is not None else None,
    )


def first_screening(run: RescreenRun | None, watched: Watched, refs: Sequence[str], outcome: Outcome) -> None:
    """Screen counterparties seen for the first time (or changed) in full: their baseline. Pairs found become
    exposures; watch-list rows raise alerts; another owner's pair is put to that owner (``first_found``), since
    its own intake screening may have run before a list carried the entry (a designation adopted after the
    application came in, before monitoring first saw it)."""
    by_purpose: dict[str, list[str]] = defaultdict(list)
    for ref in refs:
        by_purpose[watched.parties[ref].purpose].append(ref)
    for purpose, group in by_purpose.items():
        for start in range(0, len(group), FIRST_SCREENING_BATCH):
            batch = group[start : start + FIRST_SCREENING_BATCH]
            screenings = public.screen_many(
                [party_of(watched.parties[ref]) for ref in batch],
                purpose=purpose,
                by=None,
                source="monitoring.first_screening",
            )
            watch_alerts, found = _store_first_batch(run, watched, batch, screenings)
            outcome.saved += len(watch_alerts)
            outcome.first_found.extend(found)
            outcome.first_screened += len(batch)


@retry_while_locked
def _store_first_batch(
    run: RescreenRun | None,
    watched: Watched,
    batch: Sequence[str],
    screenings: Sequence[public.Screening],
) -> tuple[list[Alert], list[tuple[str, Flip, Alert]]]:
    """One batch of first screenings stored in one transaction: new exposures, the watch lists' alerts (saved
    here, with their exposures), the known counterparties. Returns the alerts saved and the other owners' finds."""
    saved: list[Alert] = []
    found: list[tuple[str, Flip, Alert]] = []
    with transaction.atomic():
        existing = {(e.ref, e.entity_id) for e in Exposure.objects.filter(ref__in=batch).order_by()}
        for ref, screening in zip(batch, screenings, strict=True):
            party, owner = watched.parties[ref], watched.owners[ref]
            for hit in screening.open_hits:
                if (ref, hit.entity_id) in existing:
                    continue
                Exposure.objects.create(
                    ref=ref,
                    owner=owner,
                    entity_id=hit.entity_id,
                    caption=hit.caption[:500],
                    score=hit.score,
                    identity=hit.identity,
                )
                alert = _alert(
                    run,
                    party,
                    owner,
                    kind=Alert.Kind.POSSIBLE_MATCH,
                    entity_id=hit.entity_id,
                    caption=hit.caption,
                    score=hit.score,
                    hit=hit,
                    first=True,
                )
                if owner == WATCH_OWNER:
                    saved.append(alert)
                else:
                    flip = Flip(ref, hit.entity_id, Alert.Kind.POSSIBLE_MATCH, hit.caption, hit.score)
                    found.append((owner, flip, alert))
        _save_alerts_here(saved)
        KnownCounterparty.objects.bulk_create(
            [KnownCounterparty(ref=ref, owner=watched.owners[ref]) for ref in batch],
            ignore_conflicts=True,
        )
    return saved, found


def _exposures_of(entity_ids: Sequence[str]) -> list[Exposure]:
    """The standing exposures to these listed entities (in chunks: a list's first snapshot adds thousands)."""
    found: list[Exposure] = []
    for start in range(0, len(entity_ids), 900):
        found.extend(Exposure.objects.filter(entity_id__in=entity_ids[start : start + 900]).order_by())
    return found


def screen_delta(run: RescreenRun, watched: Watched, skip: set[str], outcome: Outcome) -> None:
    """Screen the run's added and changed listed entities against the index and compare with the standing
    exposures of every entity the delta touches; ``skip`` are counterparties just screened in full."""
    queried = [*run.added, *run.changed]
    touched = set(queried) | set(run.removed)
    if watched.parties.keys() <= skip:
        return  # nobody to screen the change against: every counterparty was just screened in full
    hits = public.screen_listed_changes(
        queried,
        watched.index,
        purposes={ref: party.purpose for ref, party in watched.parties.items()},
        by=None,
        source=f"monitoring.run:{run.pk}",
    )
    outcome.screened_entities = len({h.hit.entity_id for h in hits})
    listed_now = public.listed_summaries()
    now: dict[tuple[str, str], public.Hit] = {}
    for change_hit in hits:
        if change_hit.party_ref in skip or change_hit.party_ref not in watched.parties:
            continue
        now[(change_hit.party_ref, change_hit.hit.entity_id)] = change_hit.hit
    existing = {(e.ref, e.entity_id): e for e in _exposures_of(sorted(touched)) if e.ref not in skip}
    # A standing pair of a changed listed entity that the inverted look-up did not bring back is screened the
    # ordinary way before it is called cleared (a few counterparties, never a false "cleared").
    doubtful = sorted(
        {
            ref
            for (ref, eid) in existing
            if (ref, eid) not in now and eid in queried and ref in watched.parties
        }
    )
    for purpose in sorted({watched.parties[ref].purpose for ref in doubtful}):
        group = [ref for ref in doubtful if watched.parties[ref].purpose == purpose]
        for ref, screening in zip(
            group,
            public.screen_many(
                [party_of(watched.parties[ref]) for ref in group],
                purpose=purpose,
                by=None,
                source=f"monitoring.run:{run.pk}",
            ),
            strict=True,
        ):
            for hit in screening.hits:
                if (ref, hit.entity_id) in existing and hit.entity_id in queried:
                    now[(ref, hit.entity_id)] = hit
    alerts, flips = _apply_delta(run, watched, now, skip, listed_now)
    outcome.saved += len(alerts)
    outcome.flips.extend(flips)


@retry_while_locked
def _apply_delta(
    run: RescreenRun,
    watched: Watched,
    now: dict[tuple[str, str], public.Hit],
    skip: set[str],
    listed_now: Container[str],
) -> tuple[list[Alert], list[tuple[str, Flip]]]:
    """Store what the delta changed in one transaction: new and changed exposures, cleared ones deleted, and
    the alerts they raise. The standing exposures are read again inside it, so a try after a locked database
    starts from what is stored. Returns the alerts saved and the flips for the owners."""
    touched = {*run.added, *run.changed, *run.removed}
    alerts: list[Alert] = []
    flips: list[tuple[str, Flip]] = []
    with transaction.atomic():
        existing = {(e.ref, e.entity_id): e for e in _exposures_of(sorted(touched)) if e.ref not in skip}
        for (ref, entity_id), hit in sorted(now.items()):
            party, owner = watched.parties[ref], watched.owners[ref]
            exposure = existing.get((ref, entity_id))
            if hit.silenced:
                continue  # a standing false positive on the listed record as it still reads
            if exposure is None:
                Exposure.objects.create(
                    ref=ref,
                    owner=owner,
                    entity_id=entity_id,
                    caption=hit.caption[:500],
                    score=hit.score,
                    identity=hit.identity,
                )
                changed = hit.decision is not None and hit.decision.listed_changed
                kind = Alert.Kind.LISTED_CHANGED if changed else Alert.Kind.POSSIBLE_MATCH
            elif (
                exposure.identity != hit.identity and hit.decision is not None and hit.decision.listed_changed
            ):
                exposure.identity, exposure.score, exposure.caption = (
                    hit.identity,
                    hit.score,
                    hit.caption[:500],
                )
                exposure.save(update_fields=["identity", "score", "caption"])
                kind = Alert.Kind.LISTED_CHANGED
            else:
                if exposure.identity != hit.identity or exposure.score != hit.score:
                    exposure.identity, exposure.score = hit.identity, hit.score
                    exposure.save(update_fields=["identity", "score"])
                continue
            alerts.append(
                _alert(
                    run,
                    party,
                    owner,
                    kind=kind,
                    entity_id=entity_id,
                    caption=hit.caption,
                    score=hit.score,
                    hit=hit,
                )
            )
            flips.append((owner, Flip(ref, entity_id, kind, hit.caption, hit.score)))
        for (ref, entity_id), exposure in sorted(existing.items()):
            if (ref, entity_id) in now:
                continue
            if entity_id in run.removed and entity_id in listed_now:
                continue  # removed from this list, still on another
            gone = watched.parties.get(ref)
            exposure.delete()
            if gone is None:
                continue
            alerts.append(
                _alert(
                    run,
                    gone,
                    exposure.owner,
                    kind=Alert.Kind.CLEARED,
                    entity_id=entity_id,
                    caption=exposure.caption,
                    score=exposure.score,
                )
            )
            flips.append(
                (exposure.owner, Flip(ref, entity_id, Alert.Kind.CLEARED, exposure.caption, exposure.score))
            )

        _save_alerts_here(alerts)
    return alerts, flips


@retry_while_locked
def save_alerts(alerts: Iterable[Alert]) -> int:
    """Save alerts and their audit entries in one transaction of their own (tried again while locked)."""
    with transaction.atomic():
        return _save_alerts_here(alerts)


def _save_alerts_here(alerts: Iterable[Alert]) -> int:
    """Save alerts and their audit entries inside the caller's transaction. Each is inserted afresh: an alert
    given a key by a rolled-back try is saved as new."""
    count = 0
    for alert in alerts:
        alert.pk = None
        alert._state.adding = True
        alert.save()
        audit.record(
            action="monitoring.alert.raised",
            target=alert,
            detail={
                "kind": alert.kind,
                "owner": alert.owner,
                "ref": alert.ref,
                "entity_id": alert.entity_id,
                "decision": alert.decision_verdict,
                "listed_changed": alert.decision_listed_changed,
                "run": alert.run_id,
            },
            by=None,
        )
        count += 1
    return count


def call_owners(flips: Iterable[tuple[str, Flip]]) -> None:
    """Tell each owning app of its flips (the fund raises its hold); a failing callback is logged."""
    callbacks = {source.key: source.on_flip for source in counterparty_sources()}
    for owner, flip in flips:
        callback = callbacks.get(owner)
        if callback is None:
            continue
        try:
            callback(flip)
        except Exception:
            logger.exception("the %s callback failed for a flip of run", owner)


def ask_owners_of_first_finds(outcome: Outcome) -> None:
    """Put each pair found at a first screening to its owner; an owner that raised something new (the fund: a
    hold it did not have) gets the alert too, so the finding is seen where the owner works."""
    callbacks = {source.key: source.on_flip for source in counterparty_sources()}
    for owner, flip, alert in outcome.first_found:
        callback = callbacks.get(owner)
        if callback is None:
            continue
        try:
            raised = callback(flip)
        except Exception:
            logger.exception("the %s callback failed for a first-screening find", owner)
            continue
        if raised:
            outcome.alerts.append(alert)


T = TypeVar("T")


@retry_while_locked
def _written(write: Callable[[], T]) -> T:
    """One small write of the run (its progress, its record, the names-opened audit entry) in a transaction of
    its own, tried again while the database is locked."""
    with transaction.atomic():
        return write()


def execute(run: RescreenRun) -> RescreenRun:
    """Do one claimed run: collect, index, first screenings, the delta, alerts, owners' callbacks."""
    reporter = _written(
        lambda: ProgressReporter.start(
            label=f"Re-screen after {run.source or 'new counterparties'}", kind="monitoring.rescreen"
        )
    )
    run.progress_id = reporter.progress.pk
    _written(lambda: run.save(update_fields=["progress_id"]))
    _written(lambda: reporter.running(total=4))
    steps: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(step: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        steps[step] = round(now - clock, 2)
        clock = now

    with _lock:
        public.refresh_index()
        lap("lists")
        collected = collect(_watched)
        revealed = sum(c["names_opened"] for c in collected.counts.values())
        _written(
            lambda: audit.record(
                action="monitoring.counterparties.revealed",
                target=run,
                detail={
                    "purpose": "re-screening every counterparty after a list change",
                    "run": run.pk,
                    "owners": collected.counts,
                    "names_opened": revealed,
                },
                by=None,
            )
        )
        lap("collect")
        _written(lambda: reporter.advance(message=f"{len(collected.parties)} counterparties"))
        watched, reindexed = refresh_index(collected)
        known = set(KnownCounterparty.objects.values_list("ref", flat=True))
        fresh = sorted(ref for ref in watched.parties if ref not in known or ref in reindexed)
        lap("index")
        _written(lambda: reporter.advance(message=f"{len(fresh)} to screen for the first time"))
        outcome = Outcome()
        if fresh:
            first_screening(run, watched, fresh, outcome)
        ask_owners_of_first_finds(outcome)
        lap("first_screening")
        _written(lambda: reporter.advance(message="delta"))
        if run.snapshot_id is not None:
            screen_delta(run, watched, set(fresh), outcome)
        lap("delta")
        saved = outcome.saved + save_alerts(outcome.alerts)
        lap("alerts")
    run.message = ", ".join(f"{step} {seconds:.2f} s" for step, seconds in steps.items())
    run.counterparties = len(watched.parties)
    run.revealed = revealed
    run.first_screened = outcome.first_screened
    run.screened_entities = outcome.screened_entities
    run.alerts = saved
    run.status = RescreenRun.Status.DONE
    run.finished_at = timezone.now()
    _written(run.save)
    _written(lambda: reporter.finish(message=f"{saved} alerts"))
    call_owners(outcome.flips)
    return run
