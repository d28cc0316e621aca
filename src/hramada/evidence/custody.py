"""The chain of custody of each evidence item: append-only entries, each hashing the one before it.

`append` is the only writer. It locks the item's row so two writers cannot take the same sequence number, and also
writes an audit-log entry, in the caller's transaction. `verify_item` / `verify_all` recompute every hash and name
the entries that were edited, deleted or inserted by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from hramada.core import audit
from hramada.evidence.models import (
    GENESIS_HASH,
    CustodyAction,
    CustodyEntry,
    EvidenceFile,
    EvidenceItem,
    chain_hash,
)


def register_sqlite_guard(sender: Any, connection: Any, **kwargs: Any) -> None:
    """Give every SQLite connection the function the custody log's DELETE trigger asks (migration 0002).

    It answers True only where settings allow emptying the whole database between tests
    (EVIDENCE_ALLOW_CUSTODY_PURGE, set by the test settings as PostgreSQL's test sessions allow TRUNCATE); a
    connection without it (the sqlite3 shell) cannot delete custody entries at all."""
    if connection.vendor != "sqlite":
        return
    connection.connection.create_function(
        "hramada_custody_purge_allowed",
        0,
        lambda: bool(getattr(settings, "EVIDENCE_ALLOW_CUSTODY_PURGE", False)),
    )


def append(
    item: EvidenceItem,
    *,
    action: CustodyAction,
    by: Any,
    purpose: str,
    file: EvidenceFile | None = None,
    detail: Mapping[str, Any] | None = None,
) -> CustodyEntry:
    with transaction.atomic():
        EvidenceItem.objects.select_for_update().filter(pk=item.pk).first()
        last = CustodyEntry.objects.filter(item=item).order_by("-seq").first()
        entry = CustodyEntry(
            item=item,
            seq=(last.seq + 1) if last else 1,
            at=timezone.now(),
            actor=by if getattr(by, "pk", None) else None,
            actor_label=str(by.get_username()) if getattr(by, "pk", None) else "system",
            action=action,
            file=file,
            purpose=purpose[:500],
            detail=dict(detail or {}),
            prev_hash=last.hash if last else GENESIS_HASH,
        )
        entry.hash = entry.compute_hash()
        entry._appending = True  # type: ignore[attr-defined]
        entry.save()
        audit.record(
            action=f"evidence.custody.{action}",
            target=item,
            detail={"seq": entry.seq, "file": entry.file_id, "purpose": entry.purpose[:200]},
            by=by,
        )
    return entry


@dataclass(frozen=True)
class CustodyProblem:
    item: int
    seq: int
    kind: str  # "edited", "deleted", "inserted"

    def __str__(self) -> str:
        return f"item {self.item} entry {self.seq}: {self.kind}"


def check_chain(entries: Iterable[Mapping[str, Any]], *, item: int) -> list[CustodyProblem]:
    """Check canonical entries (as `CustodyEntry.canonical()` plus "hash"), in sequence order."""
    problems = []
    expected_seq, previous = 1, GENESIS_HASH
    for entry in entries:
        seq = int(entry["seq"])
        if seq != expected_seq:
            problems.append(CustodyProblem(item, seq, "deleted"))
        elif entry["prev_hash"] != previous:
            problems.append(CustodyProblem(item, seq, "inserted"))
        content = {key: value for key, value in entry.items() if key != "hash"}
        if chain_hash(content) != entry["hash"]:
            problems.append(CustodyProblem(item, seq, "edited"))
        expected_seq, previous = seq + 1, str(entry["hash"])
    return problems


def serialised(item: EvidenceItem) -> list[dict[str, Any]]:
    return [entry.canonical() | {"hash": entry.hash} for entry in item.custody.order_by("seq")]


def verify_item(item: EvidenceItem) -> list[CustodyProblem]:
    return check_chain(serialised(item), item=item.pk)


def verify_all() -> tuple[int, list[CustodyProblem]]:
    problems: list[CustodyProblem] = []
    count = 0
    for item in EvidenceItem.objects.order_by("pk").iterator():
        count += 1
        problems.extend(verify_item(item))
    return count, problems
