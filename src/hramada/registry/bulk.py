"""Storing a cleaned import file in bulk, inside the caller's transaction: recipients resolved once per distinct
written name (blind indexes looked up in a few queries, new recipients encrypted and inserted together), records
inserted and updated in batches, existing records of the donor read in one query.

The per-row path (`services.upsert_record`) stored 93 records/s on the shared machine; the work that made it slow
was per row (a recipient lookup, an encryption, a screening and three statements each). Here a row costs a few
dictionary look-ups and its share of one INSERT. Screening is not done here: new recipients are stored "awaiting
screening" with their records held, and `screening.screen_awaiting` screens them after the commit (see
docs/registry.md, "Imports").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.utils import timezone

from hramada.core import crypto
from hramada.registry import money
from hramada.registry.models import (
    Donor,
    GrantRecord,
    ImportBatch,
    Provenance,
    Recipient,
    RecordTranche,
    new_reference,
)
from hramada.registry.rows import RecordInput
from hramada.registry.services import COMPARED

BATCH = 2000
LOOKUP_CHUNK = 900  # below SQLite's 999 parameters per statement
HELD_STATES = frozenset(
    {Recipient.Screening.HELD, Recipient.Screening.CONFIRMED, Recipient.Screening.AWAITING}
)
T = TypeVar("T")

RecipientKey = tuple[str, str, str]  # written name, kind, registration number


def chunks(items: Sequence[T], size: int = LOOKUP_CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass
class Stored:
    created: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    new_recipients: int = 0


def existing_records(donor: Donor) -> dict[str, tuple[int, str]]:
    """The donor's records, identifier to (pk, provenance), in one query."""
    rows = GrantRecord.objects.filter(donor=donor).values_list("identifier", "pk", "provenance")
    return {identifier: (pk, provenance) for identifier, pk, provenance in rows.iterator(chunk_size=10_000)}


@dataclass(frozen=True)
class _Found:
    pk: int | None  # None: created by this import (then `new` is its place in the list of new recipients)
    held: bool
    new: int = -1


def _fresh_references(count: int) -> list[str]:
    """`count` recipient references that no recipient has (8 hex characters collide by chance: about one in
    four imports of 50,000 new recipients would meet one, and one collision would refuse the whole file)."""
    chosen: set[str] = set()
    while len(chosen) < count:
        wanted: set[str] = set()
        while len(wanted) < count - len(chosen):
            ref = new_reference()
            if ref not in chosen:
                wanted.add(ref)
        for part in chunks(sorted(wanted)):
            wanted -= set(Recipient.objects.filter(reference__in=part).values_list("reference", flat=True))
        chosen |= wanted
    return sorted(chosen)


def resolve_recipients(records: Sequence[RecordInput]) -> tuple[dict[RecipientKey, Recipient | int], int]:
    """Each distinct (written name, kind, registration) of the file to its recipient: an existing one (same
    registration number first, then the same name and kind, as `services._find_recipient` decides for one row),
    or one created now, encrypted, awaiting screening. Returns the map (to a pk, or to the new `Recipient`) and
    the number created. Rows are taken in file order, so a later row finds a recipient an earlier row created."""
    name_field = Recipient._meta.get_field("name")
    reg_field = Recipient._meta.get_field("registration")
    first: dict[RecipientKey, RecordInput] = {}
    for r in records:
        first.setdefault((r.recipient_name, r.recipient_kind, r.recipient_registration), r)
    ring = crypto.load_keyring()
    name_index = {
        name: crypto.blind_index(name, scope=name_field.index_scope, ring=ring)
        for name in {key[0] for key in first}
    }
    reg_index = {
        reg: crypto.blind_index(reg, scope=reg_field.index_scope, ring=ring)
        for reg in {key[2] for key in first}
        if reg
    }
    by_reg: dict[str, _Found] = {}
    for part in chunks(sorted(set(reg_index.values()))):
        with_number = (
            Recipient.objects.filter(registration_index__in=part)
            .order_by("reference")
            .values_list("pk", "registration_index", "screening")
        )
        for pk, index, state in with_number:
            by_reg.setdefault(str(index), _Found(pk, state in HELD_STATES))
    by_name: dict[tuple[str, str], _Found] = {}
    for part in chunks(sorted(set(name_index.values()))):
        with_name = (
            Recipient.objects.filter(name_index__in=part)
            .order_by("reference")
            .values_list("pk", "name_index", "kind", "screening")
        )
        for pk, index, kind, state in with_name:
            by_name.setdefault((str(index), kind), _Found(pk, state in HELD_STATES))
    found: dict[RecipientKey, _Found] = {}
    new: list[RecordInput] = []
    for key, inp in first.items():
        name, kind, reg = key
        hit = by_reg.get(reg_index[reg]) if reg else None
        if hit is None:
            hit = by_name.get((name_index[name], kind))
        if hit is None:
            hit = _Found(None, True, len(new))
            new.append(inp)
            by_name[(name_index[name], kind)] = hit
            if reg:
                by_reg[reg_index[reg]] = hit
        found[key] = hit
    created = [
        Recipient(
            reference=reference,
            kind=inp.recipient_kind,
            # Sealed here with the field's own helper, the index beside it: the field's pre_save keeps both.
            name=name_field.seal(inp.recipient_name),
            name_index=name_index[inp.recipient_name],
            registration=reg_field.seal(inp.recipient_registration) if inp.recipient_registration else "",
            registration_index=reg_index.get(inp.recipient_registration),
            country=inp.recipient_country,
            at_risk=True,
            public_name="",
            screening=Recipient.Screening.AWAITING,
        )
        for reference, inp in zip(_fresh_references(len(new)), new, strict=True)
    ]
    Recipient.objects.bulk_create(created, batch_size=BATCH)
    out: dict[RecipientKey, Recipient | int] = {
        key: (hit.pk if hit.pk is not None else created[hit.new]) for key, hit in found.items()
    }
    return out, len(created)


def _held(found: Recipient | int, held_pks: set[int]) -> bool:
    return isinstance(found, Recipient) or found in held_pks


def store(
    donor: Donor,
    cleaned: Sequence[tuple[int, RecordInput]],
    existing: dict[str, tuple[int, str]],
    *,
    batch: ImportBatch,
    by: Any,
    filename: str,
) -> Stored:
    """Create the file's new records and bring its known ones up to date, in batches; returns what changed."""
    result = Stored()
    recipients, result.new_recipients = resolve_recipients([r for _n, r in cleaned])
    known_pks = sorted({v for v in recipients.values() if isinstance(v, int)})
    held_pks: set[int] = set()
    for part in chunks(known_pks):
        held_pks.update(
            Recipient.objects.filter(pk__in=part, screening__in=HELD_STATES).values_list("pk", flat=True)
        )
    now = timezone.now()
    recorder = by if getattr(by, "pk", None) else None
    source = filename[:150]
    pending: list[GrantRecord] = []
    tranches: list[tuple[GrantRecord, RecordInput]] = []
    updates: list[tuple[int, int, RecordInput, Recipient | int]] = []

    def flush() -> None:
        GrantRecord.objects.bulk_create(pending, batch_size=BATCH)
        RecordTranche.objects.bulk_create(
            [
                RecordTranche(record=record, number=k, amount=a, due_on=d)
                for record, inp in tranches
                for k, (a, d) in enumerate(inp.tranches, 1)
            ],
            batch_size=BATCH,
        )
        pending.clear()
        tranches.clear()

    for n, inp in cleaned:
        found = recipients[(inp.recipient_name, inp.recipient_kind, inp.recipient_registration)]
        if inp.identifier in existing:
            updates.append((existing[inp.identifier][0], n, inp, found))
            continue
        eur = money.to_eur(inp.amount, inp.currency, inp.award_date)
        record = GrantRecord(
            donor=donor,
            identifier=inp.identifier,
            recipient_id=found.pk if isinstance(found, Recipient) else found,
            title=inp.title,
            purpose=inp.purpose,
            amount=inp.amount,
            currency=inp.currency,
            amount_eur=eur.amount,
            rate_date=eur.rate_date,
            award_date=inp.award_date,
            start=inp.start,
            end=inp.end,
            instrument=inp.instrument,
            status=inp.status,
            theme=inp.theme,
            geography=inp.geography,
            is_public=inp.is_public,
            held=_held(found, held_pks),
            provenance=Provenance.IMPORT,
            source=f"{source}#{n}"[:200],
            import_batch=batch,
            import_row=n,
            recorded_by=recorder,
            created_at=now,
            updated_at=now,
        )
        pending.append(record)
        if inp.tranches:
            tranches.append((record, inp))
        result.created.append(inp.identifier)
        if len(pending) >= BATCH:
            flush()
    flush()
    _update(updates, batch=batch, held_pks=held_pks, now=now, result=result)
    return result


UPDATED = (
    *COMPARED,
    "amount_eur",
    "rate_date",
    "recipient",
    "held",
    "updated_at",
    "import_batch",
    "import_row",
)


def _update(
    updates: list[tuple[int, int, RecordInput, Recipient | int]],
    *,
    batch: ImportBatch,
    held_pks: set[int],
    now: Any,
    result: Stored,
) -> None:
    """Records the donor already has: compared field by field, the changed ones written with `bulk_update`."""
    for part in chunks(updates, BATCH):
        current = GrantRecord.objects.in_bulk([pk for pk, _n, _inp, _f in part])
        changed: list[GrantRecord] = []
        retranched: list[tuple[GrantRecord, RecordInput]] = []
        for pk, n, inp, found in part:
            record = current[pk]
            eur = money.to_eur(inp.amount, inp.currency, inp.award_date)
            values: dict[str, Any] = {name: getattr(inp, name) for name in COMPARED}
            values.update(amount_eur=eur.amount, rate_date=eur.rate_date)
            recipient_pk = found.pk if isinstance(found, Recipient) else found
            if record.recipient_id != recipient_pk or any(getattr(record, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(record, k, v)
                record.recipient_id = recipient_pk
                record.held = _held(found, held_pks)
                record.updated_at = now
                record.import_batch = batch
                record.import_row = n
                changed.append(record)
                result.changed.append(inp.identifier)
            else:
                result.unchanged += 1
            if inp.tranches:
                retranched.append((record, inp))
        GrantRecord.objects.bulk_update(changed, UPDATED, batch_size=BATCH)
        if retranched:
            RecordTranche.objects.filter(record__in=[r for r, _inp in retranched]).delete()
            RecordTranche.objects.bulk_create(
                [
                    RecordTranche(record=record, number=k, amount=a, due_on=d)
                    for record, inp in retranched
                    for k, (a, d) in enumerate(inp.tranches, 1)
                ],
                batch_size=BATCH,
            )
