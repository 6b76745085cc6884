"""What every page builder reads: the linked corpus, the run's details, and the pictures drawn from the corpus."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model import Corpus, Skipped
from generator.pages.charts import Charts
from generator.pages.graph import EntityGraph
from generator.pages.quote_pages import QuoteLayout, quote_layout


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


@dataclass(frozen=True)
class Site:
    """The inputs of every page's context builder (shared by the forked page renderers)."""

    corpus: Corpus
    site_name: str
    info: BuildInfo
    entity_min_articles: int
    max_article_chars: int
    charts: Charts
    graph: EntityGraph
    quotes: QuoteLayout  # which page of quotes shows each quote group

    @classmethod
    def of(cls, corpus: Corpus, site_name: str, info: BuildInfo, entity_min_articles: int, max_chars: int) -> Site:
        return cls(
            corpus,
            site_name,
            info,
            entity_min_articles,
            max_chars,
            Charts(corpus),
            EntityGraph(corpus),
            quote_layout(corpus),
        )
