"""The corpus-wide pages: quotes by speaker, the timeline, the entity graph, search and the build report."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from generator.model import Corpus, QuoteGroup
from generator.pages.markdown import MD, relative
from generator.pages.paths import ARTICLES, BUILD_REPORT, ENTITIES, QUOTES, SEARCH, TIMELINE, graph_path, html_path
from generator.pages.refs import ArticleRow, Ref, article_ref, article_rows, entity_ref, source_ref
from generator.pages.site import BuildInfo, Site
from generator.pages.topic_page import by_day


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
    """One quote group on the quotes page, with an anchor (its id) that other pages link to."""

    id: str
    reach: int  # articles carrying it
    sources: tuple[str, ...]  # names of the sources carrying it
    wordings: tuple[Wording, ...]  # earliest article first


@dataclass(frozen=True)
class SpeakerSection:
    heading: Ref  # the speaker's entity, or "Speaker not linked to an entity"
    quotes: tuple[QuoteSection, ...]


@dataclass(frozen=True)
class CarriedQuote:
    """A quote carried by more than one article, for the table at the top."""

    text: str
    anchor: Ref  # its section below
    speaker: Ref | None
    reach: int
    sources: tuple[str, ...]


@dataclass(frozen=True)
class QuotesPage:
    """Context of `quotes.md`."""

    page: str
    quotes: int  # distinct quotes
    articles: int  # in the corpus
    carried: tuple[CarriedQuote, ...]  # the quotes in more than one article, most carried first
    speakers: tuple[SpeakerSection, ...]  # speakers quoted in the most articles first; unlinked last


def _wordings(corpus: Corpus, group: QuoteGroup) -> tuple[Wording, ...]:
    rows = [(corpus.article(m.article), corpus.analyses[m.article].quotes[m.index]) for m in group.members]
    rows.sort(key=lambda row: (row[0].date is None, row[0].date or date.min, row[0].id))
    return tuple(
        Wording(source_ref(corpus.source_of(a.id)), a.date_label, article_ref(corpus, a.id), q.text, q.speaker)
        for a, q in rows
    )


def _group_sources(corpus: Corpus, group: QuoteGroup) -> tuple[str, ...]:
    return tuple(dict.fromkeys(corpus.source_of(a).name for a in group.articles))


def quotes_page(site: Site) -> QuotesPage:
    corpus = site.corpus
    by_speaker: dict[str | None, list[QuoteGroup]] = defaultdict(list)
    for group in corpus.quote_groups:
        by_speaker[group.speaker].append(group)
    reach = {s: len({a for g in groups for a in g.articles}) for s, groups in by_speaker.items()}
    label = {s: corpus.entity(s).name if s else "Speaker not linked to an entity" for s in by_speaker}
    speakers = tuple(
        SpeakerSection(
            entity_ref(corpus, speaker) if speaker else Ref(label[speaker]),
            tuple(QuoteSection(g.id, len(g.articles), _group_sources(corpus, g), _wordings(corpus, g)) for g in groups),
        )
        for speaker, groups in sorted(by_speaker.items(), key=lambda s: (s[0] is None, -reach[s[0]], label[s[0]]))
    )
    carried = tuple(
        CarriedQuote(
            g.text,
            Ref("", None, g.id),
            entity_ref(corpus, g.speaker) if g.speaker else None,
            len(g.articles),
            _group_sources(corpus, g),
        )
        for g in corpus.quote_groups
        if len(g.articles) > 1
    )
    return QuotesPage(QUOTES, len(corpus.quote_groups), len(corpus.articles), carried, speakers)


@dataclass(frozen=True)
class TimelinePage:
    """Context of `timeline.md`."""

    page: str
    dated: int
    chart: MD
    days: tuple[tuple[date, tuple[ArticleRow, ...]], ...]  # earliest first
    undated: tuple[ArticleRow, ...]


def timeline_page(site: Site) -> TimelinePage:
    corpus = site.corpus
    days, undated = by_day(corpus, [a.id for a in corpus.articles])
    return TimelinePage(
        page=TIMELINE,
        dated=len(corpus.articles) - len(undated),
        chart=site.charts.timeline(),
        days=tuple((day, article_rows(corpus, ids)) for day, ids in days),
        undated=article_rows(corpus, undated),
    )


@dataclass(frozen=True)
class GraphPage:
    """Context of `graph.md` and of its wider pages (`graph-120.md`, …)."""

    page: str
    level: int  # which of `levels` this page shows
    levels: tuple[Ref, ...]  # each graph page: its number of nodes, linked
    nodes: int  # entities drawn here (0: none has a page)
    entity_min_articles: int
    picture: MD
    ties: tuple[tuple[Ref, Ref, int], ...]  # the strongest lines drawn: entity, entity, articles naming both


def graph_page(site: Site, level: int) -> GraphPage:
    graph, corpus = site.graph, site.corpus
    levels = graph.levels
    page = graph_path(level)
    nodes = levels[level]
    return GraphPage(
        page=page,
        level=level,
        levels=tuple(Ref(str(n), graph_path(i)) for i, n in enumerate(levels)),
        nodes=nodes,
        entity_min_articles=site.entity_min_articles,
        picture=graph.page_svg(level, page) if nodes else MD(""),
        ties=tuple((entity_ref(corpus, a), entity_ref(corpus, b), w) for a, b, w in graph.strongest_ties(level))
        if nodes
        else (),
    )


@dataclass(frozen=True)
class SearchPage:
    """Context of `search.md` (the results come from search-index.js, in the browser)."""

    page: str
    articles: int
    action: str  # the search page's own address (.html), where the form goes
    article_list: str  # addresses (.html) of the article and entity indexes, which filter without JavaScript
    entity_list: str


def search_page(site: Site) -> SearchPage:
    """The search page is raw HTML (MkDocs does not rewrite its links): its addresses are .html ones."""

    def address(page: str) -> str:
        return relative(SEARCH, html_path(page))

    return SearchPage(SEARCH, len(site.corpus.articles), address(SEARCH), address(ARTICLES), address(ENTITIES))


@dataclass(frozen=True)
class BuildReportPage:
    """Context of `build-report.md`: the one page showing figures of the run itself."""

    page: str
    info: BuildInfo  # what was read and skipped, warnings, notes, versions, timings (unless reproducible)
    articles: int
    max_article_chars: int
    cut: tuple[tuple[Ref, int], ...]  # articles cut to max_article_chars, their length before (by article id)


def build_report_page(corpus: Corpus, info: BuildInfo, max_article_chars: int) -> BuildReportPage:
    cut = tuple((article_ref(corpus, a), info.cut[a]) for a in sorted(info.cut))
    return BuildReportPage(BUILD_REPORT, info, len(corpus.articles), max_article_chars, cut)
