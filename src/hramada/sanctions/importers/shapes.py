"""What a real publication of each source looks like, checked on a parsed file (no Django here).

A file can be well-formed and still damaged: two columns swapped in an OFAC row still give 12 columns (and a
record named "BELARUS"), a file cut at a line boundary still parses. These checks compare a file with the
shape every real publication of its source has had:

* :func:`check_value_sizes` refuses (``SourceFormatError``) any value over the size limits: no real name is
  longer than a few hundred characters, and a 30 MB "name" is an attack on the pages and the API, not data;
* :func:`findings` returns what looks wrong without being unreadable (a column whose values do not have that
  column's shape, a programme code the source has never used, a missing end-of-file mark). The import service
  holds a file with findings as *suspicious* for an analyst to confirm; see docs/security.md, "Import
  plausibility rules".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from hramada.sanctions.importers import ofac_sdn
from hramada.sanctions.importers.entities import ParsedEntity
from hramada.sanctions.importers.errors import SourceFormatError
from hramada.sanctions.importers.programmes import EU_JOURNAL_PROGRAMMES
from hramada.sanctions.importers.reading import PathLike, iter_csv_rows

# Longest values in every bundled publication (2016-2026): names 196 characters, free text 2,239.
MAX_NAME_CHARS = 1_000
MAX_VALUE_CHARS = 20_000
NAME_PROPERTIES = frozenset(
    {
        "name",
        "alias",
        "weakAlias",
        "previousName",
        "firstName",
        "lastName",
        "middleName",
        "secondName",
        "fatherName",
        "motherName",
        "title",
    }
)
# How many examples of one kind of finding the reason quotes (the count is always given).
EXAMPLES = 3


def check_value_sizes(path: PathLike, record: Iterable[ParsedEntity]) -> None:
    """Refuse a record holding a value over the limits (names: 1,000 characters, anything else: 20,000)."""
    for entity in record:
        for prop, values in entity.properties.items():
            limit = MAX_NAME_CHARS if prop in NAME_PROPERTIES else MAX_VALUE_CHARS
            for value in values:
                if len(value) > limit:
                    raise SourceFormatError(
                        path,
                        f"entity {entity.id[:80]}: a {prop} of {len(value):,} characters is over the limit of "
                        f"{limit:,}; no real publication has values that long",
                    )
        if len(entity.id) > 255:
            raise SourceFormatError(path, f"an entity id of {len(entity.id):,} characters (limit 255)")


@dataclass
class _Tally:
    """Findings of one kind: how many, and the first few examples."""

    text: str
    count: int = 0
    examples: list[str] | None = None

    def add(self, example: str) -> None:
        self.count += 1
        if self.examples is None:
            self.examples = []
        if len(self.examples) < EXAMPLES:
            self.examples.append(example[:120])

    def reason(self) -> str:
        shown = "; ".join(self.examples or [])
        more = f" and {self.count - EXAMPLES} more" if self.count > EXAMPLES else ""
        return f"{self.text} ({self.count}): {shown}{more}"


class _Findings:
    def __init__(self) -> None:
        self.tallies: dict[str, _Tally] = {}
        self.plain: list[str] = []

    def add(self, text: str, example: str) -> None:
        self.tallies.setdefault(text, _Tally(text)).add(example)

    def note(self, text: str) -> None:
        self.plain.append(text)

    def reasons(self) -> list[str]:
        return self.plain + [tally.reason() for tally in self.tallies.values()]


# ---------------------------------------------------------------------------------------------------------
# Programme codes

_OFAC_CODE = re.compile(r"^[A-Z0-9]+(?:(?: - | |-)[A-Z0-9]+)*$")
_UN_CODE = re.compile(r"^[A-Za-z][A-Za-z0-9-]{0,39}$")
_FSF_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$")
_FTM_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._/()-]{0,79}$")

# The code shape of each source; for OFAC and the EU journal also every code they have used.
PROGRAMME_SHAPES: dict[str, re.Pattern[str]] = {
    "ofac_sdn": _OFAC_CODE,
    "eu_journal": re.compile(r"^EU-[A-Z]{3}$"),
    "un_xml": _UN_CODE,
    "eu_fsf": _FSF_CODE,
    "ftm_json": _FTM_CODE,
    "opensanctions_delta": _FTM_CODE,
}
KNOWN_PROGRAMMES: dict[str, frozenset[str]] = {
    "ofac_sdn": ofac_sdn.KNOWN_PROGRAMMES,
    "eu_journal": frozenset(EU_JOURNAL_PROGRAMMES),
}


def _programme_findings(source_key: str, entities: Sequence[ParsedEntity], found: _Findings) -> set[str]:
    shape = PROGRAMME_SHAPES.get(source_key)
    known = KNOWN_PROGRAMMES.get(source_key)
    codes: set[str] = set()
    for entity in entities:
        if entity.schema != "Sanction":
            continue
        for code in entity.values("programId"):
            codes.add(code)
            if shape is not None and not shape.match(code):
                found.add("programme codes that do not look like this source's codes", repr(code))
            elif known is not None and code not in known:
                found.add("programme codes this source has never used", repr(code))
    return codes


# ---------------------------------------------------------------------------------------------------------
# Entity values

_ISO_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2}(?:T[\d:.]+Z?)?)?)?$")
DATE_PROPERTIES = frozenset(
    {"birthDate", "deathDate", "incorporationDate", "dissolutionDate", "startDate", "endDate", "listingDate"}
)
SUBJECT_SCHEMATA = frozenset(
    {"Person", "Organization", "Company", "LegalEntity", "Vessel", "Airplane", "PublicBody", "Asset"}
)
_KIND_WORDS = frozenset({"individual", "vessel", "aircraft", "entity", "-0-"})


_LETTER = re.compile(r"[^\W\d_]")
# Names that must hold a letter; weak aliases are sometimes punctuation in real FtM data, so for them only a
# date or a number is refused.
NAME_KINDS = ("name", "alias", "previousName")
_DOCUMENT_NUMBER = re.compile(r"^\W*[A-Z]{0,3}[\s-]?\d{5,}")  # "MP 3413113": a passport number as a name
_NUMERIC = re.compile(r"^[\d\s./:,-]*\d[\d\s./:,-]*$")


def _entity_findings(
    entities: Sequence[ParsedEntity], codes: set[str], found: _Findings, *, letterless_names: bool
) -> None:
    subjects = 0
    for entity in entities:
        if entity.schema in SUBJECT_SCHEMATA:
            subjects += 1
            if not letterless_names:
                for prop in NAME_KINDS:
                    for value in entity.values(prop):
                        if not _LETTER.search(value):
                            found.add("names without a single letter", f"{entity.id} {prop}: {value!r}")
                        elif _DOCUMENT_NUMBER.search(value):
                            found.add("names holding a document number", f"{entity.id} {prop}: {value!r}")
                for value in entity.values("weakAlias"):
                    if _NUMERIC.match(value):
                        found.add("names that are dates or numbers", f"{entity.id} weakAlias: {value!r}")
            for name in entity.values("name"):
                stripped = name.strip()
                if stripped in codes:
                    found.add("listed parties named like a programme code", f"{entity.id}: {stripped!r}")
                elif stripped.lower() in _KIND_WORDS:
                    found.add("listed parties named like a kind of party", f"{entity.id}: {stripped!r}")
        for prop in DATE_PROPERTIES & set(entity.properties):
            for value in entity.values(prop):
                if not _ISO_DATE.match(value):
                    found.add("dates that are not dates", f"{entity.id} {prop}: {value!r}")
    if not subjects:
        found.note("the file lists no party at all")


# ---------------------------------------------------------------------------------------------------------
# OFAC sdn.csv: the shape of each column

_NUMBER = re.compile(r"^\d+$")
_AMOUNT = re.compile(r"^[\d,.]+$")
_CALL_SIGN = re.compile(r"^[A-Z0-9][A-Z0-9 -]{0,19}$")
_NO_DIGITS = re.compile(r"^[^\d]*$")
_OFAC_TYPES = frozenset({"", "individual", "vessel", "aircraft"})
OFAC_EOF = b"\x1a"


def _empty(cell: str) -> bool:
    return cell.strip() in ("", "-0-")


def _ofac_name(cell: str) -> bool:
    """OFAC writes every name with its first word in capitals (``LUKASHENKA, Alyaksandr``, ``BELARUSKALI OAO``)
    and never with a ``;`` (the Remarks separator)."""
    if _empty(cell) or cell.strip() in ofac_sdn.KNOWN_PROGRAMMES or ";" in cell:
        return False
    first = cell.split()[0]
    return all(char.isupper() for char in first if char.isalpha())


def _ofac_programmes(cell: str) -> list[str]:
    return [code.strip() for code in cell.strip().strip("[]").split("] [") if code.strip()]


OFAC_COLUMNS: tuple[tuple[int, str, Callable[[str], bool]], ...] = (
    (0, "entry numbers that are not numbers", lambda cell: bool(_NUMBER.match(cell.strip()))),
    (1, "names that are empty, a programme code or not written as OFAC writes names", _ofac_name),
    (2, "types that are not individual, vessel or aircraft", lambda cell: cell.strip(" -0") in _OFAC_TYPES),
    (
        3,
        "programme lists that do not look like programme codes",
        lambda cell: (
            bool(_ofac_programmes(cell)) and all(_OFAC_CODE.match(c) for c in _ofac_programmes(cell))
        ),
    ),
    (
        5,
        "call signs that do not look like call signs",
        lambda cell: _empty(cell) or bool(_CALL_SIGN.match(cell)),
    ),
    (6, "vessel types with digits", lambda cell: _empty(cell) or bool(_NO_DIGITS.match(cell))),
    (7, "tonnages that are not numbers", lambda cell: _empty(cell) or bool(_AMOUNT.match(cell.strip()))),
    (
        8,
        "gross tonnages that are not numbers",
        lambda cell: _empty(cell) or bool(_AMOUNT.match(cell.strip())),
    ),
    (9, "vessel flags with digits", lambda cell: _empty(cell) or bool(_NO_DIGITS.match(cell))),
)


def _ofac_findings(path: PathLike, found: _Findings) -> None:
    for line, row in iter_csv_rows(path, expected_columns=ofac_sdn.SDN_COLUMNS):
        for column, text, fits in OFAC_COLUMNS:
            if not fits(row[column]):
                found.add(f"column {column + 1}: {text}", f"line {line}: {row[column][:60]!r}")
        for column, cell in enumerate(row):
            if column != 2 and cell.strip() in ("individual", "vessel", "aircraft"):
                found.add(f"column {column + 1}: a type outside the type column", f"line {line}: {cell!r}")
    with open(path, "rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - 8))
        tail = handle.read()
    if not tail.rstrip(b"\r\n").endswith(OFAC_EOF):
        found.note(
            "the file does not end with the end-of-file mark (byte 0x1A) every OFAC publication ends with: "
            "it may have been cut short"
        )


# ---------------------------------------------------------------------------------------------------------
# EU journal CSV (consolidated file or amendment): the shape of each column, by header name

# "24.9.2004", and in a few later entries "20 March 2022"
_EU_DATE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}$|^\d{1,2} [A-Z][a-z]+ \d{4}$")
EU_JOURNAL_COLUMNS: dict[str, tuple[str, Callable[[str], bool]]] = {
    "celex": (
        "CELEX numbers that are not CELEX numbers",
        lambda cell: bool(re.match(r"^\d{5}[A-Z]\d{4}$", cell)),
    ),
    "amendedCelex": (
        "CELEX numbers that are not CELEX numbers",
        lambda c: bool(re.match(r"^\d{5}[A-Z]\d{4}$", c)),
    ),
    "amendmentCelex": (
        "CELEX numbers that are not CELEX numbers",
        lambda c: bool(re.match(r"^\d{5}[A-Z]\d{4}$", c)),
    ),
    "recordId": ("record numbers that are not numbers", lambda cell: cell == "" or cell.isdigit()),
    "annex": (
        "annexes that are not annex numbers",
        lambda cell: bool(re.match(r"^[IVXLC]+(?:\.[A-Z])?$", cell)),
    ),
    "measure": ("measures with digits", lambda cell: not any(char.isdigit() for char in cell)),
    "startDate": ("listing dates that are not dates", lambda cell: cell == "" or bool(_EU_DATE.match(cell))),
    "schema": ("kinds that are not FtM kinds", lambda cell: cell in SUBJECT_SCHEMATA),
    "gender": ("genders with digits", lambda cell: not any(char.isdigit() for char in cell)),
}


def _eu_journal_findings(path: PathLike, found: _Findings) -> None:
    header: list[str] | None = None
    for line, row in iter_csv_rows(path):
        if header is None:
            header = row
            continue
        for index, name in enumerate(header):
            rule = EU_JOURNAL_COLUMNS.get(name)
            if rule is None or index >= len(row):
                continue
            text, fits = rule
            if not fits(row[index].strip()):
                found.add(f"column {name}: {text}", f"line {line}: {row[index][:60]!r}")


# ---------------------------------------------------------------------------------------------------------


# What the file itself shows (its columns, read again from the file), before its entities are looked at.
FileFindings = _Findings


def file_findings(source_key: str, path: PathLike) -> FileFindings:
    """The first part of :func:`findings`, from the file alone: the process that parses a file can work it out
    beside the parse and hand it over (see ``findings(of_file=...)``)."""
    found = _Findings()
    if source_key == ofac_sdn.KEY and Path(path).is_file():
        _ofac_findings(path, found)
    if source_key == "eu_journal" and Path(path).is_file():
        _eu_journal_findings(path, found)
    return found


def findings(
    source_key: str, path: PathLike, entities: Sequence[ParsedEntity], *, of_file: FileFindings | None = None
) -> list[str]:
    """Why this parsed file does not look like a real publication of ``source_key``; empty when it does.

    ``path`` is the file as received (for an EU journal amendment or an OpenSanctions delta, ``entities`` is
    the resulting list, and the file's own columns were checked by its parser). ``of_file``: what
    :func:`file_findings` found for this file elsewhere (it is added to here), instead of reading the file again.
    """
    found = of_file if of_file is not None else file_findings(source_key, path)
    codes = _programme_findings(source_key, entities, found)
    # OFAC lists a few real names without letters ("7-28"); its name column has its own check.
    _entity_findings(entities, codes, found, letterless_names=source_key == ofac_sdn.KEY)
    return found.reasons()
