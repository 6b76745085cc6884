"""The lists that grow with the corpus, split into pages of at most PER_PAGE rows.

The entity index (A–Z jump links, a filter box, a choice of type), the articles index, the
stories index's articles in no story, a source's articles and the timeline's days: each is a
first page at its usual place and further parts (`article-list/2.md`, `entity-list/…`,
`sources/<slug>/2.md`, `timeline/<day>.md`), all linked from a pager, so that no page's weight
grows with the corpus. A filter box filters the rows of the page it is on.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from generator.model import ENTITY_TYPE_LABELS, Entity, Source, type_label
from generator.pages.paging import Pager, first_page_or, split
from generator.pages.paths import ARTICLES, ENTITIES, TIMELINE, TOPICS, anchor, source_path
from generator.pages.refs import ArticleRow, Ref, article_rows, entity_ref, source_ref
from generator.pages.site import Site
from generator.pages.topic_page import by_day

TIMELINE_PER_DAY = 3  # articles shown under each day of the timeline; the day's page lists them all


@dataclass(frozen=True)
class ArticleListPage:
    """Context of `article-list.md`: one page of a list of articles (the articles index, a source's, a day's)."""

    page: str
    title: str
    intro: str  # one sentence about the list (plain text)
    up: Ref | None  # the page the list belongs to (a source, the timeline), None for the articles index
    pager: Pager
    rows: tuple[ArticleRow, ...]


def article_list_pages(site: Site) -> list[ArticleListPage]:
    """The articles index (`articles/index.md`) and its further pages, every article in corpus order."""
    ids = [a.id for a in site.corpus.articles]
    intro = f"{len(ids)} article{'s' if len(ids) != 1 else ''}, in the order they were read."
    return [
        ArticleListPage(pager.parts[pager.number - 1].path or ARTICLES, "Articles", intro, None, pager, rows)
        for pager, rows in _article_parts(site, ids, first_page_or(ARTICLES, "article-list"))
    ]


def _article_parts(
    site: Site, ids: Sequence[str], path: Callable[[int], str], pages: slice = slice(None)
) -> list[tuple[Pager, tuple[ArticleRow, ...]]]:
    """The pages of a list of articles, rows made only for the `pages` asked for (the first page of a
    source's list is on the source page, the rest on pages of their own)."""
    return [(pager, article_rows(site.corpus, list(chunk))) for pager, chunk in split(ids, path)[pages]]


def source_parts(site: Site, source: Source) -> tuple[Pager, tuple[ArticleRow, ...]]:
    """The first page of a source's articles (on the source page) with its pager."""
    return _article_parts(site, source.articles, _source_part_path(source), slice(1))[0]


def source_list_pages(site: Site, source: Source) -> list[ArticleListPage]:
    """A source's articles after the first PER_PAGE, on pages of their own (none for a smaller source)."""
    intro = f"The articles of {source.name}."
    return [
        ArticleListPage(pager.parts[pager.number - 1].path or "", source.name, intro, source_ref(source), pager, rows)
        for pager, rows in _article_parts(site, source.articles, _source_part_path(source), slice(1, None))
    ]


def _source_part_path(source: Source) -> Callable[[int], str]:
    return first_page_or(source_path(source), source_path(source).removesuffix(".md"))


def _lone_path() -> Callable[[int], str]:
    return first_page_or(TOPICS, "story-list/no-story")


def lone_first(site: Site) -> tuple[Pager, tuple[ArticleRow, ...]]:
    """The first page of the articles in no story (on the stories index) with its pager."""
    return _article_parts(site, site.corpus.no_story, _lone_path(), slice(1))[0]


def lone_list_pages(site: Site) -> list[ArticleListPage]:
    """The articles in no story after the first PER_PAGE, on pages of their own."""
    ids = site.corpus.no_story
    intro = f"{len(ids)} articles that no other article of the corpus tells the story of."
    up = Ref("Stories", TOPICS)
    return [
        ArticleListPage(pager.parts[pager.number - 1].path or "", "Articles in no story", intro, up, pager, rows)
        for pager, rows in _article_parts(site, ids, _lone_path(), slice(1, None))
    ]


# --- the timeline's days ------------------------------------------------------------------------


def day_path(day: date) -> str:
    return f"timeline/{day.isoformat()}.md"


def day_pages(site: Site) -> list[ArticleListPage]:
    """A page of every article of a day, for the days with more than TIMELINE_PER_DAY."""
    days, _ = by_day(site.corpus, [a.id for a in site.corpus.articles])
    pages = []
    up = Ref("Timeline", TIMELINE)
    for day, ids in days:
        if len(ids) <= TIMELINE_PER_DAY:
            continue
        intro = f"The {len(ids)} articles dated {day.isoformat()}."
        for pager, rows in _article_parts(site, ids, first_page_or(day_path(day), f"timeline/{day.isoformat()}")):
            pages.append(
                ArticleListPage(pager.parts[pager.number - 1].path or "", day.isoformat(), intro, up, pager, rows)
            )
    return pages


def further_article_pages(site: Site) -> list[ArticleListPage]:
    """The pages of `article-list.md`: the articles index and its further pages, the further pages of the
    stories index's articles in no story and of each source's articles, and each busy day's of the timeline."""
    pages = article_list_pages(site) + lone_list_pages(site) + day_pages(site)
    for source in site.corpus.sources:
        pages += source_list_pages(site, source)
    return pages


# --- the entity index ----------------------------------------------------------------------------


def initial(name: str) -> str:
    """The letter a name is filed under, A–Z ("É" under E), or "#" for any other first character."""
    first = unicodedata.normalize("NFKD", name.strip()[:1]).encode("ascii", "ignore").decode("ascii").upper()
    return first if first and "A" <= first <= "Z" else "#"


def letter_anchor(letter: str) -> str:
    return "letter-other" if letter == "#" else f"letter-{letter.lower()}"


@dataclass(frozen=True, slots=True)
class EntityRow:
    letter: str  # its initial, shown on the first row of each letter
    anchor: str | None  # the letter's anchor, on that first row only
    entity: Ref
    type: str  # in words
    articles: int
    mentions: int
    aliases: tuple[str, ...]  # the other names it goes by


@dataclass(frozen=True, slots=True)
class TypeCount:
    kind: str  # PERSON, ORG, … ("" for every type)
    choice: Ref  # its list (label: the type in words)
    paged: int  # entities of the type with a page (listed)
    unpaged: int  # named in too few articles for a page (not listed: their articles name them)


@dataclass(frozen=True)
class EntityListPage:
    """Context of `entities.md`: one page of the entity index, every type or one, alphabetical."""

    page: str
    entities: int  # in the corpus
    paged_entities: int
    entity_min_articles: int
    kind: TypeCount  # the list this page is of (kind "": every type)
    kinds: tuple[TypeCount, ...]  # the lists to choose from: every type first, then each type with a page
    summary: tuple[TypeCount, ...]  # every type, with and without a page (on the first page of every type)
    letters: tuple[Ref, ...]  # A–Z: each letter's first row in this list, on whichever page it is
    pager: Pager
    rows: tuple[EntityRow, ...]


def _type_path(kind: str) -> Callable[[int], str]:
    if not kind:
        return first_page_or(ENTITIES, "entity-list/all")
    return lambda number: f"entity-list/{anchor(kind)}/{number}.md"


def entity_list_pages(site: Site) -> list[EntityListPage]:
    """The entity index: every entity with a page, A–Z, then the same list for each type."""
    corpus = site.corpus
    paged = sorted(
        (e for e in corpus.entities if e.id in corpus.paged_entities),
        key=lambda e: (initial(e.name) == "#", initial(e.name), e.name.casefold(), e.id),
    )
    everything = TypeCount("", Ref("Every type", ENTITIES), len(paged), len(corpus.entities) - len(paged))
    counts = []
    order = {kind: n for n, kind in enumerate(ENTITY_TYPE_LABELS)}
    kinds = {e.type for e in corpus.entities}
    for kind in sorted(kinds, key=lambda k: (order.get(k, len(order)), k)):
        members = [e for e in corpus.entities if e.type == kind]
        with_page = sum(1 for e in members if e.id in corpus.paged_entities)
        counts.append(TypeCount(kind, Ref(type_label(kind), _type_path(kind)(1)), with_page, len(members) - with_page))
    counts.sort(key=lambda c: (-c.paged, -c.unpaged, c.kind))
    choices = (everything, *(c for c in counts if c.paged))
    pages = []
    for choice in choices:
        members = [e for e in paged if not choice.kind or e.type == choice.kind]
        parts = split(members, _type_path(choice.kind))
        letters = _letters(parts)
        for pager, chunk in parts:
            pages.append(
                EntityListPage(
                    page=pager.parts[pager.number - 1].path or ENTITIES,
                    entities=len(corpus.entities),
                    paged_entities=len(corpus.paged_entities),
                    entity_min_articles=site.entity_min_articles,
                    kind=choice,
                    kinds=choices,
                    summary=tuple(counts) if not choice.kind and pager.number == 1 else (),
                    letters=letters,
                    pager=pager,
                    rows=_entity_rows(site, chunk),
                )
            )
    return pages


def _letters(parts: list[tuple[Pager, Sequence[Entity]]]) -> tuple[Ref, ...]:
    letters: dict[str, Ref] = {}
    for pager, chunk in parts:
        for entity in chunk:
            letter = initial(entity.name)
            if letter not in letters:
                letters[letter] = Ref(letter, pager.parts[pager.number - 1].path, letter_anchor(letter))
    return tuple(letters.values())


def _entity_rows(site: Site, chunk: Sequence[Entity]) -> tuple[EntityRow, ...]:
    rows = []
    previous = ""
    for entity in chunk:
        letter = initial(entity.name)
        first = letter != previous
        previous = letter
        rows.append(
            EntityRow(
                letter=letter if first else "",
                anchor=letter_anchor(letter) if first else None,
                entity=entity_ref(site.corpus, entity.id),
                type=type_label(entity.type),
                articles=len(entity.articles),
                mentions=entity.mention_count,
                aliases=tuple(a for a in entity.aliases if a != entity.name),
            )
        )
    return tuple(rows)
