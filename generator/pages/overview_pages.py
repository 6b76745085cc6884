"""The corpus-wide pages: the timeline, the entity graph, search and the build report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.model import Corpus
from generator.pages.long_lists import TIMELINE_PER_DAY, day_path
from generator.pages.markdown import MD, relative
from generator.pages.paths import ARTICLES, BUILD_REPORT, ENTITIES, SEARCH, TIMELINE, graph_path, html_path
from generator.pages.refs import ArticleRow, Ref, article_ref, article_rows, entity_ref
from generator.pages.site import BuildInfo, Site
from generator.pages.topic_page import by_day


@dataclass(frozen=True, slots=True)
class TimelineDay:
    day: date
    rows: tuple[ArticleRow, ...]  # its first TIMELINE_PER_DAY articles
    more: int  # its further articles
    all: Ref | None  # the page of every article of the day (None: all are shown here)


@dataclass(frozen=True)
class TimelinePage:
    """Context of `timeline.md`."""

    page: str
    dated: int
    chart: MD
    days: tuple[TimelineDay, ...]  # earliest first
    undated: tuple[ArticleRow, ...]


def timeline_page(site: Site) -> TimelinePage:
    corpus = site.corpus
    days, undated = by_day(corpus, [a.id for a in corpus.articles])
    return TimelinePage(
        page=TIMELINE,
        dated=len(corpus.articles) - len(undated),
        chart=site.charts.timeline(),
        days=tuple(
            TimelineDay(
                day,
                article_rows(corpus, ids[:TIMELINE_PER_DAY]),
                max(0, len(ids) - TIMELINE_PER_DAY),
                Ref(f"every article of {day.isoformat()}", day_path(day)) if len(ids) > TIMELINE_PER_DAY else None,
            )
            for day, ids in days
        ),
        undated=article_rows(corpus, undated),
    )


@dataclass(frozen=True)
class GraphPage:
    """Context of `graph.md` and of its wider page (`graph-100.md`)."""

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
