"""The model types of what the link stage finds across articles: quote groups and phrases, shared
passages, the keyword index and its entity links, topic summaries, comparisons, source profiles.

`Corpus` (in `generator.model`, which re-exports these names) holds them; later stages only read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class QuoteRef:
    article: str
    index: int  # into ArticleAnalysis.quotes


@dataclass(frozen=True)
class GroupSpeaker:
    """One speaker that members of a group give: the entity, else the name or description as written."""

    entity: str | None  # entity id, when the speaker is linked to one
    name: str  # as the first member giving it writes it
    kind: str  # "name" or "description"
    members: tuple[QuoteRef, ...]


@dataclass(frozen=True)
class QuoteGroup:
    """One quote across articles (one member per article; `repeats` holds an article's further copies).

    `speaker` is the entity every member that names someone agrees on; None when no member
    names a linked speaker, or when they disagree (`disputed`: then `speakers` lists each).
    """

    id: str
    members: tuple[QuoteRef, ...]  # one per article, in corpus order
    speaker: str | None  # entity id the members agree on
    text: str  # the longest wording
    articles: tuple[str, ...] = ()  # the articles carrying it, in corpus order
    speakers: tuple[GroupSpeaker, ...] = ()  # every speaker the members give, most members first
    disputed: bool = False  # members name different people
    outlets: int = 0  # distinct sources carrying it (each article of unknown outlet counts as one)
    repeats: tuple[QuoteRef, ...] = ()  # the same quote again in an article that is already a member


@dataclass(frozen=True)
class PhraseRef:
    article: str
    kind: str  # "phrase": ArticleAnalysis.phrases; "quote": ArticleAnalysis.quotes (a short shared wording)
    index: int


@dataclass(frozen=True)
class PhraseGroup:
    """Words many articles put in quote marks without quoting anyone: a slogan, a term, a title."""

    id: str
    text: str  # the most frequent form
    members: tuple[PhraseRef, ...]
    articles: tuple[str, ...]
    outlets: int
    reason: str  # "short", "title", "shared" (a short wording many articles carry with no one speaker)


@dataclass(frozen=True)
class SharedText:
    """Two articles and the passages they share (text as it stands in article `a`)."""

    a: str
    b: str
    passages: tuple[str, ...]
    share_a: float  # fraction of a's words inside the shared passages
    share_b: float
    spans_a: tuple[tuple[int, int], ...] = ()  # each passage's [start, end) character offsets in a's text
    spans_b: tuple[tuple[int, int], ...] = ()  # the shared runs' offsets in b's text (b's own order)


@dataclass(frozen=True)
class IndexedKeyword:
    """One keyword of the corpus's keyword index."""

    text: str  # as first written
    articles: tuple[str, ...]  # the articles carrying it, in corpus order
    entity: str | None  # the entity with a page it names (the one these articles mention), if exactly one


@dataclass(frozen=True)
class KeywordLinks:
    """Which entity with a page each shown keyword names (None: none, or not one alone), per place shown."""

    articles: dict[str, tuple[str | None, ...]]  # article id -> one per ArticleAnalysis.keywords
    topics: dict[str, tuple[str | None, ...]]  # topic id -> one per Topic.keywords


@dataclass(frozen=True)
class SummarySentence:
    """A sentence of a topic's multi-document summary, and the article it comes from."""

    article: str
    text: str


@dataclass(frozen=True)
class ComparisonColumn:
    """One column of a topic's comparison: an outlet's articles, or one unattributed article on its own."""

    label: str
    source: str  # source id
    articles: tuple[str, ...]
    first: date | None  # the column's earliest article date


@dataclass(frozen=True)
class Comparison:
    """A topic's sources side by side: what each column names, quotes and says."""

    columns: tuple[ComparisonColumn, ...]
    entities: tuple[tuple[str, tuple[int, ...]], ...]  # entity id, articles of each column naming it
    quotes: tuple[tuple[str, tuple[bool, ...]], ...]  # quote group id, carried by each column (30 most carried)
    keywords: tuple[tuple[str, tuple[bool, ...]], ...]  # topic keyword, in some article of each column
    first_column: int | None  # index of the column with the earliest dated article


@dataclass(frozen=True)
class StressedEntity:
    """An entity a source names more than the rest of the corpus does (smoothed log-odds)."""

    entity: str
    mentions: int  # by this source
    log_odds: float


@dataclass(frozen=True)
class NamesUsed:
    """An entity a source shares with other sources, under names that differ."""

    entity: str
    own: tuple[str, ...]  # the names this source uses, most used first
    others: tuple[str, ...]  # the names the other sources use


@dataclass(frozen=True)
class SourceProfile:
    """What sets one source apart from the others."""

    stressed: tuple[StressedEntity, ...]
    names: tuple[NamesUsed, ...]
