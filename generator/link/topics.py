"""Topics and related articles, from TF-IDF vectors of each article's lemmas and entities.

Topics are found by average-linkage agglomerative clustering with a similarity
threshold, so the number of topics comes from the corpus, not from a setting.
Labels are the phrases the topic's articles share most, weighted by how
distinctive they are in the corpus.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

from generator.analyse.keywords import fold_phrase
from generator.model import Article, ArticleAnalysis, Entity, LinkedMention


def article_vectors(articles: list[Article], analyses: dict[str, ArticleAnalysis]) -> np.ndarray:
    """L2-normalised TF-IDF rows of content-word lemmas (raw counts: what an article repeats is its story).

    Entity ids were tried as extra terms and made the seeds' 2015 article look like
    the 2017 ones (they share every place and group), so lemmas alone are used.
    """
    documents = [list(analyses[a.id].lemmas) for a in articles]
    vectorizer = TfidfVectorizer(analyzer=_identity, min_df=1, smooth_idf=False)
    matrix = vectorizer.fit_transform(documents)
    return matrix.toarray() if matrix.shape[1] else np.zeros((len(articles), 1))


def _identity(tokens: list[str]) -> list[str]:
    return tokens


def cluster(similarity: np.ndarray, min_similarity: float) -> list[int]:
    """Cluster label per article: groups join while their average similarity is at least min_similarity."""
    n = similarity.shape[0]
    if n == 1:
        return [0]
    distance = np.clip(1.0 - similarity, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=1.0 - min_similarity
    )
    return [int(label) for label in model.fit_predict(distance)]


def related_articles(similarity: np.ndarray, ids: list[str], top: int, floor: float) -> dict[str, tuple[tuple[str, float], ...]]:
    related: dict[str, tuple[tuple[str, float], ...]] = {}
    for row, article_id in enumerate(ids):
        order = np.argsort(-similarity[row], kind="stable")
        picks = [(ids[col], round(float(similarity[row, col]), 3)) for col in order if col != row and similarity[row, col] >= floor]
        related[article_id] = tuple(picks[:top])
    return related


def label_topic(
    members: list[str],
    analyses: dict[str, ArticleAnalysis],
    keyword_df: Counter[str],
    keyword_text: dict[str, str],
    total: int,
) -> tuple[str, tuple[str, ...]]:
    """A readable label (up to three phrases) and the topic's keywords, best first."""
    shared: Counter[str] = Counter()
    for article_id in members:
        for folded in {fold_phrase(k.text) for k in analyses[article_id].keywords}:
            shared[folded] += 1
    scored = sorted(
        shared,
        key=lambda f: (-(shared[f] * math.log(1 + total / keyword_df[f])), keyword_text[f].lower()),
    )
    keywords = tuple(keyword_text[f] for f in scored[:10])
    label = " · ".join(keywords[:3]) if keywords else "Untitled topic"
    return label, keywords


def topic_entities(members: list[str], mentions: dict[str, tuple[LinkedMention, ...]], entities: dict[str, Entity]) -> tuple[str, ...]:
    counts: Counter[str] = Counter()
    for article_id in members:
        for entity_id in {m.entity for m in mentions[article_id]}:
            counts[entity_id] += 1
    ranked = sorted(counts, key=lambda e: (-counts[e], -entities[e].mention_count, entities[e].name))
    return tuple(ranked[:12])
