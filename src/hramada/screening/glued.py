"""Names written without spaces ("alexandervyacheslavovichzakharov", "mariaosetrova"), split back into name
parts at query time with the listed names' own parts as the dictionary.

A form field or an e-mail address often loses the spaces of a name. The index compares names part by part, so a
glued name meets a listed one only when it glues every part in the listed order. :func:`with_split_names` adds,
for each single-word name of a query that the index does not know as a word, the split into the fewest parts that
are all listed name parts ("maria osetrova"), as one more alias: screening then compares it as any typed name.
Nothing changes for a name with spaces or one the lists hold as one word (Belaruskali).
"""

from __future__ import annotations

import dataclasses

from hramada.screening.entities import Query
from hramada.screening.index import ScreeningIndex, name_kind
from hramada.screening.names import name_variants

MIN_GLUED_LENGTH = 8
MAX_GLUED_LENGTH = 80
MIN_PART_LENGTH = 2
MAX_PARTS = 6
MAX_PART_LENGTH = 24


def _part_key(piece: str, kind: str) -> str | None:
    """The comparison key of one piece of a glued name when it renders as one word."""
    keys = {variant.keys[0] for variant in name_variants(piece, kind) if len(variant.keys) == 1}
    return min(keys) if len(keys) == 1 else (sorted(keys)[0] if keys else None)


def split_glued(text: str, kind: str, index: ScreeningIndex) -> tuple[str, ...] | None:
    """The split of a word into the fewest pieces that are each a listed name part once folded (ties: the
    longest shortest piece), or None when no split into 2 to 6 such pieces exists. Pieces are cut from the text
    as written, then folded one by one: folding is not compositional ("maria"+"osetrova" folds to "mara" and
    "asetrava", the glued word to "marasetrava")."""
    postings = index._postings  # "t:<key>": the listed parts
    known: dict[str, bool] = {}

    def listed(piece: str) -> bool:
        if piece not in known:
            key = _part_key(piece, kind)
            known[piece] = key is not None and f"t:{key}" in postings
        return known[piece]

    size = len(text)
    # best[i]: (parts, -shortest part, where the last part starts) of the best split of text[:i]
    best: list[tuple[int, int, int] | None] = [None] * (size + 1)
    best[0] = (0, -size, 0)
    for end in range(MIN_PART_LENGTH, size + 1):
        for start in range(max(0, end - MAX_PART_LENGTH), end - MIN_PART_LENGTH + 1):
            before = best[start]
            whole = start == 0 and end == size
            if before is None or before[0] >= MAX_PARTS or whole or not listed(text[start:end]):
                continue
            candidate = (before[0] + 1, max(before[1], -(end - start)), start)
            current = best[end]
            if current is None or candidate[:2] < current[:2]:
                best[end] = candidate
    final = best[size]
    if final is None or final[0] < 2:
        return None
    parts: list[str] = []
    end = size
    while end > 0:
        found = best[end]
        if found is None:  # every reachable end has its step; kept for the type checker
            return None
        parts.append(text[found[2] : end])
        end = found[2]
    return tuple(reversed(parts))


def glued_split(name: str, schema: str, index: ScreeningIndex) -> str | None:
    """``name`` split into listed name parts ("maria osetrova"), or None when it is not one unknown long word."""
    text = "".join(ch for ch in name.strip().casefold() if ch.isalnum())
    if not text or any(ch.isspace() for ch in name.strip()):
        return None
    if not MIN_GLUED_LENGTH <= len(text) <= MAX_GLUED_LENGTH:
        return None
    kind = name_kind(schema)
    whole = _part_key(text, kind)
    if whole is None or f"t:{whole}" in index._postings:  # the lists know it as one word
        return None
    parts = split_glued(text, kind, index)
    return " ".join(parts) if parts else None


def with_split_names(query: Query, index: ScreeningIndex) -> Query:
    """The query with the split of each glued name among its names added as an alias (the query as it was
    when none of its names is glued)."""
    splits = [
        split
        for name in (query.name, *query.aliases)
        if (split := glued_split(name, query.schema, index)) is not None
    ]
    new = [split for split in dict.fromkeys(splits) if split not in query.aliases]
    if not new:
        return query
    return dataclasses.replace(query, aliases=(*query.aliases, *new))
