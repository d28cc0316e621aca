"""Linking records of one party across sources: the same strong identifier, or the same name (in any script)
with the same birth date.

Names are compared on the screening engine's comparison keys (``hramada.screening``): every transliteration
of a name is folded so that Аляксандр Лукашэнка, Александр Лукашенко and Aliaksandr Lukashenka give the same
words (``aleksander``, ``lukasenka``). Each source's record stays as published; a link is computed when a page
asks for it, against the current snapshot of every other source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from hramada.screening.names import name_variants as screening_variants

_NOT_ALNUM = re.compile(r"[^0-9A-Z]")
# A value this short is a code, not an identifier (a one-digit "registration number" would link anything).
MIN_IDENTIFIER_LENGTH = 5


def identifier_key(value: str) -> str:
    """An identifier as compared: upper-case letters and digits only (``MP 1234567`` -> ``MP1234567``)."""
    return _NOT_ALNUM.sub("", value.upper())


@lru_cache(maxsize=200_000)
def name_keys(value: str) -> tuple[str, str]:
    """(search key, match key) of a name.

    The search key is every comparison key of every rendering, space-separated and padded (`` lukasenka
    aleksander ``) so a word prefix is found with ``contains(" " + key)``. The match key is the sorted keys of
    the first rendering: two names with equal match keys are the same name whatever the script and word order.
    """
    variants = screening_variants(value)
    words: list[str] = []
    for variant in variants:
        for key in variant.keys:
            if key not in words:
                words.append(key)
    match = " ".join(sorted(variants[0].keys)) if variants else ""
    return (f" {' '.join(words)} " if words else ""), match


def query_word_keys(query: str) -> list[set[str]]:
    """For each word of a search query, the comparison keys it may appear as (one set per word)."""
    result: list[set[str]] = []
    for word in query.split():
        keys: set[str] = set()
        for variant in screening_variants(word):
            keys.update(variant.keys)
        if keys:
            result.append(keys)
    return result


def birth_dates_agree(left: str, right: str) -> bool:
    """Whether two ``;``-joined lists of FtM date prefixes share a date (a year agrees with a full date in it)."""
    for a in filter(None, left.split(";")):
        for b in filter(None, right.split(";")):
            shorter, longer = sorted((a, b), key=len)
            if longer.startswith(shorter) and len(shorter) >= 4:
                return True
    return False


@dataclass(frozen=True)
class LinkBasis:
    """Why two records are the same party; shown to the analyst."""

    kind: str  # "identifier" or "name_birth_date"
    detail: str
