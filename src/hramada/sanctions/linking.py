"""Linking records of one party across sources: the same strong identifier, or the same name (in any script)
with the same birth date.

Names are compared on the screening engine's comparison keys (``hramada.screening``): every transliteration
of a name is folded so that Аляксандр Лукашэнка, Александр Лукашенко and Aliaksandr Lukashenka give the same
words (``aleksander``, ``lukasenka``). Each source's record stays as published; a link is computed when a page
asks for it, against the current snapshot of every other source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from django.db.models import Q

from hramada.sanctions.models import Identifier, Name, SnapshotEntity
from hramada.screening.names import name_variants as screening_variants

_NOT_ALNUM = re.compile(r"[^0-9A-Z]")
# A value this short is a code, not an identifier (a one-digit "registration number" would link anything).
MIN_IDENTIFIER_LENGTH = 5


# Schemes that number the same things: a Belarusian UNP is printed as a registration number by the EU and as a
# "Tax ID No." by OFAC (Belavia: 600390798 in both); a national id may be printed as a passport's personal number.
_SCHEME_FAMILIES = {
    "registration": "registry",
    "tax": "registry",
    "inn": "registry",
    "ogrn": "registry",
    "okpo": "registry",
    "kpp": "registry",
    "passport": "person_document",
    "national_id": "person_document",
}


def scheme_family(scheme: str) -> str:
    """The family of an identifier scheme: two identifiers link only within one family."""
    if scheme.startswith("crypto"):
        return "crypto"
    return _SCHEME_FAMILIES.get(scheme, scheme)


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
    """Whether two ``;``-joined lists of FtM date prefixes share a date (a year agrees with a date in it)."""
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


@dataclass(frozen=True)
class LinkedRecord:
    """A record of the same party in the current snapshot of another source, and why it is the same party."""

    member: SnapshotEntity
    bases: tuple[LinkBasis, ...]


def linked_records(member: SnapshotEntity, *, snapshot_ids: Iterable[int]) -> list[LinkedRecord]:
    """Records in ``snapshot_ids`` (other sources' current snapshots) of the same party as ``member``.

    Linked when they share a strong identifier of the same scheme (at least five letters or digits), or a
    name with the same match key and a birth date that agrees. Three queries, whatever the number of links.
    """
    others = [pk for pk in snapshot_ids if pk != member.snapshot_id]
    if not others:
        return []
    found: dict[tuple[int, str], list[LinkBasis]] = {}
    own_ids = list(
        Identifier.objects.filter(
            entity_id=member.entity_id, version__memberships__snapshot_id=member.snapshot_id
        ).values_list("scheme", "normalised", "value")
    )
    strong = {
        (scheme_family(scheme), key): (scheme, value)
        for scheme, key, value in own_ids
        if len(key) >= MIN_IDENTIFIER_LENGTH
    }
    if strong:
        rows = (
            Identifier.objects.filter(
                normalised__in={key for _, key in strong},
                version__memberships__snapshot_id__in=others,
            )
            .values_list("entity_id", "scheme", "normalised", "version__memberships__snapshot_id")
            .distinct()
        )
        for entity_id, scheme, key, snapshot_id in rows:
            own = strong.get((scheme_family(scheme), key))
            if own is not None:
                own_scheme, value = own
                label = own_scheme if own_scheme == scheme else f"{own_scheme} / {scheme}"
                basis = LinkBasis("identifier", f"{label} {value}")
                found.setdefault((snapshot_id, entity_id), []).append(basis)
    birth_dates = member.version.birth_dates
    if birth_dates:
        keys = {
            key
            for key in Name.objects.filter(version_id=member.version_id).values_list("match_key", flat=True)
        }
        keys.discard("")
        rows2 = (
            Name.objects.filter(match_key__in=keys, version__memberships__snapshot_id__in=others)
            .exclude(version__birth_dates="")
            .values_list("entity_id", "value", "version__birth_dates", "version__memberships__snapshot_id")
        )
        for entity_id, value, their_dates, snapshot_id in rows2:
            if birth_dates_agree(birth_dates, their_dates):
                bases = found.setdefault((snapshot_id, entity_id), [])
                if not any(b.kind == "name_birth_date" for b in bases):
                    bases.append(
                        LinkBasis("name_birth_date", f"{value}, born {their_dates.replace(';', ', ')}")
                    )
    if not found:
        return []
    condition = Q()
    for snapshot_id, entity_id in found:
        condition |= Q(snapshot_id=snapshot_id, entity_id=entity_id)
    members = SnapshotEntity.objects.filter(condition).select_related("version", "snapshot__source")
    by_key = {(m.snapshot_id, m.entity_id): m for m in members}
    return [
        LinkedRecord(member=by_key[key], bases=tuple(bases))
        for key, bases in sorted(
            found.items(), key=lambda item: (by_key[item[0]].snapshot.source.key, item[0][1])
        )
        if key in by_key
    ]
