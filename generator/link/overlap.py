"""Text that articles share: reprints, syndication, copy-paste, and exact duplicates.

Each article's words (lower-cased, punctuation dropped) are cut into overlapping
runs of `SHINGLE` words. Two articles that share runs share text; the shared runs
that touch are merged into passages, reported in the first article's own words.
An article whose text is (almost) entirely inside another's is a duplicate of the
earlier one: it keeps its page but is not counted twice in topics.

The runs are found without a Python loop over every run: each word gets a number,
each run of `SHINGLE` numbers a 64-bit hash (numpy, all articles at once), and one
sort brings equal hashes together; runs that share a hash are compared word by word,
so a hash collision never joins two different runs. Only runs held by 2 to
`MAX_HOLDERS` articles make pairs, and the pairs' runs are merged into passages with
array operations; Python builds only the pairs that share enough text.
"""

from __future__ import annotations

import re
from itertools import count

import numpy as np

from generator.model import Article, SharedText

SHINGLE = 8  # words: long enough that a shared run is not a common phrase ("the spokesman said on Monday that")
MIN_SHARED_WORDS = 12  # in all passages of a pair together
DUPLICATE_SHARE = 0.9
MAX_HOLDERS = 50  # a run in more articles than this is boilerplate, not a reprint
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd: the polynomial hash of a run of word numbers, modulo 2**64


def _word_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _WORD.finditer(text)]


def _word_numbers(articles: list[Article]) -> tuple[np.ndarray, np.ndarray]:
    """All articles' words as numbers, concatenated (equal numbers: equal lower-cased words), and their counts."""
    raw: dict[str, int] = {}
    numbers: list[int] = []
    lengths = np.zeros(len(articles), dtype=np.int64)
    counter = count()
    for i, article in enumerate(articles):
        words = _WORD.findall(article.text)
        numbers.extend(map(raw.setdefault, words, counter))  # a word's number: the count when first seen
        lengths[i] = len(words)
    folded: dict[str, int] = {}
    table = np.zeros(next(counter), dtype=np.int64)
    for word, number in raw.items():
        table[number] = folded.setdefault(word.lower().replace("’", "'"), len(folded))
    return table[np.asarray(numbers, dtype=np.int64)], lengths


def _repeated_runs(numbers: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(hash, article, first word) of every run of SHINGLE words whose hash occurs twice or more in the
    corpus, sorted by hash, then article, then position (runs are built in article and position order)."""
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    runs_per = np.maximum(lengths - SHINGLE + 1, 0)
    article = np.repeat(np.arange(len(lengths)), runs_per)
    position = np.arange(int(runs_per.sum())) - np.repeat(np.cumsum(runs_per) - runs_per, runs_per)
    where = starts[article] + position
    hashes = np.zeros(len(where), dtype=np.uint64)
    words = numbers.astype(np.uint64)
    for offset in range(SHINGLE):
        hashes = hashes * _MULTIPLIER + words[where + offset]
    order = np.argsort(hashes, kind="stable")
    hashes, article, position = hashes[order], article[order], position[order]
    new = _starts(hashes)
    sizes = np.diff(np.flatnonzero(np.append(new, True)))
    repeated = np.repeat(sizes >= 2, sizes)
    return hashes[repeated], article[repeated], position[repeated]


def _starts(values: np.ndarray) -> np.ndarray:
    """True where a sorted array's value differs from the one before (and at the first)."""
    return np.concatenate([np.ones(min(len(values), 1), dtype=bool), values[1:] != values[:-1]])


def _groups_of_equal_runs(
    numbers: np.ndarray, lengths: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Article and first word of each distinct run held by two articles or more (its first use in each),
    the holders of one run together and in corpus order; and where each run's holders start, and how many.

    Runs with equal hashes are compared word by word: two different runs that share a hash are split apart.
    """
    hashes, article, position = _repeated_runs(numbers, lengths)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    windows = numbers[(starts[article] + position)[:, None] + np.arange(SHINGLE)]
    label = np.cumsum(_starts(hashes)) - 1
    head = np.flatnonzero(_starts(hashes))
    collided = ~(windows == windows[head[label]]).all(axis=1)
    if collided.any():  # number the distinct runs of each hash that holds several by their words
        fresh = count(int(label.max()) + 1)
        distinct: dict[tuple[int, ...], int] = {}
        for i in np.flatnonzero(np.isin(label, label[collided])).tolist():
            label[i] = distinct.setdefault((int(label[i]), *windows[i].tolist()), next(fresh))
        order = np.lexsort((position, article, label))
        label, article, position = label[order], article[order], position[order]
    first_use = np.concatenate(
        [np.ones(min(len(label), 1), dtype=bool), (label[1:] != label[:-1]) | (article[1:] != article[:-1])]
    )
    label, article, position = label[first_use], article[first_use], position[first_use]
    bounds = np.flatnonzero(_starts(label))
    sizes = np.diff(np.append(bounds, len(label)))
    return article, position, bounds, sizes


def _pair_entries(numbers: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(pair key, run start in the first article, in the second) for every two holders of every run held by
    2 to MAX_HOLDERS articles; a pair's key is first article × articles + second (corpus order)."""
    article, position, bounds, sizes = _groups_of_equal_runs(numbers, lengths)
    keys, first, second = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
    for size in np.unique(sizes[(sizes >= 2) & (sizes <= MAX_HOLDERS)]).tolist():
        holders = bounds[sizes == size][:, None] + np.arange(size)
        left, right = np.triu_indices(size, 1)
        a, b = article[holders[:, left]].ravel(), article[holders[:, right]].ravel()
        keys.append(a * len(lengths) + b)
        first.append(position[holders[:, left]].ravel())
        second.append(position[holders[:, right]].ravel())
    return np.concatenate(keys), np.concatenate(first), np.concatenate(second)


def _passages(keys: np.ndarray, positions: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per pair (sorted keys): its words covered; and every run of touching shingles (pair key, first word,
    last word), in key then text order. Shingles touch when they start at consecutive words."""
    order = np.lexsort((positions, keys))
    keys, positions = keys[order], positions[order]
    new = np.concatenate([[True], (keys[1:] != keys[:-1]) | (positions[1:] != positions[:-1])])
    keys, positions = keys[new], positions[new]
    run = np.concatenate([[True], (keys[1:] != keys[:-1]) | (positions[1:] != positions[:-1] + 1)])
    ends = np.concatenate([np.flatnonzero(run)[1:] - 1, [len(run) - 1]]) if len(run) else np.zeros(0, dtype=np.int64)
    pair_keys, shingles = np.unique(keys, return_counts=True)
    runs_per_pair = np.bincount(np.searchsorted(pair_keys, keys[run]), minlength=len(pair_keys))
    covered = shingles + (SHINGLE - 1) * runs_per_pair
    return covered, keys[run], positions[run], positions[ends] + SHINGLE - 1


def find_shared_text(articles: list[Article]) -> list[SharedText]:
    """Every pair of articles sharing passages of at least SHINGLE words, MIN_SHARED_WORDS in all."""
    numbers, lengths = _word_numbers(articles)
    keys, first, second = _pair_entries(numbers, lengths)
    if len(keys) == 0:
        return []
    pair_keys = np.unique(keys)
    covered_a, run_keys_a, starts_a, ends_a = _passages(keys, first)
    covered_b, run_keys_b, starts_b, ends_b = _passages(keys, second)
    kept = np.flatnonzero(np.minimum(covered_a, covered_b) >= MIN_SHARED_WORDS)
    lo_a, hi_a = np.searchsorted(run_keys_a, pair_keys[kept]), np.searchsorted(run_keys_a, pair_keys[kept], "right")
    lo_b, hi_b = np.searchsorted(run_keys_b, pair_keys[kept]), np.searchsorted(run_keys_b, pair_keys[kept], "right")
    spans: dict[int, list[tuple[int, int]]] = {}
    shared: list[SharedText] = []
    for i, pair in enumerate(kept.tolist()):
        a, b = divmod(int(pair_keys[pair]), len(articles))
        for known in (a, b):
            if known not in spans:
                spans[known] = _word_spans(articles[known].text)
        words_a, words_b = spans[a], spans[b]
        runs_a = zip(starts_a[lo_a[i] : hi_a[i]].tolist(), ends_a[lo_a[i] : hi_a[i]].tolist(), strict=True)
        runs_b = zip(starts_b[lo_b[i] : hi_b[i]].tolist(), ends_b[lo_b[i] : hi_b[i]].tolist(), strict=True)
        spans_a = tuple((words_a[start][0], words_a[end][1]) for start, end in runs_a)
        spans_b = tuple((words_b[start][0], words_b[end][1]) for start, end in runs_b)
        text_a = articles[a].text
        shared.append(
            SharedText(
                a=articles[a].id,
                b=articles[b].id,
                passages=tuple(text_a[start:end] for start, end in spans_a),
                share_a=round(int(covered_a[pair]) / max(int(lengths[a]), 1), 3),
                share_b=round(int(covered_b[pair]) / max(int(lengths[b]), 1), 3),
                spans_a=spans_a,
                spans_b=spans_b,
            )
        )
    return shared


def find_duplicates(articles: list[Article], shared: list[SharedText]) -> dict[str, str]:
    """Article id -> the earlier article it duplicates (same text, or nearly all of it shared both ways)."""
    duplicate_of: dict[str, str] = {}
    first_with_hash: dict[str, str] = {}
    for article in articles:
        original = first_with_hash.setdefault(article.content_hash or article.text, article.id)
        if original != article.id:
            duplicate_of[article.id] = original
    for pair in shared:
        if pair.share_a >= DUPLICATE_SHARE and pair.share_b >= DUPLICATE_SHARE and pair.b not in duplicate_of:
            duplicate_of[pair.b] = duplicate_of.get(pair.a, pair.a)
    return duplicate_of
