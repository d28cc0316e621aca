"""The evasion app's door for other apps: read-only questions about ownership, vessels and wallets.

Other domain apps import only this module of ``hramada.evasion`` (import-linter contract in pyproject.toml). Each
section below is owned by the part of the product that uses it; sections are independent and additive:

* deemed sanctioned: which entities are owned or controlled, directly or indirectly, by listed parties under the
  OFAC 50% rule or the EU's ownership-and-control criteria, and by which path (the yente-dialect API explains a
  result with it);
* payment addresses: a wallet address given in payment details, checked by its currency's rules, against listed
  addresses and for exposure within a few transfers (the fund's payment details).

    from hramada.evasion import public

    for deemed in public.deemed_sanctioned_of(["demo-baltic-bulk"]).get("demo-baltic-bulk", ()):
        deemed.rule, deemed.path_text   # "ofac", "BELARUSKALI OAO → 100% → DEMO Potash Trade FZE → 60% → ..."
"""

from __future__ import annotations

import threading
import time
from collections.abc import Collection
from dataclasses import dataclass

from django.utils.translation import gettext as _

from hramada.evasion import selectors
from hramada.evasion.listed import forget as forget_listed_data
from hramada.evasion.models import DeemedEntity

__all__ = [
    "RULES",
    "AddressExposure",
    "DeemedSanctioned",
    "PathStep",
    "PaymentAddressCheck",
    "check_payment_address",
    "deemed_sanctioned_named",
    "deemed_sanctioned_of",
    "payment_address_problem",
    "warm_up",
]

RULES = selectors.RULES
RULE_TITLES = {"ofac": "OFAC 50% rule", "eu": "EU ownership and control"}
# How often a process asks whether the lists or the imported company data changed (three queries): a screening
# request then costs none, and a change is seen at most this many seconds late (as the screening index's).
FRESHNESS_SECONDS = 2.0
# The stored computation this process reads: (when it was looked up, its pk); versions whose refresh was asked for.
_held: dict[str, tuple[float, int]] = {}
_asked: set[str] = set()
_held_lock = threading.Lock()


def _computation() -> int:
    """The stored deemed-sanctioned results to read (the pk of their computation).

    The task worker computes them after every list change and ownership import, so a web worker builds no graph:
    it reads rows. Until the task has stored results for the current lists and datasets, the newest results are
    read (a change is seen as late as the task takes) and the task is asked for once; only where nothing was ever
    stored (a new installation) are they computed here, once, and stored for every worker."""
    now = time.monotonic()
    held = _held.get("computation")
    if held is not None and now - held[0] < FRESHNESS_SECONDS:
        return held[1]
    from hramada.evasion import services

    version = selectors.results_version()
    latest = selectors.latest_computation()
    if latest is not None and latest.version != version and version not in _asked:
        _asked.add(version)
        services.refresh_deemed_sanctioned_soon()  # the immediate backend (tests) has stored them on return
        latest = selectors.latest_computation()
    if latest is None:
        latest = services.store_deemed_sanctioned()
    with _held_lock:
        _held["computation"] = (now, latest.pk)
    return latest.pk


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


def _deemed(row: DeemedEntity) -> DeemedSanctioned:
    return DeemedSanctioned(
        entity_id=row.entity_id,
        name=row.name or row.entity_id,
        schema=row.schema,
        rule=row.rule,
        aggregate=row.aggregate,
        criteria=tuple(row.criteria),
        path=tuple(PathStep(entity_id=entity, name=name, via=via) for entity, name, via in row.path),
    )


def deemed_sanctioned_of(entity_ids: Collection[str]) -> dict[str, tuple[DeemedSanctioned, ...]]:
    """For each of these graph entity ids (a listed FtM id or an imported company's key) that a rule covers
    without a list naming it: why, under each rule that covers it (one indexed query of the stored results)."""
    if not entity_ids:
        return {}
    found: dict[str, list[DeemedSanctioned]] = {}
    for row in selectors.stored_deemed(_computation(), entity_ids):
        found.setdefault(row.entity_id, []).append(_deemed(row))
    return {entity_id: tuple(items) for entity_id, items in found.items()}


def deemed_sanctioned_named(name: str, limit: int = 10) -> list[DeemedSanctioned]:
    """Deemed-sanctioned entities whose name is this name (letters and digits compared, case and punctuation
    ignored: "Demo Baltic Bulk Shipping Ltd." finds "DEMO Baltic Bulk Shipping Ltd"), one per rule."""
    return [_deemed(row) for row in selectors.stored_deemed_named(_computation(), name, limit)][:limit]


def warm_up() -> None:
    """Find the stored deemed-sanctioned results now (a web process's start-up: a few queries, no graph; on a new
    installation where none were ever stored, they are computed and stored once)."""
    _held.clear()
    _computation()


def forget() -> None:
    """Forget which stored results are current, so the next question looks again (tests, after an import), and
    the listed data built from the lists."""
    _held.clear()
    _asked.clear()
    forget_listed_data()


# ---------------------------------------------------------------------------------------------------------
# Payment addresses: crypto wallets in fund or registry payment details (issue #18, item 3)
#
# A payee may give a wallet address instead of a bank account. The address is checked the way the evasion app
# checks any address: by the rules of its currency (base58check, bech32/bech32m, EIP-55, Tron base58check), then
# against every listed address (OFAC "Digital Currency Address", FtM CryptoWallet, imported sanctions tags) and
# for exposure to one within a few hops of the imported transfers. Read-only: nothing is written or audited here;
# the calling app records its own decision (a hold, a refusal) in its own service.


@dataclass(frozen=True)
class AddressExposure:
    """A path of transfers between the payment address and a listed address."""

    listed_entity: str  # the listed party's node id ("tag:<label>" for an imported sanctions tag)
    listed_holder: str  # its name, as the lists write it
    direction: str  # "incoming": funds came from the listed address; "outgoing": funds went to it
    distance: int  # transfers between the two, 1 to ``hops``
    path: str  # "LISTED → 1.75 XBT → A → 0.9 XBT → payee"


@dataclass(frozen=True)
class PaymentAddressCheck:
    text: str
    currency: str  # "" when the text does not look like a crypto address (an IBAN, an account number)
    address: (
        str  # canonical form (bech32 in lower case, EVM checksummed); the text itself when not an address
    )
    problem: str  # why the address is not valid for its currency (translated), "" when it is valid
    listed_entity: str = ""
    listed_holder: str = ""
    exposures: tuple[AddressExposure, ...] = ()

    @property
    def is_address(self) -> bool:
        return bool(self.currency)

    @property
    def needs_review(self) -> bool:
        """Listed itself, or within reach of a listed address: a sanctions analyst must look before paying."""
        return bool(self.listed_entity or self.exposures)

    def reasons(self) -> list[str]:
        """One line per finding, for a hold's explanation (they quote the address: keep them encrypted)."""
        lines = []
        if self.listed_entity:
            lines.append(
                _("%(address)s is a listed address of %(holder)s")
                % {"address": self.address, "holder": self.listed_holder or self.listed_entity}
            )
        for exposure in self.exposures:
            lines.append(
                _("%(direction)s, %(distance)s transfer(s) from a listed address of %(holder)s: %(path)s")
                % {
                    "direction": _("funds received from it")
                    if exposure.direction == "incoming"
                    else _("funds sent to it"),
                    "distance": exposure.distance,
                    "holder": exposure.listed_holder,
                    "path": exposure.path,
                }
            )
        return lines


def check_payment_address(text: str, *, currency: str = "", hops: int = 3) -> PaymentAddressCheck:
    """Check a payment detail that may be a crypto address.

    ``currency`` (XBT/BTC, ETH, USDT, TRX ...) when the form asked for it; otherwise it is recognised from the
    address's shape, and text that looks like no address (an IBAN) comes back at once with ``currency`` "" and
    nothing looked up. A recognised address with a bad checksum comes back with ``problem`` set and is not traced.
    """
    checked = _validated(text, currency)
    if not checked.currency or checked.problem:
        return checked
    return _trace(checked, hops)


def payment_address_problem(text: str, *, currency: str = "") -> str:
    """Only the checksum question, for a form field's validation: "" when fine or not an address. Looks
    nothing up."""
    return _validated(text, currency).problem


def _validated(text: str, currency: str) -> PaymentAddressCheck:
    from hramada.evasion import crypto

    value = (text or "").strip()
    chosen = (currency or crypto.recognise(value)).strip().upper() if value else ""
    if not chosen:
        return PaymentAddressCheck(text=text, currency="", address=value, problem="")
    try:
        address = crypto.validate(chosen, value).value
    except crypto.AddressError:
        return PaymentAddressCheck(
            text=text,
            currency=chosen,
            address=value,
            problem=_(
                "This looks like a %(currency)s wallet address, but its checksum does not match: a character "
                "is probably mistyped. Please copy the address again from the wallet."
            )
            % {"currency": chosen},
        )
    return PaymentAddressCheck(text=text, currency=chosen, address=address, problem="")


def _trace(checked: PaymentAddressCheck, hops: int) -> PaymentAddressCheck:
    from hramada.evasion import selectors
    from hramada.evasion.crypto import address_key

    listed = selectors.listed_addresses()
    graph = selectors.world().graph

    def holder_name(entity: str) -> str:
        if entity.startswith("tag:"):
            return entity.removeprefix("tag:")
        return graph.name(entity) if entity in graph else entity

    address = checked.address
    own = listed.get(address_key(address), "")
    exposures: list[AddressExposure] = []
    if hops > 0:
        for found in selectors.transfer_graph().exposure(address, set(listed), hops=hops):
            entity = listed.get(address_key(found.listed), found.listed)
            exposures.append(
                AddressExposure(
                    entity, holder_name(entity), found.direction, found.distance, found.path_text()
                )
            )
    return PaymentAddressCheck(
        text=checked.text,
        currency=checked.currency,
        address=address,
        problem="",
        listed_entity=own,
        listed_holder=holder_name(own) if own else "",
        exposures=tuple(exposures),
    )
