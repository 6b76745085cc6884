"""Who reported what, across sources: each topic's sources side by side, and what sets each source apart.

Computed once by the link stage for the topic-comparison and source pages.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from datetime import date

from generator.model import (
    Comparison,
    ComparisonColumn,
    Corpus,
    NamesUsed,
    SourceProfile,
    StressedEntity,
    Topic,
)

COMPARED_QUOTES = 30  # quote rows of a comparison, the most carried
STRESSED = 12  # entities listed per source
PRIOR = 0.5  # smoothing of the log-odds


def _columns(members: list[str], corpus: Corpus) -> list[tuple[str, str, list[str]]]:
    """(label, source id, articles): attributed articles grouped by outlet; each unattributed article a
    column of its own (their outlets may differ)."""
    columns: dict[str, tuple[str, str, list[str]]] = {}
    for article_id in members:
        source = corpus.source_of(article_id)
        article = corpus.article(article_id)
        if article.source is None:
            words = article.title.split()
            short = " ".join(words[:5]) + ("…" if len(words) > 5 else "")
            columns[f"article:{article_id}"] = (f"{source.name}: {short}", source.id, [article_id])
        else:
            columns.setdefault(source.id, (source.name, source.id, []))[2].append(article_id)
    return list(columns.values())


def _earliest(article_ids: list[str], corpus: Corpus) -> date | None:
    return min((d for d in (corpus.article(a).date for a in article_ids) if d), default=None)


def compare_sources(topic: Topic, corpus: Corpus) -> Comparison:
    """A topic's sources side by side: the entities, quotes and keywords each carries, who was first."""
    members = corpus.unique_articles(topic.articles)
    columns = tuple(
        ComparisonColumn(label, source, tuple(ids), _earliest(ids, corpus))
        for label, source, ids in _columns(members, corpus)
    )
    entity_rows = []
    for entity_id in topic.entities:
        counts = tuple(
            sum(1 for a in column.articles if any(m.entity == entity_id for m in corpus.mentions[a]))
            for column in columns
        )
        entity_rows.append((entity_id, counts))
    quote_rows = []
    for group in corpus.quote_groups_in(members):
        carried = tuple(bool(set(group.articles) & set(column.articles)) for column in columns)
        quote_rows.append((group.id, carried))
    quote_rows.sort(key=lambda row: -sum(row[1]))
    texts = {a: corpus.article(a).text.lower() for a in members}
    keyword_rows = tuple(
        (keyword, tuple(any(keyword.lower() in texts[a] for a in column.articles) for column in columns))
        for keyword in topic.keywords
    )
    dated = [(column.first, index) for index, column in enumerate(columns) if column.first is not None]
    first_column = min(dated, key=lambda pair: pair[0])[1] if dated else None
    return Comparison(columns, tuple(entity_rows), tuple(quote_rows[:COMPARED_QUOTES]), keyword_rows, first_column)


def compare_topics(corpus: Corpus) -> dict[str, Comparison]:
    return {topic.id: compare_sources(topic, corpus) for topic in corpus.topics}


def profile_sources(corpus: Corpus) -> dict[str, SourceProfile]:
    """For every source: the entities it names more than the others do, and the names it uses that others
    do not."""
    per_source: dict[str, Counter[str]] = defaultdict(Counter)  # source id -> entity id -> mentions
    said: dict[str, list[tuple[str, str]]] = defaultdict(list)  # entity id -> (source id, name), corpus order
    for article in corpus.articles:
        source_id = corpus.index.source_of_article[article.id]
        counts = per_source[source_id]
        for mention in corpus.mentions[article.id]:
            counts[mention.entity] += 1
            said[mention.entity].append((source_id, mention.text))
    total: Counter[str] = Counter()
    for counts in per_source.values():
        total.update(counts)
    return {
        source.id: SourceProfile(
            _stressed(per_source[source.id], total, corpus), _names_used(source.id, per_source[source.id], said, corpus)
        )
        for source in corpus.sources
    }


def _stressed(mine: Counter[str], total: Counter[str], corpus: Corpus) -> tuple[StressedEntity, ...]:
    """Smoothed log-odds of an entity's share of this source's mentions against its share of all other
    sources' mentions; entities named at least twice by the source."""
    total_mine = sum(mine.values())
    total_rest = sum(total.values()) - total_mine
    vocabulary = len(total) or 1
    scored = []
    for entity_id, count in mine.items():
        if count < 2:
            continue
        here = (count + PRIOR) / (total_mine + PRIOR * vocabulary)
        there = (total[entity_id] - count + PRIOR) / (total_rest + PRIOR * vocabulary)
        scored.append(StressedEntity(entity_id, count, math.log(here / there)))
    scored.sort(key=lambda row: (-row.log_odds, -row.mentions, corpus.entity(row.entity).name))
    return tuple(scored[:STRESSED])


def _names_used(
    source_id: str, mine: Counter[str], said: dict[str, list[tuple[str, str]]], corpus: Corpus
) -> tuple[NamesUsed, ...]:
    """Entities this source shares with others, where the names differ."""
    rows = []
    for entity_id in mine:
        own = Counter(name for source, name in said[entity_id] if source == source_id)
        others = Counter(name for source, name in said[entity_id] if source != source_id)
        if others and set(own) != set(others):
            rows.append(
                NamesUsed(entity_id, tuple(n for n, _ in own.most_common()), tuple(n for n, _ in others.most_common()))
            )
    rows.sort(key=lambda row: (-corpus.entity(row.entity).mention_count, corpus.entity(row.entity).name))
    return tuple(rows)
