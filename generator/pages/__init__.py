"""Pages: the linked corpus as Markdown pages (jinja2 templates from the theme) and data files.

Each page kind has a context builder returning a small frozen dataclass, the documented
contract of its template (`PAGE_KINDS`); the template only formats it. The writer
(`writer.py`) renders and writes; this module says which pages there are.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any

from generator.cache_keys import pages_key
from generator.config import Config
from generator.model import Corpus
from generator.pages.article_page import ArticlePage, article_page
from generator.pages.entity_page import EntityPage, entity_page
from generator.pages.export import DETAILS_FILE, build_block, details_lines, gzipped, report_document, report_json
from generator.pages.index_pages import (
    HomePage,
    KeywordLetterPage,
    KeywordsPage,
    SourcesPage,
    TopicsPage,
    home_page,
    keyword_letter_pages,
    keywords_page,
    sources_page,
    topics_pages,
)
from generator.pages.long_lists import ArticleListPage, EntityListPage, entity_list_pages, further_article_pages
from generator.pages.overview_pages import (
    BuildReportPage,
    GraphPage,
    SearchPage,
    TimelinePage,
    build_report_page,
    graph_page,
    search_page,
    timeline_page,
)
from generator.pages.quote_pages import QuotesPage, QuotesPartPage, quotes_pages, quotes_part_page
from generator.pages.search import search_index
from generator.pages.site import BuildInfo, Site
from generator.pages.source_page import SourcePage, source_page
from generator.pages.topic_page import TopicPage, topic_page
from generator.pages.writer import PageChanges, PageWriter, make_environment
from generator.progress import QUIET, Reporter

# Template -> the context dataclass it receives (its fields are the template's variables).
PAGE_KINDS: dict[str, type] = {
    "home.md": HomePage,
    "article.md": ArticlePage,
    "entity.md": EntityPage,
    "topic.md": TopicPage,
    "source.md": SourcePage,
    "article-list.md": ArticleListPage,
    "entities.md": EntityListPage,
    "topics.md": TopicsPage,
    "sources.md": SourcesPage,
    "keywords.md": KeywordsPage,
    "keywords-letter.md": KeywordLetterPage,
    "build-report.md": BuildReportPage,
    "quotes.md": QuotesPage,
    "quotes-part.md": QuotesPartPage,
    "timeline.md": TimelinePage,
    "search.md": SearchPage,
    "graph.md": GraphPage,
}
SECTION_PAGES = 9  # articles, entities, topics, sources, keywords, build report, quotes, timeline, search
PAGES_STATE = "pages-state.json"  # beside docs_dir: what the last full run of the pages stage was made from


def page_count(corpus: Corpus, graph_levels: int) -> int:
    """How many pages `write_pages` writes (for the progress bar)."""
    many = len(corpus.articles) + len(corpus.paged_entities) + len(corpus.topics) + len(corpus.sources)
    return 1 + many + SECTION_PAGES + graph_levels


def write_pages(
    corpus: Corpus,
    config: Config,
    docs_dir: Path,
    templates_dir: Path,
    info: BuildInfo,
    site_name: str,
    progress: Reporter | None = None,
    changes: PageChanges | None = None,
    corpus_key: str = "",
) -> int:
    """Write every page and data file into docs_dir; returns the number of pages.

    Files whose content is unchanged are not touched and files of an earlier run that no page
    writes now are deleted, so docs_dir ends up exactly as if emptied first; `changes` (if given)
    receives what changed. Given `corpus_key` (what the corpus was linked from), a run whose
    corpus, options, templates and build details are those of the last run renders only the
    build report (the one page showing figures of the run): the others would come out the same.
    """
    docs_dir.mkdir(parents=True, exist_ok=True)
    state_path = docs_dir.parent / PAGES_STATE
    key = _pages_key(corpus_key, config, templates_dir, info, site_name) if corpus_key else ""
    state = _read_state(state_path)
    files = state.get("files")
    same = key and state.get("key") == key and isinstance(files, list) and isinstance(state.get("pages"), int)
    if same and isinstance(files, list) and all((docs_dir / str(name)).is_file() for name in files):
        return _write_build_report(corpus, config, docs_dir, templates_dir, info, len(files), state, changes)
    state_path.unlink(missing_ok=True)
    site = Site.of(corpus, site_name, info, config.entity_min_articles, config.max_article_chars)
    bar = (progress or QUIET)("pages", page_count(corpus, len(site.graph.levels)))
    writer = PageWriter(make_environment(templates_dir), docs_dir, bar)
    _write_every_page(writer, site, config.workers or os.cpu_count() or 1)
    bar.close()
    for name, content in search_index(corpus).files.items():
        writer.put(writer.root / name, content)
    block = build_block(info.versions, info.skipped, info.warnings)
    document = report_document(corpus, block, DETAILS_FILE, config.export_text)
    writer.put(writer.root / "report.json", report_json(document))
    writer.put_bytes(writer.root / DETAILS_FILE, gzipped(details_lines(corpus, config.export_text)))
    writer.remove_stale()
    if changes is not None:
        changes.rewritten, changes.unchanged = writer.changes.rewritten, writer.changes.unchanged
        changes.removed[:] = writer.changes.removed
    if key:
        written = sorted(path.relative_to(writer.root).as_posix() for path in writer.written)
        state_path.write_text(json.dumps({"key": key, "pages": writer.count, "files": written}), encoding="utf-8")
    return writer.count


def _write_every_page(writer: PageWriter, site: Site, workers: int) -> None:
    """The page generators: which pages of which kind, each from its context builder."""
    corpus = site.corpus
    writer.write("home.md", home_page(site))
    for article in corpus.articles:  # the many pages: built and rendered over forked processes
        writer.queue("article.md", article_page, site, article)
    for entity in corpus.entities:
        if entity.id in corpus.paged_entities:
            writer.queue("entity.md", entity_page, site, entity)
    for topic in corpus.topics:
        if topic.is_story:  # an article in no story has its own page only
            writer.queue("topic.md", topic_page, site, topic)
    for source in corpus.sources:
        writer.queue("source.md", source_page, site, source)
    writer.run(workers)
    for listed in further_article_pages(site):  # long lists: pages of at most paging.PER_PAGE rows
        writer.write("article-list.md", listed)
    for entity_list in entity_list_pages(site):
        writer.write("entities.md", entity_list)
    for story_list in topics_pages(site):
        writer.write("topics.md", story_list)
    writer.write("sources.md", sources_page(site))
    writer.write("keywords.md", keywords_page(site))
    for letter_page in keyword_letter_pages(site):
        writer.write("keywords-letter.md", letter_page)
    writer.write("build-report.md", build_report_page(corpus, site.info, site.max_article_chars))
    for quote_index in quotes_pages(corpus, site.quotes):
        writer.write("quotes.md", quote_index)
    for number in range(1, len(site.quotes.pages) + 1):
        writer.write("quotes-part.md", quotes_part_page(corpus, site.quotes, number))
    writer.write("timeline.md", timeline_page(site))
    writer.write("search.md", search_page(site))
    for level in range(len(site.graph.levels)):
        writer.write("graph.md", graph_page(site, level))


def _pages_key(corpus_key: str, config: Config, templates_dir: Path, info: BuildInfo, site_name: str) -> str:
    stable = dataclasses.replace(info, timings={}, analysed=0, from_cache=0, workers=0, built="")
    return pages_key(corpus_key, repr(config), site_name, repr(stable), templates_dir)


def _read_state(path: Path) -> dict[str, Any]:
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def _write_build_report(
    corpus: Corpus,
    config: Config,
    docs_dir: Path,
    templates_dir: Path,
    info: BuildInfo,
    files: int,
    state: dict[str, Any],
    changes: PageChanges | None,
) -> int:
    """Only the build report: everything else in docs_dir is already what this run would write."""
    writer = PageWriter(make_environment(templates_dir), docs_dir)
    writer.write("build-report.md", build_report_page(corpus, info, config.max_article_chars))
    if changes is not None:
        changes.rewritten = writer.changes.rewritten
        changes.unchanged = files - writer.changes.rewritten
    return int(state["pages"])


__all__ = ["PAGE_KINDS", "BuildInfo", "PageChanges", "page_count", "write_pages"]
