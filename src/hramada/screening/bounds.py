"""Upper bounds of name scores for every candidate of a query at once: which candidates cannot reach the review floor,
found without aligning them one by one.

Most candidates a query retrieves share one part with it (a given name, a common word) and score far below the
floor: at 4x the bundled lists about 17 of the 19 names a query compares. Aligning each costs a Python loop over
every pair of parts, most of which have nothing in common. Here the similarities of the query's parts to the parts
of all candidates come as one matrix, at least what `names._align` gives each pair (rapidfuzz distances per letter
in a few calls, numpy for the rest), and the score of each pair of renderings is bounded from the best similarity
of each part (`score_bounds`). A pair whose bound is below the floor need not be aligned: its score cannot reach the
floor, so what `names.best_comparison` answers above the floor is unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence, Sized
from itertools import accumulate, chain

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from hramada.screening.keys import latin_ascii
from hramada.screening.names import (
    ALT_KEY_FACTOR,
    INCOMPLETE_PENALTY,
    JOINED_CUTOFF,
    LOOSE_FACTOR,
    PLACE_WEIGHT,
    SURPLUS_WEIGHT_WHEN_COMPLETE,
    NameKind,
    NameVariant,
    is_place_key,
    pair_similarity,
)

Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]

_PART_CLOSE = 2 / 7 + 1e-9
"""The largest edit distance per letter of two keys `names._part_similarity` finds similar: 2 edits in 7 letters
(3 in 13, 2 in 12, 1 in 5 below it)."""
_CLOSE = 1 / 3 + 1e-9
"""The same for `names._loose_similarity`: one edit in 3 letters (fewer letters fall below LOOSE_MIN)."""
_ROUNDING = 1e-6
"""Added to every bound: rapidfuzz's distances per letter round otherwise than `names._align`'s own sums."""
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
    q_sizes = [len(v.keys) for v in query]
    c_sizes = list(map(len, (v.keys for v in listed)))

    # The similarity of each pair of parts, or more, as one matrix (query part x listed part).
    # Keys: `names._part_similarity` is 1 - distance / longest where it allows the distance (2 edits in 7 letters
    # at most); `names._loose_similarity` of keys one edit apart at least 1 in 3 (else below LOOSE_MIN).
    distance = process.cdist(q_keys, c_keys, scorer=OSA.normalized_distance, score_cutoff=_CLOSE, workers=1)
    sims = 1.0 - distance
    sims[distance > _PART_CLOSE] *= LOOSE_FACTOR if person else 0.0
    # Second keys (`names._alt_similarity`): the phonetic keys (the last) alike, times ALT_KEY_FACTOR.
    q_alts = list(chain.from_iterable(v.alts or ((),) * len(v.keys) for v in query))
    c_alts = list(chain.from_iterable(v.alts or ((),) * len(v.keys) for v in listed))
    if any(q_alts) and any(c_alts):
        q_phonetic = [t[-1] if t else _FAR_QUERY for t in q_alts]
        c_phonetic = [t[-1] if t else _FAR_LISTED for t in c_alts]
        phonetic = process.cdist(
            q_phonetic, c_phonetic, scorer=OSA.normalized_distance, score_cutoff=_PART_CLOSE, workers=1
        )
        np.maximum(sims, (1.0 - phonetic) * ALT_KEY_FACTOR, out=sims)
        # A one-letter phonetic key meets by its first letter.
        sims[_lengths(q_phonetic) == 1, :] = ALT_KEY_FACTOR
        sims[:, _lengths(c_phonetic) == 1] = ALT_KEY_FACTOR
    # A second key of one is a key or second key of the other: ALT_KEY_FACTOR (asked of the few listed parts that
    # hold any of the query's keys and second keys).
    query_alts = set(chain.from_iterable(q_alts))
    shared = query_alts.union(q_keys).intersection(chain.from_iterable(c_alts))
    if shared or not query_alts.isdisjoint(c_keys):
        q_sets = [{key, *alts} for key, alts in zip(q_keys, q_alts, strict=True)]
        hits = [
            (i, j)
            for j, (key, alts) in enumerate(zip(c_keys, c_alts, strict=True))
            if key in query_alts or not shared.isdisjoint(alts)
            for i, q_set in enumerate(q_sets)
            if key in q_set or not q_set.isdisjoint(alts)
        ]
        if hits:
            where = tuple(np.array(hits).T)
            sims[where] = np.maximum(sims[where], ALT_KEY_FACTOR)
    # Left-over parts of a person's name paired loosely by their words as written, one edit apart.
    if person:
        words = process.cdist(
            _latin_words(query),
            _latin_words(listed),
            scorer=OSA.normalized_distance,
            score_cutoff=_CLOSE,
            workers=1,
        )
        np.maximum(sims, (1.0 - words) * LOOSE_FACTOR, out=sims)
    # A pair with a one-letter key meets as the same letter or by initials only: compared one by one (rare).
    q_short = np.flatnonzero(_lengths(q_keys) == 1).tolist()
    c_short = np.flatnonzero(_lengths(c_keys) == 1).tolist()
    if q_short or c_short:
        q_owner = [(v, i) for v in query for i in range(len(v.keys))]
        c_owner = [(v, j) for v in listed for j in range(len(v.keys))]
        pairs = {(i, j) for i in q_short for j in range(len(c_keys))}
        pairs.update((i, j) for i in range(len(q_keys)) for j in c_short)
        for i, j in pairs:
            (qv, qi), (lv, lj) = q_owner[i], c_owner[j]
            sims[i, j] = pair_similarity(qv, lv, qi, lj)

    # Per pair of renderings (query rendering x listed rendering): the weight their parts found (best similarity
    # times weight, summed) and whether every part found one.
    q_starts = list(accumulate(q_sizes[:-1], initial=0))
    c_starts = list(accumulate(c_sizes[:-1], initial=0))
    best_q = np.maximum.reduceat(sims, c_starts, axis=1)
    best_c = np.maximum.reduceat(sims, q_starts, axis=0)
    q_weights = np.fromiter(chain.from_iterable(v.weights for v in query), np.float64, len(q_keys))
    c_weights = np.fromiter(chain.from_iterable(v.weights for v in listed), np.float64, len(c_keys))
    found_q = np.add.reduceat(best_q * q_weights[:, None], q_starts, axis=0)
    found_c = np.add.reduceat(best_c * c_weights, c_starts, axis=1)
    full_q = np.logical_and.reduceat(best_q > 0.0, q_starts, axis=0)
    full_c = np.logical_and.reduceat(best_c > 0.0, c_starts, axis=1)
    weight_q = np.add.reduceat(q_weights, q_starts)[:, None]
    weight_c = np.add.reduceat(c_weights, c_starts)[None, :]
    if kind != NameKind.ORGANIZATION:
        bounds = _pair_bounds(found_q, found_c, weight_q, weight_c, weight_q, weight_c, full_q, full_c)
    else:
        # Towns weigh less: first bounded as if every part were a town, which spares looking them up unless a
        # pair is then above the floor.
        light_q, light_c = weight_q * PLACE_WEIGHT, weight_c * PLACE_WEIGHT
        bounds = _pair_bounds(found_q, found_c, weight_q, weight_c, light_q, light_c, full_q, full_c)
        if (bounds >= floor).any():
            light_q = np.add.reduceat(q_weights * _town_factors(q_keys), q_starts)[:, None]
            light_c = np.add.reduceat(c_weights * _town_factors(c_keys), c_starts)[None, :]
            bounds = _pair_bounds(found_q, found_c, weight_q, weight_c, light_q, light_c, full_q, full_c)
    # Whole strings alike where the numbers of parts differ: not bounded.
    differ = (np.array(q_sizes)[:, None] != np.array(c_sizes)[None, :]) & (bounds < floor)
    if differ.any():
        bounds[(_joined(query, listed) > 0.0) & differ] = NO_BOUND
    bounds[bounds > 0.0] += _ROUNDING
    for bound_row, row in zip(bounds.tolist(), rows, strict=True):
        for n_l, at in enumerate(columns):
            row[at] = bound_row[n_l]


def _pair_bounds(
    found_q: Floats,
    found_c: Floats,
    weight_q: Floats,
    weight_c: Floats,
    light_q: Floats,
    light_c: Floats,
    full_q: Bools,
    full_c: Bools,
) -> Floats:
    """The bound of `score_bounds` for each pair of renderings: `found_*` the weight their parts found (best
    similarity times weight, summed), `weight_*` their whole weight, `light_*` the least their parts weigh left over
    (towns lighter), `full_*` whether every part has a similar part in the other rendering."""
    # Every part weighs more than 0 (`names._weight`, rarity at least RARITY_FLOOR): no division by 0.
    found = found_q + found_c
    rest = 1.0 - SURPLUS_WEIGHT_WHEN_COMPLETE
    bounds: Floats = INCOMPLETE_PENALTY * found / (light_q + light_c)
    if full_q.any():
        fully_q = found / (weight_q + SURPLUS_WEIGHT_WHEN_COMPLETE * light_c + rest * found_c)
        np.maximum(bounds, fully_q, out=bounds, where=full_q)
    if full_c.any():
        fully_c = found / (weight_c + SURPLUS_WEIGHT_WHEN_COMPLETE * light_q + rest * found_q)
        np.maximum(bounds, fully_c, out=bounds, where=full_c)
    return bounds


def _lengths(items: Sequence[Sized]) -> npt.NDArray[np.int64]:
    return np.fromiter(map(len, items), np.int64, len(items))


def _town_factors(keys: list[str]) -> Floats:
    """PLACE_WEIGHT for a town's key, 1 for any other."""
    return np.where(np.fromiter(map(is_place_key, keys), bool, len(keys)), PLACE_WEIGHT, 1.0)


def _latin_words(variants: Sequence[NameVariant]) -> list[str]:
    """The words of the renderings as `keys.latin_ascii` writes them, all in a row."""
    words = list(chain.from_iterable(v.words for v in variants))
    together = "\0".join(words)
    if together.isascii():
        return together.lower().split("\0")  # most renderings: nothing to transliterate
    return [latin_ascii(w) for w in words]


def _joined(query: Sequence[NameVariant], listed: Sequence[NameVariant]) -> Floats:
    """`names._joined_similarity` of each pair of renderings (where 0, the whole strings are not alike)."""
    joined: Floats = process.cdist(
        [v.joined for v in query],
        [v.joined for v in listed],
        scorer=Levenshtein.normalized_similarity,
        score_cutoff=JOINED_CUTOFF,
        workers=1,
    )
    if any(v.written_joined for v in query) and any(v.written_joined for v in listed):
        written: Floats = process.cdist(
            [v.written_joined or _FAR_QUERY for v in query],
            [v.written_joined or _FAR_LISTED for v in listed],
            scorer=Levenshtein.normalized_similarity,
            score_cutoff=JOINED_CUTOFF,
            workers=1,
        )
        np.maximum(joined, written, out=joined)
    return joined
