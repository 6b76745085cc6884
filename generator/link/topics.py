"""Topics and related articles, from TF-IDF vectors of each article's lemmas and entities.

Topics are found by average-linkage agglomerative clustering with a similarity
threshold, so the number of topics comes from the corpus, not from a setting.
Labels are the phrases the topic's articles share most, weighted by how
distinctive they are in the corpus.
"""

from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np
from scipy.sparse import csr_matrix, issparse
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

from generator.analyse.keywords import fold_phrase
from generator.model import Article, ArticleAnalysis, Entity, LinkedMention

_WORD = re.compile(r"\w+")


def article_vectors(articles: list[Article], analyses: dict[str, ArticleAnalysis]):  # noqa: ANN201 - sparse CSR
    """L2-normalised TF-IDF rows of content-word lemmas (raw counts: what an article repeats is its story).

    Entity ids were tried as extra terms and made the seeds' 2015 article look like
    the 2017 ones (they share every place and group), so lemmas alone are used.
    """
    documents = [list(analyses[a.id].lemmas) for a in articles]
    vectorizer = TfidfVectorizer(analyzer=_identity, min_df=1, smooth_idf=False)
    if not any(documents):
        return csr_matrix((len(articles), 1))
    return vectorizer.fit_transform(documents)  # sparse: a dense copy would be articles × vocabulary


def similarity_of(vectors, block: int = 512) -> np.ndarray:  # noqa: ANN001 - sparse or dense rows
    """Cosine similarity of L2-normalised rows, as a dense float32 matrix built a block of rows at a time.

    Only the articles × articles result is dense (0.4 GB at 10,000 articles), never
    the articles × vocabulary matrix.
    """
    n = vectors.shape[0]
    result = np.empty((n, n), dtype=np.float32)
    transposed = vectors.T
    for start in range(0, n, block):
        part = vectors[start : start + block] @ transposed
        result[start : start + block] = part.toarray() if issparse(part) else part
    return result


def _identity(tokens: list[str]) -> list[str]:
    return tokens


def background_similarity(similarity: np.ndarray, sample: int = 200_000) -> float:
    """The median similarity of two different articles of this corpus (sampled when large)."""
    n = similarity.shape[0]
    if n < 2:
        return 0.0
    pairs = n * (n - 1) // 2
    if pairs <= sample:
        rows, cols = np.triu_indices(n, k=1)
    else:  # a seeded random sample of pairs, without listing all n² of them
        rng = np.random.default_rng(0)
        rows, cols = rng.integers(0, n, size=sample), rng.integers(0, n - 1, size=sample)
        cols = cols + (cols >= rows)  # a different article than the row's
    return float(np.median(similarity[rows, cols]))


def cluster(similarity: np.ndarray, floor: float) -> list[int]:
    """Cluster label per article, by average linkage.

    Two groups join while their average similarity is at least the corpus's
    background similarity (and at least `floor`): a topic is a set of articles
    more alike than two articles of this corpus usually are. A corpus about one
    subject (the seeds) has a high background, so its stories stay apart; a mixed
    corpus has a low one, so the floor decides.
    """
    n = similarity.shape[0]
    if n == 1:
        return [0]
    min_similarity = max(floor, background_similarity(similarity))
    distance = np.clip(1.0 - similarity, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    model = AgglomerativeClustering(
        n_clusters=None,
        metric="precomputed",
        linkage="average",
        distance_threshold=max(0.0, 1.0 - min_similarity),  # identical texts: the median can be 1 + ε
    )
    return [int(label) for label in model.fit_predict(distance)]


def related_articles(
    similarity: np.ndarray, ids: list[str], top: int, floor: float
) -> dict[str, tuple[tuple[str, float], ...]]:
    related: dict[str, tuple[tuple[str, float], ...]] = {}
    for row, article_id in enumerate(ids):
        order = np.argsort(-similarity[row], kind="stable")
        picks = [
            (ids[col], round(float(similarity[row, col]), 3))
            for col in order
            if col != row and similarity[row, col] >= floor
        ]
        related[article_id] = tuple(picks[:top])
    return related


def word_document_frequency(texts: list[str]) -> Counter[str]:
    """In how many articles each lower-cased word occurs."""
    df: Counter[str] = Counter()
    for text in texts:
        df.update(set(_WORD.findall(text.lower())))
    return df


def _word_grams(text: str, longest: int = 5) -> set[tuple[str, ...]]:
    """Every run of up to `longest` lower-cased words in the text: whole-word phrase lookup."""
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + n]) for n in range(1, longest + 1) for i in range(len(words) - n + 1)}


def label_topic(
    members: list[str],
    analyses: dict[str, ArticleAnalysis],
    texts_by_id: dict[str, str],
    word_df: Counter[str],
) -> tuple[str, tuple[str, ...]]:
    """A readable label (up to three phrases) and the topic's keywords, best first.

    A candidate is any keyword of a member article. It scores by how many of the
    topic's articles contain it, times how rare it is in the corpus (the document
    frequency of its rarest word), so a word every article uses labels no topic.
    """
    total = len(texts_by_id)
    first_form: dict[str, str] = {}
    for article_id in members:
        for keyword in analyses[article_id].keywords:
            first_form.setdefault(fold_phrase(keyword.text), keyword.text)
    grams = [_word_grams(texts_by_id[article_id]) for article_id in members]
    scores: dict[str, float] = {}
    for folded, phrase in first_form.items():
        words = tuple(_WORD.findall(phrase.lower()))
        present = sum(1 for text in grams if words in text)
        rarest = min((word_df.get(w, 1) for w in _WORD.findall(phrase.lower())), default=1)
        scores[folded] = present * math.log(1 + total / max(rarest, 1))
    ranked = sorted(scores, key=lambda f: (-scores[f], first_form[f].lower()))
    keywords = tuple(first_form[f] for f in ranked[:10])
    label = " · ".join(keywords[:3]) if keywords else "Untitled topic"
    return label, keywords


def topic_entities(
    members: list[str], mentions: dict[str, tuple[LinkedMention, ...]], entities: dict[str, Entity]
) -> tuple[str, ...]:
    counts: Counter[str] = Counter()
    for article_id in members:
        for entity_id in {m.entity for m in mentions[article_id]}:
            counts[entity_id] += 1
    ranked = sorted(counts, key=lambda e: (-counts[e], -entities[e].mention_count, entities[e].name))
    return tuple(ranked[:12])


def broad_topics(similarity: np.ndarray, neighbours: int = 20) -> list[int]:
    """Broader topic per article: communities (Louvain, modularity) of the nearest-neighbour graph.

    Stories (`cluster`) keep apart articles about different events; a reader of a large
    corpus also wants the few subjects those stories belong to (sport, politics, ...).
    Each article links to its `neighbours` most similar articles, and Louvain finds the
    groups more linked inside than chance would give, so their number comes from the
    corpus. Seeded, so the same corpus gives the same topics.
    """
    import networkx as nx  # a dependency of yake, already installed

    n = similarity.shape[0]
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    k = min(neighbours, n - 1)
    for row in range(n):
        scores = similarity[row].copy()
        scores[row] = -np.inf
        for col in np.argsort(-scores, kind="stable")[:k]:
            if similarity[row, col] > 0:
                graph.add_edge(row, int(col), weight=float(similarity[row, col]))
    communities = nx.community.louvain_communities(graph, weight="weight", seed=0)
    labels = [0] * n
    for number, members in enumerate(sorted(communities, key=lambda c: (-len(c), min(c)))):
        for member in members:
            labels[member] = number
    return labels


_STOP = None


def _content_words(text: str) -> set[str]:
    global _STOP
    if _STOP is None:
        from spacy.lang.en.stop_words import STOP_WORDS

        _STOP = STOP_WORDS
    return {fold_phrase(w) for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in _STOP and not w.isdigit()}


def topic_summary(
    members: list[str], analyses: dict[str, ArticleAnalysis], size: int = 3, max_overlap: float = 0.35
) -> list[tuple[str, str]]:
    """A multi-document summary: (article id, sentence) pairs covering what the articles share.

    Candidates are the members' own summary sentences. A sentence scores by the words
    it shares with the other articles (each word weighted by the number of member
    articles that use it, its own article not counted), divided by the square root of
    its length; sentences are taken best first, skipping any whose words overlap a
    chosen one by more than `max_overlap` (Jaccard), and at most one per article
    until every article has had a turn. Shown in the order chosen.
    """
    if len(members) < 2:
        return []
    words_of = {aid: _content_words(" ".join(s.text for s in analyses[aid].sentences)) for aid in members}
    spread: Counter[str] = Counter(w for words in words_of.values() for w in words)
    candidates = []
    for aid in members:
        analysis = analyses[aid]
        for index in analysis.summary:
            text = analysis.sentences[index].text
            words = _content_words(text)
            if not words:
                continue
            shared = sum(spread[w] - 1 for w in words)
            candidates.append((shared / math.sqrt(len(words)), aid, text, words))
    candidates.sort(key=lambda c: (-c[0], members.index(c[1])))
    chosen: list[tuple[str, str, set[str]]] = []
    for one_per_article in (True, False):
        for score, aid, text, words in candidates:
            if len(chosen) == size or score <= 0:
                break
            if any(t == text for _, t, _ in chosen) or (one_per_article and any(a == aid for a, _, _ in chosen)):
                continue
            if any(len(words & w) / len(words | w) > max_overlap for _, _, w in chosen):
                continue
            chosen.append((aid, text, words))
    return [(aid, text) for aid, text, _ in chosen]
