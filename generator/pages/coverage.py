"""Who reported what: quotes across outlets, shared text, what each source stresses, timelines.

Plain data for the quotes, timeline, source and topic-comparison pages.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from generator.link.overlap import SharedText
from generator.link.quote_groups import QuoteGroup
from generator.model import Article, Corpus, Entity, Quote, Source, Topic
from generator.pages.views import Lookup


@dataclass(frozen=True)
class _Index:
    """Lookups over the corpus that many pages need, built once per corpus."""

    group_of: dict[tuple[str, int], QuoteGroup]
    groups_of_article: dict[str, tuple[QuoteGroup, ...]]
    shared_of_article: dict[str, tuple[SharedText, ...]]
    copies: dict[str, tuple[str, ...]]
    position: dict[str, int]  # quote group id -> its place in corpus.quote_groups


def _index(corpus: Corpus) -> _Index:
    cached = corpus.__dict__.get("_coverage_index")
    if cached is None:
        groups_of: dict[str, list[QuoteGroup]] = defaultdict(list)
        for group in corpus.quote_groups:
            for article_id in group.articles:
                groups_of[article_id].append(group)
        shared: dict[str, list[SharedText]] = defaultdict(list)
        for pair in corpus.shared_text:
            shared[pair.a].append(pair)
            shared[pair.b].append(pair)
        copies: dict[str, list[str]] = defaultdict(list)
        for copy, original in corpus.duplicate_of.items():
            copies[original].append(copy)
        cached = _Index(
            group_of={(m.article, m.index): g for g in corpus.quote_groups for m in g.members},
            groups_of_article={k: tuple(v) for k, v in groups_of.items()},
            shared_of_article={k: tuple(v) for k, v in shared.items()},
            copies={k: tuple(v) for k, v in copies.items()},
            position={g.id: i for i, g in enumerate(corpus.quote_groups)},
        )
        object.__setattr__(corpus, "_coverage_index", cached)
    return cached


def unique_articles(article_ids: tuple[str, ...], corpus: Corpus) -> list[str]:
    """The articles that are not duplicates of another: what topic and source counts count."""
    return [a for a in article_ids if a not in corpus.duplicate_of]


def duplicates_of(article_id: str, corpus: Corpus) -> list[str]:
    return list(_index(corpus).copies.get(article_id, ()))


def shared_quote_count(corpus: Corpus) -> int:
    """How many quotes appear in more than one article."""
    return sum(1 for group in corpus.quote_groups if len(group.articles) > 1)


def quote_group_of(corpus: Corpus) -> dict[tuple[str, int], QuoteGroup]:
    return _index(corpus).group_of


def quote_groups_in(article_ids: tuple[str, ...] | list[str], corpus: Corpus) -> list[QuoteGroup]:
    """The quote groups carried by any of these articles, in the corpus's order (most carried first)."""
    index = _index(corpus)
    found = {g.id: g for a in article_ids for g in index.groups_of_article.get(a, ())}
    return sorted(found.values(), key=lambda g: index.position[g.id])


def variants(group: QuoteGroup, corpus: Corpus) -> list[tuple[Article, Quote]]:
    """Each article's wording of the quote, earliest article first."""
    rows = [(corpus.article(m.article), corpus.analyses[m.article].quotes[m.index]) for m in group.members]
    return sorted(rows, key=lambda row: (row[0].date is None, row[0].date or date.min, row[0].id))


def group_sources(group: QuoteGroup, lookup: Lookup) -> list[Source]:
    return list(dict.fromkeys(lookup.source_of_article[a] for a in group.articles))


@dataclass(frozen=True)
class SpeakerQuotes:
    speaker: str | None  # entity id, or None for the quotes whose speaker is not an entity
    label: str
    groups: tuple[QuoteGroup, ...]


def quotes_by_speaker(corpus: Corpus, lookup: Lookup) -> list[SpeakerQuotes]:
    """Quote groups under their speaker; speakers quoted in the most articles first."""
    by_speaker: dict[str | None, list[QuoteGroup]] = defaultdict(list)
    for group in corpus.quote_groups:
        by_speaker[group.speaker].append(group)
    result = []
    for speaker, groups in by_speaker.items():
        label = lookup.entities[speaker].name if speaker else "Speaker not linked to an entity"
        result.append(SpeakerQuotes(speaker, label, tuple(groups)))
    reach = {s.speaker: len({a for g in s.groups for a in g.articles}) for s in result}
    return sorted(result, key=lambda s: (s.speaker is None, -reach[s.speaker], s.label))


def shared_with(article_id: str, corpus: Corpus) -> list[tuple[str, SharedText]]:
    """The other articles this one shares passages with, most shared first."""
    pairs = [(p.b if p.a == article_id else p.a, p) for p in _index(corpus).shared_of_article.get(article_id, ())]
    return sorted(pairs, key=lambda item: -max(item[1].share_a, item[1].share_b))


def stressed_entities(source: Source, lookup: Lookup, top: int = 12) -> list[tuple[Entity, int, float]]:
    """Entities this source names more than the rest of the corpus does: (entity, mentions here, log-odds).

    Smoothed log-odds of an entity's share of the source's mentions against its share
    of all other sources' mentions; entities named at least twice by the source.
    """
    mine: Counter[str] = Counter()
    rest: Counter[str] = Counter()
    for article in lookup.corpus.articles:
        counter = mine if lookup.source_of_article[article.id].id == source.id else rest
        counter.update(m.entity for m in lookup.corpus.mentions[article.id])
    total_mine, total_rest = sum(mine.values()), sum(rest.values())
    vocabulary = len(set(mine) | set(rest)) or 1
    prior = 0.5
    scored = []
    for entity_id, count in mine.items():
        if count < 2:
            continue
        here = (count + prior) / (total_mine + prior * vocabulary)
        there = (rest[entity_id] + prior) / (total_rest + prior * vocabulary)
        scored.append((lookup.entities[entity_id], count, math.log(here / there)))
    scored.sort(key=lambda row: (-row[2], -row[1], row[0].name))
    return scored[:top]


def names_used(source: Source, lookup: Lookup) -> list[tuple[Entity, list[str], list[str]]]:
    """Entities this source shares with others, where the names differ: (entity, its names, others' names)."""
    own: dict[str, Counter[str]] = defaultdict(Counter)
    other: dict[str, Counter[str]] = defaultdict(Counter)
    for article in lookup.corpus.articles:
        target = own if lookup.source_of_article[article.id].id == source.id else other
        for mention in lookup.corpus.mentions[article.id]:
            target[mention.entity][mention.text] += 1
    rows = []
    for entity_id in own:
        if entity_id in other and set(own[entity_id]) != set(other[entity_id]):
            rows.append(
                (
                    lookup.entities[entity_id],
                    [n for n, _ in own[entity_id].most_common()],
                    [n for n, _ in other[entity_id].most_common()],
                )
            )
    rows.sort(key=lambda row: (-row[0].mention_count, row[0].name))
    return rows


def source_quote_groups(source: Source, corpus: Corpus) -> list[QuoteGroup]:
    return quote_groups_in(source.articles, corpus)


def timeline(
    article_ids: tuple[str, ...] | list[str], corpus: Corpus
) -> tuple[list[tuple[date, list[str]]], list[str]]:
    """Dated articles grouped by day (earliest first), and the undated ones apart."""
    by_day: dict[date, list[str]] = defaultdict(list)
    undated: list[str] = []
    for article_id in article_ids:
        when = corpus.article(article_id).date
        if when is None:
            undated.append(article_id)
        else:
            by_day[when].append(article_id)
    return sorted(by_day.items()), undated


@dataclass(frozen=True)
class Column:
    """One column of a comparison: an outlet's articles, or one unattributed article on its own."""

    label: str
    source: Source
    articles: tuple[str, ...]


@dataclass(frozen=True)
class Comparison:
    """A topic's sources side by side."""

    columns: tuple[Column, ...]
    entities: tuple[tuple[Entity, tuple[int, ...]], ...]  # articles of each column naming the entity
    quotes: tuple[tuple[QuoteGroup, tuple[bool, ...]], ...]
    keywords: tuple[tuple[str, tuple[bool, ...]], ...]
    first: tuple[date | None, ...]  # each column's earliest dated article
    first_column: Column | None


def _columns(members: list[str], lookup: Lookup) -> tuple[Column, ...]:
    """Attributed articles grouped by outlet; each unattributed article its own column (their outlets may differ)."""
    columns: dict[str, Column] = {}
    for article_id in members:
        source = lookup.source_of_article[article_id]
        article = lookup.corpus.article(article_id)
        if article.source is None:
            words = article.title.split()
            short = " ".join(words[:5]) + ("…" if len(words) > 5 else "")
            columns[f"article:{article_id}"] = Column(f"{source.name}: {short}", source, (article_id,))
        else:
            previous = columns.get(source.id)
            ids = (previous.articles if previous else ()) + (article_id,)
            columns[source.id] = Column(source.name, source, ids)
    return tuple(columns.values())


def compare_sources(topic: Topic, lookup: Lookup) -> Comparison:
    corpus = lookup.corpus
    members = unique_articles(topic.articles, corpus)
    columns = _columns(members, lookup)
    entity_rows = []
    for entity_id in topic.entities:
        counts = tuple(
            sum(1 for a in column.articles if any(m.entity == entity_id for m in corpus.mentions[a]))
            for column in columns
        )
        entity_rows.append((lookup.entities[entity_id], counts))
    quote_rows = []
    for group in quote_groups_in(members, corpus):
        carried = tuple(bool(set(group.articles) & set(column.articles)) for column in columns)
        quote_rows.append((group, carried))
    quote_rows.sort(key=lambda row: -sum(row[1]))
    texts = {a: corpus.article(a).text.lower() for a in members}
    keyword_rows = [
        (keyword, tuple(any(keyword.lower() in texts[a] for a in column.articles) for column in columns))
        for keyword in topic.keywords
    ]
    first = tuple(min((d for d in (corpus.article(a).date for a in c.articles) if d), default=None) for c in columns)
    dated = [(d, c) for d, c in zip(first, columns, strict=True) if d is not None]
    first_column = min(dated, key=lambda pair: pair[0])[1] if dated else None
    return Comparison(columns, tuple(entity_rows), tuple(quote_rows[:30]), tuple(keyword_rows), first, first_column)


def comparison_path(topic: Topic) -> str:
    return f"topics/{topic.slug}-sources.md"
