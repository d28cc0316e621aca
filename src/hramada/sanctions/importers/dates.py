"""Dates as sanctions lists print them, turned into FtM date prefixes (``1956-02-07``, ``1956-02``, ``1956``).

The EU annexes print ``7.2.1956``, ``23.03.1980``, ``28.01 1966``, ``20 March 2022`` or a bare year, sometimes
several in one cell (``1979, 1980 or 1981``, ``21.11.1964 / 1965``); OFAC prints ``30 Aug 1954``, ``Sep
1938``, ``circa 1951`` or a range ``1961 to 1965``. Every date found in the text is returned; ranges give both
ends.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_PATTERN = re.compile(
    rf"(?P<iso>\b(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})\b)"
    rf"|(?P<dmy>\b(?P<d>\d{{1,2}})[./](?P<m>\d{{1,2}})[./ ](?P<y>\d{{4}})\b)"
    rf"|(?P<named>\b(?:(?P<nd>\d{{1,2}})\s+)?(?P<nm>{_MONTH_RE})\.?\s+(?P<ny>\d{{4}})\b)"
    rf"|(?P<year>\b(?P<yy>\d{{4}})\b)",
    re.IGNORECASE,
)


def _prefix(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if not 1800 <= year <= 2100:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_dates(text: str | None) -> list[str]:
    """Every date in ``text`` as an FtM date prefix, in order, without repeats."""
    if not text:
        return []
    found: list[str] = []
    for match in _PATTERN.finditer(text):
        value: str | None
        if match.group("iso"):
            value = _prefix(int(match.group("iy")), int(match.group("im")), int(match.group("id")))
        elif match.group("dmy"):
            value = _prefix(int(match.group("y")), int(match.group("m")), int(match.group("d")))
        elif match.group("named"):
            day = match.group("nd")
            month = _MONTHS[match.group("nm").lower()]
            value = _prefix(int(match.group("ny")), month, int(day) if day else None)
        else:
            value = _prefix(int(match.group("yy")))
        if value and value not in found:
            found.append(value)
    return found
