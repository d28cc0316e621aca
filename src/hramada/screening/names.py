"""Names as the engine compares them: cleaned, stripped of honorifics and legal forms, rendered in every relevant
transliteration, folded into keys, and compared part by part regardless of order.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from rapidfuzz.distance import Levenshtein
from rigour.names import remove_org_types, remove_person_prefixes

from hramada.screening.equivalence import EquivalenceTable, default_table
from hramada.screening.keys import fold
from hramada.screening.normalize import normalize_name
from hramada.screening.transliterate import latin_renderings

MAX_TOKENS = 10
# Two name parts are one name when their keys differ by at most 1 edit up to 8 letters, 2 up to 12, 3 beyond
# (Navumau/Naumov, Siarhaevich/Sergeyevich meet; Pokhodova/Zakharova, 2 edits in 8 letters, do not).
INITIAL_SIMILARITY = 0.9
SURPLUS_WEIGHT_WHEN_COMPLETE = 0.3
"""Weight of extra parts (a patronymic, a middle name) when every part of the shorter name found a partner."""
SURPLUS_WEIGHT_SINGLE = 0.7
"""Extra parts weigh more when the shorter name is a single word: a surname alone says little."""
INCOMPLETE_PENALTY = 0.85
"""A part of the shorter name that matches nothing is a different person (Viktor vs Dmitry Lukashenko)."""


class NameKind:
    PERSON = "person"
    ORGANIZATION = "organization"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class NameVariant:
    """One rendering of a name: the system that produced it, its words and their comparison keys."""

    original: str
    system: str
    words: tuple[str, ...]
    keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PartPair:
    query_word: str
    listed_word: str
    similarity: float
    equivalence: str | None


@dataclass(frozen=True, slots=True)
class NameComparison:
    score: float
    query: NameVariant
    listed: NameVariant
    pairs: tuple[PartPair, ...]
    unmatched_query: tuple[str, ...]
    unmatched_listed: tuple[str, ...]


@cache
def _legal_forms() -> re.Pattern[str]:
    text = resources.files("hramada.screening").joinpath("data/legal_forms_by.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    forms = sorted((normalize_name(r["form"]) for r in rows), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in forms if f) + r")(?!\w)")


def strip_legal_forms(text: str) -> str:
    """Remove legal forms (ААТ, ОАО, OAO, JSC, AAT, LLC, ...) from a normalised organisation name.

    A name that is nothing but a legal form keeps it (there is nothing else to compare).
    """
    stripped = " ".join(_legal_forms().sub(" ", text).split())
    stripped = " ".join(remove_org_types(stripped).split()) if stripped else stripped
    return stripped or text


@lru_cache(maxsize=300_000)
def name_variants(name: str, kind: str = NameKind.OTHER) -> tuple[NameVariant, ...]:
    """Every distinct rendering of `name` (one per transliteration system whose keys differ)."""
    text = normalize_name(name)
    if kind == NameKind.PERSON:
        text = " ".join(remove_person_prefixes(text).split()) or text
    elif kind == NameKind.ORGANIZATION:
        text = strip_legal_forms(text)
    table = default_table()
    seen: set[tuple[str, ...]] = set()
    out: list[NameVariant] = []
    for system, latin in latin_renderings(text).items():
        words: list[str] = []
        keys: list[str] = []
        for word in latin.split()[:MAX_TOKENS]:
            key = fold(word)
            if key:
                words.append(word)
                keys.append(table.canonical(key))
        key_tuple = tuple(keys)
        if key_tuple and key_tuple not in seen:
            seen.add(key_tuple)
            out.append(NameVariant(original=name, system=system, words=tuple(words), keys=key_tuple))
    return tuple(out)


def _part_similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if len(a) == 1 or len(b) == 1:
        return INITIAL_SIMILARITY if a[0] == b[0] else 0.0
    longest = max(len(a), len(b))
    allowed = 0 if longest <= 4 else 1 if longest <= 8 else 2 if longest <= 12 else 3
    distance = Levenshtein.distance(a, b, score_cutoff=allowed)
    return 1.0 - distance / longest if distance <= allowed else 0.0


def _weight(key: str) -> float:
    return 1.5 if len(key) == 1 else float(min(len(key), 12))


def compare_variants(
    query: NameVariant, listed: NameVariant, table: EquivalenceTable | None = None
) -> NameComparison:
    """Similarity in [0, 1] of two renderings, aligning parts in any order (surname first or last)."""
    q, c = query.keys, listed.keys
    candidates: list[tuple[float, int, int]] = []
    for i, a in enumerate(q):
        for j, b in enumerate(c):
            sim = _part_similarity(a, b)
            if sim:
                candidates.append((sim, i, j))
    candidates.sort(reverse=True)
    used_q: set[int] = set()
    used_c: set[int] = set()
    matched: list[tuple[float, int, int]] = []
    for sim, i, j in candidates:
        if i not in used_q and j not in used_c:
            used_q.add(i)
            used_c.add(j)
            matched.append((sim, i, j))
    matched_score = sum(sim * (_weight(q[i]) + _weight(c[j])) for sim, i, j in matched)
    matched_weight = sum(_weight(q[i]) + _weight(c[j]) for _, i, j in matched)
    rest_q = [i for i in range(len(q)) if i not in used_q]
    rest_c = [j for j in range(len(c)) if j not in used_c]
    surplus = sum(_weight(q[i]) for i in rest_q) + sum(_weight(c[j]) for j in rest_c)
    shorter_complete = not rest_q or not rest_c
    if shorter_complete and len(matched) >= 2:
        factor = SURPLUS_WEIGHT_WHEN_COMPLETE
    elif shorter_complete:
        factor = SURPLUS_WEIGHT_SINGLE
    else:
        factor = 1.0
    total = matched_weight + factor * surplus
    score = matched_score / total if total else 0.0
    if not shorter_complete:
        score *= INCOMPLETE_PENALTY
    table = table or default_table()
    pairs = tuple(
        PartPair(
            query_word=query.words[i],
            listed_word=listed.words[j],
            similarity=round(sim, 3),
            equivalence=(why.describe() if (why := table.reason(q[i], c[j])) else None),
        )
        for sim, i, j in sorted(matched, key=lambda m: m[1])
    )
    return NameComparison(
        score=score,
        query=query,
        listed=listed,
        pairs=pairs,
        unmatched_query=tuple(query.words[i] for i in rest_q),
        unmatched_listed=tuple(listed.words[j] for j in rest_c),
    )


def quick_score(query: NameVariant, listed: NameVariant) -> float:
    """The score of `compare_variants` without building the explanation (the hot path)."""
    q, c = query.keys, listed.keys
    if q == c:
        return 1.0
    candidates = sorted(
        ((sim, i, j) for i, a in enumerate(q) for j, b in enumerate(c) if (sim := _part_similarity(a, b))),
        reverse=True,
    )
    used_q: set[int] = set()
    used_c: set[int] = set()
    matched_score = matched_weight = 0.0
    n_matched = 0
    for sim, i, j in candidates:
        if i not in used_q and j not in used_c:
            used_q.add(i)
            used_c.add(j)
            w = _weight(q[i]) + _weight(c[j])
            matched_score += sim * w
            matched_weight += w
            n_matched += 1
    if not n_matched:
        return 0.0
    surplus = sum(_weight(k) for i, k in enumerate(q) if i not in used_q)
    surplus += sum(_weight(k) for j, k in enumerate(c) if j not in used_c)
    complete = len(used_q) == len(q) or len(used_c) == len(c)
    if complete:
        factor = SURPLUS_WEIGHT_WHEN_COMPLETE if n_matched >= 2 else SURPLUS_WEIGHT_SINGLE
    else:
        factor = 1.0
    score = matched_score / (matched_weight + factor * surplus)
    return score if complete else score * INCOMPLETE_PENALTY


def best_comparison(
    query: tuple[NameVariant, ...], listed: tuple[NameVariant, ...]
) -> tuple[float, NameVariant, NameVariant] | None:
    """The best-scoring pair of renderings, or None if either side has none."""
    best: tuple[float, NameVariant, NameVariant] | None = None
    for qv in query:
        for lv in listed:
            score = quick_score(qv, lv)
            if best is None or score > best[0]:
                best = (score, qv, lv)
                if score >= 1.0:
                    return best
    return best
