"""Writing and verifying the audit log: `record` appends a hash-chained entry, `verify_chain` walks them.

`record` writes inside the caller's transaction, so a rolled-back change leaves no entry and a committed one
always has its entry. It takes the actor and address from `audit_context` (set per request by the middleware)
unless `by=` / `address=` are given.
"""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from hramada.core import audit_context
from hramada.core.audit_anchor import Anchor, AnchorError, anchor_interval, latest_anchor, write_anchor
from hramada.core.models.audit import CHAIN_HEAD_ID, GENESIS_HASH, AuditChainHead, AuditEntry
from hramada.core.sealed import Sealed

__all__ = ["ChainProblem", "record", "verify_chain"]

SYSTEM_ACTOR = "system"
ANONYMOUS_ACTOR = "anonymous"


class _AuditJSONEncoder(DjangoJSONEncoder):
    def default(self, o: Any) -> Any:
        if isinstance(o, Sealed):
            raise TypeError("Encrypted values never go into the audit log; name the field instead.")
        return super().default(o)


def _storable(value: Any) -> Any:
    """What every database returns exactly as given. PostgreSQL's jsonb prints 1e+20 as a 21-digit integer and
    refuses NUL characters: such floats become text and NULs become U+FFFD, or the hash would not match."""
    if isinstance(value, dict):
        return {str(key).replace("\x00", "\ufffd"): _storable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_storable(item) for item in value]
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, float) and "e" in repr(value):
        return repr(value)
    return value


def _plain_json(detail: Mapping[str, Any] | None) -> dict[str, Any]:
    """`detail` as it will read back from the database (dates and decimals as text), so the hash is stable."""
    loaded = _storable(json.loads(json.dumps(dict(detail or {}), cls=_AuditJSONEncoder, allow_nan=False)))
    if not isinstance(loaded, dict):
        raise TypeError("audit detail must be a mapping")
    return loaded


def _address(raw: str | None) -> str | None:
    if not raw:
        return None
    try:
        return str(ipaddress.ip_address(raw.strip()))
    except ValueError:
        return None


def _actor(user: Any) -> tuple[Any | None, str]:
    if user is None:
        return None, SYSTEM_ACTOR
    if not getattr(user, "is_authenticated", False) or getattr(user, "pk", None) is None:
        return None, ANONYMOUS_ACTOR
    return user, str(user.get_username())[:200]


def _locked_head() -> AuditChainHead:
    """The chain head, locked until the caller's transaction ends (created if a flush removed it)."""
    head = AuditChainHead._default_manager.select_for_update().filter(pk=CHAIN_HEAD_ID).first()
    if head is not None:
        return head
    try:
        with transaction.atomic():
            AuditChainHead._default_manager.create(pk=CHAIN_HEAD_ID, seq=0, hash=GENESIS_HASH)
    except IntegrityError:
        pass  # another writer created it first
    return AuditChainHead._default_manager.select_for_update().get(pk=CHAIN_HEAD_ID)


def record(
    *,
    action: str,
    target: models.Model | None = None,
    detail: Mapping[str, Any] | None = None,
    by: Any = None,
    address: str | None = None,
) -> AuditEntry:
    """Append one entry: `action` ("fund.application.changed", "personal_data.read"), what it was done to, and
    details (never personal data in clear: encrypted values are refused). Locks the chain head until the
    caller's transaction ends, so keep audited transactions short."""
    if not action or len(action) > 100:
        raise ValueError("An audit action is 1 to 100 characters")
    context = audit_context.current()
    user, actor_label = _actor(by if by is not None else context.user)
    entry = AuditEntry(
        at=timezone.now(),
        actor=user,
        actor_label=actor_label,
        action=action,
        detail=_plain_json(detail),
        address=_address(address if address is not None else context.address),
    )
    if target is not None:
        entry.target_type = ContentType.objects.get_for_model(target, for_concrete_model=False)
        entry.target_id = "" if target.pk is None else str(target.pk)[:64]
        entry.target_label = str(target)[:300]
    from hramada.core.crypto import load_keyring

    audit_key = load_keyring().audit_key
    entry.keyed = audit_key is not None
    with transaction.atomic():
        head = _locked_head()
        entry.seq = head.seq + 1
        entry.prev_hash = head.hash
        entry.hash = entry.compute_hash(audit_key)
        entry._appending = True  # type: ignore[attr-defined]
        entry.save()
        head.seq, head.hash = entry.seq, entry.hash
        head.save(update_fields=["seq", "hash"])
        every = anchor_interval()
        if every and entry.seq % every == 0:
            seq, digest = entry.seq, entry.hash
            transaction.on_commit(lambda: write_anchor(seq=seq, head=digest))
    return entry


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    kind: str  # "edited", "deleted", "inserted", "truncated", "rewritten", "unverifiable"
    message: str


@dataclass(frozen=True)
class ChainReport:
    entries: int
    head_hash: str
    problems: tuple[ChainProblem, ...]
    anchor: Anchor | None = None

    @property
    def intact(self) -> bool:
        return not self.problems


def _walk(limit: int, audit_key: bytes | None) -> Iterator[ChainProblem | tuple[int, str]]:
    expected_seq = 1
    previous_hash = GENESIS_HASH
    found = 0
    keyed_since: int | None = None
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=2000):
        if entry.keyed and keyed_since is None:
            keyed_since = entry.seq
        if keyed_since is not None and not entry.keyed:
            yield ChainProblem(
                entry.seq,
                "edited",
                f"#{entry.seq} is not keyed although the chain is keyed since #{keyed_since}: it was rewritten "
                "without the audit key",
            )
            found += 1
        if entry.keyed and audit_key is None:
            yield ChainProblem(
                entry.seq, "unverifiable", "the key ring has no audit key, so keyed entries cannot be checked"
            )
            return
        if entry.seq != expected_seq:
            missing = (
                f"#{expected_seq}" if entry.seq == expected_seq + 1 else f"#{expected_seq}–#{entry.seq - 1}"
            )
            yield ChainProblem(entry.seq, "deleted", f"entries {missing} are missing before #{entry.seq}")
            found += 1
        elif entry.prev_hash != previous_hash:
            yield ChainProblem(
                entry.seq,
                "inserted",
                f"#{entry.seq} does not follow the entry before it (its prev_hash differs): an entry was "
                "replaced, inserted or deleted here",
            )
            found += 1
        if entry.compute_hash(audit_key) != entry.hash:
            yield ChainProblem(
                entry.seq, "edited", f"#{entry.seq} was edited: its content no longer matches its hash"
            )
            found += 1
        if found >= limit:
            return
        previous_hash = entry.hash
        expected_seq = entry.seq + 1
        yield (entry.seq, entry.hash)


def verify_chain(*, limit: int = 20, anchor: Anchor | None = None) -> ChainReport:
    """Walk the whole chain in order and report up to `limit` broken links, the first one first; with an
    `anchor` (by default the latest in the anchor file), also whether the log still reaches it unchanged."""
    from hramada.core.crypto import load_keyring

    audit_key = load_keyring().audit_key
    problems: list[ChainProblem] = []
    count = 0
    last_seq, last_hash = 0, GENESIS_HASH
    anchored_hash: str | None = None
    if anchor is None:
        try:
            anchor = latest_anchor()
        except AnchorError as error:
            problems.append(ChainProblem(0, "anchor", str(error)))
    for item in _walk(limit, audit_key):
        if isinstance(item, ChainProblem):
            problems.append(item)
        else:
            count += 1
            last_seq, last_hash = item
            if anchor is not None and last_seq == anchor.seq:
                anchored_hash = last_hash
    head = AuditChainHead._default_manager.filter(pk=CHAIN_HEAD_ID).first()
    if head is not None and len(problems) < limit and (head.seq, head.hash) != (last_seq, last_hash):
        if head.seq > last_seq:
            message = (
                f"the chain head is at #{head.seq} but the log ends at #{last_seq}: "
                "the last entries were deleted"
            )
        else:
            message = f"the chain head (#{head.seq}) does not match the last entry (#{last_seq})"
        problems.append(ChainProblem(last_seq + 1, "truncated", message))
    if anchor is not None and len(problems) < limit:
        if last_seq < anchor.seq:
            problems.append(
                ChainProblem(
                    last_seq + 1,
                    "truncated",
                    f"the anchor of {anchor.at} says the log had {anchor.seq} entries (head {anchor.head[:12]}…), "
                    f"but it ends at #{last_seq}: the newest entries were deleted",
                )
            )
        elif anchored_hash != anchor.head:
            problems.append(
                ChainProblem(
                    anchor.seq,
                    "rewritten",
                    f"entry #{anchor.seq} no longer has the hash the anchor of {anchor.at} recorded: the chain "
                    "was rewritten",
                )
            )
    return ChainReport(entries=count, head_hash=last_hash, problems=tuple(problems), anchor=anchor)
