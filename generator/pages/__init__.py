"""Pages: the linked corpus as Markdown pages (jinja2 templates from the theme) and data files."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import multiprocessing
import os
from dataclasses import dataclass, field
from functools import lru_cache
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


@lru_cache(maxsize=1 << 17)
def _escaped(value: str) -> MD:
    return escape(value)


def _finalize(value: object) -> object:
    """`finalize`, remembering escaped strings: the same names and titles recur on thousands of pages."""
    if type(value) is str:
        return _escaped(value)
    return finalize(value)


def make_environment(templates_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=False,
        finalize=_finalize,
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
        self.jobs: list[tuple[str, str, dict[str, Any]]] | None = None  # pages queued for `run`

    def write(self, template: str, page: str, **context: Any) -> None:
        """Render one page now, or queue it when a batch is being collected (`collect`, then `run`)."""
        if self.jobs is not None:
            self.jobs.append((template, page, context))
            return
        target = (self.docs_dir / page).resolve()
        if not target.is_relative_to(self.root):
            raise ValueError(f"refusing to write page {page!r} outside {self.docs_dir}")
        text = self.env.get_template(template).render(page=page, **context)
        self.put(target, text)
        self.count += 1
        self.bar.update()

    def collect(self) -> None:
        self.jobs = []

    def run(self, workers: int) -> None:
        """Render the queued pages: over `workers` forked processes when there are many (pages are
        independent given the corpus, which the forked processes share), else here."""
        jobs, self.jobs = self.jobs or [], None
        chunks = [(start, min(start + _PAGE_CHUNK, len(jobs))) for start in range(0, len(jobs), _PAGE_CHUNK)]
        if workers < 2 or len(chunks) < 4 or "fork" not in multiprocessing.get_all_start_methods():
            for template, page, context in jobs:
                self.write(template, page, **context)
            return
        global _FORKED
        _FORKED = (self, jobs)
        try:
            with multiprocessing.get_context("fork").Pool(min(workers, len(chunks))) as pool:
                for written, rewritten, unchanged in pool.imap_unordered(_render_chunk, chunks):
                    self._written.update(written)
                    self.changes.rewritten += rewritten
                    self.changes.unchanged += unchanged
                    self.count += len(written)
                    self.bar.update(len(written))
        finally:
            _FORKED = None

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


_PAGE_CHUNK = 64  # pages per task of a forked worker
_FORKED: tuple[PageWriter, list[tuple[str, str, dict[str, Any]]]] | None = None  # what forked workers render


def _render_chunk(bounds: tuple[int, int]) -> tuple[list[Path], int, int]:
    """In a forked worker: render pages start..stop of the queue; the files written and the counts."""
    assert _FORKED is not None
    writer, jobs = _FORKED
    writer.bar = Progress.off()
    writer._written = set()
    writer.changes = PageChanges()
    for template, page, context in jobs[bounds[0] : bounds[1]]:
        writer.write(template, page, **context)
    return sorted(writer._written), writer.changes.rewritten, writer.changes.unchanged


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
    corpus_key: str = "",
) -> int:
    """Write every page and data file into docs_dir; returns the number of pages.

    Files whose content is unchanged are not touched and files of an earlier run that no page
    writes now are deleted, so docs_dir ends up exactly as if emptied first; `changes` (if given)
    receives what changed. Given `corpus_key` (what the corpus was linked from), a run whose
    corpus, options, templates and build details are those of the last run renders only the
    pages that show figures of the run (the build report): the others would come out the same.
    """
    docs_dir.mkdir(parents=True, exist_ok=True)
    state_path = docs_dir.parent / PAGES_STATE
    key = _pages_key(corpus_key, config, templates_dir, info, site_name) if corpus_key else ""
    state = _read_state(state_path)
    files = state.get("files")
    same = key and state.get("key") == key and isinstance(files, list) and isinstance(state.get("pages"), int)
    if same and all((docs_dir / str(name)).is_file() for name in files):
        return _write_run_pages(corpus, config, docs_dir, templates_dir, info, site_name, state, changes)
    state_path.unlink(missing_ok=True)
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
    writer.collect()  # the pages of articles, entities, topics and sources: many, rendered in parallel
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
    writer.run(config.workers or os.cpu_count() or 1)
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
    if key:
        files = sorted(path.relative_to(writer.root).as_posix() for path in writer._written)
        state_path.write_text(json.dumps({"key": key, "pages": writer.count, "files": files}), encoding="utf-8")
    return writer.count


PAGES_STATE = "pages-state.json"  # beside docs_dir: what the last full run of the pages stage was made from
RUN_PAGES = {"build-report.md": "build-report.md"}  # page -> template: the pages showing the run's own figures


def _pages_key(corpus_key: str, config: Config, templates_dir: Path, info: BuildInfo, site_name: str) -> str:
    """Everything the pages besides the run pages are made from (the corpus key covers the code)."""
    stable = dataclasses.replace(info, timings={}, analysed=0, from_cache=0, workers=0, built="")
    digest = hashlib.sha256("\0".join([corpus_key, repr(config), site_name, repr(stable)]).encode())
    for path in sorted(templates_dir.rglob("*")):
        if path.is_file():
            digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _read_state(path: Path) -> dict[str, Any]:
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def _write_run_pages(
    corpus: Corpus,
    config: Config,
    docs_dir: Path,
    templates_dir: Path,
    info: BuildInfo,
    site_name: str,
    state: dict[str, Any],
    changes: PageChanges | None,
) -> int:
    """Only the run pages: everything else in docs_dir is already what this run would write."""
    lookup = views.Lookup.build(corpus, config.entity_min_articles)
    writer = PageWriter(make_environment(templates_dir), docs_dir)
    common = {"corpus": corpus, "lookup": lookup, "views": views, "coverage": coverage}
    common.update(site_name=site_name, config=config, info=info)
    for page, template in RUN_PAGES.items():
        writer.write(template, page, **common)
    if changes is not None:
        changes.rewritten = writer.changes.rewritten
        changes.unchanged = len(state["files"]) - writer.changes.rewritten
    return int(state["pages"])
