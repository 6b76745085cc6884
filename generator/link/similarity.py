"""Article vectors and each article's nearest neighbours, without an articles × articles matrix.

Every corpus-wide grouping (stories, subjects, related articles) starts from the same
question: which articles are most like this one? The answer is kept as the `k` best
neighbours of each article (a sparse k-nearest-neighbour graph), found a block of rows
at a time with sparse products and `numpy.argpartition`: memory grows as articles × k
and time as the number of non-zero products, never as a Python loop over all pairs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from generator.model import Article, ArticleAnalysis, LinkedMention

RARE_SHARE = 0.10  # a term is rare evidence when at most this share of the corpus uses it (docs/BENCHMARKS.md)
LEMMA_WEIGHT = 1.0  # share of the story similarity from content words; the rest from shared entities (measured:
# entities helped ECB+ a little and split the seeds' story, docs/BENCHMARKS.md "Stories")
BLOCK_ROWS = 512


@dataclass(frozen=True)
class Neighbours:
    """The `k` most similar other articles of each article: row i holds article i's neighbours, best first.

    `index[i, j]` is a row number (-1 where an article has fewer than k others) and
    `score[i, j]` its similarity (0 where there is none).
    """

    index: np.ndarray  # int32, articles × k
    score: np.ndarray  # float32, articles × k

    @property
    def size(self) -> int:
        return int(self.index.shape[0])

    def top(self, k: int) -> Neighbours:
        """The first k neighbours of each row."""
        return Neighbours(self.index[:, :k], self.score[:, :k])

    def keep(self, mask: np.ndarray) -> Neighbours:
        """The same neighbours with those where `mask` (articles × k) is false removed."""
        return Neighbours(np.where(mask, self.index, -1), np.where(mask, self.score, 0.0).astype(np.float32))

    def graph(self, floor: float = 0.0) -> sparse.csr_matrix:
        """The symmetric weighted graph of neighbour links scoring above `floor` (the larger score of a pair)."""
        n, k = self.index.shape
        rows = np.repeat(np.arange(n, dtype=np.int64), k)
        cols = self.index.ravel().astype(np.int64)
        weights = self.score.ravel()
        keep = (cols >= 0) & (weights > floor)
        graph = sparse.csr_matrix((weights[keep], (rows[keep], cols[keep])), shape=(n, n))
        return graph.maximum(graph.T).tocsr()


def _identity(tokens: list[str]) -> list[str]:
    return tokens


def _tfidf(documents: list[list[str]], n: int) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows (sublinear term frequency: the tenth use of a word says less than the first)."""
    if not any(documents):
        return sparse.csr_matrix((n, 1), dtype=np.float32)
    vectorizer = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, dtype=np.float32)
    return vectorizer.fit_transform(documents).tocsr()


def lemma_vectors(articles: list[Article], analyses: dict[str, ArticleAnalysis]) -> sparse.csr_matrix:
    """TF-IDF rows of each article's content-word lemmas: what it is about, in its own words."""
    return _tfidf([list(analyses[a.id].lemmas) for a in articles], len(articles))


def entity_vectors(articles: list[Article], mentions: dict[str, tuple[LinkedMention, ...]]) -> sparse.csr_matrix:
    """TF-IDF rows of the corpus entities each article mentions: who and where, whatever the spelling."""
    return _tfidf([[m.entity for m in mentions.get(a.id, ())] for a in articles], len(articles))


def rare_term_vectors(
    articles: list[Article],
    analyses: dict[str, ArticleAnalysis],
    mentions: dict[str, tuple[LinkedMention, ...]],
    share: float = RARE_SHARE,
) -> sparse.csr_matrix:
    """TF-IDF rows of the lemmas and entities an article shares with few others (2 to `share` of the corpus).

    Their dot product is the evidence that two articles tell one event: names and rare
    words they both use, not the words and people that run through the whole corpus.
    """
    n = len(articles)
    documents = [[*analyses[a.id].lemmas, *("entity:" + m.entity for m in mentions.get(a.id, ()))] for a in articles]
    frequency: Counter[str] = Counter(term for document in documents for term in set(document))
    limit = max(3, int(share * n))
    return _tfidf([[t for t in document if 2 <= frequency[t] <= limit] for document in documents], n)


def pair_products(vectors: sparse.csr_matrix, neighbours: Neighbours) -> np.ndarray:
    """The dot product of each article's row with each of its neighbours' rows (articles × k, 0 where none)."""
    rows = np.repeat(np.arange(neighbours.size), neighbours.index.shape[1])
    cols = neighbours.index.ravel()
    known = cols >= 0
    products = np.zeros(len(cols), dtype=np.float32)
    if known.any():
        products[known] = np.asarray(vectors[rows[known]].multiply(vectors[cols[known]]).sum(axis=1)).ravel()
    return products.reshape(neighbours.index.shape)


def story_vectors(
    articles: list[Article],
    analyses: dict[str, ArticleAnalysis],
    mentions: dict[str, tuple[LinkedMention, ...]],
    lemma_weight: float = LEMMA_WEIGHT,
    lemmas: sparse.csr_matrix | None = None,
) -> sparse.csr_matrix:
    """Rows whose dot product is lemma_weight × word similarity + the rest × entity similarity.

    Two articles tell one story when they use the same rare words and name the same
    people, places and organisations; either alone joins stories of one subject (two
    earthquakes share their words, two speeches of one president share their names).
    An article naming no entity keeps its word similarity whole. `lemmas`: the
    `lemma_vectors` of the articles, when already made.
    """
    lemmas = lemma_vectors(articles, analyses) if lemmas is None else lemmas
    if lemma_weight >= 1.0:
        return lemmas
    entities = entity_vectors(articles, mentions)
    has_entities = np.asarray(entities.getnnz(axis=1) > 0)
    lemma_scale = np.where(has_entities, np.sqrt(lemma_weight), 1.0).astype(np.float32)
    entity_scale = np.float32(np.sqrt(1.0 - lemma_weight))
    combined = sparse.hstack([sparse.diags(lemma_scale) @ lemmas, entities * entity_scale], format="csr")
    return normalize(combined).astype(np.float32)


def _ordinals(dates: list[date | None]) -> np.ndarray:
    return np.array([d.toordinal() if d else -1 for d in dates], dtype=np.int64)


def date_closeness(left: np.ndarray, right: np.ndarray, days: float) -> np.ndarray:
    """exp(-|days apart| / days) for day ordinals (broadcast), where both are known (>= 0); 1 otherwise."""
    known = (left >= 0) & (right >= 0)
    gap = np.abs(left - right).astype(np.float32)
    return np.where(known, np.exp(-gap / np.float32(days)), np.float32(1.0)).astype(np.float32)


def nearest_neighbours(
    vectors: sparse.csr_matrix,
    k: int,
    dates: list[date | None] | None = None,
    days: float = 0.0,
    block: int = BLOCK_ROWS,
) -> Neighbours:
    """The k most similar other rows of each row (cosine of L2-normalised rows), best first.

    With `dates` and `days`, each similarity is multiplied by `date_closeness` before the
    best are chosen: articles a month apart rarely tell the same story.
    """
    n = vectors.shape[0]
    k = max(0, min(k, n - 1))
    index = np.full((n, k), -1, dtype=np.int32)
    score = np.zeros((n, k), dtype=np.float32)
    if k == 0:
        return Neighbours(index, score)
    transposed = vectors.T.tocsc()
    ordinals = _ordinals(dates) if dates is not None and days > 0 else None
    for start in range(0, n, block):
        stop = min(start + block, n)
        part = (vectors[start:stop] @ transposed).toarray().astype(np.float32, copy=False)
        local = np.arange(stop - start)
        part[local, local + start] = -np.inf  # never one's own neighbour
        if ordinals is not None:
            part *= date_closeness(ordinals[start:stop, None], ordinals[None, :], days)
        best = np.argpartition(-part, k - 1, axis=1)[:, :k]
        best_score = np.take_along_axis(part, best, axis=1)
        order = np.lexsort((best, -best_score), axis=1)  # best first; ties by row number, so runs repeat
        best = np.take_along_axis(best, order, axis=1)
        best_score = np.take_along_axis(best_score, order, axis=1)
        index[start:stop] = np.where(best_score > 0, best, -1)
        score[start:stop] = np.where(best_score > 0, best_score, 0.0)
    return Neighbours(index, score)


def related_articles(neighbours: Neighbours, ids: list[str], top: int, floor: float) -> dict[str, tuple]:
    """Up to `top` related articles per article (id, similarity rounded to 3 places), most similar first."""
    shown = neighbours.index[:, :top]
    scores = np.round(neighbours.score[:, :top].astype(np.float64), 3)
    keep = (shown >= 0) & (neighbours.score[:, :top] >= floor)
    related: dict[str, tuple] = {}
    for row, article_id in enumerate(ids):  # one pass over articles, `top` items each
        related[article_id] = tuple(
            (ids[col], float(value)) for col, value, ok in zip(shown[row], scores[row], keep[row], strict=True) if ok
        )
    return related


def sampled_background(vectors: sparse.csr_matrix, sample: int = 20_000, seed: int = 0) -> float:
    """The median similarity of two different articles of the corpus, from a seeded sample of pairs."""
    n = vectors.shape[0]
    if n < 2:
        return 0.0
    rng = np.random.default_rng(seed)
    rows = rng.integers(0, n, size=sample)
    cols = rng.integers(0, n - 1, size=sample)
    cols = cols + (cols >= rows)  # a different article than the row's
    products = np.asarray(vectors[rows].multiply(vectors[cols]).sum(axis=1)).ravel()
    return float(np.median(products))
