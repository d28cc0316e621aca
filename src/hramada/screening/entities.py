"""The two things the engine compares: a `Query` (what a user asks about) and a `ListedEntity` (what a list says),
read from a FollowTheMoney entity dict. Input is validated here, once, so the rest of the engine can trust it.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from followthemoney import model
from rigour.territories import lookup_territory
from stdnum import bic as stdnum_bic
from stdnum import imo as stdnum_imo
from stdnum import isin as stdnum_isin
from stdnum import lei as stdnum_lei

from hramada.screening.normalize import BRACKETED, MAX_NAME_CHARS, clean_text, stated_names_marked
from hramada.screening.vocabulary import COUNTRY_PROPERTIES, IDENTIFIER_KINDS, NAME_PROPERTIES


class QueryError(ValueError):
    """The query cannot be screened; `field` names the input at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


QUERY_IDENTIFIER_KINDS = frozenset(IDENTIFIER_KINDS.values()) | {"any"}
_CRYPTO = re.compile(r"^(0x[0-9a-fA-F]{40}|(bc1|[13])[a-zA-HJ-NP-Z0-9]{25,62}|T[1-9A-HJ-NP-Za-km-z]{33})$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_DMY = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
MIN_BIRTH_YEAR = 1850
GENDERS = frozenset({"male", "female", "other"})


_NOT_ALNUM = re.compile(r"[^0-9A-Za-z]")
_IMO_WRITTEN = re.compile(r"^IMO\s*\d{7}$", re.IGNORECASE)


def normalize_identifier(value: str) -> str:
    """Upper-case letters and digits only; `IMO 9187629` and `9187629` are one IMO number."""
    if value.isascii() and value.isalnum() and len(value) <= MAX_NAME_CHARS:
        text = value.upper()  # most listed numbers: nothing for `clean_text` or the pattern to take out
    else:
        text = _NOT_ALNUM.sub("", clean_text(value)).upper()
    if text.startswith("IMO") and text[3:].isdigit():
        text = text[3:]
    return text


def identifier_claims(kind: str, value: str, *, vessel: bool = False) -> tuple[tuple[str, str], ...]:
    """The (kind, comparable value) pairs one identifier stands for, normalised per kind.

    * A BIC's 8- and 11-character forms are one bank (`COBADEFFXXX` = `COBADEFF`): compared on its first 8.
    * An IMO number written in `registrationNumber` (`IMO 9187629`, or any valid IMO number of a vessel) is also
      an IMO number; a BIC written there is also a BIC.
    * ISIN and LEI values whose check digits fail are kept only as their own kind's raw value with kind
      `invalid_<kind>` so they neither match nor conflict as that kind.
    Empty when the value has no letters or digits.
    """
    text = normalize_identifier(value)
    if not text:
        return ()
    claims: list[tuple[str, str]] = []
    if kind == "bic" or (kind in ("registration", "any") and _BIC.match(text) and stdnum_bic.is_valid(text)):
        if stdnum_bic.is_valid(text):
            claims.append(("bic", text[:8]))
        elif kind == "bic":
            claims.append(("invalid_bic", text))
    if kind == "imo" or (kind == "registration" and (vessel or _IMO_WRITTEN.match(value.strip()))):
        if stdnum_imo.is_valid(text):
            claims.append(("imo", text))
        elif kind == "imo":
            claims.append(
                ("imo", text)
            )  # lists carry IMO numbers with typos in the check digit: keep as written
    if kind == "lei" or (kind in ("registration", "any") and len(text) == 20 and stdnum_lei.is_valid(text)):
        claims.append(("lei", text) if stdnum_lei.is_valid(text) else ("invalid_lei", text))
    if kind == "isin" or (kind in ("registration", "any") and len(text) == 12 and stdnum_isin.is_valid(text)):
        claims.append(("isin", text) if stdnum_isin.is_valid(text) else ("invalid_isin", text))
    if kind not in ("bic", "imo", "lei", "isin"):
        claims.append((kind, text))
    return tuple(dict.fromkeys(claims))


_BIC = re.compile(r"^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$")


def guess_identifier_kind(value: str) -> str:
    compact = re.sub(r"\s", "", value)
    if _CRYPTO.match(compact):
        return "crypto"
    if re.match(r"^IMO\s*\d{7}$", value.strip(), re.IGNORECASE):
        return "imo"
    return "any"


def parse_date(value: str, *, field_name: str = "birth_date") -> str:
    """ISO prefix (`1954`, `1954-08`, `1954-08-30`) of a date written as ISO or `30.8.1954`; QueryError if impossible."""
    text = clean_text(value).replace(" ", "")
    match = _DMY.match(text)
    if match:
        text = f"{match[3]}-{int(match[2]):02d}-{int(match[1]):02d}"
    match = _DATE.match(text[:10]) if len(text) >= 4 else None
    if match is None:
        raise QueryError(field_name, f"{value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year = int(match[1])
    this_year = datetime.datetime.now(tz=datetime.UTC).year
    if not MIN_BIRTH_YEAR <= year <= this_year:
        raise QueryError(field_name, f"year {year} is outside {MIN_BIRTH_YEAR}-{this_year}")
    if match[2] is None:
        return f"{year:04d}"
    month = int(match[2])
    if not 1 <= month <= 12:
        raise QueryError(field_name, f"month {month} does not exist")
    if match[3] is None:
        return f"{year:04d}-{month:02d}"
    day = int(match[3])
    try:
        datetime.date(year, month, day)
    except ValueError as exc:
        raise QueryError(field_name, f"{value!r} is not a real date") from exc
    return f"{year:04d}-{month:02d}-{day:02d}"


def normalize_country(value: str) -> str:
    """ISO-style territory code (`by`) for a code or name in any common language; QueryError if unknown."""
    territory = lookup_territory(clean_text(value))
    if territory is None:
        raise QueryError("country", f"{value!r} is not a known country code or name")
    return str(territory.code)


@cache
def _schema_names_matchable() -> frozenset[str]:
    return frozenset(name for name, schema in model.schemata.items() if schema.matchable)


def is_matchable(schema: str) -> bool:
    """Lists also hold sanctions, addresses and relations: only things that can be a screening hit are indexed."""
    return schema in _schema_names_matchable()


@cache
@lru_cache(maxsize=1024)
def schemata_compatible(query_schema: str, listed_schema: str) -> bool:
    """A query for a LegalEntity may hit a Person or a Company; a query for a Vessel never hits a Person (cached:
    asked for every candidate of every query, of a few dozen schemata)."""
    a, b = model.get(query_schema), model.get(listed_schema)
    if a is None or b is None:
        return True
    return a.is_a(b) or b.is_a(a) or a.can_match(b) or b.can_match(a)


@dataclass(frozen=True)
class Query:
    """What to screen. Construction validates and normalises; bad input raises `QueryError` naming the field."""

    name: str = ""
    schema: str = "LegalEntity"
    aliases: tuple[str, ...] = ()
    birth_date: str | None = None
    countries: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ()
    """Values, optionally typed as `kind:value` (`passport:MP1234567`, `imo:9187629`); kinds in IDENTIFIER_KINDS."""
    id: str | None = None
    gender: str | None = None
    """`male`, `female` or `other` (FtM's gender values); anything else is refused."""

    def __post_init__(self) -> None:
        if model.get(self.schema) is None:
            raise QueryError("schema", f"{self.schema!r} is not a FollowTheMoney schema")
        written = (self.name, *self.aliases)
        if self.schema != "Person":
            # Zorvex LLC (ex-Kastrel LLC), ZORVEX STAR (ex KASTREL): the name at another time is read as one.
            written = tuple(stated_names_marked(x) if x else x for x in written)
        # What a name adds in brackets (Zorvan Ivanov (President of Zorvania), an alias, a title, a country) is read
        # away in one more name: the brackets themselves are gone once the text is cleaned.
        unbracketed = [BRACKETED.sub(" ", x) for x in written if x and "(" in x]
        names = tuple(dict.fromkeys(n for n in (clean_text(x) for x in (*written, *unbracketed)) if n))
        if isinstance(self.countries, str):
            object.__setattr__(self, "countries", (self.countries,))
        if isinstance(self.identifiers, str):
            object.__setattr__(self, "identifiers", (self.identifiers,))
        typed = tuple(self._typed_identifier(v) for v in self.identifiers if clean_text(v))
        if not any(typed_id[1] for typed_id in typed) and not names:
            raise QueryError("name", "a name or an identifier is needed")
        if names and not any(ch.isalnum() for ch in " ".join(names)):
            raise QueryError("name", "the name has no letters or digits")
        object.__setattr__(self, "typed_identifiers", tuple(t for t in typed if t[1]))
        object.__setattr__(self, "all_names", names)
        gender = clean_text(self.gender or "").lower() or None
        if gender is not None and gender not in GENDERS:
            raise QueryError("gender", f"{self.gender!r} is not one of {', '.join(sorted(GENDERS))}")
        object.__setattr__(self, "gender", gender)
        if self.birth_date is not None and clean_text(self.birth_date):
            object.__setattr__(self, "birth_date", parse_date(self.birth_date))
        else:
            object.__setattr__(self, "birth_date", None)
        object.__setattr__(
            self,
            "countries",
            tuple(dict.fromkeys(normalize_country(c) for c in self.countries if clean_text(c))),
        )

    @staticmethod
    def _typed_identifier(value: str) -> tuple[str, str]:
        kind, sep, rest = value.partition(":")
        if sep and kind.strip().lower() in QUERY_IDENTIFIER_KINDS and rest.strip():
            kind = kind.strip().lower()
            claims = identifier_claims(kind, rest)
            return claims[0] if claims else (kind, normalize_identifier(rest))
        guessed = guess_identifier_kind(value)
        claims = identifier_claims(guessed, value)
        return claims[0] if claims else (guessed, normalize_identifier(value))

    # Set in __post_init__; declared for type checkers.
    typed_identifiers: tuple[tuple[str, str], ...] = field(init=False, default=(), compare=False, repr=False)
    all_names: tuple[str, ...] = field(init=False, default=(), compare=False, repr=False)


@dataclass(frozen=True)
class ListedEntity:
    """The parts of an FtM entity that screening uses."""

    id: str
    schema: str
    caption: str
    names: tuple[str, ...]
    birth_dates: tuple[str, ...]
    countries: tuple[str, ...]
    identifiers: tuple[tuple[str, str], ...]
    datasets: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    genders: tuple[str, ...] = ()

    @classmethod
    def from_ftm(cls, data: Mapping[str, Any]) -> ListedEntity:
        props: Mapping[str, list[str]] = data.get("properties") or {}
        # The build reads every listed entity here: plain loops over the properties an entity has (most have a
        # few of the twenty identifier properties and none of most others).

        def values(*names: str) -> list[str]:
            return [str(v) for n in names if n in props for v in props[n] if v]

        written = values(*NAME_PROPERTIES)
        if data.get("schema") != "Person":
            written = [stated_names_marked(v) for v in written]
        names = tuple(dict.fromkeys(filter(None, map(clean_text, written))))
        vessel = str(data.get("schema") or "") == "Vessel"
        claims: list[tuple[str, str]] = []
        for prop, kind in IDENTIFIER_KINDS.items():
            if prop in props:
                for v in props[prop]:
                    claims.extend(identifier_claims(kind, str(v), vessel=vessel))
        caption = str(data.get("caption") or (names[0] if names else data.get("id", "")))
        return cls(
            id=str(data["id"]),
            schema=str(data.get("schema") or "Thing"),
            caption=caption,
            names=names,
            birth_dates=tuple(dict.fromkeys([v[:10] for v in values("birthDate") if v[:4].isdigit()])),
            genders=tuple(
                dict.fromkeys([g for v in values("gender") if (g := v.strip().lower()) in GENDERS])
            ),
            countries=tuple(dict.fromkeys([v.lower() for v in values(*COUNTRY_PROPERTIES)])),
            identifiers=tuple(dict.fromkeys(claims)),
            datasets=tuple(str(d) for d in data.get("datasets", []) or []),
            topics=tuple(values("topics")),
        )


def read_ftm_lines(lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """FtM entity dicts from JSON lines; OpenSanctions delta lines (`{"op", "entity"}`) yield their entity."""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        data = json.loads(line)
        if "entity" in data and "op" in data:
            data = data["entity"]
        if isinstance(data, dict) and "id" in data and "schema" in data:
            yield data


def load_entities(paths: Iterable[str | Path]) -> Iterator[dict[str, Any]]:
    """Every FtM entity dict in the given JSON-lines files."""
    for path in paths:
        with Path(path).open(encoding="utf-8") as handle:
            yield from read_ftm_lines(handle)
