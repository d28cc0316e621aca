"""The fund's small interface to sanctions screening: `screen_party(name, birth_date, country, kind)`.

It calls the framework-free engine (`hramada.screening.screen`) against the index the sanctions side keeps
loaded. Where no index is loaded yet (a fresh install), it finds nothing and says so in the log; the hold-
and-clear workflow in services.py does not care where matches come from. Tests swap the screener with
`use_screener`.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import Any

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PossibleMatch:
    entity_id: str
    caption: str
    score: float
    explanation: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


Screener = Callable[[str, str | None, str | None, str], list[PossibleMatch]]

# FollowTheMoney schema for each kind of party the fund screens.
SCHEMA_BY_KIND = {
    "applicant": "Person",
    "payee": "LegalEntity",
    "grantee": "Organization",
    "intermediary": "Organization",
}


def _loaded_index() -> Any | None:
    """The index of every current list that the sanctions app keeps in this process (`live_index`), or None
    where no list was imported yet. A failure to build it propagates: screening fails closed, never silently."""
    try:
        live_index = importlib.import_module("hramada.sanctions.live_index")
    except ImportError:
        return None
    index = live_index.screening_index()
    return index if len(index) else None


def engine_screener(name: str, birth_date: str | None, country: str | None, kind: str) -> list[PossibleMatch]:
    index = _loaded_index()
    if index is None:
        logger.info("No sanctions index is loaded: screening of a %s found nothing to compare with.", kind)
        return []
    from hramada.screening import Query, QueryError, Thresholds, screen

    try:
        query = Query(
            name=name,
            schema=SCHEMA_BY_KIND.get(kind, "LegalEntity"),
            birth_date=birth_date or None,
            countries=(country,) if country else (),
        )
    except QueryError:
        return []
    return [
        PossibleMatch(
            entity_id=r.entity_id, caption=r.caption, score=round(r.score, 4), explanation=r.explanation
        )
        for r in screen(query, index, thresholds=Thresholds.SCREENING)
    ]


_screener: Screener = engine_screener


def screen_party(
    name: str, birth_date: str | None = None, country: str | None = None, kind: str = "applicant"
) -> list[PossibleMatch]:
    """Possible matches of one party (applicant, grantee, intermediary or payee), best first."""
    if not name or not name.strip():
        return []
    return _screener(name, birth_date, country, kind)


def warm_up() -> None:
    """Build or refresh the index before a transaction starts: the first build takes seconds, and a service
    must not hold row locks (and the audit chain head) while it runs."""
    if _screener is engine_screener:
        _loaded_index()


def fingerprint(matches: list[PossibleMatch]) -> str:
    """Which listed entities matched: a cleared hold is not raised again for the same set after a
    re-screen."""
    ids = ",".join(sorted(m.entity_id for m in matches))
    return hashlib.sha256(ids.encode()).hexdigest()


@contextmanager
def use_screener(screener: Screener) -> Iterator[None]:
    global _screener
    previous, _screener = _screener, screener
    try:
        yield
    finally:
        _screener = previous
