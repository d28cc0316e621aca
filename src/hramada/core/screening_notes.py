"""What other apps know about a screened party beyond the names on the lists.

The sanctions screening page asks every registered source after it has screened a name: the evasion app says which
results, and which companies of the same name, are deemed sanctioned through their owners (with the path), and
traces a wallet address given as an identifier. ``core`` knows no domain app and the sanctions app knows no other
domain app, so each source registers itself from its ``AppConfig.ready()``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScreeningNote:
    title: str
    """Translated, short: "Deemed sanctioned under the OFAC 50% rule (60%)"."""
    detail: str
    """The path or the finding: "BELARUSKALI OAO → 100% → DEMO Potash Trade FZE"."""
    entity_id: str = ""
    """The screening result it explains; "" for a finding about the query itself."""
    url: str = ""
    """A page that shows more (its own access rules apply)."""


NoteSource = Callable[[str, Sequence[str], Sequence[str]], list[ScreeningNote]]
"""(the query's name, its identifiers, the entity ids of its results) -> notes."""

_sources: dict[str, NoteSource] = {}


def register_screening_notes(key: str, source: NoteSource) -> None:
    _sources[key] = source


def screening_notes(name: str, identifiers: Sequence[str], entity_ids: Sequence[str]) -> list[ScreeningNote]:
    """Every registered source's notes, in the order the sources registered. A source that fails is logged and
    skipped: the list matches the page already shows must not be lost to it."""
    notes: list[ScreeningNote] = []
    for key, source in _sources.items():
        try:
            notes.extend(source(name, identifiers, entity_ids))
        except Exception:
            logger.exception("screening notes of %s failed", key)
    return notes
