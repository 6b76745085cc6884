"""The home page and the section indexes: articles, topics, sources, entities, keywords."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from generator.model import Corpus, IndexedKeyword, Source
from generator.pages.long_lists import Pager, first_page_or, lone_first, split
from generator.pages.markdown import MD
from generator.pages.paths import HOME, KEYWORDS, NAV, SOURCES, TOPICS, anchor
from generator.pages.refs import (
    ArticleRow,
    Ref,
    article_ref,
    entity_ref,
    keyword_ref,
    source_ref,
    topic_ref,
)
from generator.pages.site import Site
from generator.pages.stories import StoryCard, home_stories, is_story, story_card

HOME_TOPICS = 20  # topics and sources listed on the home page
HOME_ENTITIES = 8  # people, and organisations, on the home page
KEYWORD_ARTICLES = 5  # articles listed per keyword of the index
KEYWORDS_TOP = 60  # the most shared keywords, on the keyword index page
_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def in_words(number: int) -> str:
    """ "two" for 2: small numbers in running text; digits from 11."""
    return _NUMBER_WORDS[number] if 0 <= number < len(_NUMBER_WORDS) else str(number)


@dataclass(frozen=True, slots=True)
class Counted:
    """A linked item and its number of articles."""

    item: Ref
    articles: int


@dataclass(frozen=True, slots=True)
class EntitySummary:
    entity: Ref
    type: str
    mentions: int
    articles: int


@dataclass(frozen=True)
class HomePage:
    """Context of `home.md`: the stories first, then the outlets and names, the counts last."""

    page: str
    site_name: str
    sections: dict[str, Ref]  # the section pages by their title in the nav ("Articles", "Topics", …)
    biggest: tuple[StoryCard, ...]  # the largest stories
    latest: tuple[StoryCard, ...]  # the latest of the other stories
    stories: int  # stories in the corpus (topics of more than one article)
    lone: int  # articles in no story
    articles: int
    sources: int
    first_date: date | None  # the earliest and latest article dates (None: every article is undated)
    last_date: date | None
    undated: int
    topics: int
    entities: int
    paged_entities: int  # entities with a page
    min_articles: str  # entity_min_articles in words ("two"): what gives an entity a page
    quotes: int  # distinct quotes
    shared_quotes: int  # quotes carried by more than one article
    files_seen: int
    skipped: int
    warnings: int
    chart: MD  # articles per day and outlet; "" when no article is dated
    top_sources: tuple[Counted, ...]  # named outlets, most articles first
    people: tuple[EntitySummary, ...]  # the most mentioned people with a page
    organisations: tuple[EntitySummary, ...]  # the most mentioned organisations with a page


def _most_mentioned(site: Site, kind: str) -> tuple[EntitySummary, ...]:
    corpus = site.corpus
    ranked = [e for e in corpus.entities if e.id in corpus.paged_entities and e.type == kind]
    ranked.sort(key=lambda e: (-e.mention_count, e.name))
    return tuple(
        EntitySummary(entity_ref(corpus, e.id), e.type, e.mention_count, len(e.articles))
        for e in ranked[:HOME_ENTITIES]
    )


def _top_sources(corpus: Corpus, named: list[Source]) -> tuple[Counted, ...]:
    """The outlets with the most articles, counted and ranked without duplicates, as the home page shows them."""
    counted = [Counted(source_ref(s), len(corpus.unique_articles(s.articles))) for s in named]
    return tuple(sorted(counted, key=lambda c: -c.articles)[:HOME_TOPICS])  # stable: ties keep the sources' order


def home_page(site: Site) -> HomePage:
    corpus = site.corpus
    dates = sorted(a.date for a in corpus.articles if a.date)
    biggest, latest = home_stories(corpus)
    stories = [t for t in corpus.topics if is_story(t)]
    named = [s for s in corpus.sources if any(corpus.article(a).source for a in s.articles[:1])]
    return HomePage(
        page=HOME,
        site_name=site.site_name,
        sections={title: Ref(title, path) for title, path in NAV},
        biggest=tuple(story_card(site, t) for t in biggest),
        latest=tuple(story_card(site, t) for t in latest),
        stories=len(stories),
        lone=sum(len(corpus.unique_articles(t.articles)) for t in corpus.topics if not is_story(t)),
        articles=len(corpus.articles),
        sources=len(named),
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
        undated=len(corpus.articles) - len(dates),
        topics=len(corpus.topics),
        entities=len(corpus.entities),
        paged_entities=len(corpus.paged_entities),
        min_articles=in_words(site.entity_min_articles),
        quotes=len(corpus.quote_groups),
        shared_quotes=sum(1 for group in corpus.quote_groups if len(group.articles) > 1),
        files_seen=site.info.files_seen,
        skipped=len(site.info.skipped),
        warnings=len(site.info.warnings),
        chart=site.charts.timeline(tuple(a.id for a in corpus.articles), "timeline") if dates else MD(""),
        top_sources=_top_sources(corpus, named),
        people=_most_mentioned(site, "PERSON"),
        organisations=_most_mentioned(site, "ORG"),
    )


@dataclass(frozen=True)
class SubjectSection:
    """A broad subject and its topics (stories)."""

    heading: Ref  # its label, linked to its section of the page
    articles: int  # not duplicating another
    topics: tuple[tuple[Counted, tuple[str, ...]], ...]  # topic and its articles, its five main entities' names


@dataclass(frozen=True)
class TopicsPage:
    """Context of `topics.md`: one page of the stories index (PER_PAGE stories a page)."""

    page: str
    topics: int  # stories
    subjects: tuple[SubjectSection, ...]  # the subjects of this page's stories; one without a heading
    show_subjects: bool  # more than one subject
    subject_count: int
    summary: tuple[SubjectSection, ...]  # every subject, each linked to where its stories start (on page 1)
    pager: Pager
    no_story: tuple[ArticleRow, ...]  # the first page of the articles that join no story (on page 1)
    no_story_pager: Pager


def topics_pages(site: Site) -> list[TopicsPage]:
    corpus = site.corpus
    rows: list[tuple[int, tuple[Counted, tuple[str, ...]]]] = []  # (subject number, story row)
    subjects = [s for s in corpus.subjects if any(corpus.topic(t).is_story for t in s.topics)]
    for number, subject in enumerate(subjects):
        for topic_id in subject.topics:
            topic = corpus.topic(topic_id)
            if topic.is_story:
                names = tuple(corpus.entity(e).name for e in topic.entities[:5])
                rows.append((number, (Counted(topic_ref(topic), len(corpus.unique_articles(topic.articles))), names)))
    parts = split(rows, first_page_or(TOPICS, "story-list"))
    starts: dict[int, str] = {}
    for pager, chunk in parts:
        for number, _ in chunk:
            starts.setdefault(number, pager.parts[pager.number - 1].path or TOPICS)

    def section(number: int, topics: tuple[tuple[Counted, tuple[str, ...]], ...]) -> SubjectSection:
        subject = subjects[number]
        heading = Ref(subject.label, starts.get(number, TOPICS), anchor(subject.label))
        return SubjectSection(heading, len(corpus.unique_articles(subject.articles)), topics)

    everything = tuple(section(n, tuple(r for m, r in rows if m == n)) for n in range(len(subjects)))
    stories = sum(1 for t in corpus.topics if t.is_story)
    lone_pager, lone = lone_first(site)
    pages = []
    for pager, chunk in parts:
        numbers = sorted({n for n, _ in chunk})
        shown = tuple(section(n, tuple(r for m, r in chunk if m == n)) for n in numbers)
        first = pager.number == 1
        pages.append(
            TopicsPage(
                page=pager.parts[pager.number - 1].path or TOPICS,
                topics=stories,
                subjects=shown,
                show_subjects=len(subjects) > 1,
                subject_count=len(subjects),
                summary=everything if first and len(subjects) > 1 else (),
                pager=pager,
                no_story=lone if first else (),
                no_story_pager=lone_pager,
            )
        )
    return pages


@dataclass(frozen=True)
class SourcesPage:
    """Context of `sources.md`."""

    page: str
    sources: tuple[Counted, ...]  # largest first, "Unattributed" last


def sources_page(site: Site) -> SourcesPage:
    return SourcesPage(SOURCES, tuple(Counted(source_ref(s), len(s.articles)) for s in site.corpus.sources))


@dataclass(frozen=True, slots=True)
class KeywordRow:
    keyword: Ref  # linked to the entity it names, if one
    articles: tuple[Ref, ...]  # the first KEYWORD_ARTICLES carrying it
    more: int  # further articles carrying it


@dataclass(frozen=True)
class KeywordsPage:
    """Context of `keywords.md`: the most shared keywords, and the letters of the A–Z pages."""

    page: str
    articles: int  # in the corpus
    keywords: int  # in the index
    letters: tuple[Ref, ...]  # each letter's page (label: the letter)
    top: tuple[KeywordRow, ...]  # the KEYWORDS_TOP most shared


@dataclass(frozen=True)
class KeywordLetterPage:
    """Context of `keywords-letter.md`: every keyword of one initial, A–Z."""

    page: str
    letter: str
    letters: tuple[Ref, ...]
    index: Ref
    rows: tuple[KeywordRow, ...]  # alphabetical


def keyword_letter(text: str) -> str:
    first = text[:1].upper()
    return first if "A" <= first <= "Z" else "#"


def keyword_letter_path(letter: str) -> str:
    return f"keywords/{'other' if letter == '#' else letter.lower()}.md"


def _keyword_row(corpus: Corpus, keyword: IndexedKeyword) -> KeywordRow:
    return KeywordRow(
        keyword_ref(corpus, keyword.text, keyword.entity),
        tuple(article_ref(corpus, a) for a in keyword.articles[:KEYWORD_ARTICLES]),
        max(0, len(keyword.articles) - KEYWORD_ARTICLES),
    )


def _keyword_letters(corpus: Corpus) -> tuple[Ref, ...]:
    letters = sorted({keyword_letter(k.text) for k in corpus.keyword_index}, key=lambda x: (x == "#", x))
    return tuple(Ref(letter, keyword_letter_path(letter)) for letter in letters)


def keywords_page(site: Site) -> KeywordsPage:
    corpus = site.corpus
    top = tuple(_keyword_row(corpus, k) for k in corpus.keyword_index[:KEYWORDS_TOP])
    return KeywordsPage(KEYWORDS, len(corpus.articles), len(corpus.keyword_index), _keyword_letters(corpus), top)


def keyword_letter_pages(site: Site) -> list[KeywordLetterPage]:
    corpus = site.corpus
    letters = _keyword_letters(corpus)
    by_letter: dict[str, list[IndexedKeyword]] = defaultdict(list)
    for keyword in corpus.keyword_index:
        by_letter[keyword_letter(keyword.text)].append(keyword)
    pages = []
    for ref in letters:
        rows = sorted(by_letter[ref.label], key=lambda k: (k.text.casefold(), k.text))
        page_rows = tuple(_keyword_row(corpus, k) for k in rows)
        pages.append(KeywordLetterPage(str(ref.path), ref.label, letters, Ref("Keywords", KEYWORDS), page_rows))
    return pages
