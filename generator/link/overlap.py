"""Text that articles share: reprints, syndication, copy-paste, and exact duplicates.

Each article's words (lower-cased, punctuation dropped) are cut into overlapping
runs of `SHINGLE` words. Two articles that share runs share text; the shared runs
that touch are merged into passages, reported in the first article's own words.
An article whose text is (almost) entirely inside another's is a duplicate of the
earlier one: it keeps its page but is not counted twice in topics.
"""

from __future__ import annotations

import re
from collections import defaultdict

from generator.model import Article, SharedText

SHINGLE = 8  # words: long enough that a shared run is not a common phrase ("the spokesman said on Monday that")
MIN_SHARED_WORDS = 12  # in all passages of a pair together
DUPLICATE_SHARE = 0.9
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def _words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().lower().replace("’", "'"), m.start(), m.end()) for m in _WORD.finditer(text)]


def _runs(positions: list[int]) -> list[tuple[int, int]]:
    """Sorted shingle start positions -> (first word, last word) of each run of touching shingles."""
    runs: list[tuple[int, int]] = []
    for position in positions:
        if runs and position <= runs[-1][1] - SHINGLE + 2:
            runs[-1] = (runs[-1][0], position + SHINGLE - 1)
        else:
            runs.append((position, position + SHINGLE - 1))
    return runs


def find_shared_text(articles: list[Article]) -> list[SharedText]:
    """Every pair of articles sharing passages of at least SHINGLE words, MIN_SHARED_WORDS in all."""
    words = {a.id: _words(a.text) for a in articles}
    index: dict[tuple[str, ...], list[tuple[str, int]]] = defaultdict(list)
    for article in articles:
        tokens = [w for w, _, _ in words[article.id]]
        seen: set[tuple[str, ...]] = set()
        for position in range(len(tokens) - SHINGLE + 1):
            shingle = tuple(tokens[position : position + SHINGLE])
            if shingle not in seen:
                seen.add(shingle)
                index[shingle].append((article.id, position))
    pair_positions: dict[tuple[str, str], tuple[set[int], set[int]]] = {}
    order = {a.id: i for i, a in enumerate(articles)}
    for holders in index.values():
        if len(holders) < 2 or len(holders) > 50:  # a run in 50+ articles is boilerplate, not a reprint
            continue
        for i, (first, first_pos) in enumerate(holders):
            for second, second_pos in holders[i + 1 :]:
                if first == second:
                    continue
                a, b, pa, pb = (first, second, first_pos, second_pos)
                if order[a] > order[b]:
                    a, b, pa, pb = b, a, pb, pa
                positions = pair_positions.setdefault((a, b), (set(), set()))
                positions[0].add(pa)
                positions[1].add(pb)
    text_of = {a.id: a.text for a in articles}
    shared: list[SharedText] = []
    for (a, b), (positions_a, positions_b) in sorted(
        pair_positions.items(), key=lambda kv: (order[kv[0][0]], order[kv[0][1]])
    ):
        runs_a = _runs(sorted(positions_a))
        runs_b = _runs(sorted(positions_b))
        covered_a = sum(end - start + 1 for start, end in runs_a)
        covered_b = sum(end - start + 1 for start, end in runs_b)
        if min(covered_a, covered_b) < MIN_SHARED_WORDS:
            continue
        words_a = words[a]
        spans_a = tuple((words_a[start][1], words_a[end][2]) for start, end in runs_a)
        spans_b = tuple((words[b][start][1], words[b][end][2]) for start, end in runs_b)
        passages = tuple(text_of[a][start:end] for start, end in spans_a)
        shared.append(
            SharedText(
                a=a,
                b=b,
                passages=passages,
                share_a=round(covered_a / max(len(words_a), 1), 3),
                share_b=round(covered_b / max(len(words[b]), 1), 3),
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
