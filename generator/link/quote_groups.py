"""The same quote across articles, even when one outlet trims it, joins two fragments or changes a word,
and never a quote put in the wrong mouth.

Quotes are compared by their words (lower-cased, punctuation dropped) cut into runs
of four. Two quotes have the same wording when most of the shorter one's runs occur
in the longer one (a trimmed quote, or one fragment of a joined quote, of six words or
more; the longer one at most 80 words or four times the shorter, so a montage of many
statements in one pair of marks does not join them all), or, for short quotes, when their word sequences are
nearly the same (one word changed).

Same wording is not enough. Each quote's speaker (its surname as written, whether or not
it is linked to an entity; a description such as "an aide" names nobody and agrees with any)
must agree: quotes join only when their speakers agree or one is missing, checked
against every speaker already in each group, so no chain of joins puts two people's
words together. The one exception is a wording so long that it cannot be two people's
(`SURE_WORDS` words shared in order): then the group is one quote whose members disagree
on who said it, `disputed`, listing each speaker with the members that give it.

A short wording (at most `PHRASE_WORDS` words) carried by `PHRASE_ARTICLES` articles or
more whose members do not all name one speaker is a phrase many outlets use ("slap in
the face"), not one quote: it is listed with the phrases (scare quotes, slogans and
titles the articles put in quote marks), not with the quotes.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from difflib import SequenceMatcher

from generator.link.unionfind import DisjointSets
from generator.model import (
    Article,
    ArticleAnalysis,
    GroupSpeaker,
    PhraseGroup,
    PhraseRef,
    Quote,
    QuoteGroup,
    QuoteRef,
)

RUN = 4
CONTAINED = 0.6  # share of the shorter quote's runs found in the longer one
SIMILAR = 0.85  # word-sequence similarity for short quotes
FRAGMENT_WORDS = 6  # a shorter quote is a fragment of a longer one only from six words ("the United States is" is not)
UNNAMED_FRAGMENT_WORDS = 10  # the same, when either quote names no speaker
CONTAINER_WORDS = 80  # a longer quote holds a fragment when it is at most this long,
CONTAINER_RATIO = 4  # or at most this many times the fragment: a 400-word montage of quotes is no one quote
SURE_WORDS = 12  # words shared in order: the same quote, whoever the articles say spoke it
PHRASE_WORDS = 6
PHRASE_ARTICLES = 3
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def _tokens(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _runs(tokens: list[str]) -> set[tuple[str, ...]]:
    if len(tokens) < RUN:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + RUN]) for i in range(len(tokens) - RUN + 1)}


def same_quote(a: str, b: str, fragment_words: int | None = None) -> bool:
    """True when two quote texts are the same words, allowing trimming, a joined fragment (of at least
    `fragment_words` words, FRAGMENT_WORDS unless given) or a changed word."""
    tokens_a, tokens_b = _tokens(a), _tokens(b)
    if not tokens_a or not tokens_b:
        return False
    runs_a, runs_b = _runs(tokens_a), _runs(tokens_b)
    shorter = min(len(runs_a), len(runs_b))
    short, long = sorted((len(tokens_a), len(tokens_b)))
    least = FRAGMENT_WORDS if fragment_words is None else fragment_words
    containable = short >= least and (long <= CONTAINER_WORDS or long <= CONTAINER_RATIO * short)
    if shorter and containable and len(runs_a & runs_b) / shorter >= CONTAINED:
        return True
    return min(len(tokens_a), len(tokens_b)) <= 12 and SequenceMatcher(None, tokens_a, tokens_b).ratio() >= SIMILAR


def surely_one_quote(a: str, b: str) -> bool:
    """So many words in the same order that two people cannot have said them apart."""
    tokens_a, tokens_b = _tokens(a), _tokens(b)
    match = SequenceMatcher(None, tokens_a, tokens_b, autojunk=False).find_longest_match()
    return match.size >= SURE_WORDS


def speaker_key(quote: Quote, entity: str | None) -> str | None:
    """What two members must share to agree on a speaker: the surname as written ("Trump" = "Donald
    Trump" = "President Trump", linked to an entity or not). Descriptions ("a White House official")
    name nobody, so they agree with anyone."""
    if quote.speaker and quote.speaker_kind in ("name", None):
        words = [w for w in _tokens(quote.speaker) if w not in _NAME_SUFFIXES]
        return f"name:{words[-1]}" if words else None
    return f"entity:{entity}" if entity and not quote.speaker else None


class _Groups(DisjointSets[QuoteRef]):
    """Union-find over quotes that keeps, per group, the speakers its members give."""

    def __init__(self, refs: list[QuoteRef], keys: dict[QuoteRef, str | None]) -> None:
        super().__init__(refs)
        self.keys: dict[QuoteRef, set[str]] = {ref: {key} if (key := keys[ref]) else set() for ref in refs}

    def join_agreeing(self, first: QuoteRef, second: QuoteRef, sure: bool) -> None:
        """Join the two quotes' groups unless they give different speakers (`sure`: join anyway)."""
        a, b = self.find(first), self.find(second)
        if a == b:
            return
        if not sure and len(self.keys[a] | self.keys[b]) > 1:
            return  # the same words from two different people: two quotes
        self.join(a, b)
        self.keys[a] |= self.keys.pop(b)


def _candidate_pairs(refs: list[QuoteRef], tokens: dict[QuoteRef, list[str]]) -> list[tuple[QuoteRef, QuoteRef]]:
    index: dict[tuple[str, ...], list[QuoteRef]] = defaultdict(list)
    for ref in refs:
        for run in _runs(tokens[ref]):
            index[run].append(ref)
        if len(tokens[ref]) >= 2:
            index[("first-words", *tokens[ref][:2])].append(ref)  # candidates for the short-quote similarity test
    pairs: set[tuple[QuoteRef, QuoteRef]] = set()
    for holders in index.values():
        if len(holders) > 200:
            continue
        for i, first in enumerate(holders):
            for second in holders[i + 1 :]:
                if first != second:
                    pairs.add((first, second))
    position = {ref: i for i, ref in enumerate(refs)}
    return sorted(pairs, key=lambda p: (-min(len(tokens[p[0]]), len(tokens[p[1]])), position[p[0]], position[p[1]]))


def group_quotes(
    articles: list[Article], analyses: dict[str, ArticleAnalysis], speakers: dict[tuple[str, int], str]
) -> tuple[QuoteGroup, ...]:
    """Quotes grouped across articles, short wordings shared widely with no one speaker left out
    (see `shared_phrases`); groups carried by more outlets first, then by more articles."""
    return split_groups(articles, analyses, speakers)[0]


def split_groups(
    articles: list[Article], analyses: dict[str, ArticleAnalysis], speakers: dict[tuple[str, int], str]
) -> tuple[tuple[QuoteGroup, ...], list[list[QuoteRef]]]:
    """The quote groups, and the member lists of short wordings that are phrases, not quotes."""
    every = [QuoteRef(a.id, i) for a in articles for i in range(len(analyses[a.id].quotes))]
    quote = {ref: analyses[ref.article].quotes[ref.index] for ref in every}
    tokens = {ref: _tokens(quote[ref].text) for ref in every}
    keys = {ref: speaker_key(quote[ref], speakers.get((ref.article, ref.index))) for ref in every}
    phrases = _shared_short_wordings(every, tokens, keys)
    in_phrase = {ref for group in phrases for ref in group}
    refs = [ref for ref in every if ref not in in_phrase]
    groups = _Groups(refs, keys)
    for first, second in _candidate_pairs(refs, tokens):
        # a fragment that names no speaker may be anyone's words that happen to recur ("is not going to be
        # like it was before"): it joins a longer quote only when it is long enough to be that quote
        least = FRAGMENT_WORDS if keys[first] and keys[second] else UNNAMED_FRAGMENT_WORDS
        if groups.find(first) != groups.find(second) and same_quote(quote[first].text, quote[second].text, least):
            groups.join_agreeing(first, second, surely_one_quote(quote[first].text, quote[second].text))
    members: dict[QuoteRef, list[QuoteRef]] = defaultdict(list)
    for ref in refs:
        members[groups.find(ref)].append(ref)
    source = {a.id: a.source.casefold() if a.source else f"unattributed:{a.id}" for a in articles}
    position = {ref: i for i, ref in enumerate(refs)}
    built = [_build(group, quote, keys, speakers, source) for group in members.values()]
    built.sort(key=lambda g: (-g.outlets, -len(g.articles), position[g.members[0]]))
    return tuple(_numbered(g, n) for n, g in enumerate(built)), phrases


def _shared_short_wordings(
    refs: list[QuoteRef], tokens: dict[QuoteRef, list[str]], keys: dict[QuoteRef, str | None]
) -> list[list[QuoteRef]]:
    """Short wordings (the same words) that PHRASE_ARTICLES articles or more carry without all naming
    one speaker: phrases many outlets use, not one person's quote."""
    by_words: dict[tuple[str, ...], list[QuoteRef]] = defaultdict(list)
    for ref in refs:
        if len(tokens[ref]) <= PHRASE_WORDS:
            by_words[tuple(tokens[ref])].append(ref)
    shared = []
    for group in by_words.values():
        if len({r.article for r in group}) < PHRASE_ARTICLES:
            continue
        named = [keys[r] for r in group if keys[r]]
        if len(set(named)) != 1 or len(named) < len(group) * 2 / 3:
            shared.append(group)
    return shared


def _build(
    group: list[QuoteRef],
    quote: dict[QuoteRef, Quote],
    keys: dict[QuoteRef, str | None],
    speakers: dict[tuple[str, int], str],
    source: dict[str, str],
) -> QuoteGroup:
    first_of_article: dict[str, QuoteRef] = {}
    repeats = []
    for ref in group:
        kept = first_of_article.get(ref.article)
        if kept is None:
            first_of_article[ref.article] = ref
        elif not keys[kept] and keys[ref]:  # keep the copy that names its speaker
            first_of_article[ref.article] = ref
            repeats.append(kept)
        else:
            repeats.append(ref)
    chosen = sorted(first_of_article.values(), key=group.index)
    given: dict[str, list[QuoteRef]] = defaultdict(list)
    described: dict[str, list[QuoteRef]] = defaultdict(list)
    for ref in chosen:
        key, written = keys[ref], quote[ref].speaker
        if key:
            given[key].append(ref)
        elif written:
            described[written.casefold()].append(ref)
    listed = [
        GroupSpeaker(_entity_of(refs, speakers), quote[refs[0]].speaker or "", "name", tuple(refs))
        for refs in given.values()
    ]
    listed += [
        GroupSpeaker(None, quote[refs[0]].speaker or "", "description", tuple(refs)) for refs in described.values()
    ]
    listed.sort(key=lambda s: (s.kind != "name", -len(s.members)))
    agreed = listed[0].entity if len(given) == 1 else None
    return QuoteGroup(
        id="",
        members=tuple(chosen),
        speaker=agreed,
        text=max((quote[r].text for r in chosen), key=len),
        articles=tuple(r.article for r in chosen),
        speakers=tuple(listed),
        disputed=len(given) > 1,
        outlets=len({source[r.article] for r in chosen}),
        repeats=tuple(sorted(repeats, key=group.index)),
    )


def _entity_of(refs: list[QuoteRef], speakers: dict[tuple[str, int], str]) -> str | None:
    """The entity most of these members (one speaker by surname) are linked to."""
    votes = Counter(speakers[(r.article, r.index)] for r in refs if (r.article, r.index) in speakers)
    return min(votes, key=lambda e: (-votes[e], e)) if votes else None


def _numbered(group: QuoteGroup, number: int) -> QuoteGroup:
    return replace(group, id=f"q{number + 1}")


def shared_phrases(
    articles: list[Article], analyses: dict[str, ArticleAnalysis], short_quote_groups: list[list[QuoteRef]]
) -> tuple[PhraseGroup, ...]:
    """The phrases of the corpus: each article's phrases (scare quotes, slogans, titles) by their words,
    with the short wordings many articles carry with no one speaker; carried by more outlets first."""
    source = {a.id: a.source.casefold() if a.source else f"unattributed:{a.id}" for a in articles}
    by_words: dict[tuple[str, ...], list[tuple[PhraseRef, str, str]]] = defaultdict(list)
    for article in articles:
        for index, phrase in enumerate(analyses[article.id].phrases):
            words = tuple(_tokens(phrase.text))
            if words:
                by_words[words].append((PhraseRef(article.id, "phrase", index), phrase.text, phrase.reason))
    for group in short_quote_groups:
        words = tuple(_tokens(analyses[group[0].article].quotes[group[0].index].text))
        for ref in group:
            text = analyses[ref.article].quotes[ref.index].text
            by_words[words].append((PhraseRef(ref.article, "quote", ref.index), text, "shared"))
    order = {a.id: i for i, a in enumerate(articles)}
    built = []
    for items in by_words.values():
        items.sort(key=lambda item: (order[item[0].article], item[0].kind, item[0].index))
        articles_of = tuple(dict.fromkeys(item[0].article for item in items))
        forms = Counter(item[1].strip(" ,.;:") for item in items)
        reasons = Counter(item[2] for item in items)
        built.append(
            PhraseGroup(
                id="",
                text=forms.most_common(1)[0][0],
                members=tuple(item[0] for item in items),
                articles=articles_of,
                outlets=len({source[a] for a in articles_of}),
                reason=reasons.most_common(1)[0][0],
            )
        )
    built.sort(key=lambda g: (-g.outlets, -len(g.articles), order[g.members[0].article], g.text))
    return tuple(replace(g, id=f"p{n + 1}") for n, g in enumerate(built))
