"""Envelope encryption and keyed blind indexes for personal data, and the key ring that holds their keys.

Every value gets its own random AES-256-GCM data key; that data key is wrapped (AES-256-GCM again) by the
current key-encryption key of the ring, and both layers authenticate a *label* naming model and field, so a
ciphertext copied into another column fails to decrypt instead of silently showing another person's data.

Ciphertext format (ASCII, fits a text column)::

    v1.<key id>.<base64url(wrapped data key (60 bytes) || nonce (12 bytes) || ciphertext+tag)>

Blind indexes are HMAC-SHA256 under a separate index key over a normalised value (NFKC, casefold, whitespace
collapsed), so "Ala  Kowalska" and "ala kowalska" find each other without anything being decrypted.

The ring is a JSON document: from ``HRAMADA_KEYRING`` (the JSON itself, for production secrets) or from
the file the ``HRAMADA_KEYRING_FILE`` setting names (``var/keyring.json``, from ``manage.py generate_keys``)::

    {"version": 1, "current": "<kid>", "keys": {"<kid>": "<base64url 32 bytes>", ...},
     "index_key": "<base64url 32 bytes>"}
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import re
import secrets
import stat
import threading
import time
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.core.checks import CheckMessage, Error, Tags, register
from django.core.checks import Warning as CheckWarning
from django.core.exceptions import ImproperlyConfigured

FORMAT_VERSION = "v1"
KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16
WRAPPED_KEY_BYTES = NONCE_BYTES + KEY_BYTES + TAG_BYTES
# The largest plaintext one value may hold, in UTF-8 bytes. A long testimony fits many times over; anything
# larger (a scanned document) belongs in an encrypted file, not in a database column.
MAX_PLAINTEXT_BYTES = 1024 * 1024
KEY_ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
GENERATE_HINT = "Create one with `python manage.py generate_keys` (or `make run`, which calls it)"
MASK = "••••••"


class CryptoError(Exception):
    """Base class of every failure of encryption, decryption or the key ring."""


class KeyringError(CryptoError, ImproperlyConfigured):
    """No usable key ring: nothing can be encrypted or decrypted, and nothing is written in clear instead."""


class UnknownKeyError(CryptoError):
    """A ciphertext names a key id the ring does not hold (a ring from another deployment, or a lost key)."""

    def __init__(self, kid: str) -> None:
        super().__init__(
            f"The key ring has no key with id {kid!r}. Restore the key ring that contains it; "
            "data encrypted under a lost key cannot be recovered."
        )
        self.kid = kid


class DecryptionError(CryptoError):
    """Authentication failed: wrong key, altered ciphertext, or a ciphertext from another column."""

    def __init__(self, message: str, *, kid: str = "") -> None:
        super().__init__(message)
        self.kid = kid


class ValueTooLongError(CryptoError, ValueError):
    def __init__(self, size: int) -> None:
        super().__init__(
            f"The value is {size} bytes long; an encrypted field holds at most {MAX_PLAINTEXT_BYTES} bytes."
        )
        self.size = size


@dataclass(frozen=True)
class KeyRing:
    """Key-encryption keys by id, the id of the current one, and the blind-index key. Never log it."""

    current: str
    keys: Mapping[str, bytes] = field(repr=False)
    index_key: bytes = field(repr=False)
    source: str = ""
    # HMAC key of the audit chain (docs/security.md, "Anchoring the chain"); rings made before it have none.
    audit_key: bytes | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.current not in self.keys:
            raise KeyringError(f"The key ring {self.source} lacks its current key {self.current!r}.")
        for kid, key in self.keys.items():
            if not KEY_ID_PATTERN.match(kid):
                raise KeyringError(f"The key ring {self.source} has an invalid key id {kid!r}.")
            if len(key) != KEY_BYTES:
                raise KeyringError(f"Key {kid!r} in the key ring {self.source} is not {KEY_BYTES} bytes.")
        if len(self.index_key) != KEY_BYTES:
            raise KeyringError(f"The index key of the key ring {self.source} is not {KEY_BYTES} bytes.")
        if hmac.compare_digest(self.index_key, self.keys[self.current]):
            raise KeyringError(f"The key ring {self.source} uses one key to encrypt and to index.")
        if self.audit_key is not None:
            if len(self.audit_key) != KEY_BYTES:
                raise KeyringError(f"The audit key of the key ring {self.source} is not {KEY_BYTES} bytes.")
            if any(hmac.compare_digest(self.audit_key, key) for key in (self.index_key, *self.keys.values())):
                raise KeyringError(f"The key ring {self.source} reuses a key as its audit key.")

    def key(self, kid: str) -> bytes:
        try:
            return self.keys[kid]
        except KeyError:
            raise UnknownKeyError(kid) from None

    def to_json(self) -> str:
        document = {
            "version": 1,
            "current": self.current,
            "keys": {kid: _b64(key) for kid, key in self.keys.items()},
            "index_key": _b64(self.index_key),
        }
        if self.audit_key is not None:
            document["audit_key"] = _b64(self.audit_key)
        return json.dumps(document, indent=2) + "\n"

    def with_audit_key(self) -> KeyRing:
        """This ring with an audit key added (the same ring if it has one)."""
        if self.audit_key is not None:
            return self
        return KeyRing(
            current=self.current,
            keys=self.keys,
            index_key=self.index_key,
            source=self.source,
            audit_key=AESGCM.generate_key(bit_length=256),
        )

    def rotated(self) -> KeyRing:
        """This ring plus a fresh key that becomes current; every older key stays to decrypt older values."""
        kid = new_key_id(existing=self.keys)
        return KeyRing(
            current=kid,
            keys={**self.keys, kid: AESGCM.generate_key(bit_length=256)},
            index_key=self.index_key,
            source=self.source,
            audit_key=self.audit_key,
        )

    @classmethod
    def from_json(cls, text: str, *, source: str) -> KeyRing:
        try:
            document = json.loads(text)
            if not isinstance(document, dict) or document.get("version") != 1:
                raise KeyringError(f"The key ring {source} is not a version 1 key ring.")
            keys = {str(kid): _unb64(value) for kid, value in dict(document["keys"]).items()}
            return cls(
                current=str(document["current"]),
                keys=keys,
                index_key=_unb64(document["index_key"]),
                source=source,
                audit_key=_unb64(document["audit_key"]) if document.get("audit_key") else None,
            )
        except KeyringError:
            raise
        except (ValueError, KeyError, TypeError, binascii.Error) as exc:
            # The message names the problem's kind, never the content: the content is secret.
            raise KeyringError(
                f"The key ring {source} cannot be read ({exc.__class__.__name__}); it must be JSON with "
                '"version", "current", "keys" and "index_key".'
            ) from None


def new_key_id(existing: Collection[str] = ()) -> str:
    """A key id that sorts by creation date and says when the key was made: "20261124-3fa9c1"."""
    while True:
        kid = f"{datetime.now(UTC):%Y%m%d}-{secrets.token_hex(3)}"
        if kid not in existing:
            return kid


def generate_keyring() -> KeyRing:
    kid = new_key_id()
    return KeyRing(
        current=kid,
        keys={kid: AESGCM.generate_key(bit_length=256)},
        index_key=AESGCM.generate_key(bit_length=256),
        audit_key=AESGCM.generate_key(bit_length=256),
    )


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    if not isinstance(text, str):
        raise TypeError("expected base64 text")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


# --- Loading the ring ---------------------------------------------------------------------------------------

ENV_VARIABLE = "HRAMADA_KEYRING"


@dataclass(frozen=True)
class KeyringSource:
    """Where the ring comes from: the environment variable wins over the file."""

    inline: str | None
    path: Path

    @property
    def description(self) -> str:
        return f"from ${ENV_VARIABLE}" if self.inline is not None else str(self.path)


def keyring_source() -> KeyringSource:
    from django.conf import settings

    from hramada.settings.env import env_str

    inline = getattr(settings, "HRAMADA_KEYRING", None) or env_str("KEYRING") or None
    return KeyringSource(inline=inline, path=Path(settings.HRAMADA_KEYRING_FILE))


_cache_lock = threading.Lock()
_cache: tuple[object, KeyRing] | None = None
_checked_at = 0.0
RECHECK_SECONDS = 1.0
"""How long a process uses its ring before it looks at the file again. Every value encrypted or read asks for the
ring, and looking at the settings and the file each time was most of the cost of opening a short value (100,000
names in a re-screen). A ring rotated by another process is seen within this second; a value under a key the
ring does not hold yet makes the ring be read again at once (`_key_of`)."""


def load_keyring() -> KeyRing:
    """The ring in use. The file is re-read when it changes, so a rotation reaches running processes."""
    global _cache, _checked_at
    now = time.monotonic()
    cached = _cache
    if cached is not None and now - _checked_at < RECHECK_SECONDS:
        return cached[1]
    source = keyring_source()
    if source.inline is not None:
        stamp: object = ("inline", hashlib.sha256(source.inline.encode()).digest())
    else:
        try:
            info = source.path.stat()
        except FileNotFoundError:
            raise KeyringError(
                f"The key ring file {source.path} does not exist, so personal data can be neither encrypted "
                f"nor read. {GENERATE_HINT}, or set ${ENV_VARIABLE} to the key ring JSON."
            ) from None
        stamp = ("file", str(source.path), info.st_mtime_ns, info.st_size, info.st_ino)
    with _cache_lock:
        if _cache is not None and _cache[0] == stamp:
            _checked_at = now
            return _cache[1]
    if source.inline is not None:
        ring = KeyRing.from_json(source.inline, source=source.description)
    else:
        try:
            text = source.path.read_text(encoding="utf-8")
        except OSError as exc:
            raise KeyringError(f"The key ring file {source.path} cannot be read: {exc.strerror}.") from None
        ring = KeyRing.from_json(text, source=source.description)
    with _cache_lock:
        _cache = (stamp, ring)
        _checked_at = now
    return ring


def forget_cached_keyring(**kwargs: Any) -> None:
    """Drop the cached ring (connected to `setting_changed`, so tests that swap rings see the new one)."""
    global _cache, _checked_at
    with _cache_lock:
        _cache = None
        _checked_at = 0.0


def _key_of(kid: str, ring: KeyRing | None) -> bytes:
    """The key a ciphertext names: from `ring` when given, else from the ring in use, read again once when it
    lacks the key (another process may have rotated the ring within the last `RECHECK_SECONDS`)."""
    if ring is not None:
        return ring.key(kid)
    in_use = load_keyring()
    if kid not in in_use.keys:
        forget_cached_keyring()
        in_use = load_keyring()
    return in_use.key(kid)


def save_keyring_file(ring: KeyRing, path: Path, *, replace: bool = True) -> None:
    """Write `ring` to `path` with 0600 permissions, replacing an older ring atomically (unless not `replace`:
    then an existing file raises FileExistsError)."""
    from hramada.settings.env import write_private_file

    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not replace:
        write_private_file(path, ring.to_json())
        forget_cached_keyring()
        return
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    write_private_file(temporary, ring.to_json())
    try:
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    forget_cached_keyring()


# --- Encryption ---------------------------------------------------------------------------------------------


def _aad(kind: bytes, kid: str, label: str) -> bytes:
    return b"|".join((b"hramada", FORMAT_VERSION.encode(), kind, kid.encode(), label.encode("utf-8")))


def encrypt(plaintext: str, *, label: str, ring: KeyRing | None = None) -> str:
    """Encrypt `plaintext` for the column named by `label` ("app_label.model.field") under the current key."""
    return Sealer(label=label, ring=ring)(plaintext)


class Sealer:
    """Encrypts values for one label under the ring's current key, as `encrypt` does (each value its own data
    key and nonces, the same ciphertext format), with what does not change between values made once: the
    key-encryption cipher and both associated-data strings. For storing many values of one column at a time
    (a bulk import), where making them per value cost about a third of each encryption."""

    __slots__ = ("_aad_data", "_aad_dek", "_kek", "_prefix")

    def __init__(self, *, label: str, ring: KeyRing | None = None) -> None:
        ring = ring or load_keyring()
        kid = ring.current
        self._kek = AESGCM(ring.key(kid))
        self._aad_dek = _aad(b"dek", kid, label)
        self._aad_data = _aad(b"data", kid, label)
        self._prefix = f"{FORMAT_VERSION}.{kid}."

    def __call__(self, plaintext: str) -> str:
        return self._seal(plaintext, os.urandom(_RANDOM_PER_VALUE))

    def many(self, plaintexts: Sequence[str]) -> list[str]:
        """`self(p)` for each of `plaintexts`, with the random bytes of up to `RANDOM_CHUNK` values drawn from the
        operating system's generator in one `os.urandom` call (each value still its own data key and two nonces).
        20,000 names: 7.9 µs a value with three draws a value, 5.3 µs this way (shared machine, load 2)."""
        out: list[str] = []
        for start in range(0, len(plaintexts), RANDOM_CHUNK):
            part = plaintexts[start : start + RANDOM_CHUNK]
            random = memoryview(os.urandom(_RANDOM_PER_VALUE * len(part)))
            out.extend(
                self._seal(p, random[k * _RANDOM_PER_VALUE : (k + 1) * _RANDOM_PER_VALUE])
                for k, p in enumerate(part)
            )
        return out

    def _seal(self, plaintext: str, random: bytes | memoryview) -> str:
        """`plaintext` sealed with `random` (`_RANDOM_PER_VALUE` bytes from `os.urandom`): a data key, the nonce
        that wraps it under the key-encryption key, and the nonce of the value."""
        data = plaintext.encode("utf-8")
        if len(data) > MAX_PLAINTEXT_BYTES:
            raise ValueTooLongError(len(data))
        data_key = bytes(random[:KEY_BYTES])
        wrap_nonce = bytes(random[KEY_BYTES : KEY_BYTES + NONCE_BYTES])
        nonce = bytes(random[KEY_BYTES + NONCE_BYTES : _RANDOM_PER_VALUE])
        wrapped = wrap_nonce + self._kek.encrypt(wrap_nonce, data_key, self._aad_dek)
        body = AESGCM(data_key).encrypt(nonce, data, self._aad_data)
        return self._prefix + _b64(wrapped + nonce + body)


RANDOM_CHUNK = 1000
_RANDOM_PER_VALUE = KEY_BYTES + 2 * NONCE_BYTES  # a data key, the nonce that wraps it, the nonce of the value


@dataclass(frozen=True)
class ParsedCiphertext:
    kid: str
    wrapped_key: bytes
    nonce: bytes
    body: bytes


def parse(ciphertext: str) -> ParsedCiphertext:
    version, _, rest = ciphertext.partition(".")
    kid, _, payload = rest.partition(".")
    if version != FORMAT_VERSION or not KEY_ID_PATTERN.match(kid) or not payload:
        raise DecryptionError(
            f"This is not a {FORMAT_VERSION} ciphertext (it starts {ciphertext[:3]!r}); "
            "was the value written in clear by something other than an encrypted field?"
        )
    try:
        raw = _unb64(payload)
    except (ValueError, binascii.Error):
        raw = b""
    if not raw or _b64(raw) != payload:  # only the one canonical encoding is accepted
        raise DecryptionError(f"The ciphertext under key {kid!r} is not valid base64.", kid=kid)
    if len(raw) < WRAPPED_KEY_BYTES + NONCE_BYTES + TAG_BYTES:
        raise DecryptionError(f"The ciphertext under key {kid!r} is truncated.", kid=kid)
    return ParsedCiphertext(
        kid=kid,
        wrapped_key=raw[:WRAPPED_KEY_BYTES],
        nonce=raw[WRAPPED_KEY_BYTES : WRAPPED_KEY_BYTES + NONCE_BYTES],
        body=raw[WRAPPED_KEY_BYTES + NONCE_BYTES :],
    )


def key_id_of(ciphertext: str) -> str:
    """The id of the key a ciphertext was written under, without decrypting it."""
    return parse(ciphertext).kid


def decrypt(ciphertext: str, *, label: str, ring: KeyRing | None = None) -> str:
    """The plaintext, or `DecryptionError` naming the key id: never garbage, never a partial value."""
    parts = parse(ciphertext)
    kek = _key_of(parts.kid, ring)
    wrap_nonce, wrapped = parts.wrapped_key[:NONCE_BYTES], parts.wrapped_key[NONCE_BYTES:]
    try:
        data_key = AESGCM(kek).decrypt(wrap_nonce, wrapped, _aad(b"dek", parts.kid, label))
    except InvalidTag:
        raise DecryptionError(
            f"Key {parts.kid!r} does not open this value of {label}: the key ring holds a different key "
            "under that id, or the ciphertext was altered or copied from another column.",
            kid=parts.kid,
        ) from None
    try:
        data = AESGCM(data_key).decrypt(parts.nonce, parts.body, _aad(b"data", parts.kid, label))
    except InvalidTag:
        raise DecryptionError(
            f"The value under key {parts.kid!r} for {label} fails authentication: it was altered.",
            kid=parts.kid,
        ) from None
    return data.decode("utf-8")


# --- Files -------------------------------------------------------------------------------------------------
# Attachments (passport scans, reports, testimonies) are personal data too. A file is one envelope: header
# `v1.<kid>.` in ASCII, then the wrapped data key, the nonce and the AES-GCM body, all bound to `label`.

_WRAPPED_KEY_BYTES = NONCE_BYTES + 32 + 16  # nonce + 256-bit key + GCM tag


def encrypt_bytes(data: bytes, *, label: str, ring: KeyRing | None = None) -> bytes:
    """Encrypt a file's bytes for `label` under the current key (envelope encryption, as for fields)."""
    ring = ring or load_keyring()
    kid = ring.current
    data_key = AESGCM.generate_key(bit_length=256)
    wrap_nonce = os.urandom(NONCE_BYTES)
    wrapped = wrap_nonce + AESGCM(ring.key(kid)).encrypt(wrap_nonce, data_key, _aad(b"dek", kid, label))
    nonce = os.urandom(NONCE_BYTES)
    body = AESGCM(data_key).encrypt(nonce, data, _aad(b"file", kid, label))
    return f"{FORMAT_VERSION}.{kid}.".encode("ascii") + wrapped + nonce + body


def decrypt_bytes(blob: bytes, *, label: str, ring: KeyRing | None = None) -> bytes:
    """A file's bytes, or `DecryptionError`: a file that is not ours, altered or under another key is refused."""
    version, _, rest = blob.partition(b".")
    kid_raw, _, payload = rest.partition(b".")
    if (
        version != FORMAT_VERSION.encode("ascii")
        or not kid_raw
        or len(payload) < _WRAPPED_KEY_BYTES + NONCE_BYTES
    ):
        raise DecryptionError(f"This file of {label} is not an encrypted Hramada file.", kid="")
    kid = kid_raw.decode("ascii", errors="replace")
    wrapped, nonce, body = (
        payload[:_WRAPPED_KEY_BYTES],
        payload[_WRAPPED_KEY_BYTES : _WRAPPED_KEY_BYTES + NONCE_BYTES],
        payload[_WRAPPED_KEY_BYTES + NONCE_BYTES :],
    )
    try:
        data_key = AESGCM(_key_of(kid, ring)).decrypt(
            wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], _aad(b"dek", kid, label)
        )
        return AESGCM(data_key).decrypt(nonce, body, _aad(b"file", kid, label))
    except InvalidTag:
        raise DecryptionError(
            f"A file of {label} under key {kid!r} fails authentication: it was altered.", kid=kid
        ) from None


# --- Blind index --------------------------------------------------------------------------------------------


def normalise_for_index(value: str) -> str:
    """NFKC + casefold + collapsed whitespace: the form two spellings of one value share."""
    # The same form as NFKC(casefold(NFKC(value))) with runs of whitespace made one space and the ends stripped;
    # a text already in NFKC (most are) is not normalised again, and `str.split` splits on the characters `\s`
    # matches (both ask `str.isspace`).
    if not unicodedata.is_normalized("NFKC", value):
        value = unicodedata.normalize("NFKC", value)
    folded = value.casefold()
    if not unicodedata.is_normalized("NFKC", folded):
        folded = unicodedata.normalize("NFKC", folded)
    return " ".join(folded.split())


def blind_index(value: str, *, scope: str, ring: KeyRing | None = None) -> str:
    """Hex HMAC-SHA256 of the normalised value under the index key, one scope per column."""
    key = (ring or load_keyring()).index_key
    message = scope.encode("utf-8") + b"\x00" + normalise_for_index(value).encode("utf-8")
    return hmac.digest(key, message, "sha256").hex()


def blind_indexes(values: Iterable[str], *, scope: str, ring: KeyRing | None = None) -> dict[str, str]:
    """Each distinct value -> its `blind_index` in `scope`, for many values at once (a bulk import looks up tens
    of thousands of names at a time): the same digests, with the ring and the scope's prefix taken once for all
    values and the normalisation done a step at a time over the whole list.

    `normalise_for_index` is NFKC, casefold, NFKC and the whitespace collapsed; here each step is one `map` of a
    C function over the values (`unicodedata.normalize` returns a text already in NFKC as it is, as the single
    form's `is_normalized` test does). The HMAC is the one-shot `hmac.digest`, which runs in OpenSSL."""
    key = (ring or load_keyring()).index_key
    prefix = scope.encode("utf-8") + b"\x00"
    distinct = list(set(values))
    nfkc = partial(unicodedata.normalize, "NFKC")
    normalised = map(" ".join, map(str.split, map(nfkc, map(str.casefold, map(nfkc, distinct)))))
    digest = hmac.digest
    return {
        value: digest(key, prefix + text.encode("utf-8"), "sha256").hex()
        for value, text in zip(distinct, normalised, strict=True)
    }


# --- Start-up check -----------------------------------------------------------------------------------------


@register(Tags.security)
def keyring_is_usable(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    """Refuse to start (every command, runserver and migrate included) without a usable key ring."""
    source = keyring_source()
    try:
        ring = load_keyring()
    except CryptoError as exc:
        return [
            Error(
                str(exc),
                hint="See docs/security.md, section Personal data encryption.",
                id="hramada.E101",
            )
        ]
    problems: list[CheckMessage] = []
    if source.inline is None:
        mode = stat.S_IMODE(source.path.stat().st_mode)
        if mode & 0o077:
            problems.append(
                CheckWarning(
                    f"The key ring file {source.path} can be read by other users (mode {mode:o}).",
                    hint=f"chmod 600 {source.path}",
                    id="hramada.W101",
                )
            )
    try:
        probe = encrypt("probe", label="hramada.keyring.check", ring=ring)
        decrypt(probe, label="hramada.keyring.check", ring=ring)
    except CryptoError as exc:  # pragma: no cover - a ring that parses but cannot encrypt is a bug
        problems.append(Error(f"The key ring {source.description} does not work: {exc}", id="hramada.E102"))
    return problems
