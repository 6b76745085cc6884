"""Who reported what, across sources: each topic's sources side by side, and what sets each source apart.

Computed once by the link stage for the topic-comparison and source pages.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from datetime import datetime

from generator.model import (
    Article,
    Comparison,
    ComparisonColumn,
    Corpus,
    FirstReport,
    NamesUsed,
    SourceProfile,
    StressedEntity,
    Topic,
)

COMPARED_QUOTES = 30  # quote rows of a comparison, the most carried
OUTLET_COLUMNS = 12  # outlets with a column of their own; the rest share one, so the matrix stays readable
STRESSED = 12  # entities listed per source
PRIOR = 0.5  # smoothing of the log-odds


def _columns(members: list[str], corpus: Corpus) -> list[ComparisonColumn]:
    """The largest OUTLET_COLUMNS outlets a column each, the other outlets one column together, and the
    unattributed articles one column (each may be from a different outlet, or the same: unknown)."""
    by_outlet: dict[str, list[str]] = defaultdict(list)
    unattributed: list[str] = []
    for article_id in members:
        if corpus.article(article_id).source is None:
            unattributed.append(article_id)
        else:
            by_outlet[corpus.index.source_of_article[article_id]].append(article_id)
    ranked = sorted(by_outlet.items(), key=lambda kv: (-len(kv[1]), corpus.source(kv[0]).name.casefold()))
    own = ranked if len(ranked) <= OUTLET_COLUMNS + 1 else ranked[:OUTLET_COLUMNS]
    rest = ranked[len(own) :]
    columns = [ComparisonColumn(corpus.source(sid).name, sid, tuple(ids)) for sid, ids in own]
    if rest:
        others = {a for _, group in rest for a in group}
        ids = [a for a in members if a in others]
        label = f"{len(rest)} other outlets"
        columns.append(ComparisonColumn(label, "", tuple(ids), "others"))
    if unattributed:
        source = corpus.source_of(unattributed[0])
        columns.append(ComparisonColumn(source.name, source.id, tuple(unattributed), "unattributed"))
    return columns


def _moment(article: Article) -> datetime | None:
    """The article's publication time, when the input gives a time of day."""
    if not article.published or "T" not in article.published:
        return None
    try:
        return datetime.fromisoformat(article.published)
    except ValueError:
        return None


def first_report(members: list[str], corpus: Corpus) -> FirstReport | None:
    """The articles published at the earliest known moment: compared by time when every article of the
    earliest date gives one (all with an offset, or all without), else by date; ties stay ties."""
    dated = [corpus.article(a) for a in members if corpus.article(a).date is not None]
    if not dated:
        return None
    day = min(a.date for a in dated if a.date is not None)
    on_day = [a for a in dated if a.date == day]
    moments = [(_moment(a), a) for a in on_day]
    known = [(m, a) for m, a in moments if m is not None]
    if len(known) == len(moments) and len({m.tzinfo is None for m, _ in known}) == 1:
        earliest = min(m for m, _ in known)
        tied = [a for m, a in known if m == earliest]
        at = f"{day.isoformat()} {tied[0].time_label}"
        return FirstReport(tuple(a.id for a in tied), "time", at, len(members) - len(dated))
    return FirstReport(tuple(a.id for a in on_day), "date", day.isoformat(), len(members) - len(dated))


def compare_sources(topic: Topic, corpus: Corpus) -> Comparison:
    """A story's sources side by side: how many articles of each column name each main entity, carry
    each quote and use each keyword; who was first."""
    members = corpus.unique_articles(topic.articles)
    columns = _columns(members, corpus)
    entity_rows = []
    for entity_id in topic.entities:
        counts = tuple(
            sum(1 for a in column.articles if any(m.entity == entity_id for m in corpus.mentions[a]))
            for column in columns
        )
        entity_rows.append((entity_id, counts))
    quote_rows = []
    for group in corpus.quote_groups_in(members):
        carried = tuple(len(set(group.articles) & set(column.articles)) for column in columns)
        quote_rows.append((group.id, carried))
    quote_rows.sort(key=lambda row: -sum(1 for n in row[1] if n))
    texts = {a: corpus.article(a).text.lower() for a in members}
    keyword_rows = tuple(
        (keyword, tuple(sum(1 for a in column.articles if keyword.lower() in texts[a]) for column in columns))
        for keyword in topic.keywords
    )
    return Comparison(
        tuple(columns),
        tuple(entity_rows),
        tuple(quote_rows[:COMPARED_QUOTES]),
        keyword_rows,
        first_report(members, corpus),
    )


def compare_topics(corpus: Corpus) -> dict[str, Comparison]:
    """The comparison of every story (only a story page shows one: an article in no story has none)."""
    return {topic.id: compare_sources(topic, corpus) for topic in corpus.topics if topic.is_story}


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
