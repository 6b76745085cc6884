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
(`SURE_WORDS` words shared in order, and nearly all of the shorter quote, `SURE_SHARE`): then the
group is one quote whose members disagree on who said it, `disputed`, listing each speaker with the
members that give it.

A short wording (at most `PHRASE_WORDS` words) carried by `PHRASE_ARTICLES` articles or
more whose members do not all name one speaker is a phrase many outlets use ("slap in
the face"), not one quote: it is listed with the phrases (scare quotes, slogans and
titles the articles put in quote marks), not with the quotes.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import replace
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import chain, combinations

import numpy as np

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
SIMILAR_WORDS = 12  # a quote is short (compared by similarity) up to this many words
FRAGMENT_WORDS = 6  # a shorter quote is a fragment of a longer one only from six words ("the United States is" is not)
UNNAMED_FRAGMENT_WORDS = 10  # the same, when either quote names no speaker
CONTAINER_WORDS = 80  # a longer quote holds a fragment when it is at most this long,
CONTAINER_RATIO = 4  # or at most this many times the fragment: a 400-word montage of quotes is no one quote
SURE_WORDS = 12  # words shared in order: the same quote, whoever the articles say spoke it,
SURE_SHARE = 0.9  # when they are this share of the shorter quote's words (the rest: a trim or a changed word)
PHRASE_WORDS = 6
PHRASE_ARTICLES = 3
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def _tokens(text: str) -> list[str]:
    """The words, lower-cased, curly apostrophes made straight."""
    text = text.replace("’", "'")
    if text.isascii():  # lower-casing ASCII changes no word boundary: one pass over the whole text
        return _WORD.findall(text.lower())
    return [w.lower() for w in _WORD.findall(text)]


def _runs(tokens: list[str]) -> set[tuple[str, ...]]:
    if len(tokens) < RUN:
        return {tuple(tokens)} if tokens else set()
    return set(zip(*(tokens[i:] for i in range(RUN)), strict=False))  # every RUN words in a row


def same_quote(a: str, b: str, fragment_words: int | None = None) -> bool:
    """True when two quote texts are the same words, allowing trimming, a joined fragment (of at least
    `fragment_words` words, FRAGMENT_WORDS unless given) or a changed word."""
    tokens_a, tokens_b = _tokens(a), _tokens(b)
    least = FRAGMENT_WORDS if fragment_words is None else fragment_words
    return _same_words(tokens_a, _runs(tokens_a), tokens_b, _runs(tokens_b), least)


def _same_words(
    tokens_a: list[str], runs_a: set[tuple[str, ...]], tokens_b: list[str], runs_b: set[tuple[str, ...]], least: int
) -> bool:
    """`same_quote` on words already cut into tokens and runs (the grouping cuts each quote once)."""
    if not tokens_a or not tokens_b:
        return False
    shorter = min(len(runs_a), len(runs_b))
    short, long = min(len(tokens_a), len(tokens_b)), max(len(tokens_a), len(tokens_b))
    containable = short >= least and (long <= CONTAINER_WORDS or long <= CONTAINER_RATIO * short)
    if shorter and containable and len(runs_a & runs_b) / shorter >= CONTAINED:
        return True
    if not _may_be_similar(short, long):
        return False
    matcher = SequenceMatcher(None, tokens_a, tokens_b)
    return matcher.quick_ratio() >= SIMILAR and matcher.ratio() >= SIMILAR  # quick_ratio bounds ratio above


def _surely_same(tokens_a: list[str], tokens_b: list[str]) -> bool:
    """So many words in the same order that two people cannot have said them apart: a run of SURE_WORDS,
    and the shorter quote (nearly) all in the longer one (SURE_SHARE of its words). Two politicians'
    statements can share a stock line of twelve words ("No one should have to choose between their health
    and their right to vote", Evers; "… no New Yorker should have to choose …", Cuomo): those are two quotes."""
    shorter = min(len(tokens_a), len(tokens_b))
    if shorter < SURE_WORDS:
        return False  # the longest run shared is no longer than the shorter quote
    matcher = SequenceMatcher(None, tokens_a, tokens_b, autojunk=False)
    if matcher.find_longest_match().size < SURE_WORDS:
        return False
    return sum(block.size for block in matcher.get_matching_blocks()) >= SURE_SHARE * shorter


def speaker_key(quote: Quote, entity: str | None) -> str | None:
    """What two members must share to agree on a speaker: the surname as written ("Trump" = "Donald
    Trump" = "President Trump", linked to an entity or not). Descriptions ("a White House official")
    name nobody, so they agree with anyone."""
    if quote.speaker and quote.speaker_kind in ("name", None):
        return _surname_key(quote.speaker)
    return f"entity:{entity}" if entity and not quote.speaker else None


@lru_cache(maxsize=65536)
def _surname_key(name: str) -> str | None:
    """ "name:<surname>" of a name as written, accents folded as entity names are ("Calderón" = "Calderon");
    one name recurs across many quotes: worked out once."""
    unaccented = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    words = [w for w in _tokens(unaccented) if w not in _NAME_SUFFIXES]
    return f"name:{words[-1]}" if words else None


class _Groups(DisjointSets[int]):
    """Union-find over quotes (by their position in the list grouped) that keeps, per group, the
    speakers its members give."""

    def __init__(self, keys: list[str | None]) -> None:
        super().__init__(range(len(keys)))
        self.keys: dict[int, set[str]] = {i: {key} if key else set() for i, key in enumerate(keys)}

    def agree(self, a: int, b: int) -> bool:
        """Whether the groups of roots `a` and `b` give at most one speaker between them."""
        return len(self.keys[a] | self.keys[b]) <= 1

    def join_roots(self, a: int, b: int) -> None:
        self.join(a, b)
        self.keys[a] |= self.keys.pop(b)


def _may_be_similar(short: int, long: int) -> bool:
    """Whether two quotes of these word counts can pass the short-quote similarity test: the similarity
    is 2·matches / (both lengths), and at most `short` words match."""
    return short <= SIMILAR_WORDS and 2 * short / (short + long) >= SIMILAR


def _candidate_pairs(tokens: list[list[str]], runs: list[set[tuple[str, ...]]]) -> list[tuple[int, int]]:
    """Pairs of quotes (positions, the earlier first) sharing a run of words, or their first two words
    when their lengths let the short-quote similarity test pass; longest shorter member first, then in
    order: the order the joins are tried in. A run or first two words held by over 200 quotes is no clue."""
    by_first_words: dict[tuple[str, str], list[int]] = defaultdict(list)
    for position, words in enumerate(tokens):
        if len(words) >= 2:
            by_first_words[(words[0], words[1])].append(position)
    length = [len(words) for words in tokens]
    pairs: set[tuple[int, int]] = set()
    for holders in _holders_of_shared_runs(runs):
        pairs.update(combinations(holders, 2))
    for holders in by_first_words.values():
        if 1 < len(holders) <= 200:
            short = [p for p in holders if length[p] <= 2 * SIMILAR_WORDS]  # a longer one cannot be similar
            pairs.update((a, b) for a, b in combinations(short, 2) if _may_be_similar(*sorted((length[a], length[b]))))
    return sorted(pairs, key=lambda p: (-min(length[p[0]], length[p[1]]), p[0], p[1]))


def _holders_of_shared_runs(runs: list[set[tuple[str, ...]]]) -> list[list[int]]:
    """For each run of words that 2 to 200 quotes hold, those quotes (positions, in order). The runs are
    sorted by their hash in one array (most runs are one quote's: no index of them all); two different
    runs with one 64-bit hash would only add a candidate pair, which `_same_words` then judges."""
    sizes = np.fromiter(map(len, runs), dtype=np.int64, count=len(runs))
    hashes = np.fromiter(map(hash, chain.from_iterable(runs)), dtype=np.int64, count=int(sizes.sum()))
    owners = np.repeat(np.arange(len(runs), dtype=np.int64), sizes)
    order = np.argsort(hashes, kind="stable")  # stable: each run's holders stay in position order
    hashes, owners = hashes[order], owners[order]
    starts = np.flatnonzero(np.concatenate(([True], hashes[1:] != hashes[:-1])))
    counts = np.diff(np.append(starts, len(hashes)))
    shared = (counts > 1) & (counts <= 200)
    return [owners[a : a + n].tolist() for a, n in zip(starts[shared], counts[shared], strict=True)]


def _join_same_quotes(tokens: list[list[str]], keys: list[str | None]) -> list[list[int]]:
    """The members of each group (positions in the lists given, in order): quotes whose wording matches
    and whose speakers agree, joined in the order of `_candidate_pairs`; a wording too long to be two
    people's joins whatever they say."""
    runs = [_runs(words) for words in tokens]
    groups = _Groups(keys)
    for first, second in _candidate_pairs(tokens, runs):
        a, b = groups.find(first), groups.find(second)
        if a == b:
            continue
        # a fragment that names no speaker may be anyone's words that happen to recur ("is not going to be
        # like it was before"): it joins a longer quote only when it is long enough to be that quote
        least = FRAGMENT_WORDS if keys[first] and keys[second] else UNNAMED_FRAGMENT_WORDS
        if not _same_words(tokens[first], runs[first], tokens[second], runs[second], least):
            continue
        if groups.agree(a, b) or _surely_same(tokens[first], tokens[second]):
            groups.join_roots(a, b)
    members: dict[int, list[int]] = defaultdict(list)
    for position in range(len(tokens)):
        members[groups.find(position)].append(position)
    return list(members.values())


def group_quotes(
    articles: list[Article], analyses: dict[str, ArticleAnalysis], speakers: dict[tuple[str, int], str]
) -> tuple[QuoteGroup, ...]:
    """Quotes grouped across articles, short wordings shared widely with no one speaker left out
    (see `shared_phrases`); groups carried by more outlets first, then by more articles."""
    return split_groups(articles, analyses, speakers)[0]


def split_groups(
    articles: list[Article], analyses: dict[str, ArticleAnalysis], speakers: dict[tuple[str, int], str]
) -> tuple[tuple[QuoteGroup, ...], list[list[QuoteRef]]]:
    """The quote groups, and the member lists of short wordings that are phrases, not quotes. Quotes are
    handled by their position in the corpus (`every`), which is also the order members are listed in."""
    every = [QuoteRef(a.id, i) for a in articles for i in range(len(analyses[a.id].quotes))]
    quotes = [analyses[ref.article].quotes[ref.index] for ref in every]
    tokens = [_tokens(q.text) for q in quotes]
    keys = [speaker_key(q, speakers.get((ref.article, ref.index))) for q, ref in zip(quotes, every, strict=True)]
    phrases = _shared_short_wordings(every, tokens, keys)
    in_phrase = {i for group in phrases for i in group}
    kept = [i for i in range(len(every)) if i not in in_phrase]
    grouped = _join_same_quotes([tokens[i] for i in kept], [keys[i] for i in kept])
    source = {a.id: a.source.casefold() if a.source else f"unattributed:{a.id}" for a in articles}
    chosen = [_one_per_article([kept[i] for i in group], every, keys) for group in grouped]
    outlets = [len({source[every[i].article] for i in members}) for members, _ in chosen]
    order = sorted(range(len(chosen)), key=lambda g: (-outlets[g], -len(chosen[g][0]), chosen[g][0][0]))
    built = tuple(
        _build(f"q{n + 1}", *chosen[g], outlets[g], every, quotes, keys, speakers) for n, g in enumerate(order)
    )
    return built, [[every[i] for i in group] for group in phrases]


def _shared_short_wordings(every: list[QuoteRef], tokens: list[list[str]], keys: list[str | None]) -> list[list[int]]:
    """Short wordings (the same words) that PHRASE_ARTICLES articles or more carry without all naming
    one speaker: phrases many outlets use, not one person's quote."""
    by_words: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, words in enumerate(tokens):
        if len(words) <= PHRASE_WORDS:
            by_words[tuple(words)].append(i)
    shared = []
    for group in by_words.values():
        if len({every[i].article for i in group}) < PHRASE_ARTICLES:
            continue
        named = [keys[i] for i in group if keys[i]]
        if len(set(named)) != 1 or len(named) < len(group) * 2 / 3:
            shared.append(group)
    return shared


def _one_per_article(group: list[int], every: list[QuoteRef], keys: list[str | None]) -> tuple[list[int], list[int]]:
    """(members, repeats) of a group (positions, in order): the first copy of the quote in each article,
    or its first copy that names a speaker; an article's other copies are repeats."""
    if len(group) == 1:
        return group, []
    first_of_article: dict[str, int] = {}
    repeats = []
    for i in group:
        article = every[i].article
        kept = first_of_article.get(article)
        if kept is None:
            first_of_article[article] = i
        elif not keys[kept] and keys[i]:  # keep the copy that names its speaker
            first_of_article[article] = i
            repeats.append(kept)
        else:
            repeats.append(i)
    return sorted(first_of_article.values()), sorted(repeats)


def _build(
    group_id: str,
    chosen: list[int],
    repeats: list[int],
    outlets: int,
    every: list[QuoteRef],
    quotes: list[Quote],
    keys: list[str | None],
    speakers: dict[tuple[str, int], str],
) -> QuoteGroup:
    """One group: the speakers its members give (names, then descriptions), agreed or disputed."""
    given: dict[str, list[QuoteRef]] = defaultdict(list)
    described: dict[str, list[QuoteRef]] = defaultdict(list)
    written: dict[QuoteRef, str] = {}
    for i in chosen:
        key, speaker = keys[i], quotes[i].speaker
        written[every[i]] = speaker or ""
        if key:
            given[key].append(every[i])
        elif speaker:
            described[speaker.casefold()].append(every[i])
    listed = [
        GroupSpeaker(_entity_of(refs, speakers), written[refs[0]], "name", tuple(refs)) for refs in given.values()
    ]
    listed += [GroupSpeaker(None, written[refs[0]], "description", tuple(refs)) for refs in described.values()]
    if len(listed) > 1:
        listed.sort(key=lambda s: (s.kind != "name", -len(s.members)))
    agreed = listed[0].entity if len(given) == 1 else None
    return QuoteGroup(
        id=group_id,
        members=tuple(every[i] for i in chosen),
        speaker=agreed,
        text=max((quotes[i].text for i in chosen), key=len),
        articles=tuple(every[i].article for i in chosen),
        speakers=tuple(listed),
        disputed=len(given) > 1,
        outlets=outlets,
        repeats=tuple(every[i] for i in repeats),
    )


def _entity_of(refs: list[QuoteRef], speakers: dict[tuple[str, int], str]) -> str | None:
    """The entity most of these members (one speaker by surname) are linked to."""
    if len(refs) == 1:
        return speakers.get((refs[0].article, refs[0].index))
    votes = Counter(speakers[(r.article, r.index)] for r in refs if (r.article, r.index) in speakers)
    return min(votes, key=lambda e: (-votes[e], e)) if votes else None


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
