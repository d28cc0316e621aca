"""Counterparty sources: each domain app says which people and organisations it deals with, so one place can
watch them all against the sanctions lists (the monitoring app re-screens them on every list change).

Core knows no domain app; apps call :func:`register_counterparty_source` from their ``registrations.py`` with a
function that yields :class:`Counterparty` values and, optionally, a callback the watcher calls when one of them
flips (newly matches a listed entity, or a match is cleared), so the owning app acts in its own service (the fund
raises its hold).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.views.decorators.debug import sensitive_variables

from hramada.core import crypto
from hramada.core.fields import _encrypted_field
from hramada.core.sealed import Sealed

__all__ = [
    "Counterparty",
    "CounterpartySource",
    "Flip",
    "SealedTextOpener",
    "counterparty_sources",
    "open_for_batch",
    "register_counterparty_source",
]


@dataclass(frozen=True)
class Counterparty:
    """One person or organisation an app deals with, as the sanctions screening needs it.

    ``ref`` is stable and never contains a name (``fund.application:12:applicant``); remembered screening
    decisions hang on it. ``label`` names the counterparty without personal data (``Application R-12 · payee``),
    ``url`` is the page where the owner works on it. ``purpose`` is the screening profile. ``encrypted`` says the
    names were opened from encrypted fields for this run (the watcher audits the count, once per run).
    """

    ref: str
    names: tuple[str, ...]
    schema: str = "LegalEntity"
    purpose: str = "onboarding"
    birth_date: str | None = None
    countries: tuple[str, ...] = ()
    identifiers: Mapping[str, Sequence[str]] = field(default_factory=dict)
    label: str = ""
    url: str = ""
    encrypted: bool = False
    stamp: str = ""
    """From a source with ``stamps``: the stamp this counterparty was opened under (see ``CounterpartySource``)."""


@dataclass(frozen=True)
class Flip:
    """A counterparty's screening status changed on a list change: ``kind`` is ``possible_match`` (a listed entity
    newly matches), ``cleared`` (a match went away: the listed entity was removed or no longer matches) or
    ``listed_changed`` (a remembered decision was taken on a listed record that now reads differently)."""

    ref: str
    entity_id: str
    kind: str
    caption: str
    score: float


@dataclass(frozen=True)
class CounterpartySource:
    key: str
    """The owning app (``fund``, ``registry``...): alerts are filed under it."""
    label: str
    counterparties: Callable[[], Iterable[Counterparty]]
    on_flip: Callable[[Flip], Any] | None = None
    """Told of each flip; a truthy answer to a pair found at a first screening (the owner raised something new)
    files the alert under the owner too."""
    stamps: Callable[[], Iterable[tuple[str, str]]] | None = None
    """Optional, for a source of many counterparties: ``(ref, stamp)`` of every counterparty *without opening
    anything*, the stamp a digest of what is stored (ciphertexts as stored, never a plaintext), so it changes
    whenever the counterparty does. A watcher that already holds a counterparty under the same stamp does not
    open it again; it asks ``opened`` for the others."""
    opened: Callable[[Collection[str]], Iterable[Counterparty]] | None = None
    """With ``stamps``: the counterparties of these references, opened, each with its ``stamp``."""


_sources: dict[str, CounterpartySource] = {}


def register_counterparty_source(source: CounterpartySource) -> None:
    _sources[source.key] = source


def counterparty_sources() -> list[CounterpartySource]:
    return sorted(_sources.values(), key=lambda s: s.key)


def source_label(key: str) -> str:
    """The owning app's name in the reader's language (sources register their label in English at start-up; it is
    the message id), or the key itself for a source that is not registered."""
    from django.utils.translation import gettext

    source = _sources.get(key)
    return gettext(source.label) if source is not None and source.label else key


@sensitive_variables("plaintext")
def open_for_batch(instance: models.Model, field_name: str) -> Any:
    """The plaintext of one encrypted field *without* its own audit entry: only for a counterparty source, whose
    caller (the monitoring run) writes one ``monitoring.counterparties.revealed`` entry with the counts for the
    whole run instead of one entry per name."""
    f = _encrypted_field(type(instance), field_name)
    plaintext = f.open(getattr(instance, f.attname))
    return plaintext


class SealedTextOpener:
    """Opens stored values of encrypted *text* fields for a counterparty source, without one audit entry each (as
    :func:`open_for_batch`) and with the key ring loaded once per batch: through the field, every value checks the
    ring's file again, which was about 70% of the 160 µs one name took to open (measured on 20,000 names)."""

    def __init__(self) -> None:
        self._ring = crypto.load_keyring()

    @sensitive_variables("plaintext")
    def __call__(self, value: Any) -> str:
        if isinstance(value, Sealed):
            plaintext = crypto.decrypt(value.ciphertext, label=value.label, ring=self._ring)
            return plaintext
        return "" if value is None else str(value)
