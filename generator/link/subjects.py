"""Subjects: the few broad areas (sport, politics, business, ...) that a corpus's stories fall in.

Nothing says how many. Each article is linked to its `SUBJECT_NEIGHBOURS` most similar
articles, and the Leiden algorithm (igraph, modularity with a resolution below 1, so
it prefers fewer, broader groups) finds the communities more linked inside than chance
would give. A community holding less than `MIN_SHARE` of the corpus is a sub-subject or
a handful of odd articles, not a subject of its own: the subjects are the larger
communities, and every article then joins the subject whose centre (the mean of its
articles' vectors) it is most similar to, repeated until no article moves (spherical
k-means, started from the communities rather than at random).
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from sklearn.cluster import KMeans
from sklearn.preprocessing import normalize

from generator.link.similarity import Neighbours, TermCounts, lemma_vectors
from generator.link.stories import leiden_communities
from generator.model import Article, ArticleAnalysis

SUBJECT_NEIGHBOURS = 30
RESOLUTION = 0.5  # modularity resolution: below 1 favours broad groups (docs/BENCHMARKS.md, "Subjects")
MIN_SHARE = 0.05  # a community under this share of the articles is not a subject


def subject_vectors(
    articles: list[Article], analyses: dict[str, ArticleAnalysis], counts: TermCounts | None = None
) -> sparse.csr_matrix:
    """What an article is about, in content words: the subject level ignores who and when.
    `counts`: the articles' `lemma_counts`, when already made."""
    return lemma_vectors(articles, analyses, counts)


def find_subjects(neighbours: Neighbours, vectors: sparse.csr_matrix, seed: int = 0) -> list[int]:
    """Subject number per article (0 is the largest subject)."""
    n = neighbours.size
    if n < 3:
        return [0] * n
    communities = np.asarray(_communities(neighbours.graph(), seed))
    sizes = np.bincount(communities)
    large = [c for c in np.argsort(-sizes, kind="stable") if sizes[c] >= max(2, MIN_SHARE * n)]
    if len(large) < 2:
        return _numbered(communities if len(large) == 0 else np.zeros(n, dtype=int))
    rows = normalize(vectors)
    centres = normalize(np.vstack([np.asarray(rows[communities == c].mean(axis=0)) for c in large]))
    labels = KMeans(n_clusters=len(large), init=centres, n_init=1, random_state=seed).fit_predict(rows)
    return _numbered(labels)


def _communities(graph: sparse.csr_matrix, seed: int) -> list[int]:
    return leiden_communities(graph, "modularity", RESOLUTION, seed)


def _numbered(labels: np.ndarray) -> list[int]:
    """Labels renumbered by size, largest first (ties: the one met first)."""
    values, first, counts = np.unique(labels, return_index=True, return_counts=True)
    order = sorted(range(len(values)), key=lambda i: (-counts[i], first[i]))
    number = {values[i]: rank for rank, i in enumerate(order)}
    return [number[v] for v in labels]
