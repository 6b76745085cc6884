"""What a reader sees of a story at a glance: its coverage bar, its card on the home page, and who
covered it (each outlet's headline, the outlets that did not, who was first).

Shared by the home page (`index_pages.home_page`) and the story page (`topic_page.topic_page`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from generator.model import UNATTRIBUTED, Comparison, Corpus, Topic
from generator.pages.refs import Ref, article_ref, source_ref, topic_ref
from generator.pages.site import Site
from generator.pages.svg import short

HOME_BIGGEST = 12  # story cards for the largest stories
HOME_LATEST = 6  # then for the latest of the others
CARD_SUMMARY_CHARS = 220  # a card's summary: about two lines
BAR_OUTLETS = 7  # outlets with a segment of their own in a coverage bar; the rest share one


@dataclass(frozen=True, slots=True)
class Segment:
    """One part of a coverage bar: an outlet (or the outlets beyond BAR_OUTLETS, or the unattributed
    articles) and its share of the story's articles."""

    source: Ref  # the outlet's page; no page for "N other outlets"
    articles: int
    percent: float  # of the story's articles, 0-100
    colour: str  # CSS class: the outlet's colour across the site (charts.Charts.colour), or src-other


@dataclass(frozen=True)
class Coverage:
    """Who carried a set of articles: a bar of outlets, largest first, and the counts in words."""

    segments: tuple[Segment, ...]
    articles: int
    outlets: int  # named outlets (the unattributed articles' outlets are unknown)
    unattributed: int

    @property
    def described(self) -> str:
        """The bar in words, for its accessible label: "Fox News 4, CNN 3, 2 other outlets 2"."""
        return ", ".join(f"{s.source.label} {s.articles}" for s in self.segments)


def coverage(site: Site, article_ids: list[str]) -> Coverage:
    corpus = site.corpus
    counts = Counter(corpus.index.source_of_article[a] for a in article_ids if corpus.article(a).source)
    unattributed = sum(1 for a in article_ids if corpus.article(a).source is None)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], corpus.source(kv[0]).name.casefold()))
    total = len(article_ids) or 1
    own = ranked if len(ranked) <= BAR_OUTLETS + 1 else ranked[:BAR_OUTLETS]
    segments = [
        Segment(source_ref(corpus.source(sid)), n, 100 * n / total, site.charts.colour.get(sid, "src-other"))
        for sid, n in own
    ]
    rest = ranked[len(own) :]
    if rest:
        n = sum(count for _, count in rest)
        segments.append(Segment(Ref(f"{len(rest)} other outlets"), n, 100 * n / total, "src-other"))
    if unattributed:
        colour = site.charts.colour.get(_unattributed_id(corpus, article_ids), "src-other")
        segments.append(Segment(Ref(UNATTRIBUTED), unattributed, 100 * unattributed / total, colour))
    return Coverage(tuple(segments), len(article_ids), len(counts), unattributed)


def _unattributed_id(corpus: Corpus, article_ids: list[str]) -> str:
    return next(corpus.index.source_of_article[a] for a in article_ids if corpus.article(a).source is None)


@dataclass(frozen=True)
class StoryCard:
    """A story on the home page."""

    story: Ref  # its headline, linked to its page
    subtitle: str  # its keyword label ("Uighur · Islamic State · video")
    summary: str  # the start of its summary, about two lines ("" when it has none)
    coverage: Coverage
    first: date | None  # its earliest and latest article dates
    last: date | None


def story_card(site: Site, topic: Topic) -> StoryCard:
    corpus = site.corpus
    unique = corpus.unique_articles(topic.articles)
    sentences = " ".join(s.text for s in corpus.topic_summaries.get(topic.id, ()))
    dates = sorted(d for d in (corpus.article(a).date for a in unique) if d)
    return StoryCard(
        topic_ref(topic),
        topic.subtitle,
        short(sentences, CARD_SUMMARY_CHARS) if sentences else "",
        coverage(site, unique),
        dates[0] if dates else None,
        dates[-1] if dates else None,
    )


def home_stories(corpus: Corpus) -> tuple[tuple[Topic, ...], tuple[Topic, ...]]:
    """The largest stories, then the latest of the others (by their latest article date)."""
    stories = [t for t in corpus.topics if is_story(t)]
    size = {t.id: len(corpus.unique_articles(t.articles)) for t in stories}
    biggest = sorted(stories, key=lambda t: -size[t.id])[:HOME_BIGGEST]
    shown = {t.id for t in biggest}

    def latest(topic: Topic) -> date:
        return max((d for d in (corpus.article(a).date for a in topic.articles) if d), default=date.min)

    others = [t for t in stories if t.id not in shown and latest(t) > date.min]
    return tuple(biggest), tuple(sorted(others, key=lambda t: (latest(t), size[t.id]), reverse=True)[:HOME_LATEST])


def is_story(topic: Topic) -> bool:
    """A story is told by several articles (link/topics.py); an article in no story is listed, not carded."""
    return topic.is_story


@dataclass(frozen=True, slots=True)
class OutletHeadline:
    """One outlet's article on a story: its headline, side by side with the others'."""

    source: Ref
    article: Ref  # the headline, linked to the article page
    date: str  # "2020-04-03", "2020-04-03 09:30"; "" when undated
    copies: int  # later articles repeating it (not listed again)


def outlet_headlines(corpus: Corpus, topic: Topic) -> tuple[OutletHeadline, ...]:
    """The story's articles (duplicates folded into their original), earliest first, undated last."""
    rows = []
    for article_id in corpus.unique_articles(topic.articles):
        article = corpus.article(article_id)
        when = article.date.isoformat() if article.date else ""
        if when and article.time_label:
            when += f" {article.time_label}"
        copies = len(corpus.index.copies.get(article_id, ()))
        row = OutletHeadline(source_ref(corpus.source_of(article_id)), article_ref(corpus, article_id), when, copies)
        rows.append((article.date is None, article.published or when, article.id, row))
    rows.sort(key=lambda item: item[:3])
    return tuple(row for *_, row in rows)


def not_covered(corpus: Corpus, topic: Topic) -> tuple[Ref, ...]:
    """The corpus's named outlets with no article in the story, largest first."""
    present = {corpus.index.source_of_article[a] for a in topic.articles}
    return tuple(
        source_ref(s)
        for s in corpus.sources
        if s.id not in present and any(corpus.article(a).source for a in s.articles[:1])
    )


@dataclass(frozen=True)
class FirstView:
    """Who reported first, in words: the outlets of the articles published at the earliest moment."""

    outlets: tuple[Ref, ...]  # one: a first report; several: a tie
    articles: int  # articles at that moment
    by: str  # "time" or "date": what the moment is
    at: str  # the moment in words
    undated: int  # articles without a date, which may have been first: then it is the earliest dated only
    corpus_start: bool  # that day is the corpus's first: the story may have begun before the corpus does


def first_view(corpus: Corpus, comparison: Comparison) -> FirstView | None:
    first = comparison.first
    if first is None:
        return None
    outlets = dict.fromkeys(corpus.index.source_of_article[a] for a in first.articles)
    refs = tuple(source_ref(corpus.source(s)) for s in outlets)
    day = corpus.article(first.articles[0]).date
    start = min((a.date for a in corpus.articles if a.date), default=None)
    return FirstView(refs, len(first.articles), first.by, first.at, first.undated, day == start)
