"""The objects passed between pipeline stages: ingest → analyse → link → pages.

Each stage reads the previous stage's objects and never mutates them (frozen
dataclasses), so a stage can be tested on hand-made inputs and cached safely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

# The link stage's cross-article types, importable from here as before.
from generator.model_links import (  # noqa: F401
    Comparison,
    ComparisonColumn,
    FirstReport,
    GroupSpeaker,
    IndexedKeyword,
    KeywordLinks,
    NamesUsed,
    PhraseGroup,
    PhraseRef,
    QuoteGroup,
    QuoteRef,
    SharedText,
    SourceProfile,
    StressedEntity,
    SummarySentence,
)

UNATTRIBUTED = "Unattributed"
UNDATED = "Undated"


@dataclass(frozen=True)
class Removal:
    """A piece of scraped residue taken out of an article's text before analysis (`ingest/clean.py`)."""

    rule: str  # "caption", "link residue", "newsletter or subscription box", "dateline", "mask", …
    text: str  # what was taken out, as it stood in the text


@dataclass(frozen=True)
class Article:
    """One input article, as read from disk.

    `provenance` maps a metadata field (title, source, date, url, author, language)
    to how its value was obtained: "given" (front matter, a record's field, the page's
    markup, a `Source:` line, the sidecar), "inferred" (read from a pattern in the
    text, or an outlet named from its URL's domain) or "derived" (made up from the
    text, e.g. a title from the lead sentence, a language detected from it). A field
    missing from `provenance` is unknown. `provenance_detail` says, in words, where a
    value came from when the kind alone does not (e.g. "from the domain of its URL").

    `path` is the file relative to the input folder; an article from a file of many
    records adds `#N` (the line of a JSON Lines file, the position in a JSON array).

    `text` is the text that is analysed: for a record, the readable one of its text fields
    (`text_field`), joined again if it was tokenised (`detokenised`), and for every format
    without the scraped residue `removed` lists (captions, link residue, a leading dateline,
    kept in `dateline`). `source` is the outlet as the file (or the sidecar) names it; when
    the sidecar's `outlets:` block renamed it, `source_as_given` is the name it had.
    """

    id: str
    slug: str
    path: str  # relative to the input folder, with forward slashes
    title: str
    text: str
    source: str | None = None
    date: date | None = None
    url: str | None = None
    author: str | None = None
    provenance: dict[str, str] = field(default_factory=dict)
    content_hash: str = ""
    published: str | None = None  # ISO 8601 date-time, only when the input gives a time of day
    language: str | None = None  # ISO 639-1 code, None when unknown
    extra: dict[str, Any] = field(default_factory=dict)  # input fields we do not use, as found (JSON values)
    provenance_detail: dict[str, str] = field(default_factory=dict)
    text_field: str | None = None  # the record field the text came from ("content_original"); None for a file
    detokenised: bool = False  # the text was tokenised ("word ," "do n't") and was joined again
    dateline: str | None = None  # "WASHINGTON (AP)": the dateline the text started with, taken out of it
    removed: tuple[Removal, ...] = ()  # scraped residue taken out of the text, in the order found
    source_as_given: str | None = None  # the outlet's name in the file when the sidecar's `outlets:` renamed it

    @property
    def source_name(self) -> str:
        return self.source or UNATTRIBUTED

    @property
    def source_key(self) -> str:
        """The outlet as the site groups it (`link.build_sources`): its name, case-insensitive."""
        return self.source_name.casefold()

    @property
    def date_label(self) -> str:
        return self.date.isoformat() if self.date else UNDATED

    @property
    def time_label(self) -> str | None:
        """ "09:30 +00:00" (or "09:30" without an offset) when a time of day is known."""
        if not self.published or "T" not in self.published:
            return None
        clock = self.published.split("T", 1)[1]
        offset = clock[8:] if len(clock) > 8 else ""
        return f"{clock[:5]} {offset}".strip()

    @property
    def analysed_as_english(self) -> bool:
        """Our analysers are English ones: they run on English text and on text whose language is unknown."""
        return self.language in (None, "en")


@dataclass(frozen=True)
class Skipped:
    """An input file that did not become an article, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A named-entity mention, with character offsets into the article text."""

    text: str
    label: str
    start: int
    end: int
    sentence: int  # index into ArticleAnalysis.sentences


@dataclass(frozen=True)
class Keyword:
    text: str
    score: float  # YAKE score: lower is more relevant


@dataclass(frozen=True)
class Quote:
    """A direct quote, with its speaker as written when the text names one.

    `speaker` is a name (`speaker_kind` "name") or a description kept as written ("a White
    House official", kind "description"; also the speakers of words said jointly, "Craig Zadan
    and Neil Meron"), never a pronoun or a fragment; `speaker_start`/`end`
    locate those words in the text. `speaker_via` says how it was found: "cue" (the subject of
    the speech verb), "according-to", "pronoun" ("he said", resolved to the person named
    earlier), "role" ("the senator said", resolved to the one senator the article names),
    "relative" ("Smith, who said"), "continued" (a quote running over paragraphs, spoken by the
    speaker of its other pieces). `speaker_reference` holds the words at the speech verb when
    they are not the speaker's name ("he", "the senator"). `continues` is the index (in the
    article's quotes) of the piece this one continues.
    """

    text: str
    start: int
    end: int
    sentence: int
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_kind: str | None = None
    speaker_via: str | None = None
    speaker_reference: str | None = None
    continues: int | None = None


@dataclass(frozen=True)
class Phrase:
    """Words in quote marks that are not a quote from anyone: a scare quote, a term, a nickname,
    a title or a slogan ("rigged", "Black Lives Matter", "The Art of the Deal").

    `reason` is "short" (under four words) or "title" (capitalised like a title or a name).
    """

    text: str
    start: int
    end: int
    sentence: int
    reason: str


@dataclass(frozen=True)
class AcronymDefinition:
    """An acronym that the text itself expands, e.g. "Islamic State (IS)"."""

    short: str
    long: str


@dataclass(frozen=True)
class ArticleAnalysis:
    """Everything computed from one article alone: a pure function of its text and the config."""

    sentences: tuple[Sentence, ...]
    summary: tuple[int, ...]  # sentence indexes, in document order
    keywords: tuple[Keyword, ...]
    mentions: tuple[Mention, ...]
    quotes: tuple[Quote, ...]
    acronyms: tuple[AcronymDefinition, ...]
    lemmas: tuple[str, ...]  # content-word lemmas, for topic and similarity vectors
    phrases: tuple[Phrase, ...] = ()  # quoted words that are not quotes (scare quotes, titles, slogans)


ENTITY_TYPE_LABELS = {
    "PERSON": "People",
    "ORG": "Organisations",
    "GPE": "Countries, cities and states",
    "LOC": "Other places",
    "NORP": "Nationalities, religious and political groups",
    "FAC": "Buildings and facilities",
    "EVENT": "Events",
    "PRODUCT": "Products",
    "WORK_OF_ART": "Works of art",
    "LAW": "Laws",
    "OTHER": "Other names (type unclear)",
}  # an entity type (spaCy's label) in words, for headings and legends


def type_label(kind: str) -> str:
    """ "People" for PERSON; an unknown type stays as it is."""
    return ENTITY_TYPE_LABELS.get(kind, kind)


@dataclass(frozen=True)
class Entity:
    id: str
    slug: str
    name: str
    type: str
    aliases: tuple[str, ...]  # every surface form seen, most frequent first
    articles: tuple[str, ...]  # article ids, in corpus order
    mention_count: int
    alias_reasons: dict[str, str] = field(default_factory=dict)  # name -> why it joined this entity
    related: tuple[str, ...] = ()  # ids of entities related but not the same (a demonym and its place)
    ambiguous_with: tuple[str, ...] = ()  # ids of the entities a short name may denote, when it could not be decided


@dataclass(frozen=True)
class Topic:
    """A story (articles about one event or development), or one article that joins no story.

    `label` is the headline: the title of `headline_article`, the story's most central
    article; `subtitle` is the keyword label. An article that joins no story still has a
    topic (`is_story=False`, its own title as the label), so every article has one.
    """

    id: str
    slug: str
    label: str
    articles: tuple[str, ...]
    keywords: tuple[str, ...]
    entities: tuple[str, ...]  # entity ids, most shared first
    headline_article: str | None = None  # the article whose title is the label
    subtitle: str = ""  # the keyword label ("Uighur · Islamic State · video")
    is_story: bool = True  # False: a lone article, listed in Corpus.no_story


@dataclass(frozen=True)
class Subject:
    """A broad subject (sport, politics, ...): the stories (topics) whose articles it groups."""

    id: str
    slug: str
    label: str
    topics: tuple[str, ...]  # topic ids, largest first
    articles: tuple[str, ...]


@dataclass(frozen=True)
class Source:
    id: str
    slug: str
    name: str
    articles: tuple[str, ...]


@dataclass(frozen=True)
class LinkedMention:
    """A mention resolved to a corpus entity."""

    entity: str
    text: str
    start: int
    end: int
    sentence: int


@dataclass(frozen=True)
class CorpusIndex:
    """Lookups over the corpus that many pages need, built once by the link stage."""

    articles: dict[str, Article]
    entities: dict[str, Entity]
    topics: dict[str, Topic]
    sources: dict[str, Source]
    source_of_article: dict[str, str]  # article id -> source id
    quote_groups: dict[str, QuoteGroup]  # by id
    quote_group_of: dict[tuple[str, int], str]  # (article id, quote index) -> quote group id
    quote_group_position: dict[str, int]  # quote group id -> its place in Corpus.quote_groups
    quote_groups_of_article: dict[str, tuple[str, ...]]  # article id -> ids of the groups it carries, corpus order
    shared_of_article: dict[str, tuple[SharedText, ...]]  # article id -> the pairs it is part of
    copies: dict[str, tuple[str, ...]]  # article id -> the later articles that duplicate it


@dataclass(frozen=True, repr=False, kw_only=True)
class Corpus:
    """The whole linked corpus: what the page writer and report.json read.

    Everything that crosses articles is computed by the link stage and held here; later
    stages only read it.
    """

    articles: tuple[Article, ...]
    analyses: dict[str, ArticleAnalysis]  # by article id
    mentions: dict[str, tuple[LinkedMention, ...]]  # by article id
    entities: tuple[Entity, ...]
    topics: tuple[Topic, ...]
    sources: tuple[Source, ...]
    article_topic: dict[str, str]  # article id -> topic id
    related: dict[str, tuple[tuple[str, float], ...]]  # article id -> (article id, similarity)
    quote_speakers: dict[tuple[str, int], str]  # (article id, quote index) -> entity id
    index: CorpusIndex
    quote_groups: tuple[QuoteGroup, ...] = ()  # most carried first
    shared_text: tuple[SharedText, ...] = ()  # pairs of articles sharing passages
    duplicate_of: dict[str, str] = field(default_factory=dict)  # article id -> the earlier article it duplicates
    subjects: tuple[Subject, ...] = ()  # broad subjects grouping the topics (stories)
    quote_phrases: tuple[PhraseGroup, ...] = ()  # slogans, terms, titles in quote marks, not quotes
    no_story: tuple[str, ...] = ()  # ids of the articles that join no story (each has a topic with is_story=False)
    paged_entities: frozenset[str] = frozenset()  # ids of the entities named in entity_min_articles+ articles
    topic_summaries: dict[str, tuple[SummarySentence, ...]] = field(default_factory=dict)  # by topic id
    keyword_index: tuple[IndexedKeyword, ...] = ()  # most shared first
    keyword_links: KeywordLinks = field(default_factory=lambda: KeywordLinks({}, {}))
    comparisons: dict[str, Comparison] = field(default_factory=dict)  # by story id (stories only)
    source_profiles: dict[str, SourceProfile] = field(default_factory=dict)  # by source id

    @property
    def stories(self) -> tuple[Topic, ...]:
        """The topics that are stories (two articles or more), largest first."""
        return tuple(t for t in self.topics if t.is_story)

    def __repr__(self) -> str:
        return f"Corpus({len(self.articles)} articles, {len(self.entities)} entities, {len(self.topics)} topics)"

    def article(self, article_id: str) -> Article:
        return self.index.articles[article_id]

    def entity(self, entity_id: str) -> Entity:
        return self.index.entities[entity_id]

    def topic(self, topic_id: str) -> Topic:
        return self.index.topics[topic_id]

    def topic_of(self, article_id: str) -> Topic:
        return self.index.topics[self.article_topic[article_id]]

    def source(self, source_id: str) -> Source:
        return self.index.sources[source_id]

    def source_of(self, article_id: str) -> Source:
        return self.index.sources[self.index.source_of_article[article_id]]

    def quote_group(self, group_id: str) -> QuoteGroup:
        return self.index.quote_groups[group_id]

    def quote_groups_in(self, article_ids: tuple[str, ...] | list[str]) -> list[QuoteGroup]:
        """The quote groups carried by any of these articles, in the corpus's order (most carried first)."""
        index = self.index
        found = {g for a in article_ids for g in index.quote_groups_of_article.get(a, ())}
        return [index.quote_groups[g] for g in sorted(found, key=index.quote_group_position.__getitem__)]

    def unique_articles(self, article_ids: tuple[str, ...] | list[str]) -> list[str]:
        """The articles that are not duplicates of another: what topic and source counts count."""
        return [a for a in article_ids if a not in self.duplicate_of]
