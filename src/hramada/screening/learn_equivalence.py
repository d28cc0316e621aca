"""Learn Belarusian-Russian given-name and patronymic equivalences from the EU Belarus list.

The EU prints every person of the Belarus regime (Regulation 765/2006) in Belarusian and in Russian, in Cyrillic and
in Latin: `name` holds the Belarusian romanisation, `alias` the Russian romanisation and both Cyrillic forms
(`Юрый Леанідавіч СIВАКАЎ, СIВАКОЎ; Юрий Леонидович СИВАКОВ`). Surnames are printed in capitals; the words before
them are the given name and the patronymic, in the same order in every form, so they align by position.

Persons are split by a hash of their record id; held-out persons are never learned from, so the benchmark can
measure the learned slice on people the table has not seen. Run:

    python -m hramada.screening.learn_equivalence ../shared/data/sanctions/eu/journal/32006R0765.csv
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from hramada.screening.keys import fold
from hramada.screening.normalize import clean_text, has_cyrillic, repair_mixed_script
from hramada.screening.transliterate import latin_renderings

HOLDOUT_RULE = "sha256('EU-BLR:' + recordId) hex digest starts with 0-4 (5/16 of persons held out)"
OUTPUT = Path(__file__).parent / "data" / "name_equivalence.csv"
_BELARUSIAN_MARKS = re.compile(r"[ўіІЎ']")


def is_held_out(record_id: str) -> bool:
    """The person split recorded in the data file; the benchmark uses the same function."""
    return hashlib.sha256(f"EU-BLR:{record_id}".encode()).hexdigest()[0] in "01234"


@dataclass(frozen=True)
class PersonForms:
    """The four spellings of one listed person, each as its words before the surname."""

    record_id: str
    be_cyrillic: tuple[str, ...]
    ru_cyrillic: tuple[str, ...]
    be_latin: tuple[str, ...]
    ru_latin: tuple[str, ...]


def _first_form(text: str) -> str:
    text = re.sub(r"\([^)]*\)", " ", text)
    return clean_text(text.split(",")[0])


def _given_words(text: str) -> tuple[str, ...]:
    """Words before the capitalised surname (`Юрый Леанідавіч СIВАКАЎ` -> (`Юрый`, `Леанідавіч`))."""
    words = [repair_mixed_script(w) for w in _first_form(text).split()]
    given: list[str] = []
    for word in words:
        if len(word) > 1 and word.isupper():
            break
        given.append(word)
    return tuple(given) if len(given) < len(words) else ()


def read_persons(path: Path) -> Iterator[PersonForms]:
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row.get("schema") != "Person":
                continue
            aliases = [a.strip() for a in (row.get("alias") or "").split(";") if a.strip()]
            be_cyr = next((a for a in aliases if has_cyrillic(a) and _BELARUSIAN_MARKS.search(a)), "")
            ru_cyr = next((a for a in aliases if has_cyrillic(a) and a != be_cyr), "")
            ru_lat = next((a for a in aliases if not has_cyrillic(a)), "")
            yield PersonForms(
                record_id=row["recordId"],
                be_cyrillic=_given_words(be_cyr),
                ru_cyrillic=_given_words(ru_cyr),
                be_latin=_given_words(row.get("name") or ""),
                ru_latin=_given_words(ru_lat),
            )


def _key(word: str) -> str:
    if has_cyrillic(word):
        renderings = latin_renderings(word.casefold())
        return fold(renderings.get("icao_9303") or next(iter(renderings.values())))
    return fold(word)


def _plausible(a: str, b: str) -> bool:
    """Aligned words that share too little are a misalignment, not an equivalence."""
    return bool(a and b) and Levenshtein.normalized_similarity(_key(a), _key(b)) >= 0.4


def learn(persons: Iterable[PersonForms]) -> list[dict[str, str]]:
    """Rows of the equivalence table, one per distinct (kind, Belarusian, Russian) pair, with support counts."""
    support: dict[tuple[str, str, str, str, str], set[str]] = defaultdict(set)
    for person in persons:
        if is_held_out(person.record_id):
            continue
        n = len(person.be_cyrillic)
        if n == 0 or n > 3 or len(person.ru_cyrillic) != n:
            continue
        latin_ok = len(person.be_latin) == n and len(person.ru_latin) == n
        for i in range(n):
            kind = "given" if i == 0 else "patronymic"
            be_c, ru_c = person.be_cyrillic[i], person.ru_cyrillic[i]
            be_l = person.be_latin[i] if latin_ok else ""
            ru_l = person.ru_latin[i] if latin_ok else ""
            if not _plausible(be_c, ru_c) or (latin_ok and not _plausible(be_l, ru_l)):
                continue
            keys = {_key(w) for w in (be_c, ru_c, be_l, ru_l) if w}
            if len(keys) == 1:
                continue  # folding alone already makes them meet
            support[(kind, be_c.capitalize(), ru_c.capitalize(), be_l.capitalize(), ru_l.capitalize())].add(
                person.record_id
            )
    return [
        {
            "kind": kind,
            "be_cyrillic": be_c,
            "ru_cyrillic": ru_c,
            "be_latin": be_l,
            "ru_latin": ru_l,
            "persons": str(len(ids)),
        }
        for (kind, be_c, ru_c, be_l, ru_l), ids in sorted(support.items())
    ]


def write(rows: list[dict[str, str]], held_out: list[str], source: Path, output: Path) -> None:
    with output.open("w", encoding="utf-8", newline="") as handle:
        handle.write(f"# Generated by python -m hramada.screening.learn_equivalence from {source.name}\n")
        handle.write(f"# Person split: {HOLDOUT_RULE}\n")
        handle.write(f"# Held-out recordIds (never learned from): {' '.join(held_out)}\n")
        writer = csv.DictWriter(
            handle, fieldnames=["kind", "be_cyrillic", "ru_cyrillic", "be_latin", "ru_latin", "persons"]
        )
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="EU journal CSV (32006R0765.csv)")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    persons = list(read_persons(args.source))
    held_out = sorted({p.record_id for p in persons if is_held_out(p.record_id)}, key=int)
    rows = learn(persons)
    write(rows, held_out, args.source, args.output)
    print(f"{len(rows)} equivalences from {len(persons) - len(held_out)} persons; {len(held_out)} held out")
    return 0


if __name__ == "__main__":
    sys.exit(main())
