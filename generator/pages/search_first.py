"""The first search index's documents, and the compact form `search-index.js` writes them in.

Every reader's first search downloads the first index, so it is written without what the browser
can rebuild from what it already has (`themes/report/assets/js/search.js`, `decode`, turns it back
into exactly the documents `SearchDocument.fields` gives; `tests/test_hostile.py` and
`tests/test_browser.py` compare the two in Chromium):

- no `kind` per document: the documents come in four lists, `articles`, `entities`, `topics`,
  `sources` (in that order, which is the documents' order);
- a page's path without its folder and `.html` (`"donald-trump"` for `entities/donald-trump.html`),
  or `""` when it is the page's ASCII title as `slugify` spells it; a path outside the kind's folder
  is written whole;
- the `meta` line as its parts (`"PERSON · 57 mentions in 12 articles"` is `0, 57, 12`, the type as a
  place in `types`), written out again with the same words;
- names of entities with a page as the entity's place in `entities` (their titles are the names),
  keywords used twice or more as their place in `keywords` (most used first), others as strings;
- a lone article's topic as the article's place in `articles`, and its title `null` when it is the
  article's.

Rows: an article `[title, page, source (place in sources, or its name), date, keywords, names,
length]`, and the number of its copies after them when it has any; an entity `[title, page, type,
mentions, articles]` and its other names after them when it has any; a topic `[title, page, articles,
sources, keywords, names]`; a source `[title, page, articles]`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

FIELDS = ("kind", "title", "url", "meta", "keywords", "names", "length")
SEPARATOR = " · "
_NON_WORD = re.compile(r"[^a-z0-9]+")

Name = tuple[str | None, str]  # (the entity's id, when its page is in the index; the name)


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@dataclass(frozen=True)
class SearchDocument:
    """One document of the first index, in the parts it is written from.

    `numbers`: an article's copies (or none); an entity's mentions and articles; a topic's articles and
    sources; a source's articles. `label`: an article's source name, an entity's type. `date`: an
    article's date label. `names`: an article's and a topic's entities, an entity's other names.
    """

    kind: str  # article, entity, topic, source
    title: str
    url: str
    numbers: tuple[int, ...] = ()
    label: str = ""
    date: str = ""
    keywords: tuple[str, ...] = ()
    names: tuple[Name, ...] = ()
    length: int = 0  # an article's number of full-text terms, for BM25
    entity: str = ""  # an entity's id

    @property
    def meta(self) -> str:
        """The line shown under the result's title."""
        n = self.numbers
        if self.kind == "article":
            copies = f" · and {n[0]} {'copy' if n[0] == 1 else 'copies'}" if n and n[0] else ""
            return f"{self.label} · {self.date}{copies}"
        if self.kind == "entity":
            return f"{self.label} · {plural(n[0], 'mention')} in {plural(n[1], 'article')}"
        if self.kind == "topic":
            return f"{plural(n[0], 'article')} from {plural(n[1], 'source')}"
        return plural(n[0], "article")

    def fields(self) -> dict[str, Any]:
        """The document as search.js indexes it (`FIELDS`)."""
        values = (
            self.kind,
            self.title,
            self.url,
            self.meta,
            SEPARATOR.join(self.keywords),
            SEPARATOR.join(name for _, name in self.names),
            self.length,
        )
        return dict(zip(FIELDS, values, strict=True))


def title_slug(title: str) -> str | None:
    """`ingest.slug.slugify` of an ASCII title, as search.js spells it again (`slugOf`); None otherwise
    (the Unicode folding is left to Python alone)."""
    if not title.isascii():
        return None
    return _NON_WORD.sub("-", title.lower()).strip("-")[:60].rstrip("-")


def _page(url: str, folder: str, title: str | None) -> str:
    prefix = folder + "/"
    if url.startswith(prefix) and url.endswith(".html"):
        rest = url[len(prefix) : -len(".html")]
        if rest and "/" not in rest:
            return "" if title is not None and title_slug(title) == rest else rest
    if "/" not in url:  # a short form would be read as a page of the folder
        raise ValueError(f"a search document's page must be in a folder: {url!r}")
    return url


def _table(counts: Counter[str]) -> list[str]:
    """The strings used twice or more, most used first (then in the order first used)."""
    return [text for text, count in sorted(counts.items(), key=lambda item: -item[1]) if count > 1]


def encode(documents: list[SearchDocument]) -> dict[str, Any]:
    """The compact form of `documents` (articles, entities, topics, sources, in that order)."""
    by_kind: dict[str, list[SearchDocument]] = {kind: [] for kind in ("article", "entity", "topic", "source")}
    for document in documents:
        by_kind[document.kind].append(document)
    if [d for docs in by_kind.values() for d in docs] != documents:
        raise ValueError("search documents must come articles, entities, topics, sources")
    entity_at: dict[str, int] = {}
    for i, d in enumerate(by_kind["entity"]):
        if d.entity:
            entity_at.setdefault(d.entity, i)
    source_at: dict[str, int] = {}
    for i, d in enumerate(by_kind["source"]):
        source_at.setdefault(d.title, i)
    article_at: dict[str, int] = {}
    for i, d in enumerate(by_kind["article"]):
        article_at.setdefault(d.url, i)
    keywords = _table(Counter(k for d in documents for k in d.keywords))
    keyword_at = {text: i for i, text in enumerate(keywords)}
    types = sorted({d.label for d in by_kind["entity"]})

    def words(values: tuple[str, ...]) -> list[int | str]:
        return [keyword_at.get(k, k) for k in values]

    def names(values: tuple[Name, ...]) -> list[int | str]:
        # a place stands for the entity's title, so only a name that is that title is written as one
        entities = by_kind["entity"]
        return [
            entity_at[e] if e is not None and e in entity_at and entities[entity_at[e]].title == name else name
            for e, name in values
        ]

    articles = []
    for d in by_kind["article"]:
        row: list[Any] = [d.title, _page(d.url, "articles", None), source_at.get(d.label, d.label), d.date]
        row += [words(d.keywords), names(d.names), d.length]
        articles.append(row + [d.numbers[0]] if d.numbers and d.numbers[0] else row)
    entities = []
    for d in by_kind["entity"]:
        row = [d.title, _page(d.url, "entities", d.title), types.index(d.label), *d.numbers]
        entities.append(row + [[name for _, name in d.names]] if d.names else row)
    topics = []
    for d in by_kind["topic"]:
        at = article_at.get(d.url)
        page: int | str = at if at is not None else _page(d.url, "topics", d.title)
        title = None if at is not None and by_kind["article"][at].title == d.title else d.title
        topics.append([title, page, *d.numbers, words(d.keywords), names(d.names)])
    sources = [[d.title, _page(d.url, "sources", d.title), *d.numbers] for d in by_kind["source"]]
    return {
        "types": types,
        "keywords": keywords,
        "articles": articles,
        "entities": entities,
        "topics": topics,
        "sources": sources,
    }
