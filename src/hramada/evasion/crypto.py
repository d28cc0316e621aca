"""Crypto addresses: validation by the rules of their currency (exposure over transfers: ``evasion.transfers``).

Framework-free. Bitcoin: base58check (``base58``) for legacy P2PKH/P2SH addresses, BIP 173 bech32 and BIP 350
bech32m (``bech32m``) for segwit v0 and v1+; Ethereum and EVM chains: EIP-55 mixed-case checksums (``eth-utils``;
an all-lower or all-upper address carries no checksum and is accepted as such, as EIP-55 says).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import base58
from bech32m import DecodeError, HrpDoesNotMatch
from bech32m import decode as segwit_decode
from eth_utils.address import is_checksum_address, is_hex_address, to_checksum_address

from hramada.evasion.texts import _

# Transfers and exposure live in their own module (arrays, no currency rules); named here too, as before.
from hramada.evasion.transfers import Exposure, Hop, Transfer, TransferGraph, address_key, naive_exposure

__all__ = [
    "Address",
    "AddressError",
    "Exposure",
    "Hop",
    "Transfer",
    "TransferGraph",
    "address_key",
    "naive_exposure",
    "recognise",
    "validate",
]

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
        raise AddressError(_("empty address"))
    if currency in BITCOIN:
        return _bitcoin(address)
    if currency == "TRX" or (currency in {"USDT", "USDC"} and address.startswith("T")):
        return _tron(currency, address)
    if currency in EVM and address.lower().startswith("0x"):
        return _evm(currency, address)
    if currency in EVM - {"USDT", "USDC"}:
        raise AddressError(_("%(address)s is not an Ethereum-style 0x address", address=address))
    return Address(currency, address, "unchecked")


def _bitcoin(address: str) -> Address:
    if address.lower().startswith("bc1"):
        try:
            decoded = segwit_decode("bc", address.lower())
        except (DecodeError, HrpDoesNotMatch, ValueError) as exc:
            raise AddressError(
                _("%(address)s: bech32/bech32m checksum or length is wrong", address=address)
            ) from exc
        return Address("XBT", address.lower(), f"segwit-v{decoded.witver}")
    try:
        payload = base58.b58decode_check(address)
    except ValueError as exc:
        raise AddressError(_("%(address)s: base58check checksum is wrong", address=address)) from exc
    if len(payload) != 21 or payload[0] not in LEGACY_VERSIONS:
        raise AddressError(_("%(address)s: not a mainnet Bitcoin address", address=address))
    return Address("XBT", address, LEGACY_VERSIONS[payload[0]])


def _tron(currency: str, address: str) -> Address:
    """Tron (and USDT/USDC on Tron): base58check of 21 bytes starting with 0x41, written with a leading T."""
    try:
        payload = base58.b58decode_check(address)
    except ValueError as exc:
        raise AddressError(_("%(address)s: base58check checksum is wrong", address=address)) from exc
    if len(payload) != 21 or payload[0] != TRON_VERSION:
        raise AddressError(_("%(address)s: not a Tron address", address=address))
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
        raise AddressError(_("%(address)s: not 20 bytes of hex after 0x", address=address))
    body = address[2:]
    mixed = body != body.lower() and body != body.upper()
    if mixed and not is_checksum_address(address):
        raise AddressError(_("%(address)s: EIP-55 checksum (letter case) is wrong", address=address))
    return Address(currency, to_checksum_address(address), "eip55" if mixed else "no-checksum")
