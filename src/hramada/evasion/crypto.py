"""Crypto addresses: validation by the rules of their currency, and exposure to listed addresses over transfers.

Framework-free. Bitcoin: base58check (``base58``) for legacy P2PKH/P2SH addresses, BIP 173 bech32 and BIP 350
bech32m (``bech32m``) for segwit v0 and v1+; Ethereum and EVM chains: EIP-55 mixed-case checksums (``eth-utils``;
an all-lower or all-upper address carries no checksum and is accepted as such, as EIP-55 says).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

import base58
import networkx as nx
from bech32m import DecodeError, HrpDoesNotMatch
from bech32m import decode as segwit_decode
from eth_utils.address import is_checksum_address, is_hex_address, to_checksum_address

# The OFAC list writes Bitcoin as XBT; FtM crypto wallets use BTC.
BITCOIN = {"XBT", "BTC"}
# Assets that live at an Ethereum-style address (Ethereum itself, tokens on it, EVM chains).
EVM = {"ETH", "ETC", "USDC", "USDT", "ARB", "BSC", "BNB", "DAI", "MATIC"}
LEGACY_VERSIONS = {0x00: "p2pkh", 0x05: "p2sh"}
TRON_VERSION = 0x41


class AddressError(ValueError):
    """An address that is not valid for its currency."""


@dataclass(frozen=True)
class Address:
    currency: str
    value: str  # canonical: bech32 lower-case, EVM checksummed
    kind: str  # p2pkh, p2sh, segwit-v0, segwit-v1 (taproot), eip55, no-checksum, tron, unchecked


def validate(currency: str, address: str) -> Address:
    """The canonical form of ``address`` for ``currency``; :class:`AddressError` when its checksum fails.

    Tron addresses (TRX, and USDT/USDC at a T… address) are checked by base58check with Tron's version byte.
    Currencies without a checker here (Monero, Zcash ...) are kept as written with kind ``unchecked``.
    """
    currency = currency.strip().upper()
    address = address.strip()
    if not address:
        raise AddressError("empty address")
    if currency in BITCOIN:
        return _bitcoin(address)
    if currency == "TRX" or (currency in {"USDT", "USDC"} and address.startswith("T")):
        return _tron(currency, address)
    if currency in EVM and address.lower().startswith("0x"):
        return _evm(currency, address)
    if currency in EVM - {"USDT", "USDC"}:
        raise AddressError(f"{address} is not an Ethereum-style 0x address")
    return Address(currency, address, "unchecked")


def _bitcoin(address: str) -> Address:
    if address.lower().startswith("bc1"):
        try:
            decoded = segwit_decode("bc", address.lower())
        except (DecodeError, HrpDoesNotMatch, ValueError) as exc:
            raise AddressError(f"{address}: bech32/bech32m checksum or length is wrong") from exc
        return Address("XBT", address.lower(), f"segwit-v{decoded.witver}")
    try:
        payload = base58.b58decode_check(address)
    except ValueError as exc:
        raise AddressError(f"{address}: base58check checksum is wrong") from exc
    if len(payload) != 21 or payload[0] not in LEGACY_VERSIONS:
        raise AddressError(f"{address}: not a mainnet Bitcoin address")
    return Address("XBT", address, LEGACY_VERSIONS[payload[0]])


def _tron(currency: str, address: str) -> Address:
    """Tron (and USDT/USDC on Tron): base58check of 21 bytes starting with 0x41, written with a leading T."""
    try:
        payload = base58.b58decode_check(address)
    except ValueError as exc:
        raise AddressError(f"{address}: base58check checksum is wrong") from exc
    if len(payload) != 21 or payload[0] != TRON_VERSION:
        raise AddressError(f"{address}: not a Tron address")
    return Address(currency, address, "tron")


BASE58 = re.compile(r"[1-9A-HJ-NP-Za-km-z]+")


def recognise(text: str) -> str:
    """The currency an address is written for, judged by its shape alone ("" when it looks like none):
    ``0x`` and 40 hex digits → ETH; ``bc1…`` or base58 starting with 1 or 3 → XBT; base58 starting with T → TRX.
    The checksum is not looked at: :func:`validate` does that."""
    text = text.strip()
    if re.fullmatch(r"0[xX][0-9a-fA-F]{40}", text):
        return "ETH"
    if re.fullmatch(r"(bc1|BC1)[02-9ac-hj-np-zAC-HJ-NP-Z]{11,87}", text):
        return "XBT"
    if BASE58.fullmatch(text):
        if text[0] in "13" and 25 <= len(text) <= 35:
            return "XBT"
        if text[0] == "T" and len(text) == 34:
            return "TRX"
    return ""


def _evm(currency: str, address: str) -> Address:
    if not is_hex_address(address):
        raise AddressError(f"{address}: not 20 bytes of hex after 0x")
    body = address[2:]
    mixed = body != body.lower() and body != body.upper()
    if mixed and not is_checksum_address(address):
        raise AddressError(f"{address}: EIP-55 checksum (letter case) is wrong")
    return Address(currency, to_checksum_address(address), "eip55" if mixed else "no-checksum")


def address_key(address: str) -> str:
    """The key addresses meet on: EVM addresses ignore letter case, others compare as written."""
    address = address.strip()
    return address.lower() if address.lower().startswith(("0x", "bc1")) else address


@dataclass(frozen=True)
class Transfer:
    tx_id: str
    time: datetime
    sender: str
    receiver: str
    asset: str
    amount: Decimal


@dataclass(frozen=True)
class Hop:
    sender: str
    receiver: str
    asset: str
    amount: Decimal
    transfers: int


@dataclass(frozen=True)
class Exposure:
    """A path between the address asked about and a listed address."""

    listed: str
    direction: str  # "incoming": funds came from the listed address; "outgoing": went to it
    hops: tuple[Hop, ...]

    @property
    def distance(self) -> int:
        return len(self.hops)

    def path_text(self) -> str:
        parts = [self.hops[0].sender]
        for hop in self.hops:
            parts.append(f"{hop.amount.normalize():f} {hop.asset}")
            parts.append(hop.receiver)
        return " → ".join(parts)


@dataclass
class TransferGraph:
    """Transfers between addresses, one networkx edge per (sender, receiver, asset) with summed amounts."""

    g: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)

    def add(self, transfer: Transfer) -> None:
        sender, receiver = address_key(transfer.sender), address_key(transfer.receiver)
        if self.g.has_edge(sender, receiver, key=transfer.asset):
            data = self.g.edges[sender, receiver, transfer.asset]
            data["amount"] += transfer.amount
            data["transfers"] += 1
        else:
            self.g.add_edge(sender, receiver, key=transfer.asset, amount=transfer.amount, transfers=1)

    def add_all(self, transfers: Iterable[Transfer]) -> None:
        for transfer in transfers:
            self.add(transfer)

    def exposure(self, address: str, listed: set[str], *, hops: int = 3, limit: int = 50) -> list[Exposure]:
        """Shortest paths (breadth first) from ``address`` to listed addresses within ``hops``, both directions.

        Each listed address is reported once per direction, by its nearest path; the path carries the summed
        amount of each hop.
        """
        start = address_key(address)
        keys = {address_key(a) for a in listed}
        found: list[Exposure] = []
        for direction in ("outgoing", "incoming"):
            found.extend(self._search(start, keys, hops, direction))
        found.sort(key=lambda e: (e.distance, e.direction, e.listed))
        return found[:limit]

    def _search(self, start: str, listed: set[str], hops: int, direction: str) -> list[Exposure]:
        if start not in self.g:
            return []
        step = self.g.out_edges if direction == "outgoing" else self.g.in_edges
        parent: dict[str, tuple[str, str]] = {start: ("", "")}
        depth = {start: 0}
        queue: deque[str] = deque([start])
        results: list[Exposure] = []
        while queue:
            node = queue.popleft()
            if depth[node] >= hops:
                continue
            for sender, receiver, asset in step(node, keys=True):
                nxt = receiver if direction == "outgoing" else sender
                if nxt in depth:
                    continue
                depth[nxt] = depth[node] + 1
                parent[nxt] = (node, asset)
                if nxt in listed:
                    results.append(Exposure(nxt, direction, self._hops(nxt, parent, direction)))
                queue.append(nxt)
        return results

    def _hops(self, end: str, parent: dict[str, tuple[str, str]], direction: str) -> tuple[Hop, ...]:
        hops: list[Hop] = []
        node = end
        while parent[node][0]:
            previous, asset = parent[node]
            sender, receiver = (previous, node) if direction == "outgoing" else (node, previous)
            data = self.g.edges[sender, receiver, asset]
            hops.append(Hop(sender, receiver, asset, data["amount"], data["transfers"]))
            node = previous
        if direction == "outgoing":
            hops.reverse()
        return tuple(hops)


def naive_exposure(
    graph: TransferGraph, address: str, listed: set[str], *, hops: int = 3
) -> set[tuple[str, str]]:
    """The straightforward baseline for the benchmark: every simple path up to ``hops`` (networkx), both ways."""
    start = address_key(address)
    keys = {address_key(a) for a in listed}
    found: set[tuple[str, str]] = set()
    if start not in graph.g:
        return found
    simple = nx.DiGraph(graph.g)
    for target in keys & set(simple):
        if target == start:
            continue
        if any(True for _ in nx.all_simple_paths(simple, start, target, cutoff=hops)):
            found.add((target, "outgoing"))
        if any(True for _ in nx.all_simple_paths(simple, target, start, cutoff=hops)):
            found.add((target, "incoming"))
    return found
