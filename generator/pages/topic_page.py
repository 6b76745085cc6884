"""The topic page (`topic.md`) and the topic's sources compared side by side (`compare.md`)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from generator.model import Corpus, QuoteGroup, Topic
from generator.pages.markdown import MD
from generator.pages.paths import TOPICS, anchor, comparison_path, source_path, topic_path
from generator.pages.refs import (
    ArticleRow,
    Ref,
    article_ref,
    article_rows,
    entity_ref,
    keyword_ref,
    quote_ref,
    source_ref,
    topic_ref,
)
from generator.pages.site import Site

TOPIC_QUOTES = 15  # quotes listed on a topic page, the most carried


@dataclass(frozen=True)
class QuoteCarried:
    """A quote group as one line: its text, speaker and reach."""

    text: str  # the longest wording
    speaker: Ref | None  # the entity it is attributed to; None: not named
    articles: int  # articles carrying it
    wordings: Ref  # its wordings on the quotes page


def quote_carried(corpus: Corpus, group: QuoteGroup) -> QuoteCarried:
    speaker = entity_ref(corpus, group.speaker) if group.speaker else None
    return QuoteCarried(group.text, speaker, len(group.articles), quote_ref("wordings", group.id))


@dataclass(frozen=True)
class Dated:
    """One article in a list by date: its link and its source's name."""

    article: Ref
    source: str


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
    """Context of `topic.md`."""

    page: str
    topic: Topic  # label
    articles: int  # articles not duplicating another
    duplicates: int  # articles of the topic that duplicate one of those
    sources: tuple[Ref, ...]  # most articles first
    comparison: Ref  # the sources compared side by side
    subjects: tuple[Ref, ...]  # the broad subject it belongs to (none when the corpus has one subject)
    summary: tuple[tuple[str, Ref, Ref], ...]  # multi-document summary: sentence, its article and source
    rows: tuple[ArticleRow, ...]
    charts: MD
    days: tuple[tuple[date, tuple[Dated, ...]], ...]  # articles not duplicating another, by day
    undated: tuple[Dated, ...]
    quotes: tuple[QuoteCarried, ...]  # the most carried
    entities: tuple[Ref, ...]  # main entities, most shared first
    keywords: tuple[Ref, ...]


def topic_page(site: Site, topic: Topic) -> TopicPage:
    corpus = site.corpus
    unique = corpus.unique_articles(topic.articles)
    counts = Counter(corpus.index.source_of_article[a] for a in topic.articles)
    subjects = (
        tuple(Ref(s.label, TOPICS, anchor(s.label)) for s in corpus.subjects if topic.id in s.topics)
        if len(corpus.subjects) > 1
        else ()
    )
    days, undated = by_day(corpus, unique)

    def dated(article_id: str) -> Dated:
        return Dated(article_ref(corpus, article_id), corpus.source_of(article_id).name)

    links = corpus.keyword_links.topics[topic.id]
    return TopicPage(
        page=topic_path(topic),
        topic=topic,
        articles=len(unique),
        duplicates=len(topic.articles) - len(unique),
        sources=tuple(source_ref(corpus.source(sid)) for sid, _ in counts.most_common()),
        comparison=Ref("Sources compared side by side", comparison_path(topic)),
        subjects=subjects,
        summary=tuple(
            (s.text, article_ref(corpus, s.article), source_ref(corpus.source_of(s.article)))
            for s in corpus.topic_summaries[topic.id]
        ),
        rows=article_rows(corpus, topic.articles),
        charts=site.charts.for_topic(topic),
        days=tuple((day, tuple(dated(a) for a in ids)) for day, ids in days),
        undated=tuple(dated(a) for a in undated),
        quotes=tuple(quote_carried(corpus, g) for g in corpus.quote_groups_in(topic.articles)[:TOPIC_QUOTES]),
        entities=tuple(entity_ref(corpus, e) for e in topic.entities),
        keywords=tuple(keyword_ref(corpus, k, e) for k, e in zip(topic.keywords, links, strict=True)),
    )


@dataclass(frozen=True)
class ColumnView:
    """One column of the comparison: an outlet's articles, or one unattributed article alone."""

    source: Ref  # the column's label, linked to its source page
    articles: tuple[Ref, ...]
    first: date | None  # its earliest article date


@dataclass(frozen=True)
class ComparePage:
    """Context of `compare.md` (from the link stage's `Comparison`)."""

    page: str
    topic: Ref
    columns: tuple[ColumnView, ...]
    first_column: str | None  # the label of the column that reported first; None when nothing is dated
    entities: tuple[tuple[Ref, tuple[int, ...]], ...]  # entity, articles of each column naming it
    quotes: tuple[tuple[str, Ref, tuple[bool, ...]], ...]  # quote text, its wordings, carried by each column
    keywords: tuple[tuple[str, tuple[bool, ...]], ...]  # keyword, found in each column


def compare_page(site: Site, topic: Topic) -> ComparePage:
    corpus = site.corpus
    comparison = corpus.comparisons[topic.id]
    columns = tuple(
        ColumnView(
            Ref(c.label, source_path(corpus.source(c.source))),
            tuple(article_ref(corpus, a) for a in c.articles),
            c.first,
        )
        for c in comparison.columns
    )
    first = comparison.first_column
    return ComparePage(
        page=comparison_path(topic),
        topic=topic_ref(topic),
        columns=columns,
        first_column=comparison.columns[first].label if first is not None else None,
        entities=tuple((entity_ref(corpus, e), counts) for e, counts in comparison.entities),
        quotes=tuple((corpus.quote_group(g).text, quote_ref("", g), carried) for g, carried in comparison.quotes),
        keywords=comparison.keywords,
    )
