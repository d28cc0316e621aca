"""Write `src/hramada/screening/data/japanese_names.csv`: Japanese family and given names written in Chinese
characters, with their readings as Japanese passports write them, from the IPADIC dictionary as the janome package
ships it.

IPADIC (the dictionary of the Nara Institute of Science and Technology's Japanese analyser, ICOT Free Software
licence) files family names (名詞,固有名詞,人名,姓), given names (名詞,固有名詞,人名,名) and whole names of well-known
persons (名詞,固有名詞,人名,一般) with their readings in katakana and a cost (lower: more usual). The table keeps, for
each spelling and kind, its readings from the most usual, at most `READINGS` of them, in Hepburn as passports write
it (`hramada.screening.han.kana_latin`: long vowels unmarked); spellings without a Chinese character are left out
(kana are read as written). The screening engine reads this table only; janome, whose dictionary takes about
700 MB of memory once loaded, is not one of its dependencies.

janome is needed only to write the table, not to screen (written with janome 0.5.1):
`.venv/bin/uv pip install --python .venv/bin/python janome==0.5.1`, then
`.venv/bin/python scripts/japanese_names_table.py`.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/hramada/screening/data/japanese_names.csv"
KINDS = {
    "名詞,固有名詞,人名,姓": "family",
    "名詞,固有名詞,人名,名": "given",
    "名詞,固有名詞,人名,一般": "whole",
}
READINGS = 2
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KATAKANA = re.compile("^[\u30a1-\u30fa\u30fc]+$")


def main() -> int:
    from janome import sysdic  # the dictionary janome ships

    from hramada.screening.han import kana_latin

    found: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for entry in sysdic.entries(compact=False).values():  # type: ignore[attr-defined]
        surface, cost, part_of_speech, reading = entry[0], entry[3], entry[4], entry[8]
        kind = KINDS.get(part_of_speech)
        if kind is None or not _HAN.search(surface) or not _KATAKANA.match(reading):
            continue
        readings = found[(surface, kind)]
        latin = kana_latin(reading)
        readings[latin] = min(cost, readings.get(latin, cost))
    with OUT.open("w", encoding="utf-8", newline="") as out:
        out.write(
            "# Japanese family and given names in Chinese characters, readings in passport Hepburn, most usual first:\n"
            "# IPADIC as janome ships it (scripts/japanese_names_table.py; ICOT Free Software licence)\n"
        )
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(("name", "kind", "readings"))
        for (surface, kind), readings in sorted(found.items()):
            best = sorted(readings, key=lambda r: (readings[r], r))[:READINGS]
            writer.writerow((surface, kind, " ".join(best)))
    print(f"{len(found)} names written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
