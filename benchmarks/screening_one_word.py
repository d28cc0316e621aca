"""Names written as one word, screened against the bundled lists: retrieval and comparison together (`screen()`).

Two kinds of query are one word with no listed key, which the index may also cut into parts it knows
(`ScreeningIndex.split_glued`):

* a company known by one word, written with one slip: every word of nine letters or more that is the only word of a
  listed organisation's name that is not generic (Belaruskali, Promsvyazbank), with a letter changed, dropped or
  added inside it, or a foreign ending added (a, ja, s, as, os, u, as Baltic and Slavic languages inflect a name);
* a listed person's name glued together, in capitals: whole, or given name and surname either way round (a payment
  message's field or a form that lost its spaces).

For each, how often the listed entity is found as a match, and how many other entities are matched (alerts a
reviewer would clear; the same person or company listed by another list as an entity of its own counts here too).
With `--baseline`, the same for another checkout's engine (its `src/` first on the path), each in its own process,
printed side by side.

    .venv/bin/python -m benchmarks.screening_one_word
    .venv/bin/python -m benchmarks.screening_one_word --baseline /path/to/other/checkout
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

SLIPS = ("a letter changed", "a letter dropped", "a letter added", "an ending added")
GLUES = ("glued whole", "given name and surname glued", "surname and given name glued")
_LETTERS = "aeiouklmnrst"
_ENDINGS = ("a", "ja", "s", "as", "os", "u")
WORD_MIN = 9
PERSONS = 1500


def _slipped(word: str, how: str, rng: random.Random) -> str:
    at = rng.randrange(2, len(word) - 1)
    if how == "a letter changed":
        return word[:at] + rng.choice([c for c in _LETTERS if c != word[at]]) + word[at + 1 :]
    if how == "a letter dropped":
        return word[:at] + word[at + 1 :]
    if how == "a letter added":
        return word[:at] + rng.choice(_LETTERS) + word[at:]
    return word + rng.choice(_ENDINGS)


def _given_and_surname(name: str) -> tuple[str, str]:
    """The first given name and the surname of a listed person's name: "SURNAME, Given Patronymic" as OFAC and the
    UN write it (a surname of several words written as one), else "Given Patronymic SURNAME" (its last word)."""
    if "," in name:
        surname, _, given = name.partition(",")
        return (given.split() or [""])[0], "".join(surname.split())
    words = name.split()
    return words[0], words[-1]


def measure() -> dict[str, Any]:
    from benchmarks.screening_speed import load_bundled
    from hramada.screening import Query, ScreeningIndex, Thresholds, screen
    from hramada.screening.names import name_variants

    entities, _ = load_bundled()
    index = ScreeningIndex.from_entities(entities)
    thresholds = Thresholds.SCREENING
    words: dict[str, set[str]] = {}
    for entity_id, entity in sorted(index.entities.items()):
        if entity.schema == "Person":
            continue
        for name in entity.names:
            variants = name_variants(name, "organization")
            if not variants or len(variants[0].keys) != 1:
                continue
            word = variants[0].words[0]
            if len(word) >= WORD_MIN and word.isascii() and word.isalpha():
                words.setdefault(word, set()).add(entity_id)
    rows: dict[str, list[int]] = {}  # slice -> [queries, found as a match, other entities matched, cut]
    cpu = 0.0

    def count(how: str, typed: str, schema: str, listed: set[str]) -> None:
        nonlocal cpu
        start = time.process_time()
        results = screen(Query(name=typed, schema=schema), index, thresholds=thresholds)
        cpu += time.process_time() - start
        row = rows.setdefault(how, [0, 0, 0, 0])
        row[0] += 1
        row[1] += any(r.entity_id in listed and r.match for r in results)
        row[2] += sum(r.match and r.entity_id not in listed for r in results)
        row[3] += index.split_glued(typed.lower()) is not None

    for word in sorted(words):
        for how in SLIPS:
            count(
                how, _slipped(word, how, random.Random(f"{word}:{how}")).title(), "Organization", words[word]
            )
    rng = random.Random(2026)
    persons = [
        (entity_id, name)
        for entity_id, entity in sorted(index.entities.items())
        if entity.schema == "Person"
        for name in entity.names[:2]
        if len(name.replace(",", " ").split()) >= 2 and all(_given_and_surname(name))
    ]
    rng.shuffle(persons)
    for n, (entity_id, name) in enumerate(persons[:PERSONS]):
        how = GLUES[n % len(GLUES)]
        given, surname = _given_and_surname(name)
        # In capitals, as payment messages write names: the case of the list's surnames tells no cut.
        if how == "glued whole":
            typed = "".join(name.replace(",", " ").split()).upper()
        elif how == "given name and surname glued":
            typed = (given + surname).upper()
        else:
            typed = (surname + given).upper()
        count(how, typed, "Person", {entity_id})
    return {"words": len(words), "rows": rows, "screen_cpu_s": cpu}


def measured_in(checkout: str | None, module: str = "benchmarks.screening_one_word") -> dict[str, Any]:
    """`module --json` run in a process of its own, with another `checkout`'s engine (its `src/` first on the
    path) or this one's; its last line read as JSON."""
    env = dict(os.environ)
    if checkout:
        ours = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        env["PYTHONPATH"] = os.pathsep.join([os.path.join(checkout, "src"), ours])
    command = [sys.executable, "-m", module, "--json"]
    done = subprocess.run(command, check=True, env=env, capture_output=True, text=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def measured_engines(
    argv: list[str] | None, description: str, module: str, measure_here: Callable[[], dict[str, Any]]
) -> list[tuple[str, dict[str, Any]]] | None:
    """The command line of a benchmark that measures each engine in a process of its own: with `--json`,
    `measure_here()` printed as one JSON line and None returned; else the figures of the `--baseline` checkout's
    engine, when given, and this checkout's, each from `module --json` (`measured_in`), labelled."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--baseline", help="another checkout whose engine is measured beside ours")
    parser.add_argument("--json", action="store_true", help="measure this engine and print one JSON line")
    args = parser.parse_args(argv)
    if args.json:
        print(json.dumps(measure_here()))
        return None
    engines: list[tuple[str, dict[str, Any]]] = []
    if args.baseline:
        engines.append(("baseline", measured_in(args.baseline, module)))
    engines.append(("this checkout", measured_in(None, module)))
    return engines


def main(argv: list[str] | None = None) -> int:
    engines = measured_engines(argv, __doc__.splitlines()[0], "benchmarks.screening_one_word", measure)
    if engines is None:
        return 0
    print(
        f"{engines[-1][1]['words']} one-word company names of {WORD_MIN}+ letters; {PERSONS} persons' names"
    )
    head = "".join(f" | {label:>31}" for label, _ in engines)
    print(f"{'slice':34}{'queries':>8} {'cut':>5}{head}")
    print(f"{'':48}" + " | found as a match / others matched" * len(engines))
    for how in SLIPS + GLUES:
        first = engines[-1][1]["rows"][how]
        cells = ""
        for _, figures in engines:
            queries, found, others, _ = figures["rows"][how]
            cells += f" | {found:>7} ({found / queries:.3f}) / {others:>13}"
        print(f"{how:34}{first[0]:>8} {first[3]:>5}{cells}")
    for label, figures in engines:
        print(f"{label}: screen() CPU {figures['screen_cpu_s']:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
