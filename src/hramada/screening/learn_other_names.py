"""Given names one slip from a spelling of the equivalence tables that name someone else (`data/other_given_names.csv`).

`EquivalenceTable.written_slip` reads a word one slip (a letter more, less or another, two swapped) from exactly one
name of the tables as that name: Iogr is Igor, Adrei is Andrei. A real given name can be one slip from a name of the
tables too (Zhanna and Hanna, Inna and Anna, Valentin and Valentina): two sisters, or a brother and a sister, who
share a surname and a patronymic must not meet as one person. Which words are given names, and whether two are one
name, is read from rigour's person-name symbols (Wikidata given-name items): a word carrying name symbols, none of
them a symbol of the spellings it would be read as, is another name.

Run `python -m hramada.screening.learn_other_names` after changing the tables; `--check` exits 1 when the file
differs from what the tables give (rigour's tagger takes some seconds and a few hundred MiB to load: it is read here,
never by screening itself).
"""

from __future__ import annotations

import argparse
import string
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from rapidfuzz.distance import OSA

from hramada.screening.equivalence import WRITTEN_SLIP_MIN, EquivalenceTable, default_table

OUTPUT = Path(__file__).resolve().parent / "data" / "other_given_names.csv"
HEADER = (
    "# Given names one slip from a Latin spelling of data/name_equivalence*.csv that name someone else (rigour's\n"
    "# person-name symbols share no item with that spelling's). Written by python -m hramada.screening.learn_other_names\n"
    "name,beside\n"
)


def one_slip_words(word: str) -> Iterator[str]:
    """Every word one slip from `word`: a letter left out, added, replaced, or two neighbours swapped."""
    letters = string.ascii_lowercase
    for i in range(len(word) + 1):
        for letter in letters:
            yield word[:i] + letter + word[i:]
        if i < len(word):
            yield word[:i] + word[i + 1 :]
            for letter in letters:
                yield word[:i] + letter + word[i + 1 :]
        if i + 1 < len(word):
            yield word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def _name_symbols(words: list[str]) -> dict[str, frozenset[str]]:
    """rigour's person-name symbol ids of each word (empty for a word no given name is known as)."""
    from rigour.names.analyze import analyze_names
    from rigour.names.symbol import Symbol
    from rigour.names.tag import NameTypeTag

    found: dict[str, frozenset[str]] = {}
    for word in words:
        ids = {
            str(symbol.id)
            for name in analyze_names(NameTypeTag.PER, [word], consolidate=False, phonetics=False)
            for symbol in name.symbols
            if symbol.category == Symbol.Category.NAME
        }
        found[word] = frozenset(ids)
    return found


def other_names(table: EquivalenceTable) -> list[tuple[str, str]]:
    """The words `written_slip` would read as a name of the tables that are given names of their own, each with the
    first spelling of that name one slip away."""
    spellings = table.spellings()
    by_key: dict[str, set[str]] = defaultdict(set)
    for written, keys in spellings.items():
        for key in keys:
            by_key[key].add(written)
    read_as: dict[str, str] = {}
    for written in spellings:
        for word in one_slip_words(written):
            if len(word) >= WRITTEN_SLIP_MIN and word not in spellings and word not in read_as:
                meant = table.written_slip(word)
                if meant is not None:
                    read_as[word] = meant
    symbols = _name_symbols(sorted(set(read_as) | set(spellings)))
    out = []
    for word, meant in read_as.items():
        own = symbols[word]
        if not own:
            continue  # no given name is known as this word: a slip
        theirs = set().union(*(symbols[s] for s in by_key[meant]))
        if own.isdisjoint(theirs):
            beside = min(s for s in by_key[meant] if OSA.distance(word, s, score_cutoff=1) <= 1)
            out.append((word, beside))
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="exit 1 when the file differs from the tables")
    args = parser.parse_args(argv)
    table = default_table()
    kept = table.add_other_names(())  # every slip as the tables alone read it
    try:
        found = other_names(table)
    finally:
        table.replace_other_names(kept)  # this process screens on as before
    text = HEADER + "".join(f"{word},{beside}\n" for word, beside in found)
    if args.check:
        current = args.output.read_text("utf-8") if args.output.exists() else ""
        if current != text:
            print(
                f"{args.output} is out of date: run python -m hramada.screening.learn_other_names",
                file=sys.stderr,
            )
            return 1
        return 0
    args.output.write_text(text, "utf-8")
    print(f"wrote {text.count(chr(10)) - 3} names to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
