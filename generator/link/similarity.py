"""Article vectors and each article's nearest neighbours, without an articles × articles matrix.

Every corpus-wide grouping (stories, subjects, related articles) starts from the same
question: which articles are most like this one? The answer is kept as the `k` best
neighbours of each article (a sparse k-nearest-neighbour graph), found a block of rows
at a time with sparse products and a bounded selection: memory grows as articles × k
and time as the number of non-zero products, never as a Python loop over all pairs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.preprocessing import normalize

from generator.analyse.keywords import fold_phrase
from generator.link.boilerplate import outlet_keys, template_free
from generator.model import Article, ArticleAnalysis, LinkedMention

_WORD = re.compile(r"\w+")

RARE_SHARE = 0.10  # a term is rare evidence when at most this share of the corpus uses it (docs/BENCHMARKS.md)
LEMMA_WEIGHT = 1.0  # share of `story_vectors`' similarity from content words, the rest from shared entities; only
# bench/stories.py weighs them otherwise: the link stage searches stories on the words alone (`topics.word_neighbours`,
# before any entity is linked; measured: entities helped ECB+ a little and split the seeds' story, BENCHMARKS "Stories")
BLOCK_ROWS = 512
TOP_K_CHUNK = 32  # columns whose maximum bounds a row's k best from below (`_best_of_block`)


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


@dataclass(frozen=True)
class TermCounts:
    """How often each article uses each term, counted once: rows are articles, columns the terms numbered in
    the order the documents first use them, each row's columns in that order (as scikit-learn counts them)."""

    counts: sparse.csr_matrix  # float32, articles × terms
    terms: list[str]  # in the order first used

    def first_rows(self) -> np.ndarray:
        """The first article (row) that uses each term."""
        rows = np.repeat(np.arange(self.counts.shape[0]), np.diff(self.counts.indptr))
        _, first = np.unique(self.counts.indices, return_index=True)
        return rows[first]


def term_counts(documents: list[list[str]]) -> TermCounts:
    """Each document's terms counted (a C loop per document; Python only once per distinct term of a document)."""
    vocabulary: dict[str, int] = {}
    indices: list[int] = []
    values: list[int] = []
    indptr = [0]
    for document in documents:
        tally = Counter(document)  # in the order of first use
        indices.extend([vocabulary.setdefault(term, len(vocabulary)) for term in tally])
        values.extend(tally.values())
        indptr.append(len(indices))
    counts = sparse.csr_matrix(
        (np.array(values, dtype=np.float32), np.array(indices, dtype=np.int32), np.array(indptr, dtype=np.int32)),
        shape=(len(documents), len(vocabulary)),
    )
    counts.sort_indices()
    return TermCounts(counts, list(vocabulary))


def _weighted(counts: TermCounts) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows (sublinear term frequency: the tenth use of a word says less than the first).

    The same matrix, value for value and in the same order, as `TfidfVectorizer(sublinear_tf=True)` makes
    from the documents: its columns are the terms in sorted order, each row kept in the order of first use.
    """
    n, size = counts.counts.shape
    if size == 0:
        return sparse.csr_matrix((n, 1), dtype=np.float32)
    rank = np.empty(size, dtype=np.int32)
    rank[sorted(range(size), key=counts.terms.__getitem__)] = np.arange(size, dtype=np.int32)
    matrix = counts.counts.copy()
    matrix.indices = rank[matrix.indices]
    matrix.has_sorted_indices = False
    return TfidfTransformer(sublinear_tf=True).fit(matrix).transform(matrix, copy=False).tocsr()


def lemma_counts(articles: list[Article], analyses: dict[str, ArticleAnalysis]) -> TermCounts:
    """Each article's content-word lemmas, counted."""
    return term_counts([list(analyses[a.id].lemmas) for a in articles])


def lemma_vectors(
    articles: list[Article], analyses: dict[str, ArticleAnalysis], counts: TermCounts | None = None
) -> sparse.csr_matrix:
    """TF-IDF rows of each article's content-word lemmas: what it is about, in its own words.
    `counts`: the `lemma_counts` of the articles, when already made."""
    return _weighted(counts or lemma_counts(articles, analyses))


def entity_vectors(articles: list[Article], mentions: dict[str, tuple[LinkedMention, ...]]) -> sparse.csr_matrix:
    """TF-IDF rows of the corpus entities each article mentions: who and where, whatever the spelling."""
    return _weighted(term_counts([[m.entity for m in mentions.get(a.id, ())] for a in articles]))


def _followed(first: TermCounts, second: TermCounts) -> TermCounts:
    """The counts of documents that are each document of `first` followed by the same one of `second`
    (a term of both counts in both), numbered in the order the joined documents first use the terms."""
    n = first.counts.shape[0]
    order: dict[str, tuple[int, int, int]] = {}  # term -> (first row, part, number in its part): first use
    for part, counts in enumerate((first, second)):
        for number, (term, row) in enumerate(zip(counts.terms, counts.first_rows().tolist(), strict=True)):
            key = (row, part, number)
            if term not in order or key < order[term]:
                order[term] = key
    terms = sorted(order, key=order.__getitem__)
    column = {term: i for i, term in enumerate(terms)}
    rows, cols, values = [], [], []
    for counts in (first, second):
        coo = counts.counts.tocoo()
        where = np.array([column[t] for t in counts.terms], dtype=np.int64)
        rows.append(coo.row.astype(np.int64))
        cols.append(where[coo.col] if len(where) else np.zeros(0, dtype=np.int64))
        values.append(coo.data)
    joined = sparse.csr_matrix(
        (np.concatenate(values), (np.concatenate(rows), np.concatenate(cols))), shape=(n, len(terms)), dtype=np.float32
    )
    joined.sum_duplicates()  # sorts each row's columns: the order of first use
    return TermCounts(joined, terms)


def _columns(counts: TermCounts, keep: np.ndarray) -> TermCounts:
    """Only the terms at the (increasing) numbers `keep`, numbered again in the same order."""
    matrix = counts.counts[:, keep].tocsr()
    matrix.sort_indices()
    return TermCounts(matrix, [counts.terms[i] for i in keep.tolist()])


def rare_term_vectors(
    articles: list[Article],
    analyses: dict[str, ArticleAnalysis],
    mentions: dict[str, tuple[LinkedMention, ...]],
    share: float = RARE_SHARE,
    lemmas: TermCounts | None = None,
) -> sparse.csr_matrix:
    """TF-IDF rows of the lemmas and entities an article shares with few others (2 to `share` of the corpus).

    Their dot product is the evidence that two articles tell one event: names and rare
    words they both use, not the words and people that run through the whole corpus, nor an
    outlet's boilerplate in its own articles (`boilerplate.template_free`).
    `lemmas`: the `lemma_counts` of the articles, when already made (the lemmas are not counted again).
    """
    n = len(articles)
    entities = term_counts([["entity:" + m.entity for m in mentions.get(a.id, ())] for a in articles])
    joined = _followed(lemmas or lemma_counts(articles, analyses), entities)
    # what is rare is counted on the whole corpus: taking an outlet's template out of its own articles
    # makes the term no rarer for the others that use it (docs/BENCHMARKS.md, "Seventh pass", review)
    frequency = np.bincount(joined.counts.indices, minlength=len(joined.terms))  # articles using each term
    joined = TermCounts(template_free(joined.counts, outlet_keys(articles)), joined.terms)
    limit = max(3, int(share * n))
    return _weighted(_columns(joined, np.flatnonzero((frequency >= 2) & (frequency <= limit))))


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


@dataclass(frozen=True)
class Search:
    """One neighbour search: the `k` best of each row, similarities × `date_closeness` when `dates` are given."""

    k: int
    dates: list[date | None] | None = None
    days: float = 0.0


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
    return neighbour_searches(vectors, [Search(k, dates, days)], block)[0]


def neighbour_searches(vectors: sparse.csr_matrix, searches: list[Search], block: int = BLOCK_ROWS) -> list[Neighbours]:
    """`nearest_neighbours` for each search, from one product of each block of rows with all rows."""
    n = vectors.shape[0]
    found = []
    for search in searches:
        k = max(0, min(search.k, n - 1))
        ordinals = _ordinals(search.dates) if search.dates is not None and search.days > 0 else None
        found.append((k, ordinals, search.days, np.full((n, k), -1, dtype=np.int32), np.zeros((n, k), np.float32)))
    if any(k for k, *_ in found):
        transposed = vectors.T.tocsr()  # a CSR right operand: scipy would convert a CSC one for every block
        for start in range(0, n, block):
            stop = min(start + block, n)
            product = (vectors[start:stop] @ transposed).tocsr()
            rows = np.repeat(np.arange(start, stop), np.diff(product.indptr))
            for k, ordinals, days, index, score in found:
                if k:
                    data = product.data
                    if ordinals is not None:  # only the products that are not zero: the others stay zero
                        data = data * date_closeness(ordinals[rows], ordinals[product.indices], days)
                    _best_of_block(sparse.csr_matrix((data, product.indices, product.indptr), product.shape),
                                   start, k, index[start:stop], score[start:stop])  # fmt: skip
    return [Neighbours(index, score) for _, _, _, index, score in found]


def _best_of_block(product: sparse.csr_matrix, start: int, k: int, index: np.ndarray, score: np.ndarray) -> None:
    """Each row's k best other rows (of the block starting at row `start`) into `index` and `score`.

    Best first, ties by row number; a similarity of 0 is no neighbour. Only the values at or above a
    bound are sorted: the k-th largest of the row's maxima over chunks of `TOP_K_CHUNK` columns, which
    at least k values reach (each of k chunks holds one), so none of the k best is below it. Selecting
    over every column (`argpartition`) cost as much as the products at 13,334 articles.
    """
    rows, width = product.shape
    chunks = -(-width // TOP_K_CHUNK)
    padded = (rows, chunks * TOP_K_CHUNK)  # whole chunks: zero columns after the last (no neighbour)
    part = sparse.csr_matrix((product.data.astype(np.float32), product.indices, product.indptr), padded).toarray()
    local = np.arange(rows)
    part[local, local + start] = 0.0  # never one's own neighbour
    blocks = part.reshape(rows, chunks, TOP_K_CHUNK)
    maxima = blocks.max(axis=2)
    bound = np.partition(maxima, chunks - k, axis=1)[:, chunks - k] if chunks >= k else np.zeros(rows, np.float32)
    hot_row, hot_chunk = np.nonzero((maxima >= bound[:, None]) & (maxima > 0))
    values = blocks[hot_row, hot_chunk]  # the chunks that can hold one of their row's k best
    chosen = (values >= bound[hot_row, None]) & (values > 0)
    row = np.broadcast_to(hot_row[:, None], values.shape)[chosen]
    col = (hot_chunk[:, None] * TOP_K_CHUNK + np.arange(TOP_K_CHUNK))[chosen]
    value = values[chosen]
    order = np.lexsort((col, -value, row))  # by row, then best first, then by row number
    row, col, value = row[order], col[order], value[order]
    rank = np.arange(len(row)) - np.searchsorted(row, local)[row]
    keep = rank < k
    index[:] = -1
    score[:] = 0.0
    index[row[keep], rank[keep]] = col[keep]
    score[row[keep], rank[keep]] = value[keep]


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


@lru_cache(maxsize=500_000)
def _content_word(word: str) -> str | None:
    """A lower-case word's folded form when it is a content word (three letters or more, not a stop word,
    not a number), else None: a word is folded once, however many sentences of the corpus use it."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return fold_phrase(word) if len(word) > 2 and word not in STOP_WORDS and not word.isdigit() else None


def content_words(text: str) -> set[str]:
    """The folded content words of a text (`_content_word`)."""
    return {folded for w in set(_WORD.findall(text.lower())) if (folded := _content_word(w)) is not None}
