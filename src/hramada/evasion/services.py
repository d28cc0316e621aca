"""Changes of state: imports of analysts' data (all or nothing, audited) and shipment-file screenings."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from hramada.core import audit, crypto
from hramada.core.sealed import Sealed
from hramada.evasion import parsers, selectors
from hramada.evasion.models import (
    AddressTag,
    CryptoTransfer,
    Dataset,
    DeemedComputation,
    DeemedEntity,
    GoodsEntry,
    Holding,
    ShipmentResults,
    ShipmentScreening,
    VesselState,
)
from hramada.evasion.parsers import ImportRefusedError

MAX_FILE_BYTES = 50 * 1024 * 1024
# imports that change the ownership graph, after which the stored deemed-sanctioned results are computed anew
GRAPH_KINDS = frozenset({Dataset.Kind.SHAREHOLDINGS, Dataset.Kind.BODS, Dataset.Kind.VESSELS})
STORE_BATCH = 5000
# an encrypted value holds at most 1 MiB (crypto.MAX_PLAINTEXT_BYTES); parts of shipment results stay under this
RESULT_PART_BYTES = 960 * 1024
RESULT_BLOCK = 256  # rows serialised together (one serialiser call each) before they are packed into parts


class AlreadyImportedError(ValueError):
    def __init__(self, dataset: Dataset) -> None:
        super().__init__(f"this file was already imported as '{dataset.name}'")
        self.dataset = dataset


def _rows_for(kind: str, dataset: Dataset, data: bytes) -> tuple[list[Any], list[str]]:
    """Parse (raises ImportRefusedError) and build unsaved rows; warnings for the analyst."""
    if kind in (Dataset.Kind.SHAREHOLDINGS, Dataset.Kind.BODS):
        holdings = (
            parsers.shareholdings_csv(data) if kind == Dataset.Kind.SHAREHOLDINGS else parsers.bods_json(data)
        )
        warnings = _over_allocation(holdings)
        return [
            Holding(
                dataset=dataset,
                owner_key=h.owner_id[:255],
                # a natural person's name is sealed; the graph names the person by key
                owner_name="" if h.owner_schema == "Person" else h.owner_name[:500],
                person_name=h.owner_name[:500] if h.owner_schema == "Person" else "",
                owner_schema=h.owner_schema,
                owned_key=h.owned_id[:255],
                owned_name=h.owned_name[:500],
                share=h.share,
                control=h.control,
                start_date=h.start_date[:32],
                end_date=h.end_date[:32],
            )
            for h in holdings
        ], warnings
    if kind == Dataset.Kind.VESSELS:
        return [
            VesselState(
                dataset=dataset,
                imo=v.imo,
                name=v.name[:200],
                flag=v.flag[:8],
                mmsi=v.mmsi[:16],
                call_sign=v.call_sign[:16],
                owner_key=v.owner_id[:255],
                manager_key=v.manager_id[:255],
                operator_key=v.operator_id[:255],
                valid_from=v.valid_from,
            )
            for v in parsers.vessels_csv(data)
        ], []
    if kind == Dataset.Kind.GOODS:
        return [
            GoodsEntry(
                dataset=dataset, hs_code=g.hs_code, description=g.description[:500], reason=g.reason[:500]
            )
            for g in parsers.goods_csv(data)
        ], []
    if kind == Dataset.Kind.TRANSFERS:
        return [
            CryptoTransfer(
                dataset=dataset,
                tx_id=t.tx_id[:200],
                time=t.time,
                sender=t.sender,
                receiver=t.receiver,
                asset=t.asset,
                amount=t.amount,
            )
            for t in parsers.transfers_csv(data)
        ], []
    if kind == Dataset.Kind.TAGPACK:
        return [
            AddressTag(
                dataset=dataset,
                address=t.address,
                currency=t.currency,
                label=t.label[:300],
                category=t.category[:100],
                source=t.source[:500],
            )
            for t in parsers.tagpack_yaml(data)
        ], []
    raise ImportRefusedError([_("Unknown kind of data '%(kind)s'.") % {"kind": kind}])


def _over_allocation(holdings: list[parsers.Holding]) -> list[str]:
    totals: dict[str, Any] = {}
    for h in holdings:
        if h.share is not None:
            totals[h.owned_id] = totals.get(h.owned_id, 0) + h.share
    return [
        _("Shares of %(owned)s add up to %(total)s%% (more than 100%%): kept and computed as recorded.")
        % {"owned": owned, "total": total}
        for owned, total in sorted(totals.items())
        if total > 100
    ]


def import_dataset(
    *, kind: str, data: bytes, file_name: str, name: str, source: str, by: Any, is_demo: bool = False
) -> Dataset:
    """Import one file: every row or none. Raises :class:`ImportRefusedError` (row errors) or :class:`AlreadyImportedError`."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportRefusedError(
            [_("The file is larger than %(size)s MB.") % {"size": MAX_FILE_BYTES // (1024 * 1024)}]
        )
    if not source.strip():
        raise ImportRefusedError([_("Say where the data comes from (source).")])
    sha256 = hashlib.sha256(data).hexdigest()
    existing = Dataset.objects.filter(kind=kind, sha256=sha256).first()
    if existing:
        raise AlreadyImportedError(existing)
    dataset = Dataset(
        kind=kind,
        name=(name or file_name)[:200],
        source=source[:500],
        file_name=file_name[:255],
        sha256=sha256,
        imported_at=timezone.now(),
        imported_by=by if getattr(by, "pk", None) else None,
        is_demo=is_demo,
    )
    rows, warnings = _rows_for(kind, dataset, data)
    with transaction.atomic():
        dataset.row_count = len(rows)
        dataset.warnings = warnings
        dataset.save()
        type(rows[0]).objects.bulk_create(rows, batch_size=2000)
        if kind in GRAPH_KINDS:
            transaction.on_commit(refresh_deemed_sanctioned_soon)
        audit.record(
            by=by,
            action="evasion.import",
            target=dataset,
            detail={"kind": kind, "rows": len(rows), "sha256": sha256, "warnings": len(warnings)},
        )
    return dataset


def screen_shipment_file(
    *, data: bytes, file_name: str, by: Any, progress: Callable[[int], None] | None = None
) -> ShipmentScreening:
    """Screen every shipment of a CSV/XLSX file; the file is refused whole if a row is malformed."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportRefusedError(
            [_("The file is larger than %(size)s MB.") % {"size": MAX_FILE_BYTES // (1024 * 1024)}]
        )
    shipments = parsers.shipments(data, file_name)
    screener = selectors.shipment_screener(by=by if getattr(by, "pk", None) else None)
    screener.prepare(shipments)  # every distinct party name through the door in one batch
    results = []
    for index, shipment in enumerate(shipments):
        results.append(screener.screen(shipment).to_json())
        if progress and index % 1000 == 0:
            progress(index)
    flagged = sum(1 for r in results if r["flagged"])
    parts = _sealed_parts(results)
    with transaction.atomic():
        screening = ShipmentScreening.objects.create(
            file_name=file_name[:255],
            sha256=hashlib.sha256(data).hexdigest(),
            screened_at=timezone.now(),
            screened_by=by if getattr(by, "pk", None) else None,
            row_count=len(results),
            flagged_count=flagged,
        )
        ShipmentResults.objects.bulk_create(
            ShipmentResults(screening=screening, number=number, rows=part)
            for number, part in enumerate(parts)
        )
        audit.record(
            by=by,
            action="evasion.shipments.screen",
            target=screening,
            detail={"rows": len(results), "flagged": flagged},
        )
    return screening


@sensitive_variables("results", "pieces", "texts", "text")
def _sealed_parts(results: list[dict[str, Any]]) -> list[Sealed]:
    """The result rows as consecutive encrypted JSON lists of at most ``RESULT_PART_BYTES`` each. Rows are
    serialised once, a block at a time, by the field's own serialiser; the parts are joined from those texts and
    encrypted whole."""
    field = ShipmentResults._meta.get_field("rows")
    pieces: list[str] = []  # each: one or more rows' JSON, without the list's brackets
    for start in range(0, len(results), RESULT_BLOCK):
        block = results[start : start + RESULT_BLOCK]
        text = field.serialise(block)[1:-1]
        if len(text.encode("utf-8")) + 2 <= RESULT_PART_BYTES:
            pieces.append(text)
            continue
        for result in block:  # a block too large for one part: row by row
            text = field.serialise(result)
            if len(text.encode("utf-8")) + 2 > RESULT_PART_BYTES:
                raise ImportRefusedError(
                    [_("Row %(row)s: its result is too long to store.") % {"row": result.get("row")}]
                )
            pieces.append(text)
    texts: list[list[str]] = [[]]
    size = 2
    for text in pieces:
        length = len(text.encode("utf-8")) + 1
        if texts[-1] and size + length > RESULT_PART_BYTES:
            texts.append([])
            size = 2
        texts[-1].append(text)
        size += length
    return [
        Sealed(crypto.encrypt("[" + ",".join(part) + "]", label=field.label), field.label) for part in texts
    ]


# --- deemed-sanctioned results for the web workers -------------------------------------------------------------


def store_deemed_sanctioned() -> DeemedComputation:
    """Compute both ownership rules over the lists and the imported data and store every deemed-sanctioned entity
    with its reason and path (the task worker's job); of the older results only the previous ones are kept.

    The graph is built for this computation and not held afterwards, so a process that stores the results (a
    web worker on a fresh installation) does not keep it either."""
    started = time.monotonic()
    version = selectors.results_version()
    world = selectors.build_world()
    with transaction.atomic():
        computation = DeemedComputation.objects.create(version=version, computed_at=timezone.now())
        stored = 0
        batch: list[DeemedEntity] = []
        for rule in selectors.RULES:
            found = world.coverage[rule]
            for entity in found.deemed_ids():
                coverage = found[entity]
                name = world.graph.name(entity)
                batch.append(
                    DeemedEntity(
                        computation=computation,
                        rule=rule,
                        entity_id=entity[:255],
                        name=name[:500],
                        name_key=selectors.name_key(name)[:500],
                        schema=world.graph.node(entity).schema[:64],
                        aggregate=format(coverage.aggregate, "f"),
                        criteria=list(coverage.criteria),
                        path=[
                            [step, world.graph.name(step), via if index else ""]
                            for index, (step, via) in enumerate(coverage.path)
                        ],
                    )
                )
                if len(batch) >= STORE_BATCH:
                    DeemedEntity.objects.bulk_create(batch)
                    stored += len(batch)
                    batch = []
        DeemedEntity.objects.bulk_create(batch)
        stored += len(batch)
        computation.entities = stored
        computation.seconds = time.monotonic() - started
        computation.save(update_fields=["entities", "seconds"])
        # the previous results stay until the next computation: a worker that looked them up a moment ago (it
        # looks again every FRESHNESS_SECONDS) still finds their rows
        previous = (
            DeemedComputation.objects.filter(pk__lt=computation.pk)
            .order_by("-pk")
            .values_list("pk", flat=True)
            .first()
        )
        if previous is not None:
            DeemedComputation.objects.filter(pk__lt=previous).delete()
    return computation


def refresh_deemed_sanctioned_soon() -> None:
    """Ask the task worker to compute the deemed-sanctioned results anew (after a list or an import changed)."""
    from hramada.evasion.tasks import refresh_deemed_sanctioned_task

    refresh_deemed_sanctioned_task.enqueue()
