"""Pages: the linked corpus as Markdown pages (jinja2 templates from the theme) and data files."""

from __future__ import annotations

import json
import shutil
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


class PageWriter:
    def __init__(self, env: jinja2.Environment, docs_dir: Path) -> None:
        self.env = env
        self.docs_dir = docs_dir
        self.count = 0

    def write(self, template: str, page: str, **context: Any) -> None:
        target = (self.docs_dir / page).resolve()
        if not target.is_relative_to(self.docs_dir.resolve()):
            raise ValueError(f"refusing to write page {page!r} outside {self.docs_dir}")
        target.parent.mkdir(parents=True, exist_ok=True)
        text = self.env.get_template(template).render(page=page, **context)
        target.write_text(text, encoding="utf-8")
        self.count += 1


def write_pages(
    corpus: Corpus, config: Config, docs_dir: Path, templates_dir: Path, info: BuildInfo, site_name: str
) -> int:
    """Write every page and data file into docs_dir (emptied first); returns the number of pages."""
    if docs_dir.exists():
        shutil.rmtree(docs_dir)
    docs_dir.mkdir(parents=True)
    lookup = views.Lookup.build(corpus, config.entity_min_articles)
    writer = PageWriter(make_environment(templates_dir), docs_dir)
    graph = EntityGraph(corpus, lookup)
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
    (docs_dir / INDEX_FILE).write_text(search_index_js(corpus, lookup), encoding="utf-8")

    skipped = [{"path": s.path, "reason": s.reason} for s in info.skipped]
    build = {"versions": info.versions, "skipped": skipped, "warnings": list(info.warnings)}
    document = report_document(corpus, lookup.paged_entities, build)
    (docs_dir / "report.json").write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    return writer.count
