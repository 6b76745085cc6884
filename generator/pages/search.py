"""The search index: one document per article, entity, topic and source, shipped as a script.

The site must search from `file://`, where a page cannot fetch a JSON file, so the
index is a JavaScript file (`search-index.js`) that sets one global, loaded with a
`<script>` tag by `themes/report/assets/js/search.js`, which indexes it in the browser
with the vendored MiniSearch. Every string comes from the corpus and is untrusted:
it is serialised with `json.dumps` and `<`, `>`, `&` and the JavaScript line
separators are written as `\\uXXXX` escapes, so no value can close the script or
open a comment, whatever it contains.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from generator.model import Corpus
from generator.pages.paths import article_path, entity_path, html_path, source_path, topic_path

INDEX_FILE = "search-index.js"
GLOBAL_NAME = "REPORT_SEARCH_INDEX"
FIELDS = ("kind", "title", "url", "meta", "summary", "keywords", "names", "text")
_JS_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _document(
    kind: str, title: str, page: str, meta: str, summary: str = "", keywords: str = "", names: str = "", text: str = ""
) -> dict[str, Any]:
    fields = (kind, title, html_path(page), meta, summary, keywords, names, text)
    return dict(zip(FIELDS, fields, strict=True))


def search_documents(corpus: Corpus) -> list[dict[str, Any]]:
    """The documents to index; `url` is relative to the site root.

    Fields: kind (article, entity, topic, source), title, url, meta (one line shown
    under the title), summary, keywords, names (entity names and aliases) and text
    (the article's full text).
    """
    documents: list[dict[str, Any]] = []
    for article in corpus.articles:
        analysis = corpus.analyses[article.id]
        entity_ids = list(dict.fromkeys(m.entity for m in corpus.mentions[article.id]))
        documents.append(
            _document(
                "article",
                article.title,
                article_path(article),
                f"{article.source_name} · {article.date_label}",
                summary=" ".join(analysis.sentences[i].text for i in analysis.summary),
                keywords=" · ".join(k.text for k in analysis.keywords),
                names=" · ".join(corpus.entity(e).name for e in entity_ids),
                text=article.text,
            )
        )
    for entity in corpus.entities:
        if entity.id in corpus.paged_entities:  # else there is no page to open
            mentions = f"{_plural(entity.mention_count, 'mention')} in {_plural(len(entity.articles), 'article')}"
            meta = f"{entity.type} · {mentions}"
            documents.append(
                _document("entity", entity.name, entity_path(entity), meta, names=" · ".join(entity.aliases))
            )
    for topic in corpus.topics:
        sources = Counter(corpus.source_of(a).name for a in topic.articles)
        meta = f"{_plural(len(topic.articles), 'article')} from {_plural(len(sources), 'source')}"
        names = " · ".join(corpus.entity(e).name for e in topic.entities if e in corpus.index.entities)
        documents.append(
            _document("topic", topic.label, topic_path(topic), meta, keywords=" · ".join(topic.keywords), names=names)
        )
    for source in corpus.sources:
        documents.append(
            _document("source", source.name, source_path(source), _plural(len(source.articles), "article"))
        )
    return documents


def script_json(value: object) -> str:
    """JSON that is safe inside any script: no `<`, `>` or `&` and no JS line separator appears raw."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in _JS_ESCAPES.items():
        text = text.replace(raw, escaped)
    return text


def search_index_js(corpus: Corpus) -> str:
    """The whole index file: `window.REPORT_SEARCH_INDEX = {...};`."""
    documents = search_documents(corpus)
    payload = {"fields": list(FIELDS), "documents": [[doc[f] for f in FIELDS] for doc in documents]}
    return (
        "// The report's search index (generator/pages/search.py), loaded by assets/js/search.js.\n"
        f"window.{GLOBAL_NAME} = {script_json(payload)};\n"
    )
