"""Retrieval keys of names, and the names a query's keys bring into play: the index's hot loops, compiled with the
rest of the engine (`native.NATIVE_MODULES`) while the index's classes (`index.py`) stay Python.

Retrieval keys per name part: the folded key (`t:`), its consonant skeleton (`s:`, tolerant of vowel changes) and a
four-letter prefix (`p:`, tolerant of typos at the end), one-letter deletions of longer parts (`d:`), the whole name
(`t:` joined, `w:` for a name of one part), acronyms (`a:`) and Wikidata name items (`y:`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Container, Iterable
from functools import lru_cache
from typing import Final, TypeVar

from hramada.screening.keys import one_letter_deletions, skeleton
from hramada.screening.names import (
    NameKind,
    NameVariant,
    abjad_skeleton_readings,
    acronym_keys,
    compared_only,
    org_meaning_keys,
)

T = TypeVar("T")

MAX_POSTING: Final = 1000
"""Keys on more names than this are not used for retrieval unless nothing rarer is shared (measured on OFAC+UN+EU)."""
OPEN_HITS: Final = 200
"""Names in play after which larger postings only reinforce existing hits."""
KEY_WEIGHTS: Final[dict[str, float]] = {"t": 1.0, "s": 0.6, "d": 0.5, "p": 0.4, "a": 0.5, "w": 1.0, "y": 0.5}
WHOLE_NAME_KINDS: Final = frozenset({NameKind.PERSON, NameKind.ORGANIZATION})

SPLIT_PART_MIN: Final = 4
"""The shortest part a query's long name part is cut into for retrieval (`_written_apart_keys`)."""

MIN_DELETION_LENGTH: Final = 5
"""Parts this long also carry one-letter deletions (`d:` keys), so a query with one typo in its rarest word still
finds the name (symmetric deletion: a substitution, deletion, insertion or swap leaves a shared deletion)."""
FAR_TYPO_MIN: Final = 7
"""A query of one part this long that no key of its own or one-letter deletion finds also looks up its two-letter
deletions (`_far_typo_keys`; a name of more parts is still found by the others, and most queries of unlisted names
have a part no listed name has): folding may make one slip as written two letters apart in the key, where the slip
keeps two letters that the listed spelling folds to one (Vneaheconombank, `vneagecanambank`, against
Vnesheconombank's `vnesecanambank`; Venispils, `venispils`, against Ventspils's `vencpils`). They meet a listed
part their key is one or two letters longer than, a slip of that kind; a query key shorter than the listed one is
not looked up so (the index files one-letter deletions only)."""
FAR_TYPO_WEIGHT: Final = 0.05
"""The weight of such a key, far below every other key's: a part's two-letter deletions are many and hit rare names
by chance, so the names they bring take the places other keys leave, and among names other keys tie on, those the
deletions also meet go first."""


@lru_cache(maxsize=300_000)
def part_keys(key: str, *, query: bool = False, typos: bool = True) -> tuple[str, ...]:
    """Retrieval keys of one folded name part; with `typos`, the one-letter deletions (a query also looks its
    deletions up among listed parts, and itself among listed deletions)."""
    keys = [f"t:{key}"]
    if len(key) >= 4:
        sk = skeleton(key)
        if len(sk) >= 2:
            keys.append(f"s:{sk}")
    if len(key) >= 6:
        keys.append(f"p:{key[:4]}")
    if typos and len(key) >= MIN_DELETION_LENGTH and key[0] != "#":
        deletions = one_letter_deletions(key)
        keys.extend(f"d:{d}" for d in deletions)
        if query:
            keys.append(f"d:{key}")
            keys.extend(f"t:{d}" for d in deletions)
    return tuple(keys)


def variant_keys(
    variant: NameVariant, *, query: bool = False, known: Container[str] = ()
) -> dict[str, float]:
    """Retrieval keys of one rendering with their weights; abjad queries look up consonant skeletons only.

    A query part already `known` to the index as an exact key skips its typo keys (most parts of most queries:
    the deletion look-ups are paid only for the parts that need them). A rendering compared only (`compared_only`)
    has none.
    """
    keys: dict[str, float] = {}
    if compared_only(variant):
        return keys
    if not (query and variant.abjad):
        # A query retrieves by its distinctive words; "Trading", "Group", "de" only when it has nothing else.
        distinctive = not query or not variant.generic or all(variant.generic)
        for n, part in enumerate(variant.keys):
            if not distinctive and variant.generic[n]:
                continue
            exact = f"t:{part}"
            typos = not query or exact not in known
            found = part_keys(part, query=query, typos=typos)
            for key in found:
                weight = KEY_WEIGHTS[key[0]] if key[0] != "t" or key == exact else KEY_WEIGHTS["d"]
                keys[key] = max(weight, keys.get(key, 0.0))
            if (
                query
                and typos
                and len(variant.keys) == 1
                and len(part) >= FAR_TYPO_MIN
                and not any(k[0] in "td" and k in known for k in found)
            ):
                _far_typo_keys(part, known, keys)
    if query and variant.alts:
        # Second keys (without a Baltic ending, before equivalence, phonetic) find names the main keys miss.
        for alts in variant.alts:
            for alt in alts:
                if len(alt) > 2:
                    keys.setdefault(f"t:{alt}", KEY_WEIGHTS["d"])
    if variant.symbols and variant.system.startswith("latin") != query:
        # The Wikidata items of a person's names (`names.name_symbols`), which meet only across scripts: a listed
        # name written in Latin letters is filed under them, and a query rendered from another script looks them up
        # (Джон finds John, Шекспир Shakespeare).
        for symbols in variant.symbols:
            for symbol in symbols:
                keys.setdefault(f"y:{symbol}", KEY_WEIGHTS["y"])
    for sk in variant.skeletons:
        if len(sk) >= 2:
            keys[f"s:{sk}"] = KEY_WEIGHTS["s"]
    if variant.abjad:
        # The script's waw and its letters romanised two ways, read as a romanisation writes them.
        for sk in abjad_skeleton_readings(variant.skeletons):
            keys.setdefault(f"s:{sk}", KEY_WEIGHTS["d"])
    if len(variant.keys) > 1 and len(variant.joined) >= 6:
        keys[f"t:{variant.joined}"] = KEY_WEIGHTS["t"]
    elif len(variant.keys) == 1 and variant.kind in WHOLE_NAME_KINDS:
        # A name of one part is also filed as a whole name: a query of one part that many longer names share (Joe,
        # Nicolas: hundreds of Chos and Nikolais; Capital S.A.L., Shanghai Offshore Company: a company's one word
        # once its legal form and generic words are left out) finds the name written as it is first.
        keys[f"w:{variant.keys[0]}"] = KEY_WEIGHTS["w"]
    for acronym in acronym_keys(variant):
        keys.setdefault(f"a:{acronym}", KEY_WEIGHTS["a"])
    if query and variant.kind == NameKind.PERSON and not variant.abjad:
        _written_apart_keys(variant.keys, known, keys)
    return keys


def _far_typo_keys(part: str, known: Container[str], keys: dict[str, float]) -> None:
    """A query part's two-letter deletions that the index files (as a listed part, `t:`, or as a listed part's
    one-letter deletion, `d:`), at FAR_TYPO_WEIGHT: asked only for a part that nothing nearer finds (see
    FAR_TYPO_MIN), and only the keys the index has are added."""
    # A two-letter deletion is reached by each order of its two letters: each is looked up once.
    twice = {shorter for once in one_letter_deletions(part) for shorter in one_letter_deletions(once)}
    for deleted in twice:
        for key in (f"t:{deleted}", f"d:{deleted}"):
            if key not in keys and key in known:
                keys[key] = FAR_TYPO_WEIGHT


def _written_apart_keys(parts: tuple[str, ...], known: Container[str], keys: dict[str, float]) -> None:
    """Retrieval keys for a query's name part written as one word where a list writes two, or the other way
    round (Maminsibiryak / Мамин-Сибиряк, Ebad Zadeh / Ebadzadeh; compared by `names._split_runs`): two
    neighbouring parts joined, and a long part the index does not know cut into two parts it knows, at a typo key's
    weight."""
    for n in range(len(parts) - 1):
        first, second = parts[n], parts[n + 1]
        if len(first) > 1 and len(second) > 1 and first[0] != "#" and second[0] != "#":
            keys.setdefault(f"t:{first}{second}", KEY_WEIGHTS["d"])
    for part in parts:
        if len(part) < 2 * SPLIT_PART_MIN or part[0] == "#" or f"t:{part}" in known:
            continue  # a part some listed name carries as it is is not cut (as it skips its typo keys)
        for cut in range(SPLIT_PART_MIN, len(part) - SPLIT_PART_MIN + 1):
            head, tail = _known_key(part[:cut], known), _known_key(part[cut:], known)
            if head and tail:
                keys.setdefault(head, KEY_WEIGHTS["d"])
                keys.setdefault(tail, KEY_WEIGHTS["d"])


def _known_key(text: str, known: Container[str]) -> str | None:
    """`text` as a part the index knows, or as one of its parts with a letter more (a letter folded away across
    the cut: Ebadzadeh keys as `ebadadeg`, Ebad Zadeh as `ebad` and `zadeg`)."""
    for key in (f"t:{text}", f"d:{text}"):
        if key in known:
            return key
    return None


def listed_entries(
    variants: Iterable[NameVariant], part_entries: Callable[[str], Iterable[T]], key_entry: Callable[[str], T]
) -> set[T]:
    """What a listed name is filed under, the one statement of it for both ways of filing: keys (`index.listed_keys`)
    or the postings' rows of those keys (the build, `ScreeningIndex._listed_rows`). `part_entries(part)` gives
    the entries of a name part's keys (`part_keys`), `key_entry(key)` the entry of one other key."""
    entries: set[T] = set()
    for variant in variants:
        if compared_only(variant):
            continue
        entries.update(*map(part_entries, variant.keys))
        entries.update([key_entry(f"s:{sk}") for sk in variant.skeletons if len(sk) >= 2])
        if variant.abjad:
            entries.update(map(key_entry, (f"s:{sk}" for sk in abjad_skeleton_readings(variant.skeletons))))
        if len(variant.keys) > 1 and len(variant.joined) >= 6:
            entries.add(key_entry(f"t:{variant.joined}"))
        elif len(variant.keys) == 1 and variant.kind in WHOLE_NAME_KINDS:
            entries.add(key_entry(f"w:{variant.keys[0]}"))
        if variant.initials:  # organisations only (`acronym_keys`)
            entries.update([key_entry(f"a:{acronym}") for acronym in acronym_keys(variant)])
            # An organisation word the meaning table translates is filed under its meaning (Resheniya under
            # Solutions) and also under its written form, which a query looks up among its second keys: a name
            # of such words alone would otherwise share its only key with every name of that meaning.
            if len(variant.alts) == len(variant.keys):
                meanings = org_meaning_keys()
                entries.update(
                    [
                        key_entry(f"t:{alts[-1]}")
                        for key, alts in zip(variant.keys, variant.alts, strict=True)
                        if alts and alts[-1] != key and len(alts[-1]) > 2 and key in meanings
                    ]
                )
    return entries


def names_in_play(
    usable: list[tuple[int, str, float]], ids_of: Callable[[str], list[int]]
) -> dict[int, float]:
    """Each name a query's usable postings (count, key, weight; rarest first) bring into play, with the sum of their
    weights, in the order the names came into play (`ScreeningIndex.candidate_names`; `ids_of(key)` the ids filed
    under a key, ascending).

    Once enough names are in play, a big posting only adds to names already there (same recall, and a query counts
    a few thousand ids instead of walking every posting): the first posting that finds OPEN_HITS names in play and
    is longer than their number closes, and so do all after it (each is at least as long and adds no name). Each
    posting is read in the order of a set of its ids (the order this index has always used, so a build answers as
    it did with a set per key). Counted in a dict: a query's postings hold a few thousand ids at most, fewer than
    the fixed cost of array operations is worth."""
    scores: dict[int, float] = {}
    closed = False
    for n, key, w in usable:
        weight = w * math.log(1.0 + MAX_POSTING / n)
        closed = closed or (len(scores) >= OPEN_HITS and n > len(scores))
        ids = ids_of(key)
        if closed:
            for name_id in scores.keys() & ids:
                scores[name_id] += weight
            continue
        for name_id in set(ids):
            if name_id in scores:
                scores[name_id] += weight
            else:
                scores[name_id] = weight
    return scores
