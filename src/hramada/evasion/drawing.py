"""The ownership picture of an entity as an SVG drawn on the server (works without JavaScript).

Owners are drawn above the entity, holdings below, one row per link distance; an arrow points from owner to owned
and carries the share or the kind of link. Listed parties are red, entities covered under a rule orange.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Mapping
from xml.sax.saxutils import escape, quoteattr

from hramada.evasion.graph import Coverage, Link, LinkKind, OwnershipGraph

BOX_W, BOX_H, GAP_X, GAP_Y, MARGIN = 190, 44, 30, 70, 20
MAX_PER_ROW = 12


def _levels(graph: OwnershipGraph, focus: str) -> dict[str, int]:
    level = {focus: 0}
    queue: deque[str] = deque([focus])
    while queue:
        node = queue.popleft()
        for up in graph.g.predecessors(node):
            if up not in level and level[node] <= 0:
                level[up] = level[node] - 1
                queue.append(up)
        for down in graph.g.successors(node):
            if down not in level and level[node] >= 0:
                level[down] = level[node] + 1
                queue.append(down)
    # Entities reached only sideways (an owner's other holdings) sit on the row of the entity they hang from.
    for node in graph.g.nodes:
        if node not in level:
            level[node] = 0
    return level


def _short(text: str, length: int = 28) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _edge_label(link: Link, say: Callable[[str], str]) -> str:
    if link.kind is LinkKind.OWNERSHIP and link.share is not None:
        return f"{link.share.normalize():f}%"
    return say(link.label or link.kind.value)


def _as_stored(word: str) -> str:
    return word


def ownership_svg(
    graph: OwnershipGraph,
    focus: str,
    coverage: Mapping[str, Mapping[str, Coverage]],
    *,
    title: str = "",
    href: dict[str, str] | None = None,
    say: Callable[[str], str] = _as_stored,
) -> str:
    """The picture as SVG; ``say`` puts the stored words (link kinds, "listed", "deemed", schemata) into the
    reader's language (the caller knows it; this module knows no framework)."""
    href = href or {}
    level = _levels(graph, focus)
    rows: dict[int, list[str]] = {}
    for node, lvl in sorted(level.items(), key=lambda item: (item[1], graph.name(item[0]))):
        row = rows.setdefault(lvl, [])
        if len(row) < MAX_PER_ROW or node == focus:
            row.append(node)
    width = max(len(r) for r in rows.values()) * (BOX_W + GAP_X) + 2 * MARGIN
    top = min(rows)
    height = (max(rows) - top + 1) * (BOX_H + GAP_Y) + 2 * MARGIN
    pos: dict[str, tuple[float, float]] = {}
    for lvl, row in rows.items():
        row_width = len(row) * (BOX_W + GAP_X) - GAP_X
        x0 = (width - row_width) / 2
        for i, node in enumerate(row):
            pos[node] = (x0 + i * (BOX_W + GAP_X), MARGIN + (lvl - top) * (BOX_H + GAP_Y))
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" aria-label={quoteattr(title or "ownership")} '
        'class="ownership-graph" font-family="sans-serif" font-size="12">',
        f"<title>{escape(title)}</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>',
    ]
    for owner, owned, data in graph.g.edges(data=True):
        if owner not in pos or owned not in pos:
            continue
        link: Link = data["link"]
        (x1, y1), (x2, y2) = pos[owner], pos[owned]
        sx, sy = x1 + BOX_W / 2, y1 + (BOX_H if y2 > y1 else 0 if y2 < y1 else BOX_H / 2)
        ex, ey = x2 + BOX_W / 2, y2 + (0 if y2 > y1 else BOX_H if y2 < y1 else BOX_H / 2)
        dash = "" if link.kind is LinkKind.OWNERSHIP else ' stroke-dasharray="5 4"'
        colour = "#b00020" if link.kind is LinkKind.CONTROL else "#555"
        out.append(
            f'<line x1="{sx:.0f}" y1="{sy:.0f}" x2="{ex:.0f}" y2="{ey:.0f}" stroke="{colour}" '
            f'stroke-width="1.5"{dash} marker-end="url(#arrow)"/>'
        )
        out.append(
            f'<text x="{(sx + ex) / 2 + 4:.0f}" y="{(sy + ey) / 2:.0f}" fill="#222">{escape(_edge_label(link, say))}</text>'
        )
    for node, (x, y) in pos.items():
        attrs = graph.node(node)
        covered = [rule for rule, found in coverage.items() if (c := found.get(node)) and c.covered]
        fill = "#fde0e0" if attrs.listed_by else "#ffe7c2" if covered else "#f4f4f4"
        stroke = "#b00020" if attrs.listed_by else "#c77700" if covered else "#888"
        width_px = 3 if node == focus else 1
        status = (
            say("listed")
            if attrs.listed_by
            else (say("deemed") + ": " + ", ".join(covered))
            if covered
            else say(attrs.schema)
        )
        box = (
            f'<rect x="{x:.0f}" y="{y:.0f}" width="{BOX_W}" height="{BOX_H}" rx="6" fill="{fill}" '
            f'stroke="{stroke}" stroke-width="{width_px}"/>'
            f'<text x="{x + 8:.0f}" y="{y + 18:.0f}" font-weight="bold">{escape(_short(graph.name(node)))}</text>'
            f'<text x="{x + 8:.0f}" y="{y + 34:.0f}" fill="#444">{escape(_short(status, 30))}</text>'
        )
        link_to = href.get(node)
        out.append(f"<a href={quoteattr(link_to)}>{box}</a>" if link_to else box)
    out.append("</svg>")
    return "".join(out)
