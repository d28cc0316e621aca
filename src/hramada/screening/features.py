"""The feature table: each feature is a small function named for the claim it tests, whose docstring is the
sentence the analyst reads, with its weight beside it. Negative evidence is kept apart from positive.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hramada.screening.entities import ListedEntity, Query, schemata_compatible


@dataclass(frozen=True)
class Evidence:
    """A feature's value in [0, 1] and the particulars behind it (`1954 against 1976`)."""

    value: float
    detail: str


@dataclass(frozen=True)
class Context:
    query: Query
    entity: ListedEntity
    name_score: float
    name_detail: str


FeatureFunction = Callable[[Context], Evidence | None]


def name_similarity(ctx: Context) -> Evidence | None:
    """The best pair of names agrees after transliteration and Belarusian-Russian equivalence."""
    return Evidence(ctx.name_score, ctx.name_detail)


def identifier_matches(ctx: Context) -> Evidence | None:
    """A strong identifier (passport, national ID, registration or tax number, IMO, BIC, LEI, ISIN, crypto address)
    is the same, compared by kind."""
    listed = set(ctx.entity.identifiers)
    by_value: dict[str, str] = {value: kind for kind, value in ctx.entity.identifiers}
    for kind, value in ctx.query.typed_identifiers:
        if kind.startswith("invalid_"):
            continue
        if (kind, value) in listed or (
            kind == "any" and value in by_value and not by_value[value].startswith("invalid_")
        ):
            return Evidence(1.0, f"{by_value.get(value, kind)} {value} is the same")
    return None


def identifier_conflicts(ctx: Context) -> Evidence | None:
    """Both sides give an identifier of the same kind, and they differ."""
    listed: dict[str, set[str]] = {}
    for kind, value in ctx.entity.identifiers:
        listed.setdefault(kind, set()).add(value)
    all_listed = {v for values in listed.values() for v in values}
    for kind, value in ctx.query.typed_identifiers:
        if kind in listed and not kind.startswith("invalid_") and value not in all_listed:
            return Evidence(1.0, f"{kind} {value} against {', '.join(sorted(listed[kind]))}")
    return None


def _years(dates: tuple[str, ...]) -> set[int]:
    return {int(d[:4]) for d in dates if d[:4].isdecimal()}


def birth_date_matches(ctx: Context) -> Evidence | None:
    """The full birth date is the same."""
    date = ctx.query.birth_date
    if date and len(date) == 10 and date in ctx.entity.birth_dates:
        return Evidence(1.0, f"born {date} on both sides")
    return None


def birth_year_matches(ctx: Context) -> Evidence | None:
    """The birth year is the same (a partial date on at least one side)."""
    date = ctx.query.birth_date
    if not date or (len(date) == 10 and date in ctx.entity.birth_dates):
        return None
    if len(date) == 10 and any(len(d) == 10 for d in ctx.entity.birth_dates):
        return None  # two full dates either agree on the day or conflict
    if int(date[:4]) in _years(ctx.entity.birth_dates):
        return Evidence(1.0, f"born in {date[:4]} on both sides")
    return None


def birth_date_conflicts(ctx: Context) -> Evidence | None:
    """The birth dates differ: years more than one apart, or two full dates that are not the same day (a
    different person of the same name)."""
    date = ctx.query.birth_date
    years = _years(ctx.entity.birth_dates)
    if not date or not years:
        return None
    listed = ", ".join(sorted(ctx.entity.birth_dates))
    gap = min(abs(int(date[:4]) - y) for y in years)
    if gap > 1:
        return Evidence(min(1.0, 0.5 + gap / 20), f"born {date} against {listed}")
    full = [d for d in ctx.entity.birth_dates if len(d) == 10]
    if len(date) == 10 and full and date not in full:
        # Two full dates are two claims of a day: the same year is no agreement (1962-03-04 / 1962-11-20).
        return Evidence(0.5, f"born {date} against {listed}")
    return None


def gender_matches(ctx: Context) -> Evidence | None:
    """Both sides give the same gender."""
    if ctx.query.gender and ctx.query.gender in ctx.entity.genders:
        return Evidence(1.0, f"{ctx.query.gender} on both sides")
    return None


def gender_conflicts(ctx: Context) -> Evidence | None:
    """Both sides give a gender, and they differ."""
    if ctx.query.gender and ctx.entity.genders and ctx.query.gender not in ctx.entity.genders:
        return Evidence(1.0, f"{ctx.query.gender} against {', '.join(ctx.entity.genders)}")
    return None


def country_matches(ctx: Context) -> Evidence | None:
    """A country or nationality is shared."""
    shared = set(ctx.query.countries) & set(ctx.entity.countries)
    if shared:
        return Evidence(1.0, f"both linked to {', '.join(sorted(shared))}")
    return None


def country_conflicts(ctx: Context) -> Evidence | None:
    """Both sides name countries and none is shared."""
    if (
        ctx.query.countries
        and ctx.entity.countries
        and not set(ctx.query.countries) & set(ctx.entity.countries)
    ):
        return Evidence(
            1.0, f"{', '.join(ctx.query.countries)} against {', '.join(sorted(set(ctx.entity.countries)))}"
        )
    return None


def schema_conflicts(ctx: Context) -> Evidence | None:
    """The query asks for a kind of thing the listed entity cannot be (a vessel is not a person)."""
    if not schemata_compatible(ctx.query.schema, ctx.entity.schema):
        return Evidence(1.0, f"a {ctx.query.schema} was asked for; this is a {ctx.entity.schema}")
    return None


@dataclass(frozen=True)
class Feature:
    name: str
    weight: float
    function: FeatureFunction

    @property
    def claim(self) -> str:
        return (self.function.__doc__ or self.name).strip()


FEATURES: tuple[Feature, ...] = (
    Feature("name_similarity", 1.0, name_similarity),
    Feature("identifier_matches", 1.0, identifier_matches),
    Feature("identifier_conflicts", -0.2, identifier_conflicts),
    Feature("birth_date_matches", 0.05, birth_date_matches),
    Feature("birth_year_matches", 0.02, birth_year_matches),
    Feature("birth_date_conflicts", -0.3, birth_date_conflicts),
    Feature("gender_matches", 0.01, gender_matches),
    Feature("gender_conflicts", -0.15, gender_conflicts),
    Feature("country_matches", 0.02, country_matches),
    Feature("country_conflicts", -0.05, country_conflicts),
    Feature("schema_conflicts", -1.0, schema_conflicts),
)
"""The scoring table; `docs/screening.md` shows it with each claim."""
