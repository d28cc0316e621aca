"""Upper bounds of name scores for every candidate of a query at once: which candidates cannot reach the review floor,
found without aligning them one by one.

Most candidates a query retrieves share one part with it (a given name, a common word) and score far below the
floor: at 4x the bundled lists about 17 of the 19 names a query compares. Aligning each costs a Python loop over
every pair of parts, most of which have nothing in common. Here the edit distances of the query's parts to the
parts of all candidates come in a few rapidfuzz calls; only the pairs close enough to be similar at all are
compared (by the same cached measures as `names._align`), and the score of each pair of renderings is bounded from
the best similarity of each part (`score_bounds`). A pair whose bound is below the floor need not be aligned: its
score cannot reach the floor, so what `names.best_comparison` answers above the floor is unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from hramada.screening.keys import latin_ascii
from hramada.screening.names import (
    INCOMPLETE_PENALTY,
    JOINED_CUTOFF,
    LOOSE_FACTOR,
    LOOSE_MIN,
    PLACE_WEIGHT,
    SURPLUS_WEIGHT_WHEN_COMPLETE,
    NameKind,
    NameVariant,
    _loose_similarity,
    is_place_key,
    pair_similarity,
)

_CLOSE = 1 / 3 + 1e-9
"""The largest edit distance per letter of two parts that may be similar: 2 edits in 7 letters for
`names._part_similarity` (3 in 13, 1 in 5, below it), 1 in 3 for `names._loose_similarity`."""
NO_BOUND = 2.0
"""The bound of a pair not bounded here (a rendering from Arabic or Hebrew script, compared by skeletons)."""
_FAR_QUERY, _FAR_LISTED = "\0" * 8, "\1" * 8
"""Stand for a part without second keys among the phonetic keys: more than 3 edits from any key and each other."""


def score_bounds(
    query: Sequence[NameVariant], candidates: Sequence[Sequence[NameVariant]], floor: float = 1.0
) -> list[list[list[float]]]:
    """For each candidate (the renderings of one listed name), for each rendering of the query and each of the
    candidate's, a number at least the score `names._align` gives that pair (`NO_BOUND` where not bounded).

    With `r` the best similarity of each part to any part of the other rendering (a left-over person part paired
    loosely included), a matched pair adds `sim * (w_q + w_c) <= r_q * w_q + r_c * w_c` to the score's numerator.
    When one rendering is fully paired, which needs each of its parts to have some similar part (`r > 0`), a
    left-over part of the other weighs at least SURPLUS_WEIGHT_WHEN_COMPLETE of itself in the denominator (a town in
    an organisation name PLACE_WEIGHT of that); otherwise every left-over part weighs at least itself (a town
    PLACE_WEIGHT of itself) and the score is multiplied by INCOMPLETE_PENALTY. Every other factor is at most 1.
    Renderings whose whole strings are alike (`names._joined_similarity`) are not bounded; that is asked only of
    pairs bounded below `floor`.
    """
    every_listed = [v for variants in candidates for v in variants]
    bounds = [[NO_BOUND] * len(every_listed) for _ in query]
    # Renderings compared by skeletons are not bounded.
    q_at = [n for n, v in enumerate(query) if not v.abjad and v.keys]
    c_at = [n for n, v in enumerate(every_listed) if not v.abjad and v.keys]
    if q_at and c_at:
        _bound(
            [query[n] for n in q_at], [every_listed[n] for n in c_at], floor, [bounds[n] for n in q_at], c_at
        )
    out: list[list[list[float]]] = []
    at_l = 0
    for variants in candidates:
        end = at_l + len(variants)
        out.append([row[at_l:end] for row in bounds])
        at_l = end
    return out


def _bound(
    query: list[NameVariant],
    listed: list[NameVariant],
    floor: float,
    rows: list[list[float]],
    columns: list[int],
) -> None:
    """`score_bounds` of renderings from Latin or Cyrillic script, written into `rows` at `columns`."""
    kind = query[0].kind
    person = kind == NameKind.PERSON
    q_keys = list(chain.from_iterable(v.keys for v in query))
    c_keys = list(chain.from_iterable(v.keys for v in listed))
    q_alts = list(chain.from_iterable(v.alts or ((),) * len(v.keys) for v in query))
    c_alts = list(chain.from_iterable(v.alts or ((),) * len(v.keys) for v in listed))
    q_owner = [(v, i) for v in query for i in range(len(v.keys))]
    c_owner = [(v, j) for v in listed for j in range(len(v.keys))]
    q_rendering = [n for n, v in enumerate(query) for _ in v.keys]
    c_rendering = [n for n, v in enumerate(listed) for _ in v.keys]

    # Pairs of parts that may be similar at all; every other pair has similarity 0 in `names._align`.
    # Keys within 3 edits (`names._part_similarity` allows 3 at most).
    # A pair of keys that may be similar is at most 2 edits in 7 letters apart (`names._part_similarity`), one that
    # may pair loosely 1 edit in 3 letters (`names._loose_similarity`).
    close = (
        process.cdist(q_keys, c_keys, scorer=OSA.normalized_distance, score_cutoff=_CLOSE, workers=1)
        <= _CLOSE
    )
    # Phonetic keys (the last second key) alike, or a one-letter one (compared by its first letter).
    q_phonetic = [t[-1] if t else _FAR_QUERY for t in q_alts]
    c_phonetic = [t[-1] if t else _FAR_LISTED for t in c_alts]
    if any(q_alts) and any(c_alts):
        close |= (
            process.cdist(
                q_phonetic, c_phonetic, scorer=OSA.normalized_distance, score_cutoff=_CLOSE, workers=1
            )
            <= _CLOSE
        )
        close[[len(p) == 1 for p in q_phonetic], :] = True
        close[:, [len(p) == 1 for p in c_phonetic]] = True
    # A second key of one is a key or second key of the other.
    query_alts = set(chain.from_iterable(q_alts))
    query_all = query_alts.union(q_keys)
    close[
        :,
        [
            key in query_alts or not query_all.isdisjoint(alts)
            for key, alts in zip(c_keys, c_alts, strict=True)
        ],
    ] = True
    # Initials meet by their first letter as written.
    close[[len(k) == 1 for k in q_keys], :] = True
    close[:, [len(k) == 1 for k in c_keys]] = True
    # Left-over parts of a person's name meet by one edit of the words as written.
    if person:
        close |= (
            process.cdist(
                [_latin(w) for w in chain.from_iterable(v.words for v in query)],
                [_latin(w) for w in chain.from_iterable(v.words for v in listed)],
                scorer=OSA.distance,
                score_cutoff=1,
                dtype=np.int32,
                workers=1,
            )
            <= 1
        )

    # The best similarity of each part to each rendering of the other side, over the pairs that may be similar.
    best_q: dict[tuple[int, int], float] = {}  # (query part, listed rendering)
    best_c: dict[tuple[int, int], float] = {}  # (query rendering, listed part)
    for i, j in np.argwhere(close).tolist():
        qv, qi = q_owner[i]
        lv, lj = c_owner[j]
        sim = pair_similarity(qv, lv, qi, lj)
        if person:
            loose = _loose_similarity(qv.words[qi], lv.words[lj], qv.keys[qi], lv.keys[lj])
            if loose >= LOOSE_MIN:
                sim = max(sim, loose * LOOSE_FACTOR)
        if not sim:
            continue
        at_q = (i, c_rendering[j])
        if sim > best_q.get(at_q, 0.0):
            best_q[at_q] = sim
        at_c = (q_rendering[i], j)
        if sim > best_c.get(at_c, 0.0):
            best_c[at_c] = sim

    # Per pair of renderings: the weight found (`r * w` summed) and how many parts found a partner, each side.
    found_q: dict[tuple[int, int], float] = {}
    paired_q: dict[tuple[int, int], int] = {}
    for (i, n_l), sim in best_q.items():
        qv, qi = q_owner[i]
        at = (q_rendering[i], n_l)
        found_q[at] = found_q.get(at, 0.0) + sim * qv.weights[qi]
        paired_q[at] = paired_q.get(at, 0) + 1
    found_c: dict[tuple[int, int], float] = {}
    paired_c: dict[tuple[int, int], int] = {}
    for (n_q, j), sim in best_c.items():
        lv, lj = c_owner[j]
        at = (n_q, c_rendering[j])
        found_c[at] = found_c.get(at, 0.0) + sim * lv.weights[lj]
        paired_c[at] = paired_c.get(at, 0) + 1

    # Towns weigh less (organisations): first bounded as if every part were a town, which spares looking them up
    # for most pairs; then, for a pair that bound leaves above the floor, with its towns.
    organisation = kind == NameKind.ORGANIZATION
    q_weight = [sum(v.weights) for v in query]
    q_light: list[float | None] = [None if organisation else w for w in q_weight]
    c_weight: list[float | None] = [None] * len(listed)
    c_light: list[float | None] = [None] * len(listed)
    bounds = [[0.0] * len(listed) for _ in query]
    for at in found_q.keys() | found_c.keys():
        n_q, n_l = at
        qv, lv = query[n_q], listed[n_l]
        fq, fc = found_q.get(at, 0.0), found_c.get(at, 0.0)
        weight_c = c_weight[n_l]
        if weight_c is None:
            weight_c = c_weight[n_l] = sum(lv.weights)
            if not organisation:
                c_light[n_l] = weight_c
        full_q, full_c = paired_q.get(at, 0) == len(qv.keys), paired_c.get(at, 0) == len(lv.keys)
        light_q, light_c = q_light[n_q], c_light[n_l]
        if light_q is None or light_c is None:
            bound = _pair_bound(
                fq,
                fc,
                q_weight[n_q],
                weight_c,
                q_weight[n_q] * PLACE_WEIGHT,
                weight_c * PLACE_WEIGHT,
                full_q,
                full_c,
            )
            if bound < floor:
                bounds[n_q][n_l] = bound
                continue
            if light_q is None:
                light_q = q_light[n_q] = _light_weight(qv)
            if light_c is None:
                light_c = c_light[n_l] = _light_weight(lv)
        bounds[n_q][n_l] = _pair_bound(fq, fc, q_weight[n_q], weight_c, light_q, light_c, full_q, full_c)
    # Whole strings alike where the numbers of parts differ: not bounded.
    for n_q, qv in enumerate(query):
        row = bounds[n_q]
        for n_l, lv in enumerate(listed):
            if row[n_l] < floor and len(qv.keys) != len(lv.keys) and _joined_alike(qv, lv):
                row[n_l] = NO_BOUND
    for bound_row, row in zip(bounds, rows, strict=True):
        for n_l, at_l in enumerate(columns):
            row[at_l] = bound_row[n_l]


def _pair_bound(
    found_q: float,
    found_c: float,
    weight_q: float,
    weight_c: float,
    light_q: float,
    light_c: float,
    full_q: bool,
    full_c: bool,
) -> float:
    """The bound of `score_bounds` for one pair of renderings: `found_*` the weight their parts found (best
    similarity times weight, summed), `weight_*` their whole weight, `light_*` the least their parts weigh left over
    (towns lighter), `full_*` whether every part has a similar part in the other rendering."""
    if light_q <= 0.0 or light_c <= 0.0:
        return NO_BOUND
    found = found_q + found_c
    bound = INCOMPLETE_PENALTY * found / (light_q + light_c)
    rest = 1.0 - SURPLUS_WEIGHT_WHEN_COMPLETE
    if full_q:
        bound = max(bound, found / (weight_q + SURPLUS_WEIGHT_WHEN_COMPLETE * light_c + rest * found_c))
    if full_c:
        bound = max(bound, found / (weight_c + SURPLUS_WEIGHT_WHEN_COMPLETE * light_q + rest * found_q))
    return bound


def _latin(word: str) -> str:
    """`keys.latin_ascii` without its cache for the plain ASCII words most renderings are made of."""
    return word.lower() if word.isascii() else latin_ascii(word)


def _light_weight(variant: NameVariant) -> float:
    """The weight of an organisation rendering's parts with its towns at PLACE_WEIGHT (the least they weigh)."""
    return sum(
        w * PLACE_WEIGHT if is_place_key(k) else w for k, w in zip(variant.keys, variant.weights, strict=True)
    )


def _joined_alike(query: NameVariant, listed: NameVariant) -> bool:
    """`names._joined_similarity` may be above 0: the whole strings are alike."""
    for a, b in ((query.joined, listed.joined), (query.written_joined, listed.written_joined)):
        if not a or not b:
            continue
        longest = max(len(a), len(b))
        if abs(len(a) - len(b)) > (1.0 - JOINED_CUTOFF) * longest + 1e-6:
            continue  # more edits than the cutoff allows by the lengths alone
        if Levenshtein.normalized_similarity(a, b, score_cutoff=JOINED_CUTOFF):
            return True
    return False
