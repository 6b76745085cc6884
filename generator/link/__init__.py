"""Link: the one corpus-wide stage. Entities, topics, sources, related articles, quotes across articles,
shared text, and the lookups, indexes and comparisons the pages read (all on the frozen `Corpus`)."""

from __future__ import annotations

import gc
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TypeVar

from generator.config import Config
from generator.ingest.slug import SlugRegistry, slugify
from generator.link.aliases import load_aliases
from generator.link.background import Background
from generator.link.coverage import compare_topics, profile_sources
from generator.link.entities import link_entities
from generator.link.indexes import KeywordResolver, build_index, keyword_index, keyword_links, paged_entities
from generator.link.overlap import find_duplicates, find_shared_text
from generator.link.quote_speakers import link_quotes
from generator.link.topics import WordNeighbours, link_topics, topic_summary, word_neighbours
from generator.model import (
    UNATTRIBUTED,
    Article,
    ArticleAnalysis,
    Comparison,
    Corpus,
    Entity,
    IndexedKeyword,
    LinkedMention,
    PhraseGroup,
    QuoteGroup,
    SharedText,
    Source,
    SourceProfile,
    SummarySentence,
)

T = TypeVar("T")
QuoteLinks = tuple[dict[tuple[str, int], str], tuple[QuoteGroup, ...], tuple[PhraseGroup, ...]]  # `link_quotes`


def build_sources(articles: list[Article]) -> tuple[Source, ...]:
    """One source per outlet name (case-insensitive), plus "Unattributed"; largest first."""
    by_key: dict[str, list[Article]] = defaultdict(list)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        key = article.source_key
        by_key[key].append(article)
        names[key][article.source_name] += 1
    slugs = SlugRegistry()
    sources = []
    for key, members in sorted(by_key.items(), key=lambda kv: (kv[0] == UNATTRIBUTED.casefold(), -len(kv[1]), kv[0])):
        name = names[key].most_common(1)[0][0]
        slug = slugs.claim(slugify(name), key)
        sources.append(Source(id=slug, slug=slug, name=name, articles=tuple(a.id for a in members)))
    return tuple(sources)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused for the block, and put back as it was.

    Linking builds millions of small objects (entries, counters, tuples) and frees them by
    reference counting; each full collection the collector runs meanwhile walks every live
    object, the corpus's analyses included, so it grows with the corpus and took about
    40% of the link stage's CPU at 1,000 articles (docs/BENCHMARKS.md, "Link stage near-linear").
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def link_corpus(
    articles: list[Article], analyses: dict[str, ArticleAnalysis], config: Config, alias_file: Path
) -> Corpus:
    """Everything that crosses articles: entities, topics and subjects, sources, quotes across articles,
    shared text, then the lookups and comparisons the pages read (`_with_views`); the cycle collector paused."""
    with _no_cycle_collection():
        return _link(articles, analyses, config, alias_file)


def _link(articles: list[Article], analyses: dict[str, ArticleAnalysis], config: Config, alias_file: Path) -> Corpus:
    """The stage as a chain with work beside it (`background`): what needs no entity beside entity linking,
    the quotes and the keyword index beside the stories, the sources' coverage beside the summaries."""
    workers = config.workers or os.cpu_count() or 1
    aliases = load_aliases(alias_file)  # before the fork: an alias file's error is the build's, raised here
    started: list[Background] = []  # stopped if the chain fails, so no child outlives the error
    try:
        without_entities = _started(started, partial(_without_entities, articles, analyses, config), workers)
        entities, mentions = link_entities(articles, analyses, aliases)
        paged = paged_entities(entities, config.entity_min_articles)
        resolver = KeywordResolver(entities, paged, mentions)
        beside = _started(started, partial(_beside_topics, articles, analyses, mentions, entities, resolver), workers)
        shared, duplicate_of, words_alone = without_entities.result()
        topics = link_topics(articles, analyses, mentions, {e.id: e for e in entities}, duplicate_of, words_alone)
        (quote_speakers, quote_groups, quote_phrases), indexed_keywords = beside.result()
    finally:
        for background in started:
            background.close()
    sources = build_sources(articles)
    corpus = Corpus(
        articles=tuple(articles),
        analyses=analyses,
        mentions=mentions,
        entities=entities,
        topics=topics.topics,
        sources=sources,
        article_topic=topics.article_topic,
        related=topics.related,
        quote_speakers=quote_speakers,
        index=build_index(articles, entities, topics.topics, sources, quote_groups, shared, duplicate_of),
        quote_groups=quote_groups,
        quote_phrases=quote_phrases,
        shared_text=shared,
        duplicate_of=duplicate_of,
        subjects=topics.subjects,
        no_story=topics.no_story,
        paged_entities=paged,
        keyword_index=indexed_keywords,
    )
    return _with_views(corpus, resolver, workers)


def _started(started: list[Background], function: Callable[[], T], workers: int) -> Background[T]:
    background = Background(function, workers)
    started.append(background)
    return background


def _without_entities(
    articles: list[Article], analyses: dict[str, ArticleAnalysis], config: Config
) -> tuple[tuple[SharedText, ...], dict[str, str], WordNeighbours]:
    """What needs no entity, found beside entity linking: the text articles share, the copies among them
    (before the stories: a story needs two articles), and the articles' neighbours by their words."""
    shared = tuple(find_shared_text(articles))
    return shared, find_duplicates(articles, list(shared)), word_neighbours(articles, analyses, config)


def _beside_topics(
    articles: list[Article],
    analyses: dict[str, ArticleAnalysis],
    mentions: dict[str, tuple[LinkedMention, ...]],
    entities: tuple[Entity, ...],
    resolver: KeywordResolver,
) -> tuple[QuoteLinks, tuple[IndexedKeyword, ...]]:
    """What needs the entities but not the stories, found beside them: quotes across articles, the keyword index."""
    return link_quotes(articles, analyses, mentions, entities), keyword_index(articles, analyses, resolver)


def _coverage(corpus: Corpus) -> tuple[dict[str, Comparison], dict[str, SourceProfile]]:
    """How the sources cover each story, and each source's profile: found beside the summaries."""
    return compare_topics(corpus), profile_sources(corpus)


def _with_views(corpus: Corpus, resolver: KeywordResolver, workers: int) -> Corpus:
    """The corpus with what its pages show across articles: topic summaries, the entities keywords name, each
    topic's sources compared, each source's profile."""
    coverage = Background(partial(_coverage, corpus), workers)
    try:
        articles = list(corpus.articles)
        summaries = {
            topic.id: tuple(SummarySentence(a, t) for a, t in topic_summary(list(topic.articles), corpus.analyses))
            for topic in corpus.topics
        }
        links = keyword_links(articles, corpus.analyses, corpus.topics, resolver)
        comparisons, profiles = coverage.result()
    finally:
        coverage.close()
    return replace(
        corpus, topic_summaries=summaries, keyword_links=links, comparisons=comparisons, source_profiles=profiles
    )
