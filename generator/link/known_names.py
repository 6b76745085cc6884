"""Names the model missed but the corpus knows (the alias file's, acronyms a text defines), found by exact match.

A known name matches case-sensitively as a whole word, not inside a run of capitals (an
all-caps headline is not a list of acronyms), in time linear in the text (`KnownNames`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict

from generator.model import Article, ArticleAnalysis, Mention

UNTYPED = ""  # label of a mention found by name rather than by the model: it casts no type vote
_WORD = re.compile(r"(?<![\w-])[\w-]+")  # a word of a name or text: letters, digits and hyphens
_WORD_CHAR = re.compile(r"[\w-]")
_WORDS = re.compile(r"[\w-]+")  # `_WORD` for findall: each match ends a run, so the next needs no lookbehind


class KnownNames:
    """Whole-word, case-sensitive matching of many names in linear time (one regex alternation of
    thousands of names is scanned at every position of every text, which grows with the corpus).

    Only the words a text holds that begin some name are looked up, each by `str.find`: most
    texts hold none of the names, and a text is never walked word by word in Python.
    """

    def __init__(self, names: set[str]) -> None:
        self.by_first: dict[str, list[str]] = defaultdict(list)  # first word -> names, longest first
        odd: list[str] = []
        for name in sorted(names, key=lambda n: (-len(n), n)):
            first = _WORD.match(name)
            if first and first.start() == 0:
                self.by_first[first.group()].append(name)
            else:
                odd.append(name)
        self.odd = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, odd)) + r")(?![\w-])") if odd else None

    def finditer(self, text: str) -> list[tuple[int, int, str]]:
        found: list[tuple[int, int, str]] = []
        reached = 0
        for start, word in sorted(self._first_words(text)):
            if start < reached:
                continue
            for name in self.by_first[word]:
                end = start + len(name)
                if text.startswith(name, start) and not (end < len(text) and _WORD_CHAR.match(text[end])):
                    found.append((start, end, name))
                    reached = end
                    break
        if self.odd is not None:
            found += [(m.start(), m.end(), m.group()) for m in self.odd.finditer(text)]
        return sorted(found)

    def _first_words(self, text: str) -> list[tuple[int, str]]:
        """(offset, word) of every word of the text (a `_WORD` match) that is the first word of a name."""
        found = []
        for word in self.by_first.keys() & set(_WORDS.findall(text)):
            at = text.find(word)
            while at >= 0:
                end = at + len(word)
                before = at > 0 and _WORD_CHAR.match(text[at - 1])
                if not before and not (end < len(text) and _WORD_CHAR.match(text[end])):
                    found.append((at, word))
                at = text.find(word, at + 1)
        return found


def find_known_names(article: Article, analysis: ArticleAnalysis, known: KnownNames | None) -> list[Mention]:
    """The article's mentions, plus those the model missed of names the corpus knows to be entities.

    Known names match case-sensitively as whole words, not inside a run of capitals (an
    all-caps headline is not a list of acronyms). A known name that spans model mentions
    ("Islamic" + "State" inside "Islamic State group") replaces them.
    """
    mentions = list(analysis.mentions)
    if known is None:
        return mentions
    starts = [sentence.start for sentence in analysis.sentences]
    text = article.text
    for start, end, name in known.finditer(text):
        overlapping = [m for m in mentions if start < m.end and m.start < end]
        if any(m.start < start or m.end > end or (m.start, m.end) == (start, end) for m in overlapping):
            continue
        if name.isupper() and in_capitals(text, start, end):
            continue
        mentions = [m for m in mentions if m not in overlapping]
        sentence = max(bisect_right(starts, start) - 1, 0)
        mentions.append(Mention(name, UNTYPED, start, end, sentence))
    return sorted(mentions, key=lambda m: m.start)


def in_capitals(text: str, start: int, end: int) -> bool:
    """Whether the words either side of text[start:end] are written in capitals (an all-caps headline)."""
    before = text[max(0, start - 12) : start].split()
    after = text[end : end + 12].split()
    neighbours = [w for w in (before[-1:] + after[:1]) if any(c.isalpha() for c in w)]
    return any(w.isupper() and len(w) > 1 for w in neighbours)


def known_names(names: set[str]) -> KnownNames | None:
    return KnownNames(names) if names else None
