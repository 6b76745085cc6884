"""The same quote across articles, even when one outlet trims it, joins two fragments or changes a word.

Quotes are compared by their words (lower-cased, punctuation dropped) cut into runs
of four. Two quotes are one when most of the shorter one's runs occur in the
longer one (a trimmed quote, or one fragment of a joined quote), or, for short
quotes, when their word sequences are nearly the same (one word changed).
Groups are closed transitively: two fragments joined in one outlet's quote
bring both fragments' groups together.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from difflib import SequenceMatcher

from generator.link.unionfind import DisjointSets
from generator.model import Article, ArticleAnalysis, QuoteGroup, QuoteRef

RUN = 4
CONTAINED = 0.6  # share of the shorter quote's runs found in the longer one
SIMILAR = 0.85  # word-sequence similarity for short quotes
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def _tokens(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _runs(tokens: list[str]) -> set[tuple[str, ...]]:
    if len(tokens) < RUN:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + RUN]) for i in range(len(tokens) - RUN + 1)}


def same_quote(a: str, b: str) -> bool:
    """True when two quote texts are the same words, allowing trimming, a joined fragment or a changed word."""
    tokens_a, tokens_b = _tokens(a), _tokens(b)
    if not tokens_a or not tokens_b:
        return False
    runs_a, runs_b = _runs(tokens_a), _runs(tokens_b)
    shorter = min(len(runs_a), len(runs_b))
    if shorter and len(runs_a & runs_b) / shorter >= CONTAINED:
        return True
    return min(len(tokens_a), len(tokens_b)) <= 12 and SequenceMatcher(None, tokens_a, tokens_b).ratio() >= SIMILAR


def group_quotes(
    articles: list[Article], analyses: dict[str, ArticleAnalysis], speakers: dict[tuple[str, int], str]
) -> tuple[QuoteGroup, ...]:
    """Every quote in exactly one group; groups carried by more articles first."""
    refs: list[QuoteRef] = []
    texts: dict[QuoteRef, str] = {}
    for article in articles:
        for index, quote in enumerate(analyses[article.id].quotes):
            ref = QuoteRef(article.id, index)
            refs.append(ref)
            texts[ref] = quote.text
    sets = DisjointSets(refs)
    index: dict[tuple[str, ...], list[QuoteRef]] = defaultdict(list)
    for ref in refs:
        tokens = _tokens(texts[ref])
        for run in _runs(tokens):
            index[run].append(ref)
        if len(tokens) >= 2:
            index[("first-words", *tokens[:2])].append(ref)  # candidates for the short-quote similarity test
    checked: set[tuple[QuoteRef, QuoteRef]] = set()
    for holders in index.values():
        if len(holders) > 200:
            continue
        for i, first in enumerate(holders):
            for second in holders[i + 1 :]:
                if first.article == second.article or (first, second) in checked:
                    continue
                checked.add((first, second))
                if sets.find(first) != sets.find(second) and same_quote(texts[first], texts[second]):
                    sets.join(first, second)

    members: dict[QuoteRef, list[QuoteRef]] = defaultdict(list)
    for ref in refs:
        members[sets.find(ref)].append(ref)
    position = {ref: i for i, ref in enumerate(refs)}
    ordered = sorted(members.values(), key=lambda g: (-len({r.article for r in g}), position[g[0]]))
    groups = []
    for number, group in enumerate(ordered):
        votes = Counter(speakers[(r.article, r.index)] for r in group if (r.article, r.index) in speakers)
        groups.append(
            QuoteGroup(
                id=f"q{number + 1}",
                members=tuple(group),
                speaker=votes.most_common(1)[0][0] if votes else None,
                text=max((texts[r] for r in group), key=len),
                articles=tuple(dict.fromkeys(r.article for r in group)),
            )
        )
    return tuple(groups)
