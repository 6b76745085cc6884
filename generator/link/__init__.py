"""Link: the one corpus-wide stage. Entities, topics, sources and related articles."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from generator.config import Config
from generator.ingest.slug import SlugRegistry, slugify
from generator.link.aliases import load_aliases
from generator.link.entities import link_entities
from generator.link.overlap import find_duplicates, find_shared_text
from generator.link.quote_speakers import link_quotes
from generator.link.topics import (
    article_vectors,
    broad_topics,
    cluster,
    label_topic,
    related_articles,
    similarity_of,
    topic_entities,
    word_document_frequency,
)
from generator.model import UNATTRIBUTED, Article, ArticleAnalysis, Corpus, Source, Subject, Topic


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
    ids = [a.id for a in articles]
    similarity = similarity_of(article_vectors(articles, analyses))
    labels = cluster(similarity, config.topic_min_similarity)

    texts_by_id = {a.id: a.text for a in articles}
    word_df = word_document_frequency(list(texts_by_id.values()))
    members_of: dict[int, list[str]] = defaultdict(list)
    for article_id, label in zip(ids, labels, strict=True):
        members_of[label].append(article_id)
    slugs = SlugRegistry()
    topics: list[Topic] = []
    article_topic: dict[str, str] = {}
    for members in sorted(members_of.values(), key=lambda m: (-len(m), ids.index(m[0]))):
        label, keywords = label_topic(members, analyses, texts_by_id, word_df)
        slug = slugs.claim(slugify(label), members[0])
        topic = Topic(slug, slug, label, tuple(members), keywords, topic_entities(members, mentions, entity_by_id))
        topics.append(topic)
        for article_id in members:
            article_topic[article_id] = topic.id

    subjects = _subjects(
        topics, broad_topics(similarity) if len(ids) > 2 else [0] * len(ids), ids, analyses, texts_by_id, word_df
    )

    quote_speakers, quote_groups, quote_phrases = link_quotes(articles, analyses, mentions, entities)
    shared = find_shared_text(articles)
    return Corpus(
        articles=tuple(articles),
        analyses=analyses,
        mentions=mentions,
        entities=entities,
        topics=tuple(topics),
        sources=build_sources(articles),
        article_topic=article_topic,
        related=related_articles(similarity, ids, config.related_articles, config.related_min_similarity),
        quote_speakers=quote_speakers,
        quote_groups=quote_groups,
        quote_phrases=quote_phrases,
        shared_text=tuple(shared),
        duplicate_of=find_duplicates(articles, shared),
        subjects=subjects,
    )


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
