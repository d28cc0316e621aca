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

from django.db import connections, models, router
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


def _ciphertext(f: Any, value: str, ring: crypto.KeyRing) -> str:
    """The ciphertext `EncryptedTextField` stores for `value` (bound to the field's label), under a ring loaded
    once for the whole file."""
    return str(crypto.encrypt(f.serialise(value), label=f.label, ring=ring))


def resolve_recipients(records: Sequence[RecordInput]) -> tuple[dict[RecipientKey, tuple[int, bool]], int]:
    """Each distinct (written name, kind, registration) of the file to its recipient: an existing one (same
    registration number first, then the same name and kind, as `services._find_recipient` decides for one row),
    or one created now, encrypted, awaiting screening. Returns the map (to the recipient's pk and whether its
    records are held) and the number created. Rows are taken in file order, so a later row finds a recipient an earlier row created."""
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
    references = _fresh_references(len(new))
    now = timezone.now()
    RowInserter(Recipient, RECIPIENT_COLUMNS)(
        [
            (
                reference,
                inp.recipient_kind,
                # Sealed here, the blind index beside it, with the ring loaded once for the file: loading it per
                # value (a stat of the key file each time) cost 85 µs, more than the encryption itself.
                _ciphertext(name_field, inp.recipient_name, ring),
                name_index[inp.recipient_name],
                "",
                _ciphertext(reg_field, inp.recipient_registration, ring)
                if inp.recipient_registration
                else "",
                reg_index.get(inp.recipient_registration),
                inp.recipient_country,
                True,
                "",
                None,
                Recipient.Screening.AWAITING.value,
                "",
                False,
                now,
            )
            for reference, inp in zip(references, new, strict=True)
        ]
    )
    pk_of: dict[str, int] = {}
    for part in chunks(references):
        pk_of.update(Recipient.objects.filter(reference__in=part).values_list("reference", "pk"))
    created = [pk_of[reference] for reference in references]
    out: dict[RecipientKey, tuple[int, bool]] = {
        key: (hit.pk, hit.held) if hit.pk is not None else (created[hit.new], True)
        for key, hit in found.items()
    }
    return out, len(created)


RECORD_COLUMNS = (
    "donor",
    "identifier",
    "recipient",
    "title",
    "purpose",
    "amount",
    "currency",
    "amount_eur",
    "rate_date",
    "award_date",
    "start",
    "end",
    "instrument",
    "status",
    "theme",
    "geography",
    "is_public",
    "held",
    "provenance",
    "source",
    "import_batch",
    "import_row",
    "recorded_by",
    "is_demo",
    "created_at",
    "updated_at",
)
RECIPIENT_COLUMNS = (
    "reference",
    "kind",
    "name",
    "name_index",
    "contact",
    "registration",
    "registration_index",
    "country",
    "at_risk",
    "public_name",
    "canonical",
    "screening",
    "source_key",
    "is_demo",
    "created_at",
)
RECORD_ATTRIBUTES = tuple(
    {f.name: f.attname for f in GrantRecord._meta.concrete_fields}[name] for name in RECORD_COLUMNS
)


class RowInserter:
    """INSERTs rows of plain values into a model's table with one `executemany` per batch.

    `bulk_create` builds a model instance per row and sends every value of every field through the compiler's
    per-field preparation: 25 fields x 50,000 records cost 28 s of the 71 s a profiled import of 50,000 rows took,
    the largest share of an import's time. Here a value is adapted only where the database needs it (dates,
    decimals, datetimes, with the connection's own adapters) and the database still checks every constraint.
    No signal is sent, as with `bulk_create`; the caller gives every column its value (no defaults).
    """

    def __init__(self, model: type[models.Model], names: Sequence[str]) -> None:
        concrete = {f.name: f for f in model._meta.concrete_fields}
        fields = [concrete[name] for name in names]
        self.connection = connections[router.db_for_write(model)]
        ops = self.connection.ops
        quote = ops.quote_name
        self.sql = (
            # Names from the model's own metadata, quoted; every value goes as a parameter.
            f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(str(f.column)) for f in fields)}) "  # noqa: S608
            f"VALUES ({', '.join(['%s'] * len(fields))})"
        )
        adapters: list[Any] = []
        for f in fields:
            if isinstance(f, models.DateTimeField):
                adapters.append(_memo(lambda v, f=f: f.get_db_prep_save(v, self.connection)))
            elif isinstance(f, models.DateField):
                adapters.append(ops.adapt_datefield_value)
            elif isinstance(f, models.DecimalField):
                adapters.append(
                    lambda v, f=f: ops.adapt_decimalfield_value(v, f.max_digits, f.decimal_places)
                )
            else:
                adapters.append(None)
        self.adapted = [(k, a) for k, a in enumerate(adapters) if a is not None]

    def __call__(self, rows: Sequence[tuple[Any, ...]]) -> None:
        if not rows:
            return
        prepared = []
        for row in rows:
            values = list(row)
            for k, adapt in self.adapted:
                values[k] = adapt(values[k])
            prepared.append(values)
        with self.connection.cursor() as cursor:
            cursor.executemany(self.sql, prepared)


def _memo(adapt: Any) -> Any:
    """`adapt` remembering its last value: every row of a batch has the same timestamps."""
    last: list[Any] = [object(), None]

    def adapted(value: Any) -> Any:
        if value is not last[0]:
            last[0], last[1] = value, adapt(value)
        return last[1]

    return adapted


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
    now = timezone.now()
    recorder = by.pk if getattr(by, "pk", None) else None
    source = filename[:150]
    pending: list[tuple[Any, ...]] = []
    with_tranches: list[tuple[GrantRecord, RecordInput]] = []
    updates: list[tuple[int, int, RecordInput, tuple[int, bool]]] = []
    insert = RowInserter(GrantRecord, RECORD_COLUMNS)

    for n, inp in cleaned:
        found = recipients[(inp.recipient_name, inp.recipient_kind, inp.recipient_registration)]
        if inp.identifier in existing:
            updates.append((existing[inp.identifier][0], n, inp, found))
            continue
        eur = money.to_eur(inp.amount, inp.currency, inp.award_date)
        values = (
            donor.pk,
            inp.identifier,
            found[0],
            inp.title,
            inp.purpose,
            inp.amount,
            inp.currency,
            eur.amount,
            eur.rate_date,
            inp.award_date,
            inp.start,
            inp.end,
            inp.instrument,
            inp.status,
            inp.theme,
            inp.geography,
            inp.is_public,
            found[1],
            Provenance.IMPORT.value,
            f"{source}#{n}"[:200],
            batch.pk,
            n,
            recorder,
            False,
            now,
            now,
        )
        result.created.append(inp.identifier)
        if (
            inp.tranches
        ):  # the tranches need the record's pk: through the ORM (no file format carries them yet)
            with_tranches.append((GrantRecord(**dict(zip(RECORD_ATTRIBUTES, values, strict=True))), inp))
            continue
        pending.append(values)
        if len(pending) >= BATCH:
            insert(pending)
            pending.clear()
    insert(pending)
    GrantRecord.objects.bulk_create([record for record, _inp in with_tranches], batch_size=BATCH)
    RecordTranche.objects.bulk_create(
        [
            RecordTranche(record=record, number=k, amount=a, due_on=d)
            for record, inp in with_tranches
            for k, (a, d) in enumerate(inp.tranches, 1)
        ],
        batch_size=BATCH,
    )
    _update(updates, batch=batch, now=now, result=result)
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
    updates: list[tuple[int, int, RecordInput, tuple[int, bool]]],
    *,
    batch: ImportBatch,
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
            recipient_pk, held = found
            if record.recipient_id != recipient_pk or any(getattr(record, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(record, k, v)
                record.recipient_id = recipient_pk
                record.held = held
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
