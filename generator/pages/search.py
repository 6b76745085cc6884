"""The search index, shipped as scripts: a small first index, and the full text in shards loaded on demand.

The site must search from `file://`, where a page cannot fetch a JSON file, so every part
of the index is a JavaScript file that calls one global, loaded with a `<script>` tag by
`themes/report/assets/js/search.js`:

- `search-index.js` (the first index, loaded on first use): one document per article,
  entity, topic and source with the short fields (title, names, keywords, one line of
  meta), which the browser indexes with the vendored MiniSearch at once, so names and
  titles answer before any text is loaded; and the list of full-text shards. The documents
  are written compact (`search_first`: no repeated names, folders or meta words), and
  search.js rebuilds them exactly.
- `search/terms-<key>-<hash>.js`: the full text's inverted index, one shard per term
  prefix (the first two characters of a term): a query loads only the shards of its own
  words. Postings are written compact (`compact_postings`): each document as its distance from the one
  before (the first from -1), negative when a count other than 1 follows it, so `[3, -2, 4, 1]` is
  document 2 once, document 4 four times, document 5 once; search.js reads them back into
  `[document, count, …]` and scores them with BM25 (a third smaller than the plain pairs on allsides).
- `search/text-<n>-<hash>.js`: the summaries and texts of `TEXT_SHARD` articles, for
  the snippets and highlights of the articles a query shows, as one gzip-compressed JSON value
  `[summaries, texts]` in base64 (`pack`; search.js inflates it with the browser's
  `DecompressionStream`; a browser without one shows the keywords or names as the snippet). The texts
  are the biggest part of the index; packed they take about half the bytes, and the summaries, which
  are sentences of the texts, almost none.

`<hash>` is a hash of the shard's content, listed in the first index: a shard's name changes
exactly when its content does, so each can be cached for good, and a rebuild after one article
changed rewrites only the shards that article is in. Words are split and normalised here as
MiniSearch does in the browser (`terms`). Every string comes from the corpus and is
untrusted: it is serialised with `json.dumps` and `<`, `>`, `&` and the JavaScript line
separators are written as `\\uXXXX` escapes, so no value can close the script or open a
comment, whatever it contains.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from generator.model import Corpus, Topic
from generator.pages.paths import article_path, entity_path, html_path, source_path, topic_path
from generator.pages.search_first import SearchDocument, encode

INDEX_FILE = "search-index.js"
SHARD_DIR = "search"
GLOBAL_NAME = "REPORT_SEARCH_INDEX"
TERMS_CALLBACK = "REPORT_SEARCH_TERMS"
TEXT_CALLBACK = "REPORT_SEARCH_TEXT"
ARTICLE_NAMES = 12  # entity names per article in the first index
TEXT_SHARD = 5  # articles per text shard: the snippets of five results load at most five small files
# The words search.js never indexes (as a Set there: "constructor" is a word like any other).
STOP_WORDS = frozenset(
    "a an and are as at be but by for from had has have he her his i in is it its of on or our she "
    "that the their them they this to was we were which who will with you".split()
)
_JS_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_DIGIT = re.compile(r"[0-9]")
_KEY_CHAR = re.compile(r"[a-z0-9]")


@lru_cache(maxsize=1)
def _separators() -> dict[int, str]:
    """MiniSearch's word separators (`/[\\n\\r\\p{Z}\\p{P}]+/u`): new lines, spaces and punctuation."""
    found = {ord("\n"): " ", ord("\r"): " "}
    for point in range(sys.maxunicode + 1):
        if unicodedata.category(chr(point))[0] in "ZP":
            found[point] = " "
    return found


def normalise(word: str) -> str | None:
    """A word as search.js indexes it (its `processTerm`): lower case; None for a stop word or a single
    letter (a single digit counts)."""
    term = word.lower()
    if len(term) < 2 and not _DIGIT.search(term) or term in STOP_WORDS:
        return None
    return term


def terms(text: str) -> Iterator[str]:
    """The indexed terms of a text, in order."""
    for word in text.translate(_separators()).split(" "):
        if word and (term := normalise(word)) is not None:
            yield term


def shard_key(term: str) -> str:
    """The terms shard a term is in: its first two characters, spelled for a file name (search.js: `shardKey`)."""
    return "".join(c if _KEY_CHAR.fullmatch(c) else f"_{ord(c):x}" for c in term[:2])


@dataclass(frozen=True)
class SearchIndex:
    """Every file of the search index: path relative to the site root -> its content."""

    files: dict[str, str]
    first_index_bytes: int  # search-index.js, in UTF-8
    articles: int


def _indexed_articles(corpus: Corpus) -> list[Any]:
    """Articles once: a duplicate is found through the article it repeats."""
    return [a for a in corpus.articles if a.id not in corpus.duplicate_of]


def _found_through_its_original(corpus: Corpus, topic: Topic) -> bool:
    """Whether a topic is a copy's own (a copy in no story) under the headline of the article it copies:
    that headline finds the original, so the entry would repeat it. A copy under a headline of its own
    keeps its entry (which opens the copy's page): no article may be unfound by its own headline."""
    if topic.is_story or not topic.articles or topic.articles[0] not in corpus.duplicate_of:
        return False
    copy = corpus.article(topic.articles[0])
    original = corpus.article(corpus.duplicate_of[copy.id])
    return " ".join(copy.title.split()).casefold() == " ".join(original.title.split()).casefold()


def _article_documents(corpus: Corpus) -> list[SearchDocument]:
    copies = Counter(corpus.duplicate_of.values())
    documents: list[SearchDocument] = []
    for article in _indexed_articles(corpus):
        analysis = corpus.analyses[article.id]
        # The names with a page (named in entity_min_articles+ articles), most mentioned first: the
        # first index stays small, and every other name is in the full text.
        counts = Counter(m.entity for m in corpus.mentions[article.id] if m.entity in corpus.paged_entities)
        entity_ids = [e for e, _ in counts.most_common(ARTICLE_NAMES)]
        documents.append(
            SearchDocument(
                "article",
                article.title,
                html_path(article_path(article)),
                numbers=(copies[article.id],) if copies[article.id] else (),
                label=article.source_name,
                date=article.date_label,
                keywords=tuple(k.text for k in analysis.keywords),
                names=tuple((e, corpus.entity(e).name) for e in entity_ids),
                length=sum(1 for _ in terms(article.text)),
            )
        )
    return documents


def search_entries(corpus: Corpus) -> list[SearchDocument]:
    """The first index's documents, articles first (in corpus order), then entities, topics and sources;
    `url` is relative to the site root.

    An article's names are its `ARTICLE_NAMES` most mentioned entities that have a page, an entity's
    names its other names, a topic's names its entities; an article's length is its number of
    full-text terms (for BM25).
    """
    documents = _article_documents(corpus)
    for entity in corpus.entities:
        if entity.id in corpus.paged_entities:  # else there is no page to open
            documents.append(
                SearchDocument(
                    "entity",
                    entity.name,
                    html_path(entity_path(entity)),
                    numbers=(entity.mention_count, len(entity.articles)),
                    label=entity.type,
                    names=tuple((None, a) for a in entity.aliases if a != entity.name),
                    entity=entity.id,
                )
            )
    for topic in corpus.topics:
        if _found_through_its_original(corpus, topic):
            continue
        sources = Counter(corpus.source_of(a).name for a in topic.articles)
        documents.append(
            SearchDocument(
                "topic",
                topic.label,
                html_path(topic_path(topic)),
                numbers=(len(topic.articles), len(sources)),
                keywords=tuple(topic.keywords),
                names=tuple((e, corpus.entity(e).name) for e in topic.entities if e in corpus.index.entities),
            )
        )
    for source in corpus.sources:
        documents.append(
            SearchDocument("source", source.name, html_path(source_path(source)), numbers=(len(source.articles),))
        )
    return documents


def search_documents(corpus: Corpus) -> list[dict[str, Any]]:
    """The first index's documents as search.js indexes them (`search_first.FIELDS`: kind, title, url, meta
    (the line under the title), keywords, names, length), each list joined with " · "."""
    return [document.fields() for document in search_entries(corpus)]


def text_postings(corpus: Corpus) -> dict[str, dict[str, list[int]]]:
    """The full text's inverted index by shard key: term -> [document, count, document, count, …]."""
    shards: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for number, article in enumerate(_indexed_articles(corpus)):
        for term, count in sorted(Counter(terms(article.text)).items()):
            shards[shard_key(term)].setdefault(term, []).extend((number, count))
    return {key: dict(sorted(shards[key].items())) for key in sorted(shards)}


def compact_postings(postings: list[int]) -> list[int]:
    """[document, count, …] (documents ascending) as written in a terms shard: each document as its distance
    from the previous one (the first from -1, so every distance is at least 1), negated and followed by
    the count when the count is not 1; a count of 1, most postings, is not written."""
    out: list[int] = []
    previous = -1
    for document, count in zip(postings[::2], postings[1::2], strict=True):
        gap = document - previous
        out.extend((gap,) if count == 1 else (-gap, count))
        previous = document
    return out


def expand_postings(compact: list[int]) -> list[int]:
    """[document, count, …] from `compact_postings` (what search.js does when a shard loads)."""
    out: list[int] = []
    document, index = -1, 0
    while index < len(compact):
        gap = compact[index]
        document += abs(gap)
        count = compact[index + 1] if gap < 0 else 1
        out.extend((document, count))
        index += 2 if gap < 0 else 1
    return out


def _digest(content: str) -> str:
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:10]


def script_json(value: object) -> str:
    """JSON that is safe inside any script: no `<`, `>` or `&` and no JS line separator appears raw."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in _JS_ESCAPES.items():
        text = text.replace(raw, escaped)
    return text


def pack(value: object) -> str:
    """`value` as JSON, gzip-compressed (no time stamp: the same value packs to the same bytes), in base64."""
    data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(gzip.compress(data, compresslevel=9, mtime=0)).decode("ascii")


def unpack(packed: str) -> Any:
    """What `pack` packed."""
    return json.loads(gzip.decompress(base64.b64decode(packed)).decode("utf-8"))


def search_index(corpus: Corpus) -> SearchIndex:
    """The first index and its shards, ready to write."""
    documents = search_entries(corpus)
    postings = text_postings(corpus)
    articles = _indexed_articles(corpus)
    summaries = [
        " ".join(corpus.analyses[a.id].sentences[i].text for i in corpus.analyses[a.id].summary) for a in articles
    ]
    texts = [a.text for a in articles]
    terms_files = {
        key: f"window.{TERMS_CALLBACK}({script_json(key)},"
        f"{script_json({term: compact_postings(p) for term, p in value.items()})});\n"
        for key, value in postings.items()
    }
    text_files = {}
    for n in range((len(texts) + TEXT_SHARD - 1) // TEXT_SHARD):
        part = slice(n * TEXT_SHARD, (n + 1) * TEXT_SHARD)
        text_files[n] = f"window.{TEXT_CALLBACK}({n},{script_json(pack([summaries[part], texts[part]]))});\n"
    terms_hashes = {key: _digest(content) for key, content in terms_files.items()}
    text_hashes = [_digest(text_files[n]) for n in range(len(text_files))]
    payload = {
        **encode(documents),
        "shards": SHARD_DIR,
        "terms": terms_hashes,
        "texts": text_hashes,
        "text_shard": TEXT_SHARD,
    }
    first = (
        "// The report's first search index (generator/pages/search.py), loaded by assets/js/search.js.\n"
        f"window.{GLOBAL_NAME} = {script_json(payload)};\n"
    )
    files = {INDEX_FILE: first}
    files.update({f"{SHARD_DIR}/terms-{k}-{terms_hashes[k]}.js": content for k, content in terms_files.items()})
    files.update({f"{SHARD_DIR}/text-{n}-{text_hashes[n]}.js": content for n, content in text_files.items()})
    return SearchIndex(files, len(first.encode("utf-8")), len(articles))
