"""Link: the one corpus-wide stage. Entities, topics, sources and related articles."""

from __future__ import annotations

import gc
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.config import Config
from generator.ingest.slug import SlugRegistry, slugify
from generator.link.aliases import load_aliases
from generator.link.entities import link_entities
from generator.link.overlap import find_duplicates, find_shared_text
from generator.link.quote_speakers import link_quotes
from generator.link.topics import link_topics
from generator.model import UNATTRIBUTED, Article, ArticleAnalysis, Corpus, Source


def build_sources(articles: list[Article]) -> tuple[Source, ...]:
    """One source per outlet name (case-insensitive), plus "Unattributed"; largest first."""
    by_key: dict[str, list[Article]] = defaultdict(list)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        key = article.source_name.casefold()
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
    40% of the link stage's CPU at 1,000 articles (docs/BENCHMARKS.md, "Link-stage speed").
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
    with _no_cycle_collection():
        return _link(articles, analyses, config, alias_file)


def _link(articles: list[Article], analyses: dict[str, ArticleAnalysis], config: Config, alias_file: Path) -> Corpus:
    entities, mentions = link_entities(articles, analyses, load_aliases(alias_file))
    entity_by_id = {e.id: e for e in entities}
    topics = link_topics(articles, analyses, mentions, entity_by_id, config)

    quote_speakers, quote_groups, quote_phrases = link_quotes(articles, analyses, mentions, entities)
    shared = find_shared_text(articles)
    return Corpus(
        articles=tuple(articles),
        analyses=analyses,
        mentions=mentions,
        entities=entities,
        topics=topics.topics,
        sources=build_sources(articles),
        article_topic=topics.article_topic,
        related=topics.related,
        quote_speakers=quote_speakers,
        quote_groups=quote_groups,
        quote_phrases=quote_phrases,
        shared_text=tuple(shared),
        duplicate_of=find_duplicates(articles, shared),
        subjects=topics.subjects,
        no_story=topics.no_story,
    )
