"""Coverage charts drawn at build time as inline SVG: no script, no outside request.

- a timeline: articles per day (per week or month over long spans) and per source,
  stacked, with the numbers in a table under it;
- bar charts (HTML, so labels wrap and stay legible on a phone; each bar links to its page):
  articles per source and per story, counted as the tables count them (duplicates not).

The home page shows the timeline of the whole corpus, each story page its articles' timeline,
each source page its timeline and its articles per story; a chart with nothing to show (no
dated article, one story) is left out. Colours are CSS classes (`src-0` … `src-7`,
`src-other`) defined in the theme for light and dark mode.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from generator.model import Corpus, Source
from generator.pages.markdown import MD
from generator.pages.paths import source_path, topic_path
from generator.pages.svg import esc, html_href, num

SOURCE_COLOURS = 8  # distinct colours; further sources share "other"
OTHER = "Other sources"
BAR_ROWS = 15
PLURALS = {"story": "stories"}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def nice_step(largest: int, ticks: int = 4) -> int:
    """A round step (1, 2, 5 × 10^n) giving about `ticks` gridlines up to `largest`."""
    if largest <= ticks:
        return 1
    raw = largest / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return int(factor * power)
    return int(10 * power)


def bin_dates(dates: Iterable[date]) -> tuple[str, list[date]]:
    """The unit ("day", "week", "month") that suits the span, and every bin start from first to last."""
    known = sorted(dates)
    if not known:
        return "day", []
    first, last = known[0], known[-1]
    span = (last - first).days + 1
    if span <= 62:
        return "day", [first + timedelta(days=i) for i in range(span)]
    if span <= 2 * 366:
        start = first - timedelta(days=first.weekday())
        return "week", [start + timedelta(weeks=i) for i in range((last - start).days // 7 + 1)]
    months = []
    current = first.replace(day=1)
    while current <= last:
        months.append(current)
        current = (current.replace(day=28) + timedelta(days=4)).replace(day=1)
    return "month", months


def bin_of(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def bin_label(start: date, unit: str) -> str:
    if unit == "month":
        return start.strftime("%Y-%m")
    if unit == "week":
        return f"week of {start.isoformat()}"
    return start.isoformat()


TIMELINE_WIDTH, TIMELINE_HEIGHT = 720, 250
_LEFT, _RIGHT, _TOP, _BOTTOM = 44, 12, 12, 42  # the timeline's margins


def _stacked_bars(
    counts: dict[date, Counter[tuple[str, str]]], series: list[tuple[str, str]], unit: str, bins: list[date]
) -> list[str]:
    """The timeline's gridlines, bars (one per bin, stacked by source) and axis labels, as SVG elements."""
    width, height = TIMELINE_WIDTH, TIMELINE_HEIGHT
    plot_w, plot_h = width - _LEFT - _RIGHT, height - _TOP - _BOTTOM
    largest = max(sum(c.values()) for c in counts.values())
    step = nice_step(largest)
    y_max = max(step * math.ceil(largest / step), 1)
    slot = plot_w / len(bins)
    bar = min(slot * (0.8 if slot > 4 else 1.0), 36)

    def y(value: float) -> float:
        return _TOP + plot_h - plot_h * value / y_max

    out = []
    for tick in range(0, y_max + 1, step):
        out.append(
            f'<line class="grid" x1="{_LEFT}" x2="{width - _RIGHT}" y1="{num(y(tick))}" y2="{num(y(tick))}"/>'
            f'<text class="axis" x="{_LEFT - 6}" y="{num(y(tick) + 4)}" text-anchor="end">{tick}</text>'
        )
    for index, start in enumerate(bins):
        x = _LEFT + index * slot + (slot - bar) / 2
        stacked = 0
        for key in series:
            value = counts.get(start, Counter()).get(key, 0)
            if not value:
                continue
            name, colour = key
            out.append(
                f'<rect class="{colour}" x="{num(x)}" y="{num(y(stacked + value))}" width="{num(bar)}" '
                f'height="{num(y(stacked) - y(stacked + value))}"><title>{esc(bin_label(start, unit))} · '
                f"{esc(name)}: {esc(_plural(value, 'article'))}</title></rect>"
            )
            stacked += value
    out += _axis_labels(bins, unit, slot)
    out.append(f'<line class="axis-line" x1="{_LEFT}" x2="{width - _RIGHT}" y1="{num(y(0))}" y2="{num(y(0))}"/>')
    return out


def _axis_labels(bins: list[date], unit: str, slot: float) -> list[str]:
    """About five dates under the timeline, the first and last always."""
    every = max(1, math.ceil(len(bins) / 5))
    labelled = sorted({0, len(bins) - 1, *range(0, len(bins), every)})
    if len(labelled) > 1 and labelled[-1] - labelled[-2] < every / 2:
        labelled.pop(-2)
    out = []
    for index in labelled:
        x = _LEFT + index * slot + slot / 2
        anchor = "start" if index == 0 and len(bins) > 1 else "end" if index == len(bins) - 1 else "middle"
        if len(bins) == 1:
            anchor = "middle"
        label = bins[index].strftime("%Y-%m") if unit == "month" else bins[index].isoformat()
        y = TIMELINE_HEIGHT - _BOTTOM + 18
        out.append(f'<text class="axis" x="{num(x)}" y="{y}" text-anchor="{anchor}">{label}</text>')
    return out


def _numbers_table(counts: dict[date, Counter[tuple[str, str]]], unit: str, bins: list[date]) -> str:
    """The timeline's figures as a table, for screen readers and for reading exact numbers."""
    rows = []
    for start in bins:
        if start not in counts:
            continue
        parts = " · ".join(f"{esc(name)} {value}" for (name, _), value in counts[start].most_common())
        rows.append(
            f"<tr><td>{esc(bin_label(start, unit))}</td><td>{sum(counts[start].values())}</td><td>{parts}</td></tr>"
        )
    return (
        f"<details><summary>The numbers ({_plural(len(rows), unit)} with articles)</summary>"
        f"<table><thead><tr><th>{unit.capitalize()}</th><th>Articles</th><th>By source</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></details>"
    )


class Charts:
    """The charts of one corpus; methods return Markdown (a heading and a raw HTML figure)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        ranked = sorted(corpus.sources, key=lambda s: (-len(s.articles), s.name.lower()))
        keep = ranked if len(ranked) <= SOURCE_COLOURS else ranked[: SOURCE_COLOURS - 1]
        self.colour = {s.id: f"src-{i}" for i, s in enumerate(keep)}

    def _series(self, source: Source) -> tuple[str, str]:
        """(legend name, colour class) of a source: its own, or the shared "other"."""
        if source.id in self.colour:
            return source.name, self.colour[source.id]
        return OTHER, "src-other"

    # --- pages --------------------------------------------------------------------------

    def for_source(self, source: Source, page: str) -> MD:
        """The source's articles over time and per story; each part only when it has something to show."""
        parts = [self.timeline(source.articles, "timeline")]
        if len({self.corpus.article_topic[a] for a in source.articles}) > 1:
            parts.append(self.by_topic(source.articles, "by-topic", f"Articles of {source.name} per story", page))
        shown = [part for part in parts if part]
        return MD("\n\n".join(["## Coverage", *shown]) + "\n") if shown else MD("")

    # --- charts ---------------------------------------------------------------------------

    def timeline(self, article_ids: tuple[str, ...] | None = None, chart_id: str = "timeline") -> MD:
        """Articles per day (or week, month) and source, stacked bars, with the data as a table.

        Without `article_ids`, the whole corpus (what a timeline page shows).
        """
        if article_ids is None:
            article_ids = tuple(a.id for a in self.corpus.articles)
        pairs = [(self.corpus.article(a).date, self.corpus.source_of(a)) for a in article_ids]
        undated = sum(1 for day, _ in pairs if day is None)
        dated = [(day, source) for day, source in pairs if day is not None]
        if not dated:
            return MD("")  # nothing to draw: the pages say nothing rather than "0 dated articles"
        unit, bins = bin_dates(day for day, _ in dated)
        counts: dict[date, Counter[tuple[str, str]]] = defaultdict(Counter)
        for day, source in dated:
            counts[bin_of(day, unit)][self._series(source)] += 1
        series = sorted(
            {key for c in counts.values() for key in c},
            key=lambda key: (key[1] == "src-other", key[1]),
        )
        title = f"Articles per {unit}, by source"
        first, last = min(day for day, _ in dated), max(day for day, _ in dated)
        desc = f"{_plural(len(dated), 'dated article')} from {first.isoformat()} to {last.isoformat()}"
        if undated:
            desc += f"; {undated} undated not shown"
        out = [
            f'<figure class="chart chart-timeline" id="chart-{chart_id}">',
            f'<svg class="chart-svg" viewBox="0 0 {TIMELINE_WIDTH} {TIMELINE_HEIGHT}" role="img" '
            f'aria-labelledby="chart-{chart_id}-title chart-{chart_id}-desc">',
            f'<title id="chart-{chart_id}-title">{esc(title)}</title>',
            f'<desc id="chart-{chart_id}-desc">{esc(desc)}.</desc>',
            *_stacked_bars(counts, series, unit, bins),
            "</svg>",
            self._legend(series),
            _numbers_table(counts, unit, bins),
            f"<figcaption>{esc(title)}: {esc(desc)}.</figcaption></figure>",
        ]
        return MD("".join(out))

    def _legend(self, series: list[tuple[str, str]]) -> str:
        items = "".join(f'<li><span class="swatch {colour}"></span>{esc(name)}</li>' for name, colour in series)
        return f'<ul class="chart-legend" aria-label="Sources">{items}</ul>'

    def by_source(self, article_ids: tuple[str, ...], chart_id: str, title: str, page: str) -> MD:
        """Articles per source (duplicates not counted, as in the tables), each bar linked to its source."""
        unique = self.corpus.unique_articles(article_ids)
        counts: Counter[str] = Counter(self.corpus.index.source_of_article[a] for a in unique)
        rows = [
            (
                self.corpus.source(sid).name,
                value,
                self.colour.get(sid, "src-other"),
                source_path(self.corpus.source(sid)),
            )
            for sid, value in sorted(counts.items(), key=lambda kv: (-kv[1], self.corpus.source(kv[0]).name.lower()))
        ]
        return self.bars(rows, chart_id, title, "source", page)

    def by_topic(self, article_ids: tuple[str, ...], chart_id: str, title: str, page: str) -> MD:
        """Articles per story (duplicates not counted), each bar linked to its story."""
        unique = self.corpus.unique_articles(article_ids)
        counts: Counter[str] = Counter(self.corpus.article_topic[a] for a in unique)
        rows = [
            (self.corpus.topic(tid).label, value, "bar", topic_path(self.corpus.topic(tid)))
            for tid, value in sorted(counts.items(), key=lambda kv: (-kv[1], self.corpus.topic(kv[0]).label.lower()))
        ]
        return self.bars(rows, chart_id, title, "story", page)

    def bars(
        self, rows: Sequence[tuple[str, int, str, str | None]], chart_id: str, title: str, noun: str, page: str
    ) -> MD:
        """Horizontal bars as HTML (labels wrap and stay legible on a phone; each links to its page),
        largest first; at most BAR_ROWS, the rest counted in the caption."""
        shown = rows[:BAR_ROWS]
        largest = max((value for _, value, _, _ in shown), default=1)
        out = [f'<figure class="chart chart-bars" id="chart-{chart_id}"><ol class="bar-list">']
        for name, value, colour, target in shown:
            label = esc(name) if target is None else f'<a href="{esc(html_href(target, page))}">{esc(name)}</a>'
            width = num(max(100 * value / largest, 0.5))
            out.append(
                f'<li><span class="bar-label">{label}</span><span class="bar-track">'
                f'<span class="bar-fill {colour}" style="width: {width}%"></span></span>'
                f'<span class="bar-value">{value}</span></li>'
            )
        out.append("</ol>")
        caption = esc(title)
        if len(rows) > len(shown):
            caption += f" (the {len(shown)} largest of {len(rows)} {PLURALS.get(noun, noun + 's')})"
        out.append(f"<figcaption>{caption}.</figcaption></figure>")
        return MD("".join(out))
