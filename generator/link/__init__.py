"""Link: the one corpus-wide stage. Entities, topics, sources, related articles, quotes across articles,
shared text, and the lookups, indexes and comparisons the pages read (all on the frozen `Corpus`)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

from generator.config import Config
from generator.ingest.slug import COMPARE_SUFFIX, SlugRegistry, slugify
from generator.link.aliases import load_aliases
from generator.link.coverage import compare_topics, profile_sources
from generator.link.entities import link_entities
from generator.link.indexes import KeywordResolver, build_index, keyword_index, keyword_links, paged_entities
from generator.link.overlap import find_duplicates, find_shared_text
from generator.link.quote_groups import group_quotes
from generator.link.topics import (
    article_vectors,
    broad_topics,
    cluster,
    label_topic,
    related_articles,
    similarity_of,
    topic_entities,
    topic_summary,
    word_document_frequency,
)
from generator.model import (
    UNATTRIBUTED,
    Article,
    ArticleAnalysis,
    Corpus,
    Entity,
    LinkedMention,
    Source,
    Subject,
    SummarySentence,
    Topic,
)


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
    """Everything that crosses articles: entities, topics and subjects, sources, quotes across articles,
    shared text, then the lookups and comparisons the pages read (`_with_views`)."""
    entities, mentions = link_entities(articles, analyses, load_aliases(alias_file))
    ids = [a.id for a in articles]
    similarity = similarity_of(article_vectors(articles, analyses))
    texts_by_id = {a.id: a.text for a in articles}
    word_df = word_document_frequency(list(texts_by_id.values()))
    topics, article_topic = _topics(
        ids, cluster(similarity, config.topic_min_similarity), analyses, texts_by_id, word_df, mentions, entities
    )
    subjects = _subjects(
        topics, broad_topics(similarity) if len(ids) > 2 else [0] * len(ids), ids, analyses, texts_by_id, word_df
    )
    quote_speakers = _quote_speakers(articles, analyses, mentions)
    quote_groups = group_quotes(articles, analyses, quote_speakers)
    shared = tuple(find_shared_text(articles))
    duplicate_of = find_duplicates(articles, list(shared))
    sources = build_sources(articles)
    corpus = Corpus(
        articles=tuple(articles),
        analyses=analyses,
        mentions=mentions,
        entities=entities,
        topics=tuple(topics),
        sources=sources,
        article_topic=article_topic,
        related=related_articles(similarity, ids, config.related_articles, config.related_min_similarity),
        quote_speakers=quote_speakers,
        index=build_index(articles, entities, tuple(topics), sources, quote_groups, shared, duplicate_of),
        quote_groups=quote_groups,
        shared_text=shared,
        duplicate_of=duplicate_of,
        subjects=subjects,
        paged_entities=paged_entities(entities, config.entity_min_articles),
    )
    return _with_views(corpus)


def _with_views(corpus: Corpus) -> Corpus:
    """The corpus with what its pages show across articles: topic summaries, the keyword index and the
    entities keywords name, each topic's sources compared, each source's profile."""
    articles = list(corpus.articles)
    resolver = KeywordResolver(corpus.entities, corpus.paged_entities, corpus.mentions)
    summaries = {
        topic.id: tuple(SummarySentence(a, text) for a, text in topic_summary(list(topic.articles), corpus.analyses))
        for topic in corpus.topics
    }
    return replace(
        corpus,
        topic_summaries=summaries,
        keyword_index=keyword_index(articles, corpus.analyses, resolver),
        keyword_links=keyword_links(articles, corpus.analyses, corpus.topics, resolver),
        comparisons=compare_topics(corpus),
        source_profiles=profile_sources(corpus),
    )


def _topics(
    ids: list[str],
    labels: list[int],
    analyses: dict[str, ArticleAnalysis],
    texts_by_id: dict[str, str],
    word_df: Counter[str],
    mentions: dict[str, tuple[LinkedMention, ...]],
    entities: tuple[Entity, ...],
) -> tuple[list[Topic], dict[str, str]]:
    """The clusters as topics, largest first, labelled; and each article's topic id."""
    entity_by_id = {e.id: e for e in entities}
    members_of: dict[int, list[str]] = defaultdict(list)
    for article_id, label in zip(ids, labels, strict=True):
        members_of[label].append(article_id)
    slugs = SlugRegistry(companions=(COMPARE_SUFFIX,))  # each topic has a comparison page too
    topics: list[Topic] = []
    article_topic: dict[str, str] = {}
    for members in sorted(members_of.values(), key=lambda m: (-len(m), ids.index(m[0]))):
        title, keywords = label_topic(members, analyses, texts_by_id, word_df)
        slug = slugs.claim(slugify(title), members[0])
        topic = Topic(slug, slug, title, tuple(members), keywords, topic_entities(members, mentions, entity_by_id))
        topics.append(topic)
        for article_id in members:
            article_topic[article_id] = topic.id
    return topics, article_topic


def _quote_speakers(
    articles: list[Article], analyses: dict[str, ArticleAnalysis], mentions: dict[str, tuple[LinkedMention, ...]]
) -> dict[tuple[str, int], str]:
    """The entity each quote's speaker is, when the speaker's phrase ends with its name: "Geng Shuang" is
    Geng Shuang, but "one Uighur militant" is a militant, not the Uighur people."""
    quote_speakers: dict[tuple[str, int], str] = {}
    for article in articles:
        for index, quote in enumerate(analyses[article.id].quotes):
            if quote.speaker_start is None or quote.speaker_end is None:
                continue
            for mention in mentions[article.id]:
                if quote.speaker_start <= mention.start and mention.end == quote.speaker_end:
                    quote_speakers[(article.id, index)] = mention.entity
                    break
    return quote_speakers


def _subjects(
    topics: list[Topic],
    broad: list[int],
    ids: list[str],
    analyses: dict[str, ArticleAnalysis],
    texts_by_id: dict[str, str],
    word_df: Counter[str],
) -> tuple[Subject, ...]:
    """Each story joins the broad subject most of its articles fall in; subjects labelled like topics."""
    subject_of_article = dict(zip(ids, broad, strict=True))
    stories: dict[int, list[Topic]] = defaultdict(list)
    for topic in topics:
        votes = Counter(subject_of_article[a] for a in topic.articles)
        stories[min(votes, key=lambda s: (-votes[s], s))].append(topic)
    slugs = SlugRegistry()
    subjects = []
    for members in sorted(stories.values(), key=lambda t: -sum(len(x.articles) for x in t)):
        articles = [a for topic in members for a in topic.articles]
        label, _ = label_topic(articles, analyses, texts_by_id, word_df)
        slug = slugs.claim("subject-" + slugify(label), articles[0])
        subjects.append(Subject(slug, slug, label, tuple(t.id for t in members), tuple(articles)))
    return tuple(subjects)
