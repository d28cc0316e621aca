"""Server-rendered SVG charts of the register: no script, a text title for screen readers, every label escaped."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from django.utils.safestring import SafeString, mark_safe

PALETTE = ("#386641", "#bc4749", "#5c6b73", "#e09f3e", "#6a4c93", "#1982c4", "#8ac926", "#ff595e", "#6b705c")


def svg(width: int, height: int, title: str, body: Sequence[str]) -> SafeString:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'class="chart" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    )
    return mark_safe(head + "".join(body) + "</svg>")  # noqa: S308 - every label is escaped


def line_chart(months: Sequence[date], series: Sequence[tuple[str, Sequence[int]]], title: str) -> SafeString:
    """One line per series over months, with a legend and the last value at each line's end."""
    width, left, right, top, bottom = 900, 50, 160, 12, 28
    height = 300
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max([1] + [n for _, values in series for n in values])
    steps = max(1, len(months) - 1)
    body = [
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#999"/>',
        f'<text x="{left - 6}" y="{top + 10}" font-size="11" text-anchor="end">{peak}</text>',
        f'<text x="{left - 6}" y="{top + plot_h}" font-size="11" text-anchor="end">0</text>',
    ]
    for i, month in enumerate(months):
        if len(months) <= 13 or month.month == 1:
            x = left + plot_w * i / steps
            body.append(
                f'<text x="{x:.1f}" y="{height - 8}" font-size="10" text-anchor="middle">'
                f"{escape(month.strftime('%Y-%m'))}</text>"
            )
    for index, (label, values) in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        points = " ".join(
            f"{left + plot_w * i / steps:.1f},{top + plot_h - plot_h * n / peak:.1f}"
            for i, n in enumerate(values)
        )
        body.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{points}">'
            f"<title>{escape(label)}</title></polyline>"
        )
        last = values[-1] if values else 0
        body.append(
            f'<text x="{left + plot_w + 6}" y="{top + 12 + index * 15}" font-size="11" fill="{colour}">'
            f"{escape(label[:22])}: {last}</text>"
        )
    return svg(width, height, title, body)
