"""The evasion app's door: what another part of the platform may ask of the ownership graph, read-only.

Today one question: which entities are *deemed sanctioned* (owned or controlled, directly or indirectly, by listed
parties under the OFAC 50% rule or the EU's ownership-and-control criteria) and by which path. The yente-dialect
API answers with it in a result's explanation. Everything here reads; nothing writes.

    from hramada.evasion import public

    for deemed in public.deemed_sanctioned_of(["demo-baltic-bulk"]).get("demo-baltic-bulk", ()):
        deemed.rule, deemed.path_text   # "ofac", "BELARUSKALI OAO → 100% → DEMO Potash Trade FZE → 60% → ..."
"""

from __future__ import annotations

import threading
import time
from collections.abc import Collection
from dataclasses import dataclass

from hramada.evasion import selectors
from hramada.evasion.graph import Coverage

__all__ = [
    "RULES",
    "DeemedSanctioned",
    "PathStep",
    "deemed_sanctioned_named",
    "deemed_sanctioned_of",
    "warm_up",
]

RULES = selectors.RULES
RULE_TITLES = {"ofac": "OFAC 50% rule", "eu": "EU ownership and control"}
# How often a process asks whether the lists or the imported company data changed (three queries): a screening
# request then costs none, and a change is seen at most this many seconds late (as the screening index's).
FRESHNESS_SECONDS = 2.0
_held: dict[str, tuple[float, selectors.World]] = {}
_held_lock = threading.Lock()


def _world() -> selectors.World:
    now = time.monotonic()
    held = _held.get("world")
    if held is not None and now - held[0] < FRESHNESS_SECONDS:
        return held[1]
    world = selectors.world()
    with _held_lock:
        _held["world"] = (now, world)
    return world


@dataclass(frozen=True)
class PathStep:
    """One entity on the way from a listed party down to the deemed-sanctioned one; ``via`` is the share (or
    the kind of control) by which the previous step holds it ("" for the listed party at the start)."""

    entity_id: str
    name: str
    via: str


@dataclass(frozen=True)
class DeemedSanctioned:
    """An entity that no list names but that a rule covers, with the reason and the path."""

    entity_id: str
    name: str
    schema: str
    rule: str
    """``ofac`` or ``eu``."""
    aggregate: str
    """The share held by listed or covered owners, summed, as a decimal string ("60", "50.5")."""
    criteria: tuple[str, ...]
    path: tuple[PathStep, ...]

    @property
    def path_text(self) -> str:
        """``A → 100% → X → 60% → Y``."""
        parts: list[str] = []
        for step in self.path:
            if step.via:
                parts.append(step.via)
            parts.append(step.name)
        return " → ".join(parts)

    @property
    def reason(self) -> str:
        criteria = ", ".join(self.criteria) or "ownership"
        return f"Deemed sanctioned under the {RULE_TITLES.get(self.rule, self.rule)} ({criteria}, {self.aggregate}%)"


def _deemed(coverage: Coverage, world: selectors.World) -> DeemedSanctioned:
    node = world.graph.node(coverage.entity)
    return DeemedSanctioned(
        entity_id=coverage.entity,
        name=node.name or coverage.entity,
        schema=node.schema,
        rule=coverage.rule,
        aggregate=format(coverage.aggregate.normalize(), "f"),
        criteria=tuple(coverage.criteria),
        path=tuple(
            PathStep(entity_id=entity, name=world.graph.name(entity), via=via if index else "")
            for index, (entity, via) in enumerate(coverage.path)
        ),
    )


def deemed_sanctioned_of(entity_ids: Collection[str]) -> dict[str, tuple[DeemedSanctioned, ...]]:
    """For each of these graph entity ids (a listed FtM id or an imported company's key) that a rule covers
    without a list naming it: why, under each rule that covers it."""
    world = _world()
    found: dict[str, tuple[DeemedSanctioned, ...]] = {}
    for entity_id in entity_ids:
        covered = [
            _deemed(coverage, world)
            for rule in RULES
            if (coverage := world.coverage[rule].get(entity_id)) is not None
            and coverage.covered
            and not coverage.listed
        ]
        if covered:
            found[entity_id] = tuple(covered)
    return found


def deemed_sanctioned_named(name: str, limit: int = 10) -> list[DeemedSanctioned]:
    """Deemed-sanctioned entities whose name is this name (letters and digits compared, case and punctuation
    ignored: "Demo Baltic Bulk Shipping Ltd." finds "DEMO Baltic Bulk Shipping Ltd"), one per rule."""
    world = _world()
    ids = sorted(world.names_index.get(selectors._name_key(name), set()))
    found = deemed_sanctioned_of(ids)
    return [deemed for entity_id in ids for deemed in found.get(entity_id, ())][:limit]


def warm_up() -> None:
    """Build the ownership graph and both rules now (a web process's start-up, so no request waits for it)."""
    _held.clear()
    _world()


def forget() -> None:
    """Drop the held graph, so the next question reads the database again (tests, after an import)."""
    _held.clear()
