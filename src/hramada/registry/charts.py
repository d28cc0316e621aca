"""Server-rendered SVG charts of the registry: no script (the public page works in Tor Browser's safest mode),
a text title for screen readers, every label escaped."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from html import escape

from django.utils.safestring import SafeString, mark_safe

from hramada.core.formatting import number

PALETTE = ("#386641", "#bc4749", "#e09f3e", "#5c6b73", "#6a994e", "#9db4c0", "#253237", "#a7c957", "#7f5539")


def _svg(width: int, height: int, title: str, body: list[str]) -> SafeString:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'class="chart" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    )
    return mark_safe(head + "".join(body) + "</svg>")  # noqa: S308 - every label above is escaped


def money_bars(rows: Sequence[tuple[str, Decimal]], title: str) -> SafeString:
    """One horizontal bar per row, with the euro value beside it."""
    width, label_w, row_h = 900, 320, 22
    height = 12 + row_h * max(1, len(rows))
    top = max([1.0] + [float(v) for _, v in rows])
    scale = (width - label_w - 130) / top
    body = []
    for i, (name, value) in enumerate(rows):
        y = 6 + i * row_h
        w = float(value) * scale
        body.append(
            f'<text x="{label_w - 6}" y="{y + 13}" font-size="11" text-anchor="end">{escape(name[:56])}</text>'
            f'<rect x="{label_w}" y="{y + 2}" width="{w:.1f}" height="15" fill="{PALETTE[0]}"/>'
            f'<text x="{label_w + w + 4:.1f}" y="{y + 13}" font-size="11">{escape(number(value))} €</text>'
        )
    return _svg(width, height, title, body)


def share_bars(rows: Sequence[tuple[str, float]], title: str) -> SafeString:
    """Shares in [0, 1] as bars across the full width."""
    width, label_w, row_h = 900, 320, 22
    height = 12 + row_h * max(1, len(rows))
    scale = width - label_w - 70
    body = []
    for i, (name, share) in enumerate(rows):
        y = 6 + i * row_h
        body.append(
            f'<text x="{label_w - 6}" y="{y + 13}" font-size="11" text-anchor="end">{escape(name[:56])}</text>'
            f'<rect x="{label_w}" y="{y + 2}" width="{scale:.1f}" height="15" fill="#e9ecef"/>'
            f'<rect x="{label_w}" y="{y + 2}" width="{share * scale:.1f}" height="15" fill="{PALETTE[1]}"/>'
            f'<text x="{label_w + scale + 4:.1f}" y="{y + 13}" font-size="11">{share * 100:.0f}%</text>'
        )
    return _svg(width, height, title, body)


def lines(years: Sequence[int], series: Mapping[str, Mapping[int, Decimal]], title: str) -> SafeString:
    """One line per series over the years, with a legend below."""
    width, left, top_pad, plot_h = 900, 90, 10, 220
    names = list(series)
    legend_rows = (len(names) + 2) // 3
    height = top_pad + plot_h + 30 + 18 * legend_rows
    top = max([1.0] + [float(v) for s in series.values() for v in s.values()])
    step = (width - left - 20) / max(1, len(years) - 1)
    body = [
        f'<line x1="{left}" x2="{width - 10}" y1="{top_pad + plot_h}" y2="{top_pad + plot_h}" stroke="#999"/>',
        f'<text x="{left - 6}" y="{top_pad + 10}" font-size="11" text-anchor="end">{escape(number(Decimal(int(top))))}</text>',
    ]
    for i, year in enumerate(years):
        x = left + i * step
        body.append(
            f'<text x="{x:.1f}" y="{top_pad + plot_h + 16}" font-size="11" text-anchor="middle">{year}</text>'
        )
    for n, name in enumerate(names):
        colour = PALETTE[n % len(PALETTE)]
        points = " ".join(
            f"{left + i * step:.1f},{top_pad + plot_h - float(series[name].get(y, 0)) / top * plot_h:.1f}"
            for i, y in enumerate(years)
        )
        body.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{points}"><title>{escape(name)}</title></polyline>'
        )
        lx, ly = 10 + (n % 3) * 300, top_pad + plot_h + 30 + (n // 3) * 18
        body.append(
            f'<rect x="{lx}" y="{ly}" width="12" height="12" fill="{colour}"/>'
            f'<text x="{lx + 16}" y="{ly + 11}" font-size="11">{escape(name[:40])}</text>'
        )
    return _svg(width, height, title, body)
