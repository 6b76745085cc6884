"""Lookups and indexes across the corpus, built once by the link stage for the pages to read.

By id (articles, entities, topics, sources, quote groups), which quote group each quote
belongs to, the quote groups and shared passages of each article, the copies of each
article; which entities get a page; the keyword index; and which entity a keyword names
where it is shown.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from generator.analyse.keywords import fold_phrase
from generator.link.entities import normalise
from generator.model import (
    Article,
    ArticleAnalysis,
    CorpusIndex,
    Entity,
    IndexedKeyword,
    KeywordLinks,
    LinkedMention,
    QuoteGroup,
    SharedText,
    Source,
    Topic,
)


def build_index(
    articles: list[Article],
    entities: tuple[Entity, ...],
    topics: tuple[Topic, ...],
    sources: tuple[Source, ...],
    quote_groups: tuple[QuoteGroup, ...],
    shared_text: tuple[SharedText, ...],
    duplicate_of: dict[str, str],
) -> CorpusIndex:
    groups_of: dict[str, list[str]] = defaultdict(list)
    for group in quote_groups:
        for article_id in group.articles:
            groups_of[article_id].append(group.id)
    shared: dict[str, list[SharedText]] = defaultdict(list)
    for pair in shared_text:
        shared[pair.a].append(pair)
        shared[pair.b].append(pair)
    copies: dict[str, list[str]] = defaultdict(list)
    for copy, original in duplicate_of.items():
        copies[original].append(copy)
    return CorpusIndex(
        articles={a.id: a for a in articles},
        entities={e.id: e for e in entities},
        topics={t.id: t for t in topics},
        sources={s.id: s for s in sources},
        source_of_article={article_id: s.id for s in sources for article_id in s.articles},
        quote_groups={g.id: g for g in quote_groups},
        quote_group_of={(m.article, m.index): g.id for g in quote_groups for m in g.members},
        quote_group_position={g.id: i for i, g in enumerate(quote_groups)},
        quote_groups_of_article={k: tuple(v) for k, v in groups_of.items()},
        shared_of_article={k: tuple(v) for k, v in shared.items()},
        copies={k: tuple(v) for k, v in copies.items()},
    )


def paged_entities(entities: tuple[Entity, ...], min_articles: int) -> frozenset[str]:
    """The entities named in at least `min_articles` articles: those that get a page."""
    return frozenset(e.id for e in entities if len(e.articles) >= min_articles)


class KeywordResolver:
    """Which entity with a page a keyword names: the one whose name or alias it is, or, when several
    entities are called so, the one the articles showing the keyword mention."""

    def __init__(
        self, entities: tuple[Entity, ...], paged: frozenset[str], mentions: dict[str, tuple[LinkedMention, ...]]
    ) -> None:
        named: dict[str, set[str]] = defaultdict(set)
        for entity in entities:
            if entity.id in paged:
                for name in (entity.name, *entity.aliases):
                    named[normalise(name)].add(entity.id)
        self.named = {k: frozenset(v) for k, v in named.items()}
        self.mentions = mentions
        self._keys: dict[str, str] = {}

    def entity(self, keyword: str, article_ids: Iterable[str]) -> str | None:
        key = self._keys.get(keyword)
        if key is None:
            key = self._keys[keyword] = normalise(keyword)
        candidates = self.named.get(key, frozenset())
        if len(candidates) > 1:
            mentioned = {m.entity for a in article_ids for m in self.mentions[a]}
            candidates = candidates & mentioned
        return next(iter(candidates)) if len(candidates) == 1 else None


def keyword_links(
    articles: list[Article], analyses: dict[str, ArticleAnalysis], topics: tuple[Topic, ...], resolver: KeywordResolver
) -> KeywordLinks:
    """The entity each keyword of an article page and of a topic page names."""
    return KeywordLinks(
        articles={a.id: tuple(resolver.entity(k.text, (a.id,)) for k in analyses[a.id].keywords) for a in articles},
        topics={t.id: tuple(resolver.entity(k, t.articles) for k in t.keywords) for t in topics},
    )


def keyword_index(
    articles: list[Article], analyses: dict[str, ArticleAnalysis], resolver: KeywordResolver
) -> tuple[IndexedKeyword, ...]:
    """Every keyword (as first written; singular and plural, case folded as one) with the articles
    carrying it, most shared first."""
    text_of: dict[str, str] = {}
    carriers: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        for keyword in analyses[article.id].keywords:
            folded = fold_phrase(keyword.text)
            text_of.setdefault(folded, keyword.text)
            holders = carriers[folded]
            if not holders or holders[-1] != article.id:
                holders.append(article.id)
    ordered = sorted(carriers, key=lambda f: (-len(carriers[f]), text_of[f].lower()))
    return tuple(
        IndexedKeyword(text_of[f], tuple(carriers[f]), resolver.entity(text_of[f], carriers[f])) for f in ordered
    )
