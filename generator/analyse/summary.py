"""Extractive summary: position-biased TextRank over eligible sentences, with redundancy removal.

Why this method: TextRank picks the sentences most similar to the rest of the
article (what it keeps coming back to); a light lead bias encodes the news
convention that the most important facts come first; a sub-linear length factor
(words^0.4) keeps the length-normalised similarity from favouring short sentences
that carry one fact over longer ones that carry several; MMR-style redundancy
removal keeps near-identical sentences (reprinted captions, repeated quotes) out of
one summary. Sentences that are bylines, captions, datelines or section headings are
never eligible. The weights were chosen on the BBC News Summary corpus
(docs/BENCHMARKS.md), where they beat Lead-3 and sumy's TextRank and LexRank.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc

from generator.model import Sentence

_NOT_PROSE = re.compile(
    r"^\s*(source|by|photo|image|picture|credit|caption|video|watch|read more|related|copyright|©)\b\s*[:|]",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"^\s*(date\s+)?\d{4}-\d{2}-\d{2}\s*$|^[A-Z ,]{3,40}\s+[-—–]\s*$")


@dataclass(frozen=True)
class SentenceFeatures:
    """What the summariser needs to know of one sentence."""

    text: str
    lemmas: tuple[str, ...]  # content-word lemmas
    has_verb: bool


_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ"}


def sentence_features(doc: Doc) -> tuple[list[Sentence], list[SentenceFeatures]]:
    """The article's sentences (offsets into its text) and what the summariser needs of each."""
    sentences: list[Sentence] = []
    features: list[SentenceFeatures] = []
    for sent in doc.sents:
        stripped = sent.text.strip()
        if not stripped:
            continue
        offset = sent.text.index(stripped[0])
        start = sent.start_char + offset
        sentences.append(Sentence(start, start + len(stripped), stripped))
        lemmas = tuple(
            t.lemma_.lower()
            for t in sent
            if t.pos_ in _CONTENT_POS and t.is_alpha and not t.is_stop and len(t.text) > 1
        )
        features.append(SentenceFeatures(stripped, lemmas, any(t.pos_ in ("VERB", "AUX") for t in sent)))
    return sentences, features


def is_eligible(sentence: SentenceFeatures, seen_twice: bool) -> bool:
    """Prose sentences only: not a byline, caption, heading, dateline or a fragment."""
    text = sentence.text.strip()
    words = text.split()
    if len(words) < 6 or not sentence.has_verb or seen_twice:
        return False
    if text.endswith(":") or _NOT_PROSE.match(text) or _DATELINE.match(text):
        return False
    return sum(ch.isalpha() for ch in text) >= 0.6 * len(text)


def _cosine_matrix(vectors: list[Counter[str]], idf: dict[str, float]) -> np.ndarray:
    vocab = {term: i for i, term in enumerate(idf)}
    matrix = np.zeros((len(vectors), len(vocab)))
    for row, counts in enumerate(vectors):
        for term, count in counts.items():
            matrix[row, vocab[term]] = (1 + math.log(count)) * idf[term]
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    unit = matrix / norms
    return unit @ unit.T


LEAD_BIAS = 0.1  # share of the random walk that restarts at the lead (prior 1/sqrt(1 + position))
LENGTH_EXPONENT = 0.4  # score multiplied by words ** this


def rank_sentences(sentences: list[SentenceFeatures], lead_bias: float = LEAD_BIAS) -> tuple[list[int], np.ndarray]:
    """Indexes of eligible sentences, and their scores (personalised PageRank times a length factor)."""
    counts = Counter(s.text.strip().lower() for s in sentences)
    eligible = [i for i, s in enumerate(sentences) if is_eligible(s, counts[s.text.strip().lower()] > 1)]
    if not eligible:
        return [], np.zeros(0)
    vectors = [Counter(sentences[i].lemmas) for i in eligible]
    df: Counter[str] = Counter(term for vector in vectors for term in vector)
    n = len(eligible)
    idf = {term: math.log((1 + n) / (1 + freq)) + 1 for term, freq in df.items()}
    similarity = _cosine_matrix(vectors, idf) if idf else np.zeros((n, n))
    np.fill_diagonal(similarity, 0.0)
    row_sums = similarity.sum(axis=1, keepdims=True)
    row_sums[row_sums == 0] = 1.0
    transition = similarity / row_sums
    prior = np.array([1.0 / math.sqrt(1 + rank) for rank in range(n)])
    prior /= prior.sum()
    scores = np.full(n, 1.0 / n)
    damping = 1.0 - lead_bias
    for _ in range(50):
        updated = damping * transition.T @ scores + (1 - damping) * prior
        if np.abs(updated - scores).sum() < 1e-9:
            scores = updated
            break
        scores = updated
    lengths = np.array([len(sentences[i].text.split()) for i in eligible], dtype=float)
    return eligible, scores * lengths**LENGTH_EXPONENT


def selection_order(sentences: list[SentenceFeatures], max_overlap: float = 0.55) -> list[int]:
    """Eligible sentence indexes, best first, leaving out any that repeats a better one."""
    eligible, scores = rank_sentences(sentences)
    if not eligible:
        return []
    vectors = [Counter(sentences[i].lemmas) for i in eligible]
    idf = {term: 1.0 for vector in vectors for term in vector}
    similarity = _cosine_matrix(vectors, idf) if idf else np.zeros((len(eligible), len(eligible)))
    chosen: list[int] = []
    for position in np.argsort(-scores, kind="stable"):
        if any(similarity[position, other] > max_overlap for other in chosen):
            continue
        chosen.append(int(position))
    return [eligible[p] for p in chosen]


def summarise(sentences: list[SentenceFeatures], size: int) -> tuple[int, ...]:
    """Up to `size` sentence indexes, in document order, none repeating another."""
    return tuple(sorted(selection_order(sentences)[:size]))
