"""Pages: the linked corpus as Markdown pages (jinja2 templates from the theme) and data files."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from generator.config import Config
from generator.link.topics import topic_summary
from generator.model import Corpus, Skipped
from generator.pages import coverage, views
from generator.pages.charts import Charts
from generator.pages.export import report_document
from generator.pages.graph import EntityGraph, graph_page
from generator.pages.markdown import MD, escape, external_link, finalize, link
from generator.pages.search import INDEX_FILE, search_index_js
from generator.progress import QUIET, Progress, Reporter


@dataclass
class BuildInfo:
    """What the build report page shows about the run."""

    input_dir: str
    files_seen: int
    skipped: list[Skipped]
    warnings: list[str]
    config_files: list[str]
    versions: dict[str, str]
    timings: dict[str, float] = field(default_factory=dict)
    analysed: int = 0
    from_cache: int = 0
    workers: int = 1
    built: str = ""  # "2017-03-01 09:30 UTC": from SOURCE_DATE_EPOCH when set
    reproducible: bool = False  # SOURCE_DATE_EPOCH set: figures that vary from run to run stay off the pages
    cut: dict[str, int] = field(default_factory=dict)  # article id -> its length before it was cut
    notices: list[str] = field(default_factory=list)  # e.g. articles not analysed, being in another language


def make_environment(templates_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=False,
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["md"] = escape
    env.globals.update(
        link=link,
        external_link=external_link,
        MD=MD,
        article_path=views.article_path,
        entity_path=views.entity_path,
        topic_path=views.topic_path,
        source_path=views.source_path,
        relative=views.relative,
        graph_page=graph_page,
        topic_summary=topic_summary,
    )
    return env


@dataclass
class PageChanges:
    """What a `write_pages` run changed in docs_dir: a rebuild with nothing new changes nothing."""

    rewritten: int = 0  # files (pages and data) whose content changed or that are new
    unchanged: int = 0  # files left as they were, with their modification time
    removed: list[str] = field(default_factory=list)  # files of the previous run that no page writes now


class PageWriter:
    """Writes files into docs_dir only when their content changed.

    An unchanged file keeps its modification time, so MkDocs' dirty build (which rebuilds a
    page only when its source is newer than its output) skips it; `remove_stale` deletes what
    the previous run wrote and this one did not.
    """

    def __init__(self, env: jinja2.Environment, docs_dir: Path, bar: Progress | None = None) -> None:
        self.env = env
        self.docs_dir = docs_dir
        self.root = docs_dir.resolve()
        self.count = 0
        self.changes = PageChanges()
        self.bar = bar or Progress.off()
        self._written: set[Path] = set()

    def write(self, template: str, page: str, **context: Any) -> None:
        target = (self.docs_dir / page).resolve()
        if not target.is_relative_to(self.root):
            raise ValueError(f"refusing to write page {page!r} outside {self.docs_dir}")
        text = self.env.get_template(template).render(page=page, **context)
        self.put(target, text)
        self.count += 1
        self.bar.update()

    def put(self, target: Path, text: str) -> None:
        """Write text to target unless it already holds exactly that."""
        data = text.encode("utf-8")
        self._written.add(target)
        try:
            same = target.stat().st_size == len(data) and target.read_bytes() == data
        except OSError:
            same = False
        if same:
            self.changes.unchanged += 1
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self.changes.rewritten += 1

    def remove_stale(self) -> None:
        """Delete the files (and then empty folders) under docs_dir that this run did not write."""
        for path in sorted(self.root.rglob("*"), reverse=True):
            if path.is_dir() and not path.is_symlink():
                if not any(path.iterdir()):
                    path.rmdir()
            elif path not in self._written:
                path.unlink()
                self.changes.removed.append(path.relative_to(self.root).as_posix())


def page_count(corpus: Corpus, lookup: views.Lookup, graph_levels: int) -> int:
    """How many pages `write_pages` writes (for the progress bar)."""
    paged = sum(1 for entity in corpus.entities if entity.id in lookup.paged_entities)
    return 1 + len(corpus.articles) + paged + 2 * len(corpus.topics) + len(corpus.sources) + 9 + graph_levels


def write_pages(
    corpus: Corpus,
    config: Config,
    docs_dir: Path,
    templates_dir: Path,
    info: BuildInfo,
    site_name: str,
    progress: Reporter | None = None,
    changes: PageChanges | None = None,
) -> int:
    """Write every page and data file into docs_dir; returns the number of pages.

    Files whose content is unchanged are not touched and files of an earlier run that no page
    writes now are deleted, so docs_dir ends up exactly as if emptied first; `changes` (if given)
    receives what changed.
    """
    docs_dir.mkdir(parents=True, exist_ok=True)
    lookup = views.Lookup.build(corpus, config.entity_min_articles)
    graph = EntityGraph(corpus, lookup)
    bar = (progress or QUIET)("pages", page_count(corpus, lookup, len(graph.levels)))
    writer = PageWriter(make_environment(templates_dir), docs_dir, bar)
    common = {
        "corpus": corpus,
        "lookup": lookup,
        "views": views,
        "coverage": coverage,
        "site_name": site_name,
        "config": config,
        "info": info,
    }
    common.update(graph=graph, charts=Charts(corpus, lookup))

    dates = sorted(a.date for a in corpus.articles if a.date)
    writer.write("home.md", "index.md", dates=dates, **common)
    for article in corpus.articles:
        writer.write(
            "article.md",
            views.article_path(article),
            article=article,
            analysis=corpus.analyses[article.id],
            **common,
        )
    for entity in corpus.entities:
        if entity.id in lookup.paged_entities:
            writer.write("entity.md", views.entity_path(entity), entity=entity, **common)
    for topic in corpus.topics:
        writer.write("topic.md", views.topic_path(topic), topic=topic, **common)
        writer.write("compare.md", coverage.comparison_path(topic), topic=topic, **common)
    for source in corpus.sources:
        writer.write("source.md", views.source_path(source), source=source, **common)
    writer.write("articles.md", "articles/index.md", **common)
    writer.write("entities.md", "entities/index.md", **common)
    writer.write("topics.md", "topics/index.md", **common)
    writer.write("sources.md", "sources/index.md", **common)
    writer.write("keywords.md", "keywords.md", keywords=views.keyword_index(corpus), **common)
    writer.write("build-report.md", "build-report.md", **common)
    writer.write("quotes.md", "quotes.md", **common)
    writer.write("timeline.md", "timeline.md", **common)
    writer.write("search.md", "search.md", **common)
    for level in range(len(graph.levels)):
        writer.write("graph.md", graph_page(level), level=level, **common)
    bar.close()
    writer.put(writer.root / INDEX_FILE, search_index_js(corpus, lookup))

    skipped = [{"path": s.path, "reason": s.reason} for s in info.skipped]
    build = {"versions": info.versions, "skipped": skipped, "warnings": list(info.warnings)}
    document = report_document(corpus, lookup.paged_entities, build)
    writer.put(writer.root / "report.json", json.dumps(document, ensure_ascii=False, indent=1))
    writer.remove_stale()
    if changes is not None:
        changes.rewritten, changes.unchanged = writer.changes.rewritten, writer.changes.unchanged
        changes.removed[:] = writer.changes.removed
    return writer.count
