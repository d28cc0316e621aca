"""Server-rendered SVG charts: no script, readable in Tor Browser's safest mode, each with a text title for
screen readers. Every label is escaped; the SVG is returned as safe markup to embed inline."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from html import escape

from django.utils.safestring import SafeString, mark_safe

from hramada.core.formatting import number

COLOURS = {
    "allocated": "#9db4c0",
    "committed": "#5c6b73",
    "disbursed": "#253237",
    "available": "#6a994e",
    "median": "#5c6b73",
    "p90": "#bc4749",
    "target": "#e09f3e",
    "bar": "#386641",
}


def _svg(width: int, height: int, title: str, body: list[str]) -> SafeString:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'class="chart" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    )
    return mark_safe(head + "".join(body) + "</svg>")  # noqa: S308 - every label above is escaped


def _legend(items: Sequence[tuple[str, str]], y: int) -> list[str]:
    parts = []
    x = 10
    for label, colour in items:
        parts.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{x + 16}" y="{y + 11}" font-size="12">{escape(label)}</text>')
        x += 24 + 8 * len(label)
    return parts


def envelope_bars(
    rows: Sequence[tuple[str, dict[str, Decimal]]], labels: dict[str, str], title: str
) -> SafeString:
    """Per envelope: allocated as a light bar, committed and disbursed over it, available as text."""
    width, label_w, row_h = 900, 330, 26
    height = 40 + row_h * max(1, len(rows))
    top = max((float(v["allocated"]) for _, v in rows), default=1.0) or 1.0
    scale = (width - label_w - 120) / top
    body = _legend([(labels[k], COLOURS[k]) for k in ("allocated", "committed", "disbursed", "available")], 6)
    for i, (name, values) in enumerate(rows):
        y = 30 + i * row_h
        body.append(
            f'<text x="{label_w - 6}" y="{y + 14}" font-size="11" text-anchor="end">{escape(name[:52])}</text>'
        )
        for key in ("allocated", "committed", "disbursed"):
            w = float(values[key]) * scale
            body.append(
                f'<rect x="{label_w}" y="{y + 2}" width="{w:.1f}" height="16" fill="{COLOURS[key]}">'
                f"<title>{escape(labels[key])}: {escape(number(values[key]))}</title></rect>"
            )
        x = label_w + float(values["allocated"]) * scale + 6
        body.append(
            f'<text x="{x:.1f}" y="{y + 14}" font-size="11" fill="{COLOURS["available"]}">{escape(number(values["available"]))}</text>'
        )
    return _svg(width, height, title, body)


def decision_time_bars(
    rows: Sequence[tuple[str, float | None, float | None, float]], labels: dict[str, str], title: str
) -> SafeString:
    """Per tier: median and 90th percentile hours to decision, with the target as a line."""
    width, label_w, row_h = 900, 180, 60
    height = 40 + row_h * max(1, len(rows))
    top = max([1.0] + [v for r in rows for v in r[1:] if v is not None])
    scale = (width - label_w - 90) / top
    body = _legend([(labels[k], COLOURS[k]) for k in ("median", "p90", "target")], 6)
    for i, (name, median, p90, target) in enumerate(rows):
        y = 30 + i * row_h
        body.append(
            f'<text x="{label_w - 6}" y="{y + 24}" font-size="12" text-anchor="end">{escape(name)}</text>'
        )
        for j, (key, value) in enumerate((("median", median), ("p90", p90))):
            if value is None:
                body.append(f'<text x="{label_w}" y="{y + 14 + j * 20}" font-size="11">—</text>')
                continue
            body.append(
                f'<rect x="{label_w}" y="{y + 4 + j * 20}" width="{value * scale:.1f}" height="16" '
                f'fill="{COLOURS[key]}"><title>{escape(labels[key])}: {value:.1f} h</title></rect>'
                f'<text x="{label_w + value * scale + 4:.1f}" y="{y + 16 + j * 20}" font-size="11">{value:.1f} h</text>'
            )
        tx = label_w + target * scale
        body.append(
            f'<line x1="{tx:.1f}" x2="{tx:.1f}" y1="{y}" y2="{y + 46}" stroke="{COLOURS["target"]}" stroke-width="3">'
            f"<title>{escape(labels['target'])}: {target:.0f} h</title></line>"
        )
    return _svg(width, height, title, body)


def count_bars(rows: Sequence[tuple[str, int]], title: str) -> SafeString:
    width, label_w, row_h = 900, 400, 22
    height = 12 + row_h * max(1, len(rows))
    top = max([1] + [n for _, n in rows])
    scale = (width - label_w - 60) / top
    body = []
    for i, (name, n) in enumerate(rows):
        y = 6 + i * row_h
        body.append(
            f'<text x="{label_w - 6}" y="{y + 13}" font-size="11" text-anchor="end">{escape(name[:64])}</text>'
        )
        body.append(
            f'<rect x="{label_w}" y="{y + 2}" width="{n * scale:.1f}" height="15" fill="{COLOURS["bar"]}"/>'
        )
        body.append(f'<text x="{label_w + n * scale + 4:.1f}" y="{y + 13}" font-size="11">{n}</text>')
    return _svg(width, height, title, body)
