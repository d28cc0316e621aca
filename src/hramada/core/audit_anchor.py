"""Anchors of the audit chain: its length and head hash, written outside the database.

The hash chain shows an edited, inserted or deleted entry in the middle, but not the newest entries deleted
together with the chain head, nor the whole log deleted: what remains is a valid, shorter chain. An anchor says
"on <date> the log had N entries and entry N had hash H"; `verify_chain` checks that the log still reaches N
with H. Anchors are appended, one JSON line each, to `HRAMADA_AUDIT_ANCHOR_FILE` (keep it on storage the
database's users cannot write, or ship it elsewhere), each with an HMAC under the ring's audit key so a forged
line is refused. They are written by `manage.py anchor_audit` (run it from a timer; it also prints the line for
an operator to keep) and automatically after every `HRAMADA_AUDIT_ANCHOR_EVERY` entries.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings


class AnchorError(Exception):
    """The anchor file cannot be trusted: a line is malformed or its HMAC does not match."""


@dataclass(frozen=True)
class Anchor:
    seq: int
    head: str
    at: str
    mac: str = ""

    def line(self) -> str:
        return json.dumps(
            {"seq": self.seq, "head": self.head, "at": self.at, "mac": self.mac},
            sort_keys=True,
            separators=(",", ":"),
        )

    @classmethod
    def parse(cls, text: str) -> Anchor:
        """An anchor from a line of the file or from an operator's note (``<seq>:<head hash>``)."""
        text = text.strip()
        if text.startswith("{"):
            try:
                document = json.loads(text)
                return cls(
                    seq=int(document["seq"]),
                    head=str(document["head"]),
                    at=str(document["at"]),
                    mac=str(document.get("mac", "")),
                )
            except (ValueError, KeyError, TypeError) as exc:
                raise AnchorError(f"malformed anchor line ({exc.__class__.__name__})") from None
        seq, _, head = text.partition(":")
        if not seq.strip().isdigit() or len(head.strip()) != 64:
            raise AnchorError("an anchor is <number of entries>:<64-character head hash>")
        return cls(seq=int(seq), head=head.strip().lower(), at="an operator's note")


def anchor_path() -> Path:
    return Path(
        getattr(
            settings, "HRAMADA_AUDIT_ANCHOR_FILE", Path(settings.BASE_DIR) / "var" / "audit-anchors.jsonl"
        )
    )


def anchor_interval() -> int:
    return int(getattr(settings, "HRAMADA_AUDIT_ANCHOR_EVERY", 1000))


def _mac(seq: int, head: str, at: str) -> str:
    from hramada.core.crypto import load_keyring

    key = load_keyring().audit_key
    if key is None:
        return ""
    return hmac.new(key, f"hramada|audit-anchor|{seq}|{head}|{at}".encode(), hashlib.sha256).hexdigest()


def write_anchor(*, seq: int | None = None, head: str | None = None) -> Anchor:
    """Append an anchor (by default of the chain head as it is now) and return it."""
    if seq is None or head is None:
        from hramada.core.models.audit import CHAIN_HEAD_ID, GENESIS_HASH, AuditChainHead

        row = AuditChainHead._default_manager.filter(pk=CHAIN_HEAD_ID).first()
        seq, head = (row.seq, row.hash) if row is not None else (0, GENESIS_HASH)
    at = datetime.now(UTC).isoformat(timespec="seconds")
    anchor = Anchor(seq=seq, head=head, at=at, mac=_mac(seq, head, at))
    path = anchor_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(descriptor, (anchor.line() + "\n").encode())
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    return anchor


def latest_anchor() -> Anchor | None:
    """The newest anchor in the file (None when there is none yet); `AnchorError` if it is not authentic."""
    path = anchor_path()
    try:
        with open(path, "rb") as handle:
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(max(0, size - 8192))
            tail = handle.read().decode("utf-8", errors="replace")
    except FileNotFoundError:
        return None
    lines = [line for line in tail.splitlines() if line.strip()]
    if not lines:
        return None
    anchor = Anchor.parse(lines[-1])
    expected = _mac(anchor.seq, anchor.head, anchor.at)
    if not hmac.compare_digest(expected, anchor.mac):
        raise AnchorError(
            f"the newest anchor in {path} does not carry a valid HMAC: it was not written by us"
        )
    return anchor
