"""The entity graph, drawn at build time as inline SVG (no script, no outside request).

Entities with a page are the nodes, sized by mentions and coloured by type (CSS classes
`t-PERSON`, `t-ORG`, … in the theme); two entities are joined when articles name both,
the edge as thick as the number of such articles. The graph page shows the most
mentioned entities and, so that a large corpus stays readable, only each one's strongest
ties; a wider page shows more (`LEVELS`). Each page draws two pictures, one for a wide column and a
smaller one for a phone, picked by CSS, so the graph always fits its column. Each node links to its
entity page. The layout is a force layout (Fruchterman-Reingold with a pull to the centre) in numpy from a fixed
seed, so the same corpus always gives the same picture.

An entity page's small ring of neighbours is drawn in the browser by report.js, from the page's
"Appears with" table (see `entity_page.co_occurring`).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from generator.model import Corpus, Entity, type_label
from generator.pages.markdown import MD
from generator.pages.paths import GRAPH_LEVELS, entity_path
from generator.pages.svg import css_class, esc, html_href, num, short

LEVELS = GRAPH_LEVELS  # nodes on the graph page, then on each wider page
EDGES_PER_NODE = 3  # strongest ties kept per node
LABELLED = 40  # nodes that show their name (the others: on hover and to screen readers)


@dataclass(frozen=True)
class Canvas:
    """One of the two pictures of a graph page; CSS shows the one that fits the screen (`graph-wide` from
    48rem, `graph-phone` below), each drawn at about the size it is shown (never wider than `width`) so
    that its labels keep their size (`label_px`, in the theme's CSS too)."""

    name: str  # its CSS class: graph-wide, graph-phone
    width: int  # viewBox, in CSS pixels at full size (the picture never grows past it)
    height: int
    label_px: int  # font size of the labels
    nodes: int | None  # at most this many nodes (None: the page's level)


WIDE = Canvas("graph-wide", 900, 620, 14, None)
PHONE = Canvas("graph-phone", 360, 460, 13, 24)


def cooccurrence(corpus: Corpus, nodes: frozenset[str]) -> Counter[tuple[str, str]]:
    """(entity id, entity id) in sorted order -> number of articles naming both."""
    pairs: Counter[tuple[str, str]] = Counter()
    for article in corpus.articles:
        present = sorted({m.entity for m in corpus.mentions[article.id] if m.entity in nodes})
        pairs.update(combinations(present, 2))
    return pairs


def force_layout(count: int, edges: list[tuple[int, int, float]], seed: int = 7, iterations: int = 250) -> np.ndarray:
    """Positions in [0, 1]² for `count` nodes; edges are (i, j, weight in (0, 1])."""
    if count == 0:
        return np.zeros((0, 2))
    if count == 1:
        return np.array([[0.5, 0.5]])
    rng = np.random.default_rng(seed)
    pos = rng.random((count, 2))
    k = math.sqrt(1.0 / count)
    first = np.array([e[0] for e in edges], dtype=int)
    second = np.array([e[1] for e in edges], dtype=int)
    weight = np.array([e[2] for e in edges], dtype=float)
    temperature = 0.1
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        distance = np.maximum(np.linalg.norm(delta, axis=-1), 1e-3)
        np.fill_diagonal(distance, 1.0)
        push = (k * k / distance**2)[:, :, None] * delta
        move = push.sum(axis=1)
        if len(edges):
            d = pos[first] - pos[second]
            length = np.maximum(np.linalg.norm(d, axis=1), 1e-3)
            pull = d * (length * weight / k)[:, None]
            np.add.at(move, first, -pull)
            np.add.at(move, second, pull)
        move -= (pos - 0.5) * (3.0 * k)  # gravity: keeps loose parts near the middle
        size = np.maximum(np.linalg.norm(move, axis=1), 1e-9)
        pos += move / size[:, None] * np.minimum(size, temperature)[:, None]
        temperature = max(temperature * 0.98, 0.002)
    # Scale to the frame by the 2nd-98th percentiles, so that one loose node far out does not
    # squeeze all the others into the middle; the few beyond are clipped to the edge.
    low, high = np.percentile(pos, 2, axis=0), np.percentile(pos, 98, axis=0)
    if count < 10:
        low, high = pos.min(axis=0), pos.max(axis=0)
    return np.clip((pos - low) / np.maximum(high - low, 1e-9), 0.0, 1.0)


def separate(xy: np.ndarray, radius: np.ndarray, gap: float = 3.0, rounds: int = 60) -> np.ndarray:
    """Push apart circles (pixel centres, radii) that overlap, a little at a time."""
    xy = xy.copy()
    for _ in range(rounds):
        delta = xy[:, None, :] - xy[None, :, :]
        distance = np.linalg.norm(delta, axis=-1)
        np.fill_diagonal(distance, np.inf)
        overlap = radius[:, None] + radius[None, :] + gap - distance
        if (overlap <= 0).all():
            break
        push = np.where(overlap > 0, overlap / 2, 0.0) / np.maximum(distance, 1e-6)
        xy += (delta * push[:, :, None]).sum(axis=1)
    return xy


def place_labels(
    nodes: list[tuple[float, float, float, str]], width: float, height: float, limit: int, size: float = 12.0
) -> list[tuple[float, float, str] | None]:
    """Label positions (x, y, text-anchor) for the first `limit` nodes (x, y, r, text), greedily:
    below, above, right or left of the circle, wherever the label overlaps no circle and no label
    already placed; None where there is no room (the name stays in the node's tooltip)."""
    taken: list[tuple[float, float, float, float]] = []
    circles = [(x - r, y - r, x + r, y + r) for x, y, r, _ in nodes]

    def clear(box: tuple[float, float, float, float], own: int) -> bool:
        left, top, right, bottom = box
        if left < 0 or top < 0 or right > width or bottom > height:
            return False
        for other in taken:
            if left < other[2] and other[0] < right and top < other[3] and other[1] < bottom:
                return False
        for index, other in enumerate(circles):
            if index != own and left < other[2] and other[0] < right and top < other[3] and other[1] < bottom:
                return False
        return True

    placed: list[tuple[float, float, str] | None] = []
    for index, (x, y, r, text) in enumerate(nodes):
        if index >= limit:
            placed.append(None)
            continue
        w, h = 0.58 * size * len(text) + 4, size + 2  # a sans-serif letter is about 0.55 em wide
        base = size * 0.35  # from the middle of a line of text to its baseline
        options = [
            ((x - w / 2, y + r + 2, x + w / 2, y + r + 2 + h), (x, y + r + size + 1, "middle")),
            ((x - w / 2, y - r - 2 - h, x + w / 2, y - r - 2), (x, y - r - 5, "middle")),
            ((x + r + 3, y - h / 2, x + r + 3 + w, y + h / 2), (x + r + 4, y + base, "start")),
            ((x - r - 3 - w, y - h / 2, x - r - 3, y + h / 2), (x - r - 4, y + base, "end")),
        ]
        for box, spot in options:
            if clear(box, index):
                taken.append(box)
                placed.append(spot)
                break
        else:
            placed.append(None)
    return placed


@dataclass(frozen=True)
class Drawn:
    """One graph page's nodes and edges."""

    nodes: list[Entity]
    edges: list[tuple[str, str, int]]


class EntityGraph:
    """The co-occurrence graph of the paged entities, and its pictures."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.entities = sorted(
            (e for e in corpus.entities if e.id in corpus.paged_entities),
            key=lambda e: (-e.mention_count, -len(e.articles), e.name.lower(), e.id),
        )
        self.weights = cooccurrence(corpus, corpus.paged_entities)
        self.neighbours: dict[str, Counter[str]] = {e.id: Counter() for e in self.entities}
        for (a, b), shared in self.weights.items():
            self.neighbours[a][b] = shared
            self.neighbours[b][a] = shared
        self.rank = {e.id: i for i, e in enumerate(self.entities)}

    @property
    def levels(self) -> list[int]:
        """How many nodes each graph page shows: the LEVELS below the entity count, then all (capped)."""
        total = len(self.entities)
        shown = [n for n in LEVELS if n < total]
        if len(shown) < len(LEVELS):
            shown.append(total)
        return shown or [0]

    def _strongest(self, entity_id: str, among: set[str]) -> list[tuple[str, int]]:
        ties = [(other, w) for other, w in self.neighbours[entity_id].items() if other in among]
        ties.sort(key=lambda t: (-t[1], self.rank[t[0]]))
        return ties

    def select(self, count: int) -> Drawn:
        """The `count` most mentioned entities, each with its EDGES_PER_NODE strongest ties among them."""
        nodes = self.entities[:count]
        ids = {e.id for e in nodes}
        floor = 2 if len(self.corpus.articles) > 50 else 1
        edges: dict[tuple[str, str], int] = {}
        for entity in nodes:
            for other, shared in self._strongest(entity.id, ids)[:EDGES_PER_NODE]:
                if shared >= floor:
                    edges[tuple(sorted((entity.id, other)))] = shared  # type: ignore[index]
        ordered = sorted(((a, b, w) for (a, b), w in edges.items()), key=lambda e: (e[2], e[0], e[1]))
        return Drawn(nodes, ordered)

    # --- the graph page -----------------------------------------------------------------

    def page_svg(self, level: int, page: str) -> MD:
        """The graph page's figure: the wide picture and the phone one, its legend and caption."""
        count = self.levels[level]
        wide = self.select(count)
        phone = min(count, PHONE.nodes or count)
        narrow = self.select(phone)
        out = ['<figure class="graph" id="graph-figure">']
        out.append(self._picture(wide, WIDE, page))
        out.append(self._picture(narrow, PHONE, page))
        out.append(self._legend(wide.nodes, WIDE.name))  # each legend counts its own picture's nodes
        out.append(self._legend(narrow.nodes, PHONE.name))
        small = f" (on a narrow screen, the {phone} most mentioned)" if phone < len(wide.nodes) else ""
        out.append(
            f"<figcaption>{len(wide.nodes)} of {len(self.entities)} entities with a page, the most mentioned{small}, "
            f"each with its {EDGES_PER_NODE} strongest ties ({len(wide.edges)} lines). A circle's size is the "
            "number of mentions; a line's width, the number of articles naming both; the "
            f"{min(LABELLED, len(wide.nodes))} most mentioned are named where there is room, the others when "
            "pointed at. Select a circle to open the entity's page.</figcaption></figure>"
        )
        return MD("".join(out))

    def _picture(self, drawn: Drawn, canvas: Canvas, page: str) -> str:
        """One SVG of the drawn nodes and edges, laid out for the canvas."""
        width, height = canvas.width, canvas.height
        count = len(drawn.nodes)
        pad = max(24, canvas.label_px * 3)
        largest = (18 if count <= 60 else 12) * width / WIDE.width + 4
        index = {e.id: i for i, e in enumerate(drawn.nodes)}
        strongest = max((w for _, _, w in drawn.edges), default=1)
        layout = force_layout(count, [(index[a], index[b], math.sqrt(w / strongest)) for a, b, w in drawn.edges])
        most = max((e.mention_count for e in drawn.nodes), default=1)
        smallest = 4 if count <= 60 else 3
        radii = np.array([smallest + largest * math.sqrt(e.mention_count / most) for e in drawn.nodes])
        pixels = separate(layout * [width - 2 * pad, height - 2 * pad] + pad, radii)
        pixels = np.clip(pixels, radii[:, None], [width, height] - radii[:, None])
        xy = {e.id: (float(p[0]), float(p[1])) for e, p in zip(drawn.nodes, pixels, strict=True)}
        labels = place_labels(
            [(*xy[e.id], float(r), short(e.name, 26)) for e, r in zip(drawn.nodes, radii, strict=True)],
            width,
            height,
            LABELLED,
            canvas.label_px,
        )
        title_id = f"{canvas.name}-title"
        out = [
            f'<svg class="graph-svg {canvas.name}" viewBox="0 0 {width} {height}" aria-labelledby="{title_id}">'
            f'<title id="{title_id}">The {count} most mentioned entities and their strongest ties</title>'
        ]
        out.append('<g class="edges">')
        for a, b, shared in drawn.edges:
            (x1, y1), (x2, y2) = xy[a], xy[b]
            stroke = 1 + 5 * shared / strongest
            out.append(
                f'<line x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" stroke-width="{num(stroke)}">'
                f"<title>{esc(self.corpus.entity(a).name)} and {esc(self.corpus.entity(b).name)}: "
                f"{shared} shared article{'s' if shared != 1 else ''}</title></line>"
            )
        out.append('</g><g class="nodes">')
        for entity, radius, label in zip(drawn.nodes, radii, labels, strict=True):
            x, y = xy[entity.id]
            out.append(self._node(entity, x, y, float(radius), page, label))
        out.append("</g></svg>")
        return "".join(out)

    def _node(
        self, entity: Entity, x: float, y: float, radius: float, page: str, label: tuple[float, float, str] | None
    ) -> str:
        href = html_href(entity_path(entity), page)
        name = esc(entity.name)
        described = f"{name} ({esc(entity.type)}, {entity.mention_count} mentions in {len(entity.articles)} articles)"
        parts = [
            f'<a href="{esc(href)}" class="node t-{css_class(entity.type)}" aria-label="{described}">',
            f"<title>{described}</title>",
            f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(radius)}"/>',
        ]
        if label:
            lx, ly, anchor = label
            parts.append(
                f'<text x="{num(lx)}" y="{num(ly)}" text-anchor="{anchor}">{esc(short(entity.name, 26))}</text>'
            )
        parts.append("</a>")
        return "".join(parts)

    def _legend(self, nodes: list[Entity], kind: str = "") -> str:
        counts = Counter(e.type for e in nodes)
        items = "".join(
            f'<li><span class="swatch t-{css_class(t)}"></span>{esc(type_label(t))} ({n})</li>'
            for t, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        )
        classes = f"chart-legend {kind}" if kind else "chart-legend"
        return f'<ul class="{classes}" aria-label="Entity types">{items}</ul>'

    def strongest_ties(self, level: int, limit: int = 30) -> list[tuple[str, str, int]]:
        """The strongest lines drawn on a graph page (entity id, entity id, articles naming both), for the
        table under it."""
        drawn = self.select(self.levels[level])
        return sorted(drawn.edges, key=lambda e: (-e[2], self.rank[e[0]], self.rank[e[1]]))[:limit]
