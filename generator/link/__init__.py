"""Link: the one corpus-wide stage. Entities, topics, sources and related articles."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from generator.config import Config
from generator.ingest.slug import SlugRegistry, slugify
from generator.link.aliases import load_aliases
from generator.link.entities import link_entities
from generator.link.overlap import find_duplicates, find_shared_text
from generator.link.quote_groups import group_quotes
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


def link_corpus(
    articles: list[Article], analyses: dict[str, ArticleAnalysis], config: Config, alias_file: Path
) -> Corpus:
    entities, mentions = link_entities(articles, analyses, load_aliases(alias_file))
    entity_by_id = {e.id: e for e in entities}
    topics = link_topics(articles, analyses, mentions, entity_by_id, config)

    quote_speakers: dict[tuple[str, int], str] = {}
    for article in articles:
        for index, quote in enumerate(analyses[article.id].quotes):
            if quote.speaker_start is None or quote.speaker_end is None:
                continue
            # The speaker is the entity only when its name ends the speaker's phrase: "Geng Shuang" is
            # Geng Shuang, but "one Uighur militant" is a militant, not the Uighur people.
            for mention in mentions[article.id]:
                if quote.speaker_start <= mention.start and mention.end == quote.speaker_end:
                    quote_speakers[(article.id, index)] = mention.entity
                    break

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
        quote_groups=group_quotes(articles, analyses, quote_speakers),
        shared_text=tuple(shared),
        duplicate_of=find_duplicates(articles, shared),
        subjects=topics.subjects,
        no_story=topics.no_story,
    )
