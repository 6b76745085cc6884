"""The story page (`topic.md`): its headline, coverage, each outlet's headline, and its outlets compared."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from generator.model import Comparison, Corpus, QuoteGroup, Topic
from generator.pages.markdown import MD
from generator.pages.paths import TOPICS, anchor, source_path, topic_path
from generator.pages.refs import Ref, article_ref, entity_ref, keyword_ref, source_ref, speaker_ref
from generator.pages.site import Site
from generator.pages.stories import (
    Coverage,
    FirstView,
    OutletHeadline,
    coverage,
    first_view,
    not_covered,
    outlet_headlines,
)
from generator.pages.svg import short

TOPIC_QUOTES = 15  # quotes listed on a topic page, the most carried
QUOTE_CHARS = 90  # of a quote, in a row of the comparison


@dataclass(frozen=True)
class QuoteCarried:
    """A quote group as one line: its text, speaker and reach."""

    text: str  # the longest wording
    speaker: Ref | None  # the entity it is attributed to, else the speaker as written (text only); None: not named
    articles: int  # articles carrying it
    wordings: Ref  # its wordings on the quotes page
    disputed: tuple[Ref, ...] = ()  # when the articles credit it to different speakers: each (speaker is None)


def quote_carried(site: Site, group: QuoteGroup) -> QuoteCarried:
    """The group's speaker is its entity; when no member's speaker is linked, the one the articles name as
    written (a name before a description); when they disagree, each of them, and no one speaker."""
    wordings = site.quotes.ref("wordings", group.id)
    if group.disputed:
        credited = tuple(speaker_ref(site.corpus, s) for s in group.speakers)
        return QuoteCarried(group.text, None, len(group.articles), wordings, credited)
    if group.speaker:
        speaker: Ref | None = entity_ref(site.corpus, group.speaker)
    else:
        named = sorted(group.speakers, key=lambda s: s.kind != "name")  # stable: most members first within a kind
        speaker = speaker_ref(site.corpus, named[0]) if named else None
    return QuoteCarried(group.text, speaker, len(group.articles), wordings)


def by_day(corpus: Corpus, article_ids: list[str]) -> tuple[tuple[tuple[date, tuple[str, ...]], ...], tuple[str, ...]]:
    """Dated articles grouped by day (earliest first), and the undated ones apart."""
    days: dict[date, list[str]] = defaultdict(list)
    undated: list[str] = []
    for article_id in article_ids:
        when = corpus.article(article_id).date
        if when is None:
            undated.append(article_id)
        else:
            days[when].append(article_id)
    return tuple((day, tuple(ids)) for day, ids in sorted(days.items())), tuple(undated)


@dataclass(frozen=True)
class TopicPage:
    """Context of `topic.md`: a story's page."""

    page: str
    topic: Topic  # label: the headline
    title_from: tuple[Ref, Ref] | None  # the article whose headline is the title, and its outlet; None: a keyword label
    articles: int  # articles not duplicating another
    duplicates: int  # articles of the topic that duplicate one of those
    coverage: Coverage  # who carried it, as a bar
    first_date: date | None  # its earliest and latest article dates
    last_date: date | None
    subjects: tuple[Ref, ...]  # the broad subject it belongs to (none when the corpus has one subject)
    summary: tuple[tuple[str, Ref, Ref], ...]  # multi-document summary: sentence, its article and source
    headlines: tuple[OutletHeadline, ...]  # each article's outlet and headline, earliest first
    not_covered: tuple[Ref, ...]  # the corpus's named outlets absent from the story (none: one outlet only)
    first: FirstView | None  # who reported first, or the tie at the earliest moment; None: nothing dated
    matrix: Matrix | None  # outlets compared; None when the story has one column
    timeline: MD  # articles per day and source; "" when no article is dated
    quotes: tuple[QuoteCarried, ...]  # the most carried
    entities: tuple[Ref, ...]  # main entities, most shared first
    keywords: tuple[Ref, ...]


def topic_page(site: Site, topic: Topic) -> TopicPage:
    corpus = site.corpus
    unique = corpus.unique_articles(topic.articles)
    subjects = (
        tuple(Ref(s.label, TOPICS, anchor(s.label)) for s in corpus.subjects if topic.id in s.topics)
        if len(corpus.subjects) > 1
        else ()
    )
    dates = sorted(d for d in (corpus.article(a).date for a in unique) if d)
    comparison = corpus.comparisons[topic.id]
    links = corpus.keyword_links.topics[topic.id]
    bar = coverage(site, unique)
    title_article = topic.headline_article
    return TopicPage(
        page=topic_path(topic),
        topic=topic,
        title_from=(
            (article_ref(corpus, title_article), source_ref(corpus.source_of(title_article)))
            if title_article is not None
            else None
        ),
        articles=len(unique),
        duplicates=len(topic.articles) - len(unique),
        coverage=bar,
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
        subjects=subjects,
        summary=tuple(
            (s.text, article_ref(corpus, s.article), source_ref(corpus.source_of(s.article)))
            for s in corpus.topic_summaries[topic.id]
        ),
        headlines=outlet_headlines(corpus, topic),
        not_covered=not_covered(corpus, topic) if bar.outlets > 0 else (),
        first=first_view(corpus, comparison),
        matrix=matrix(site, comparison) if len(comparison.columns) > 1 else None,
        timeline=site.charts.timeline(tuple(unique), "timeline") if dates else MD(""),
        quotes=tuple(quote_carried(site, g) for g in corpus.quote_groups_in(topic.articles)[:TOPIC_QUOTES]),
        entities=tuple(entity_ref(corpus, e) for e in topic.entities),
        keywords=tuple(keyword_ref(corpus, k, e) for k, e in zip(topic.keywords, links, strict=True)),
    )


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the comparison: an outlet, the smaller outlets together, or the unattributed articles."""

    source: Ref  # the column's label, linked to its source page (no page: the smaller outlets)
    articles: int
    kind: str  # "outlet", "others" or "unattributed" (model.ComparisonColumn)


@dataclass(frozen=True, slots=True)
class Cell:
    count: int  # articles of the column
    heat: int  # 0-4: the count's share of the column's articles, in quarters (0: none)


@dataclass(frozen=True, slots=True)
class MatrixRow:
    label: Ref  # the entity, the quote (linked to its wordings) or the keyword
    cells: tuple[Cell, ...]  # one per column


@dataclass(frozen=True)
class Matrix:
    """A story's outlets side by side (from the link stage's `Comparison`): a heat map of how many of
    each column's articles name each main entity, carry each quote and use each keyword."""

    columns: tuple[Column, ...]
    entities: tuple[MatrixRow, ...]
    quotes: tuple[MatrixRow, ...]
    keywords: tuple[MatrixRow, ...]


def _cells(counts: tuple[int, ...], sizes: tuple[int, ...]) -> tuple[Cell, ...]:
    return tuple(
        Cell(n, 0 if n == 0 else min(4, 1 + (4 * n - 1) // max(size, 1))) for n, size in zip(counts, sizes, strict=True)
    )


def matrix(site: Site, comparison: Comparison) -> Matrix:
    corpus = site.corpus
    sizes = tuple(len(c.articles) for c in comparison.columns)
    columns = tuple(
        Column(Ref(c.label, source_path(corpus.source(c.source)) if c.source else None), len(c.articles), c.kind)
        for c in comparison.columns
    )
    return Matrix(
        columns,
        tuple(MatrixRow(entity_ref(corpus, e), _cells(n, sizes)) for e, n in comparison.entities),
        tuple(
            MatrixRow(site.quotes.ref(short(corpus.quote_group(g).text, QUOTE_CHARS), g), _cells(n, sizes))
            for g, n in comparison.quotes
        ),
        tuple(MatrixRow(Ref(k), _cells(n, sizes)) for k, n in comparison.keywords),
    )
