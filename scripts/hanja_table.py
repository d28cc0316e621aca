"""Write `src/hramada/screening/data/hanja_hangul.csv`: the Korean readings (in Hangul) of each Chinese character,
from the Unicode Han Database's `kHangul` field (UAX #38).

Source: `Unihan_Readings.txt` of the Unicode Character Database, as Debian's `unicode-data` package installs it
(`/usr/share/unicode/Unihan_Readings.txt.bz2`; Unicode 15.0.0 in Debian 12). Each reading there carries source
tags: 0 and 1 the KS X 1001 and KS X 1002 standards, E one of the 1,800 characters taught in schools, N a
reading the Supreme Court's table of characters for personal names allows. The table keeps every reading in the
order the database gives and, apart, those allowed in names.

Usage: .venv/bin/python scripts/hanja_table.py [path to Unihan_Readings.txt(.bz2)]
"""

from __future__ import annotations

import bz2
import csv
import re
import sys
from pathlib import Path

DEFAULT = Path("/usr/share/unicode/Unihan_Readings.txt.bz2")
OUT = Path(__file__).resolve().parents[1] / "src/hramada/screening/data/hanja_hangul.csv"
_READING = re.compile(r"^([\uac00-\ud7a3]):([0-9A-Z]*)$")


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else DEFAULT
    opener = bz2.open if source.suffix == ".bz2" else open
    version = ""
    rows: list[tuple[str, str, str]] = []
    with opener(source, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("# Unicode version:"):
                version = line.split(":", 1)[1].strip()
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 3 or fields[1] != "kHangul":
                continue
            readings: list[str] = []
            for_names: list[str] = []
            for item in fields[2].split():
                found = _READING.match(item)
                if found is None:
                    raise SystemExit(f"{source}: an unreadable kHangul value {item!r} for {fields[0]}")
                hangul, tags = found.groups()
                readings.append(hangul)
                if "N" in tags:
                    for_names.append(hangul)
            rows.append((chr(int(fields[0][2:], 16)), " ".join(readings), " ".join(for_names)))
    if not rows:
        raise SystemExit(f"{source}: no kHangul readings found")
    with OUT.open("w", encoding="utf-8", newline="") as out:
        out.write(
            f"# Korean readings of Chinese characters: Unihan kHangul, Unicode {version} (scripts/hanja_table.py)\n"
            "# readings: every reading, the database's order; names: those the table of characters for personal\n"
            "# names allows (source tag N)\n"
        )
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(("hanja", "readings", "names"))
        writer.writerows(rows)
    print(f"{len(rows)} characters written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
