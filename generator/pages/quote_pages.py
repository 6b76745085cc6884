"""The quotes, by speaker: an index page (`quotes.md`) and the quotes themselves split over pages
(`quotes/N.md`) of at most WORDINGS_PER_PAGE wordings, so no page grows with the corpus.

`QuoteLayout` says which page holds each quote group; every link to a quote's wordings
(`QuoteLayout.ref`) goes to that page, so it is computed once per site (`Site.quotes`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from generator.model import Corpus, QuoteGroup
from generator.pages.paging import Pager, first_page_or, split
from generator.pages.paths import QUOTES, anchor
from generator.pages.refs import Ref, article_ref, entity_ref, source_ref, speaker_ref

WORDINGS_PER_PAGE = 250  # wordings (one article's quote) on one page of quotes
CARRIED_ON_INDEX = 40  # quotes carried by several articles, listed on the index page
PHRASES_ON_INDEX = 30  # slogans, terms and titles in quote marks, the most carried
UNLINKED = "Speaker not linked to an entity"


def quotes_page_path(number: int) -> str:
    return f"quotes/{number}.md"


@dataclass(frozen=True)
class SpeakerPart:
    """A speaker's quote groups on one page (a speaker with many quotes may run over several pages)."""

    speaker: str | None  # entity id; None: the speaker is not linked to an entity
    groups: tuple[str, ...]  # quote group ids
    continued: bool  # the speaker's quotes began on an earlier page


@dataclass(frozen=True)
class QuoteLayout:
    """Which page shows which speakers' quotes: speakers quoted in the most articles first, unlinked last."""

    pages: tuple[tuple[SpeakerPart, ...], ...]
    page_of: dict[str, str]  # quote group id -> its page

    def ref(self, label: str, group_id: str) -> Ref:
        """A quote group's wordings, on the page that shows them."""
        return Ref(label, self.page_of.get(group_id, QUOTES), group_id)


def _speakers(corpus: Corpus) -> list[tuple[str | None, list[QuoteGroup]]]:
    by_speaker: dict[str | None, list[QuoteGroup]] = defaultdict(list)
    for group in corpus.quote_groups:
        by_speaker[group.speaker].append(group)
    reach = {s: len({a for g in groups for a in g.articles}) for s, groups in by_speaker.items()}
    label = {s: corpus.entity(s).name if s else UNLINKED for s in by_speaker}
    return sorted(by_speaker.items(), key=lambda item: (item[0] is None, -reach[item[0]], label[item[0]]))


def quote_layout(corpus: Corpus) -> QuoteLayout:
    pages: list[list[SpeakerPart]] = [[]]
    size = 0
    for speaker, groups in _speakers(corpus):
        part: list[str] = []
        continued = False
        for group in groups:
            weight = len(group.members)
            if size and size + weight > WORDINGS_PER_PAGE:
                if part:
                    pages[-1].append(SpeakerPart(speaker, tuple(part), continued))
                    part, continued = [], True
                pages.append([])
                size = 0
            part.append(group.id)
            size += weight
        if part:
            pages[-1].append(SpeakerPart(speaker, tuple(part), continued))
    kept = [page for page in pages if page]
    page_of = {g: quotes_page_path(n) for n, page in enumerate(kept, 1) for part in page for g in part.groups}
    return QuoteLayout(tuple(tuple(page) for page in kept), page_of)


@dataclass(frozen=True, slots=True)
class Wording:
    """One article's wording of a quote."""

    source: Ref
    date: str
    article: Ref
    text: str
    speaker: str | None  # as written in the article


@dataclass(frozen=True)
class QuoteSection:
    """One quote group, with an anchor (its id) that other pages link to."""

    id: str
    reach: int  # articles carrying it
    sources: tuple[str, ...]  # names of the sources carrying it
    wordings: tuple[Wording, ...]  # earliest article first
    disputed: tuple[tuple[Ref, int], ...]  # when outlets credit it to different speakers: each, and its articles


@dataclass(frozen=True)
class SpeakerSection:
    heading: Ref  # the speaker's entity, or UNLINKED
    continued: bool  # begun on the page before
    quotes: tuple[QuoteSection, ...]


@dataclass(frozen=True)
class QuotesPartPage:
    """Context of `quotes-part.md`: one page of the quotes."""

    page: str
    number: int
    pages: tuple[Ref, ...]  # every page of quotes, numbered
    index: Ref  # the index page
    articles: int  # in the corpus
    speakers: tuple[SpeakerSection, ...]


def _wordings(corpus: Corpus, group: QuoteGroup) -> tuple[Wording, ...]:
    rows = [(corpus.article(m.article), corpus.analyses[m.article].quotes[m.index]) for m in group.members]
    rows.sort(key=lambda row: (row[0].date is None, row[0].date or date.min, row[0].id))
    return tuple(
        Wording(source_ref(corpus.source_of(a.id)), a.date_label, article_ref(corpus, a.id), q.text, q.speaker)
        for a, q in rows
    )


def _group_sources(corpus: Corpus, group: QuoteGroup) -> tuple[str, ...]:
    return tuple(dict.fromkeys(corpus.source_of(a).name for a in group.articles))


def _disputed(corpus: Corpus, group: QuoteGroup) -> tuple[tuple[Ref, int], ...]:
    """The speakers the members give, when they disagree (`QuoteGroup.disputed`)."""
    if not group.disputed:
        return ()
    return tuple((speaker_ref(corpus, s), len(s.members)) for s in group.speakers)


def _heading(corpus: Corpus, speaker: str | None) -> Ref:
    return entity_ref(corpus, speaker) if speaker else Ref(UNLINKED)


def page_refs(layout: QuoteLayout) -> tuple[Ref, ...]:
    return tuple(Ref(str(n), quotes_page_path(n)) for n in range(1, len(layout.pages) + 1))


def quotes_part_page(corpus: Corpus, layout: QuoteLayout, number: int) -> QuotesPartPage:
    sections = tuple(
        SpeakerSection(
            _heading(corpus, part.speaker),
            part.continued,
            tuple(
                QuoteSection(
                    g,
                    len(group.articles),
                    _group_sources(corpus, group),
                    _wordings(corpus, group),
                    _disputed(corpus, group),
                )
                for g in part.groups
                for group in (corpus.quote_group(g),)
            ),
        )
        for part in layout.pages[number - 1]
    )
    return QuotesPartPage(
        quotes_page_path(number), number, page_refs(layout), Ref("Quotes", QUOTES), len(corpus.articles), sections
    )


@dataclass(frozen=True)
class CarriedQuote:
    """A quote carried by more than one article, for the table on the index page."""

    text: str
    wordings: Ref  # its wordings, on its page
    speaker: Ref | None
    reach: int
    sources: int  # outlets carrying it


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    """A speaker in the index: where their quotes are."""

    speaker: Ref  # the entity page, or UNLINKED
    letter: str  # A–Z (or "#"), for the index's letter links
    anchor: str  # on the letter's first row: the id its link opens; "" on the others
    quotes: Ref  # the first page showing their quotes, at their section
    groups: int  # distinct quotes
    articles: int  # articles quoting them


@dataclass(frozen=True)
class QuotesPage:
    """Context of `quotes.md`: the index of the quotes."""

    page: str
    quotes: int  # distinct quotes
    articles: int  # in the corpus
    carried: tuple[CarriedQuote, ...]  # the most carried of those in more than one article
    more_carried: int  # further quotes in more than one article (on the pages, under their speaker)
    phrases: tuple[tuple[str, int, int], ...]  # words in quote marks that quote no one: text, articles, outlets
    more_phrases: int
    letters: tuple[Ref, ...]  # the speakers' initials, linked to their first speaker row (on whichever page)
    speakers: tuple[SpeakerRow, ...]  # alphabetical: this page's (paging.PER_PAGE a page)
    pages: tuple[Ref, ...]  # the pages of quotes
    pager: Pager  # the pages of the speaker index (the carried quotes and phrases are on the first)


def _letter_anchor(letter: str) -> str:
    return "letter-" + ("other" if letter == "#" else "unlinked" if letter == "…" else letter)


def _letter(name: str) -> str:
    first = name[:1].upper()
    return first if "A" <= first <= "Z" else "#"


def quotes_pages(corpus: Corpus, layout: QuoteLayout) -> list[QuotesPage]:
    """The quotes index: its first page (the most carried quotes, the phrases, the first speakers) and the
    further pages of speakers (`quotes/speakers/n.md`)."""
    rows = []
    for speaker, groups in _speakers(corpus):
        heading = _heading(corpus, speaker)
        first_group = groups[0].id
        target = Ref("quotes", layout.page_of[first_group], anchor(heading.label))
        reach = len({a for g in groups for a in g.articles})
        rows.append((heading, target, len(groups), reach))
    rows.sort(key=lambda row: (row[0].label == UNLINKED, row[0].label.casefold()))
    seen: set[str] = set()
    speakers = []
    for heading, target, groups_n, reach in rows:
        letter = "…" if heading.label == UNLINKED else _letter(heading.label)
        first = "" if letter in seen else _letter_anchor(letter)
        speakers.append(SpeakerRow(heading, letter, first, target, groups_n, reach))
        seen.add(letter)
    parts = split(speakers, first_page_or(QUOTES, "quotes/speakers"))
    letters = tuple(
        Ref(r.letter, pager.parts[pager.number - 1].path, r.anchor) for pager, chunk in parts for r in chunk if r.anchor
    )
    shared = [g for g in corpus.quote_groups if len(g.articles) > 1]
    carried = tuple(
        CarriedQuote(
            g.text,
            layout.ref("", g.id),
            entity_ref(corpus, g.speaker) if g.speaker else None,
            len(g.articles),
            len(_group_sources(corpus, g)),
        )
        for g in shared[:CARRIED_ON_INDEX]
    )
    return [
        QuotesPage(
            pager.parts[pager.number - 1].path or QUOTES,
            len(corpus.quote_groups),
            len(corpus.articles),
            carried if pager.number == 1 else (),
            len(shared) - len(carried) if pager.number == 1 else 0,
            tuple((p.text, len(p.articles), p.outlets) for p in corpus.quote_phrases[:PHRASES_ON_INDEX])
            if pager.number == 1
            else (),
            max(0, len(corpus.quote_phrases) - PHRASES_ON_INDEX) if pager.number == 1 else 0,
            letters,
            tuple(chunk),
            page_refs(layout),
            pager,
        )
        for pager, chunk in parts
    ]
