"""Record linkage of recipients with splink on an in-memory DuckDB: which written recipients are one organisation.

DuckDB never sees a name. Each recipient enters as its id, kind, country, the blind index of its registration
number, and keyed hashes (HMAC under the index key, scope `TOKEN_SCOPE`) of the screening engine's comparison keys of
its name: one per rendering's whole key sequence (Belarusian, Russian, Latin; legal forms stripped), one per
rendering's coarse keys (`coarse_key`: inflection aside), one per rendering with each word read as its cognates
(`cognate`: one word in Belarusian and Russian spelling), one per key, and one per pair of keys of a rendering for
blocking. splink scores each blocked pair from two comparisons (registration number; name: equal rendering, equal
coarse rendering, equal cognate rendering, equal learned rendering, share of keys in common) with the fixed m/u
probabilities below, and pairs at
`THRESHOLD` or above are returned with their evidence. (DuckDB calling the engine's word-by-word comparison as a
Python function was tried and was two orders of magnitude slower than these set comparisons in SQL.)

The m/u probabilities say how often each level is seen among pairs that are one organisation (m) and among pairs
that are not (u). They were set from the generated evaluation set of `benchmarks/registry_scale.py` (another seed
than the one reported) and are kept fixed, so a registry of ten recipients is scored like one of a hundred thousand.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hramada.screening.names import NameVariant

THRESHOLD = 0.95
"""Match probability from which two recipients are proposed as one (and clustered together)."""
MAX_BLOCK = 60
"""A blocking key shared by more recipients than this says too little (generic words of a town): not used."""
PROBABILITY_TWO_RANDOM_MATCH = 1e-4
NAME_LEVELS = (0.75, 0.5)
NAME_M = (0.45, 0.05, 0.1)
NAME_U = (1e-8, 5e-5, 1e-3)
COARSE_M = 0.27
COARSE_U = 1e-7
"""The coarse level (every word's first four consonants agree, in any order) is a little weaker than equal keys."""
COGNATE_M = 0.03
COGNATE_U = 1e-7
"""Names equal once each word is read as its cognates (`cognate`: one word in Belarusian and Russian spelling,
Творчая / Творческая, Сонечная / Солнечная): as strong as the coarse level per pair of names, seen less often among pairs of one organisation (its
m taken from the coarse level's, so that names that differ keep the m they had)."""
LEARNED_M = 0.05
LEARNED_U = 1e-7
"""Names equal once the words learned from known pairs are read as one (`learned_words`): as strong as the coarse
level per pair of names, though seen less often among pairs of one organisation."""
LEARN_SUPPORT = 2
"""A pair of words is learned from at least this many known pairs of one organisation..."""
LEARN_SHARE = 0.5
"""...and only if at least this share of the alignments of either word pair it with the other."""
TOKEN_SCOPE = "registry.linkage"  # noqa: S105 - the scope of the keyed hashes, not a secret


NAME_EVIDENCE = {
    6: "same name",
    5: "same words but for inflection",
    4: "same words in Belarusian and Russian spelling",
    3: "same words once words learned from known pairs are read as one",
    2: "most words in common",
    1: "half the words in common",
}


@dataclass(frozen=True)
class Mention:
    """One written recipient. `registration` is the blind index of the registration number (or empty)."""

    key: int
    name: str
    kind: str = "organisation"
    registration: str = ""
    country: str = ""


@dataclass(frozen=True)
class Link:
    a: int
    b: int
    probability: float
    evidence: dict[str, Any] = field(default_factory=dict)


def _levels_registration() -> dict[str, Any]:
    return {
        "output_column_name": "registration",
        "comparison_levels": [
            {
                "sql_condition": "registration_l IS NULL OR registration_r IS NULL",
                "label_for_charts": "a number missing",
                "is_null_level": True,
            },
            {
                "sql_condition": "registration_l = registration_r",
                "label_for_charts": "same registration number",
                "m_probability": 0.6,
                "u_probability": 1e-7,
            },
            {
                "sql_condition": "country_l = country_r",
                "label_for_charts": "different numbers in one country",
                "m_probability": 0.001,
                "u_probability": 0.9,
            },
            {
                "sql_condition": "ELSE",
                "label_for_charts": "numbers of different countries",
                "m_probability": 0.399,
                "u_probability": 0.1,
            },
        ],
    }


def _levels_name() -> dict[str, Any]:
    """Equal comparison keys of one rendering (the same name in another script or with another legal form), then
    the share of comparison keys in common (Jaccard). m: share of pairs of one organisation at each level; u: share
    of pairs of two organisations among every pair of the registry."""
    jaccard = "len(list_intersect(tokens_l, tokens_r)) / len(list_distinct(list_concat(tokens_l, tokens_r)))"
    levels: list[dict[str, Any]] = [
        {
            "sql_condition": "len(tokens_l) = 0 OR len(tokens_r) = 0",
            "label_for_charts": "no comparable word",
            "is_null_level": True,
        },
        {
            "sql_condition": "len(list_intersect(renderings_l, renderings_r)) > 0",
            "label_for_charts": "one rendering's comparison keys equal",
            "m_probability": NAME_M[0],
            "u_probability": NAME_U[0],
        },
        {
            "sql_condition": "len(list_intersect(coarse_l, coarse_r)) > 0",
            "label_for_charts": "one rendering's coarse keys equal (inflection aside)",
            "m_probability": COARSE_M,
            "u_probability": COARSE_U,
        },
        {
            "sql_condition": "len(list_intersect(cognates_l, cognates_r)) > 0",
            "label_for_charts": "equal once cognate words are read as one",
            "m_probability": COGNATE_M,
            "u_probability": COGNATE_U,
        },
        {
            "sql_condition": "len(list_intersect(learned_l, learned_r)) > 0",
            "label_for_charts": "equal once words learned from known pairs are read as one",
            "m_probability": LEARNED_M,
            "u_probability": LEARNED_U,
        },
    ]
    for limit, m_p, u_p in zip(NAME_LEVELS, NAME_M[1:], NAME_U[1:], strict=True):
        levels.append(
            {
                "sql_condition": f"{jaccard} >= {limit}",
                "label_for_charts": f"{limit:.0%} of the words or more in common",
                "m_probability": m_p,
                "u_probability": u_p,
            }
        )
    levels.append(
        {
            "sql_condition": "ELSE",
            "label_for_charts": "names differ",
            "m_probability": 1 - sum(NAME_M) - COARSE_M - COGNATE_M - LEARNED_M,
            "u_probability": 1 - sum(NAME_U) - COARSE_U - COGNATE_U - LEARNED_U,
        }
    )
    return {"output_column_name": "name", "comparison_levels": levels}


def settings(blocking: Sequence[Any]) -> dict[str, Any]:
    name = _levels_name()
    return {
        "link_type": "dedupe_only",
        "unique_id_column_name": "key",
        "probability_two_random_records_match": PROBABILITY_TWO_RANDOM_MATCH,
        "blocking_rules_to_generate_predictions": list(blocking),
        "comparisons": [_levels_registration(), name],
        "retain_intermediate_calculation_columns": True,
        "additional_columns_to_retain": ["kind"],
    }


@cache
def _index_key() -> bytes:
    from hramada.core import crypto

    return crypto.load_keyring().index_key


def _keyed(text: str) -> str:
    """A keyed hash (HMAC-SHA256 under the index key, this module's scope) of comparison keys, which are already
    folded ASCII: what DuckDB holds instead of the words."""
    message = TOKEN_SCOPE.encode() + b"\x00" + text.encode()
    return hmac.new(_index_key(), message, hashlib.sha256).hexdigest()[:24]


def renderings(variants: Sequence[NameVariant]) -> set[str]:
    """Keyed hashes of the whole comparison-key sequence of each rendering of a name."""
    return {_keyed(" ".join(v.keys)) for v in variants if v.keys}


def tokens(variants: Sequence[NameVariant]) -> set[str]:
    """Keyed hashes of every comparison key longer than two letters, of every rendering (as `RecipientNameToken`)."""
    return {_keyed(k) for v in variants for k in v.keys if len(k) > 2}


COARSE_LETTERS = 4
"""A coarse key is the first four consonants of a comparison key (see `coarse_renderings`)."""


def coarse_key(key: str) -> str:
    """The first `COARSE_LETTERS` consonants of a comparison key (numbers and short keys as they are): Belarusian
    and Russian case endings, adjective suffixes and unstressed vowels differ past them (Нясвіжа / Несвижа:
    nasviza / nesviza -> nsvz; Баранавічаў / Барановичей; Экалагічная / Экологическая -> klgc)."""
    from hramada.screening.keys import skeleton

    if key.startswith("#") or len(key) <= 3:
        return key
    return (skeleton(key) or key)[:COARSE_LETTERS]


def coarse_renderings(variants: Sequence[NameVariant]) -> set[str]:
    """Keyed hashes of the coarse keys of each rendering, in any order (ОАО «X» and X OJSC, Minsk Tractor Works
    and Tractor Works Minsk): two written names of one organisation that differ only in inflection meet here."""
    return {_keyed("~" + " ".join(sorted(coarse_key(k) for k in v.keys))) for v in variants if v.keys}


def block_keys(variants: Sequence[NameVariant]) -> set[str]:
    """Pairs of comparison keys of one rendering (single words are shared by hundreds of names), keyed hashes."""
    out = set()
    for variant in variants:
        keys = sorted({k for k in variant.keys if len(k) > 2})
        if len(keys) == 1:
            out.add(keys[0])
        out.update("|".join(pair) for pair in combinations(keys, 2))
    return {_keyed(k) for k in out}


def whole_renderings(variants: Sequence[NameVariant]) -> list[NameVariant]:
    """The renderings that keep more than half the words of the name's longest rendering. The engine also renders
    a quoted name cut at an apostrophe (ГА «Лясная аб'яднанне цесляроў Ліды» as `lasna` alone); compared as a
    whole name, that piece made every «Лясная аб'...» one organisation (precision 0.76 on the benchmark's held-out
    words)."""
    longest = max((len(v.keys) for v in variants), default=0)
    return [v for v in variants if 2 * len(v.keys) > longest]


COGNATE_MIN = 3
"""Two words are compared as cognates only when each has at least this many consonants (rada / rod, sag / sig are
too short to tell a spelling from another word)."""


SUBSTITUTES = frozenset({("c", "t"), ("s", "z")})
"""Consonants one language writes where the other writes another: Belarusian ц for Russian т (цеканне: the engine
folds it before i, not before a hard vowel or a consonant) and з / с at a prefix's end (бес- / без-)."""
COGNATE_SIMILARITY = 0.7
"""A consonant one word has and the other lacks (Сонечная / Солнечная), or two consonants apart in a long word,
counts only when the whole keys are this alike (normalised Levenshtein similarity)."""


_ENDING = re.compile(r"[aeiu]+$")
_ADJECTIVE_SUFFIX = re.compile(r"(?:esk|sk|n)$")


def adjective_root(key: str) -> str:
    """A comparison key without its vowel ending and then an adjective suffix: Belarusian -чны / -чная and Russian
    -ческий / -ческая, -скі / -ский meet (paeticni, paeticeski -> paetic; tvarca, tvarceska -> tvarc)."""
    return _ADJECTIVE_SUFFIX.sub("", _ENDING.sub("", key))


def cognate(a: str, b: str) -> bool:
    """Whether two comparison keys are one word spelled by the rules of two languages (Belarusian and Russian, or a
    Latin rendering of either). The engine's keys already fold the letters that differ regularly (г/h, ў/в, ц/т
    before i, ja/e); what is left are unstressed vowels (akanye: lasna / lesna), a suffix one language adds
    (tvarca / tvarceska: Творчая / Творческая) and a consonant of the root (sanecna / salnecna: Сонечная /
    Солнечная). One stem of three consonants or more (the engine's `org_stem`, or `adjective_root`:
    ekalagicna / ekalagiceska, Экалагічная / Экологическая) is a cognate; otherwise read on the consonants
    (`skeleton`), from the same first consonant:
    - the same consonants: any vowels apart with four or more, one vowel apart with three;
    - one word's consonants opening the other's, the shorter with four or more (a suffix added);
    - with four or more: one consonant more or less, or one of `SUBSTITUTES` for another, the keys
      `COGNATE_SIMILARITY` alike; with seven or more, any two consonants apart, the keys as alike.
    Another consonant in a short word is another word (Брэст / Барысаў: brst / brsv; Крок / Круг); numbers and
    words of fewer than `COGNATE_MIN` consonants are cognate only when equal."""
    from rapidfuzz.distance import Levenshtein

    from hramada.screening.keys import org_stem, skeleton

    if a == b:
        return True
    if a.startswith("#") or b.startswith("#"):
        return False
    for stem in (org_stem, adjective_root):
        root = stem(a)
        if root == stem(b) and len(skeleton(root)) >= COGNATE_MIN:
            return True
    sa, sb = skeleton(a), skeleton(b)
    short = min(len(sa), len(sb))
    if short < COGNATE_MIN or sa[0] != sb[0]:
        return False
    if sa == sb:
        return short > COGNATE_MIN or Levenshtein.distance(a, b) <= 1
    if short <= COGNATE_MIN:
        return False
    if sa.startswith(sb) or sb.startswith(sa):
        return True
    alike = Levenshtein.normalized_similarity(a, b) >= COGNATE_SIMILARITY
    distance = Levenshtein.distance(sa, sb)
    if short >= 7:
        return distance <= 2 and alike
    if distance != 1 or not alike:
        return False
    if len(sa) != len(sb):
        return True
    x, y = next((x, y) for x, y in zip(sa, sb, strict=True) if x != y)
    return (min(x, y), max(x, y)) in SUBSTITUTES


def cognate_classes(keys: Iterable[str]) -> dict[str, str]:
    """Each key that has a cognate among `keys` -> the smallest key of its group (groups joined through shared
    cognates). Candidates are found per first consonant with one rapidfuzz `cdist` over the consonant skeletons,
    so a registry's vocabulary is never compared word by word in Python."""
    import networkx as nx
    import numpy as np
    from rapidfuzz.distance import Levenshtein
    from rapidfuzz.process import cdist

    from hramada.screening.keys import skeleton

    groups: dict[str, list[str]] = {}
    for key in sorted(set(keys)):
        bones = skeleton(key)
        if key.startswith("#") or len(bones) < COGNATE_MIN:
            continue
        groups.setdefault(bones[0], []).append(key)
    alike = nx.Graph()
    for words in groups.values():
        skeletons = [skeleton(w) for w in words]
        for start in range(0, len(words), 2_000):
            rows = skeletons[start : start + 2_000]
            near = cdist(rows, skeletons, scorer=Levenshtein.distance, score_cutoff=2, dtype=np.int32)
            for i, j in zip(*np.nonzero(near <= 2), strict=True):
                a, b = words[start + int(i)], words[int(j)]
                if a < b and cognate(a, b):
                    alike.add_edge(a, b)
    return {key: min(group) for group in nx.connected_components(alike) for key in group}


def _aligned(
    a: Sequence[NameVariant], b: Sequence[NameVariant], canon: Mapping[str, str]
) -> set[tuple[str, str]]:
    """The words two names of one organisation put in one place: of their renderings of equal length (two words or
    more), the pair with the most words alike (equal keys, equal coarse keys: inflection aside, or cognates: each
    key read as `canon` gives it), read position by position; the differing positions, where at least one word is alike and at most two differ (names built
    alike, a word or two translated: Сумленная грамада рыбакоў / Честная община рыбаков)."""
    best: tuple[int, set[tuple[str, str]]] = (0, set())
    for va in a:
        for vb in b:
            if len(va.keys) != len(vb.keys) or len(va.keys) < 2:
                continue
            differ = {
                (canon.get(x, x), canon.get(y, y))
                for x, y in zip(va.keys, vb.keys, strict=True)
                if coarse_key(canon.get(x, x)) != coarse_key(canon.get(y, y))
            }
            alike = len(va.keys) - len(differ)
            if alike > best[0] and len(differ) <= 2:
                best = (alike, differ)
    return best[1]


def learned_words(
    known: Iterable[tuple[int, int]],
    variants: Mapping[int, Sequence[NameVariant]],
    canon: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Words learned from pairs of written names known to be one organisation (the same registration number, or
    a merge a coordinator confirmed): the words the two names put in one place (`_aligned`) are taken as one
    meaning when at least `LEARN_SUPPORT` known pairs say so and at least `LEARN_SHARE` of the alignments of
    either word pair it with the other. Returns each learned key -> the key of its meaning (the smallest of its
    group), so names whose words the screening engine's vocabulary lacks meet once a few of their spellings have
    been linked by numbers or by a coordinator. With `canon` (`cognate_classes`), cognates count as alike and
    the words learned are their groups' keys."""
    together: Counter[tuple[str, str]] = Counter()
    alone: Counter[str] = Counter()
    for a, b in known:
        for x, y in _aligned(variants[a], variants[b], canon or {}):
            together[min(x, y), max(x, y)] += 1
            alone[x] += 1
            alone[y] += 1
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for (x, y), n in together.items():
        if n >= LEARN_SUPPORT and n >= LEARN_SHARE * max(alone[x], alone[y]):
            rx, ry = find(x), find(y)
            if rx != ry:
                parent[max(rx, ry)] = min(rx, ry)
    return {k: find(k) for k in parent}


def learned_renderings(
    variants: Sequence[NameVariant], words: Mapping[str, str], canon: Mapping[str, str] | None = None
) -> set[str]:
    """Keyed hashes of each rendering's coarse keys after the learned words are read as their meaning (each key
    first read as its cognate group's key, `canon`)."""
    canon = canon or {}
    return {
        _keyed("@" + " ".join(sorted(coarse_key(words.get(c, c)) for c in (canon.get(k, k) for k in v.keys))))
        for v in variants
        if v.keys
    }


def cognate_renderings(variants: Sequence[NameVariant], canon: Mapping[str, str]) -> set[str]:
    """Keyed hashes of each rendering's coarse keys with each word read as its cognate group (`cognate_classes`),
    in any order; empty for a rendering none of whose words has a cognate (the coarse level already compares it)."""
    return {
        _keyed("%" + " ".join(sorted(coarse_key(canon.get(k, k)) for k in v.keys)))
        for v in variants
        if v.keys and any(k in canon for k in v.keys)
    }


def known_pairs(mentions: Sequence[Mention], confirmed: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
    """Pairs of mentions known to be one organisation: the same registration number (each mention with the first
    of its number), or a merge a coordinator confirmed."""
    first: dict[str, int] = {}
    pairs = set()
    for m in mentions:
        if m.registration:
            other = first.setdefault(m.registration, m.key)
            if other != m.key:
                pairs.add((other, m.key))
    keys = {m.key for m in mentions}
    pairs.update((a, b) for a, b in confirmed if a in keys and b in keys and a != b)
    return pairs


def link(
    mentions: Sequence[Mention],
    *,
    threshold: float = THRESHOLD,
    confirmed: Iterable[tuple[int, int]] = (),
    cognates: bool = True,
    acronyms: bool = True,
) -> list[Link]:
    """Every pair of mentions of one kind whose match probability reaches `threshold`, with its evidence, and each
    name that is only an acronym linked to the one organisation it may abbreviate (`acronym_links`).
    `confirmed`: pairs of mention keys a coordinator confirmed as one organisation, to learn words from.
    `cognates=False` leaves out the cognate level and `acronyms=False` the acronyms (the linkage before each,
    kept for the benchmark's baselines)."""
    import duckdb
    import pyarrow as pa
    from splink import DuckDBAPI, Linker, block_on

    from hramada.screening.names import NameKind, name_variants

    if len(mentions) < 2:
        return []
    by_key = {m.key: m for m in mentions}
    variants = {
        m.key: whole_renderings(
            name_variants(m.name, NameKind.ORGANIZATION if m.kind == "organisation" else NameKind.PERSON)
        )
        for m in mentions
    }
    # A name that is only an acronym is not compared as a name: three or four letters are shared by many
    # organisations (and БАЖ's German rendering, Basch, has the comparison key of БАС). It links by its number,
    # or by `acronym_links` to the one organisation whose initials it spells.
    bare = {
        m.key
        for m in mentions
        if acronyms and m.kind == "organisation" and is_bare_acronym(m.name, variants[m.key])
    }
    compared = {key: [] if key in bare else vs for key, vs in variants.items()}
    coarse = {m.key: coarse_renderings(compared[m.key]) for m in mentions}
    canon = (
        cognate_classes(k for vs in compared.values() for v in vs for k in v.keys if len(k) > 2)
        if cognates
        else {}
    )
    cognate = {m.key: cognate_renderings(compared[m.key], canon) if canon else set() for m in mentions}
    words = learned_words(known_pairs(mentions, confirmed), compared, canon)
    learned = {m.key: learned_renderings(compared[m.key], words, canon) if words else set() for m in mentions}
    # A name meets another written in the other language on its coarse keys even when no pair of keys is equal,
    # on its cognate rendering and on its learned rendering.
    keys = {
        m.key: block_keys(compared[m.key]) | coarse[m.key] | cognate[m.key] | learned[m.key] for m in mentions
    }
    counts = Counter(k for ks in keys.values() for k in ks)

    connection = duckdb.connect(":memory:")
    table = pa.table(
        {
            "key": [m.key for m in mentions],
            "kind": [m.kind for m in mentions],
            "country": [m.country or None for m in mentions],
            "registration": [m.registration or None for m in mentions],
            "renderings": [sorted(renderings(compared[m.key])) for m in mentions],
            "tokens": [sorted(tokens(compared[m.key])) for m in mentions],
            "coarse": [sorted(coarse[m.key]) for m in mentions],
            "cognates": [sorted(cognate[m.key]) for m in mentions],
            "learned": [sorted(learned[m.key]) for m in mentions],
            "block": [sorted(k for k in keys[m.key] if counts[k] <= MAX_BLOCK) for m in mentions],
        }
    )
    api = DuckDBAPI(connection)
    frame = api.register(table, table_name="recipients")
    blocking = [
        block_on("registration"),
        block_on("block", "kind", arrays_to_explode=["block"]),
    ]
    linker = Linker(frame, settings(blocking), log_level="WARNING")
    predictions = linker.inference.predict(threshold_match_probability=threshold)
    rows = predictions.as_record_list()
    out = []
    for row in rows:
        a, b = sorted((int(row["key_l"]), int(row["key_r"])))
        if by_key[a].kind != by_key[b].kind:
            continue
        same_registration = row.get("gamma_registration") == 2
        out.append(
            Link(
                a,
                b,
                float(row["match_probability"]),
                {
                    "probability": round(float(row["match_probability"]), 4),
                    "name": NAME_EVIDENCE.get(int(row.get("gamma_name") or 0), "differ"),
                    "registration": same_registration,
                },
            )
        )
    connection.close()
    if bare:
        out += acronym_links(mentions, variants, out, bare)
    return out


ACRONYM_EVIDENCE = "acronym of the other's name, the only organisation in the registry with these initials"
ACRONYM_ALONE_EVIDENCE = "the same acronym, and no organisation in the registry with these initials"


ACRONYM_LETTERS = (3, 5)
"""An acronym written alone has three to five letters (BAJ, БАЖ, OSCE, UNHCR): a word of six in capitals is as
often a name written in capitals (VIASNA)."""
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_.]|\.(?=[^\W\d_]))*\.?")


def is_bare_acronym(name: str, variants: Sequence[NameVariant]) -> bool:
    """A name that is nothing but an acronym (BAJ, Б.А.Ж., ГА «БАЖ»: legal forms aside): every rendering of it is
    one word, the screening engine reads that word as an acronym, and the name has a word of three to five
    letters written in capitals or with dots. A short word in small letters (Вясна) is a name."""
    if not variants or any(len(v.keys) != 1 for v in variants) or not any(v.acronyms for v in variants):
        return False
    low, high = ACRONYM_LETTERS
    for word in _WORD.findall(name):
        letters = word.replace(".", "")
        if low <= len(letters) <= high and (letters.isupper() or "." in word):
            return True
    return False


def acronym_links(
    mentions: Sequence[Mention],
    variants: Mapping[int, Sequence[NameVariant]],
    links: Iterable[Link],
    bare: set[int],
) -> list[Link]:
    """Each written name that is only an acronym, linked to the organisation whose name it abbreviates when that
    organisation is the only one of the registry with those initials.

    The letters are the screening engine's: an acronym's letters in each rendering (БАЖ as baz, bazh and baj),
    against the initials of three to five of a name's words (`_spelt`: Belarusian Association of Journalists as
    baj, "of" skipped; Беларуская асацыяцыя журналістаў as baz and baj). A word of a longer name is not read as
    an acronym here (BAJ Media Lab is not what BAJ abbreviates). An acronym of three or four letters abbreviates
    many names of a large registry, so its letters count only when they lead to one organisation: the
    organisations are the clusters `links` already make, and an acronym whose initials belong to two of them (of
    a country it may be in) is left for a coordinator. An acronym that no name spells is linked to the same
    acronym written before it (BAJ and БАЖ both read baj). A link is proposed at the threshold, never surer.
    `bare`: the mentions that are only an acronym (`is_bare_acronym`)."""
    by_key = {m.key: m for m in mentions}
    root = clusters(by_key, links)
    letters_of = {key: {a.lower() for v in variants[key] for a in v.acronyms} for key in bare}
    wanted = set().union(*letters_of.values())
    openings = {w[:n] for w in wanted for n in range(1, len(w) + 1)}
    holders: dict[str, dict[int, int]] = {}  # initials -> cluster -> the first full name of it with them
    for m in mentions:
        if m.key in bare or m.kind != "organisation":
            continue
        for initials in {k for v in variants[m.key] if len(v.keys) > 1 for k in _spelt(v, wanted, openings)}:
            holders.setdefault(initials, {}).setdefault(root[m.key], m.key)
    named = {root[m.key] for m in mentions if m.key not in bare}
    out = []
    # Once per pair of clusters: BAJ, БАЖ and ГА «БАЖ» of one number link to the organisation once.
    linked: set[tuple[int, int]] = set()
    # An acronym's letters that no name's initials spell -> the first acronym written so.
    alone: dict[str, int] = {}
    # "acronym": "initials" (it spells a name's initials) or "same" (the same acronym, no name spells it).
    evidence = {"probability": THRESHOLD, "registration": False, "acronym": "initials"}
    for key in sorted(bare):
        if root[key] in named:
            continue  # its registration number already put it with an organisation's written name
        mention = by_key[key]
        letters = letters_of[key]
        found: dict[int, int] = {}  # cluster -> its first full name with the acronym's initials
        for initials in letters:
            for cluster, first in holders.get(initials, {}).items():
                if _countries_agree(mention, by_key[first]):
                    found[cluster] = min(first, found.get(cluster, first))
        if not found and not any(initials in holders for initials in letters):
            # No organisation's name has these initials: the same acronym written again is the one organisation
            # the registry knows by it (BAJ and БАЖ, read as baj).
            partners = {
                alone[initials]
                for initials in letters
                if initials in alone and _countries_agree(mention, by_key[alone[initials]])
            }
            for initials in letters:
                alone.setdefault(initials, key)
            if partners and root[min(partners)] != root[key]:
                out.append(
                    Link(
                        min(partners),
                        key,
                        THRESHOLD,
                        {**evidence, "name": ACRONYM_ALONE_EVIDENCE, "acronym": "same"},
                    )
                )
            continue
        if len(found) != 1:
            continue
        ((cluster, first),) = found.items()
        if (root[key], cluster) in linked:
            continue
        linked.add((root[key], cluster))
        a, b = sorted((key, first))
        out.append(Link(a, b, THRESHOLD, {**evidence, "name": ACRONYM_EVIDENCE}))
    return out


def _spelt(variant: NameVariant, wanted: set[str], openings: set[str]) -> set[str]:
    """The acronyms of `wanted` that the initials of consecutive words of `variant` spell, from its first word or
    from a word after one an acronym skips ("of"), each word by any letter it may begin with in a language of its
    meaning (the engine's `initials`: журналістаў as z, j, s or d). Only spellings that open one of `wanted`
    (`openings`) are followed, so a name of many words costs a few set look-ups."""
    out: set[str] = set()
    letters = variant.initials
    for start in {0} | {k + 1 for k, word in enumerate(letters) if not word}:
        spelt = {""}
        for word in [w for w in letters[start : start + 8] if w][: ACRONYM_LETTERS[1]]:
            spelt = {s + c for s in spelt for c in set(word.lower()) if s + c in openings}
            if not spelt:
                break
            out |= spelt & wanted
    return out


def _countries_agree(a: Mention, b: Mention) -> bool:
    return not (a.country and b.country and a.country != b.country)


def clusters(keys: Iterable[int], links: Iterable[Link]) -> dict[int, int]:
    """Connected components: each key to the smallest key of its organisation."""
    parent = {k: k for k in keys}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link_ in links:
        ra, rb = find(link_.a), find(link_.b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {k: find(k) for k in parent}
