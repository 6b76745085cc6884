"""Where every page lives (docs-relative `.md` paths), the rule that turns one into its `.html`, and the nav.

Pages link to each other with relative `.md` links and MkDocs (`use_directory_urls: false`)
writes each page as the same path with `.html`, so the site works from `file://`. Raw HTML
(pictures, the search index, report.json) is not rewritten by MkDocs and uses `html_path`.
"""

from __future__ import annotations

import re
import unicodedata

from generator.model import Article, Entity, Source, Topic

# Each folder's own list page is its index (never an article's, topic's, source's or entity's page:
# `ingest.slug.RESERVED_SLUGS`).
HOME = "index.md"
ARTICLES = "articles/index.md"
TOPICS = "topics/index.md"
SOURCES = "sources/index.md"
ENTITIES = "entities/index.md"
KEYWORDS = "keywords.md"
QUOTES = "quotes.md"
TIMELINE = "timeline.md"
GRAPH = "graph.md"
SEARCH = "search.md"
BUILD_REPORT = "build-report.md"

# The navigation: the section pages only. A nav listing every page makes the MkDocs build
# quadratic (docs/ARCHITECTURE.md); long lists are pages with a filterable table instead.
NAV = (
    ("Home", HOME),
    ("Articles", ARTICLES),
    ("Stories", TOPICS),
    ("Sources", SOURCES),
    ("Entities", ENTITIES),
    ("Keywords", KEYWORDS),
    ("Quotes", QUOTES),
    ("Timeline", TIMELINE),
    ("Graph", GRAPH),
    ("Build report", BUILD_REPORT),
)

GRAPH_LEVELS = (40, 100)  # nodes on the graph page, then on its wider page (each fits its column)


def article_path(article: Article) -> str:
    return f"articles/{article.slug}.md"


def entity_path(entity: Entity) -> str:
    return f"entities/{entity.slug}.md"


def topic_path(topic: Topic) -> str:
    """A story's page; an article in no story has no topic page of its own, so its topic opens the
    article (an article's id is its slug: ingest gives both from its path)."""
    if not topic.is_story and topic.articles:
        return f"articles/{topic.articles[0]}.md"
    return f"topics/{topic.slug}.md"


def source_path(source: Source) -> str:
    return f"sources/{source.slug}.md"


def graph_path(level: int) -> str:
    """The graph page showing GRAPH_LEVELS[level] nodes."""
    return GRAPH if level == 0 else f"graph-{GRAPH_LEVELS[level]}.md"


def html_path(page: str) -> str:
    """The site path MkDocs writes a page to: `articles/a.md` -> `articles/a.html`."""
    return page[: -len(".md")] + ".html" if page.endswith(".md") else page


def anchor(heading: str) -> str:
    """The id Python-Markdown's toc extension gives a heading (its default slugify)."""
    value = unicodedata.normalize("NFKD", heading).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)
