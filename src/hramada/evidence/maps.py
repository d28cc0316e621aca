"""The offline map and the timeline as server-rendered SVG: boundaries of Belarus and its neighbours from the data
file shipped with the code (Natural Earth, see data/make_boundaries.py), records as points. No tiles, no script."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from html import escape
from importlib import resources
from typing import Any

from django.utils.safestring import SafeString
from django.utils.translation import get_language

from hramada.core.countries import country_name
from hramada.evidence.charts import PALETTE, svg
from hramada.evidence.models import MAP_BOUNDS

WIDTH = 800
COS = math.cos(math.radians(52))  # equirectangular projection true at Belarus's latitude
SCALE = WIDTH / ((MAP_BOUNDS["max_lon"] - MAP_BOUNDS["min_lon"]) * COS)
HEIGHT = round((MAP_BOUNDS["max_lat"] - MAP_BOUNDS["min_lat"]) * SCALE)


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float
    label: str
    url: str
    group: str  # a kind; one colour per kind
    when: date


@cache
def boundaries() -> list[dict[str, Any]]:
    text = resources.files("hramada.evidence").joinpath("data/boundaries.json").read_text(encoding="utf-8")
    countries: list[dict[str, Any]] = json.loads(text)["countries"]
    return countries


def project(latitude: float, longitude: float) -> tuple[float, float]:
    return (longitude - MAP_BOUNDS["min_lon"]) * COS * SCALE, (MAP_BOUNDS["max_lat"] - latitude) * SCALE


def _colour(groups: Sequence[str], group: str) -> str:
    return PALETTE[groups.index(group) % len(PALETTE)] if group in groups else "#000"


def _country_paths() -> str:
    return _country_paths_in(get_language() or "en")


@cache
def _country_paths_in(language: str) -> str:
    """The boundaries, each titled with the country's name in ``language`` (Natural Earth's are English)."""
    parts = []
    for country in boundaries():
        d = " ".join(
            "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in (project(lat, lon) for lon, lat in ring)) + " Z"
            for ring in country["rings"]
        )
        fill = "#f3e9d2" if country["iso"] == "BLR" else "#eef1f3"
        parts.append(
            f'<path d="{d}" fill="{fill}" stroke="#8a8a8a" stroke-width="0.8">'
            f"<title>{escape(_name(country))}</title></path>"
        )
    return "".join(parts)


def _name(country: dict[str, Any]) -> str:
    code = "XK" if country["name"] == "Kosovo" else country["iso"]  # Natural Earth gives Kosovo no ISO code
    name = country_name(code)
    return country["name"] if name == code else name


def map_svg(points: Sequence[Point], groups: Sequence[str], title: str) -> SafeString:
    body = [f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#dbe9f4"/>', _country_paths()]
    for point in points:
        x, y = project(point.latitude, point.longitude)
        body.append(
            f'<a href="{escape(point.url)}"><circle cx="{x:.1f}" cy="{y:.1f}" r="6" '
            f'fill="{_colour(groups, point.group)}" stroke="#fff" stroke-width="1.5">'
            f"<title>{escape(point.when.isoformat())}: {escape(point.label)}</title></circle></a>"
        )
    return svg(WIDTH, HEIGHT, title, body)


def timeline_svg(
    points: Sequence[Point],
    groups: Sequence[str],
    start: date,
    end: date,
    title: str,
    *,
    labels: dict[str, str] | None = None,
) -> SafeString:
    width, height, left, right = 900, 60 + 18 * max(1, len(groups)), 160, 20
    span = max(1, (end - start).days)
    body = []
    for row, group in enumerate(groups):
        y = 20 + row * 18
        label = (labels or {}).get(group, group)
        body.append(
            f'<text x="{left - 6}" y="{y + 4}" font-size="11" text-anchor="end">{escape(label[:26])}</text>'
        )
        body.append(f'<line x1="{left}" y1="{y}" x2="{width - right}" y2="{y}" stroke="#ddd"/>')
    for point in points:
        if point.group not in groups:
            continue
        x = left + (width - left - right) * (point.when - start).days / span
        y = 20 + groups.index(point.group) * 18
        body.append(
            f'<a href="{escape(point.url)}"><circle cx="{x:.1f}" cy="{y}" r="5" '
            f'fill="{_colour(groups, point.group)}"><title>{escape(point.when.isoformat())}: '
            f"{escape(point.label)}</title></circle></a>"
        )
    base = height - 14
    body.append(f'<text x="{left}" y="{base}" font-size="11">{escape(start.isoformat())}</text>')
    body.append(
        f'<text x="{width - right}" y="{base}" font-size="11" text-anchor="end">'
        f"{escape(end.isoformat())}</text>"
    )
    return svg(width, height, title, body)
