"""report.json: the machine-readable export of the whole corpus (schema in docs/REPORT_JSON.md).

The bulky per-article parts (the full text, the entity mentions with their offsets, the input's
other fields) go to a
companion JSON Lines file (gzip-compressed in the site), one line per article in the order of report.json's `articles`,
named by report.json's `article_details`: report.json stays small enough to open in a
browser or load at once, and a reader that needs the texts streams them line by line.
`load_report` joins the two back into one document.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from generator.model import Article, Corpus, QuoteGroup, Skipped
from generator.pages.paths import article_path, entity_path, html_path, source_path, topic_path

# 2: text, mentions and extra moved to the companion file; 3: the site's companion is gzipped;
# 4: a quote group's wordings point at their article's quote without repeating its text and speaker;
# 5: a quote quoted once is no quote group of its own: its group id is its `group`, its text and speaker its own
SCHEMA_VERSION = 5
DETAILS_FILE = "report-articles.jsonl.gz"  # the site's companion (`analyse --json` writes it uncompressed)
DETAIL_FIELDS = ("text", "mentions", "extra")


def build_block(versions: dict[str, str], skipped: list[Skipped], warnings: list[str]) -> dict[str, Any]:
    """report.json's `build`: the versions that made it, the files skipped and why, the warnings."""
    return {
        "versions": versions,
        "skipped": [{"path": s.path, "reason": s.reason} for s in skipped],
        "warnings": list(warnings),
    }


def group_of_quote(corpus: Corpus) -> dict[tuple[str, int], str]:
    """(article id, quote index) -> the id of the quote group holding that quote, as a wording or a repeat."""
    return {(m.article, m.index): g.id for g in corpus.quote_groups for m in (*g.members, *g.repeats)}


def _shared_quote(group: QuoteGroup) -> bool:
    """Whether the group is more than one quote (two articles or more, or a quote repeated in its article):
    the only groups report.json lists, since one quote alone is all in `articles[].quotes`."""
    return len(group.members) + len(group.repeats) > 1


def _article(corpus: Corpus, article: Article, groups: dict[tuple[str, int], str]) -> dict[str, Any]:
    analysis = corpus.analyses[article.id]
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "source": article.source_name,
        "date": article.date.isoformat() if article.date else None,
        "url": article.url,
        "author": article.author,
        "provenance": dict(sorted(article.provenance.items())),
        "provenance_detail": dict(sorted(article.provenance_detail.items())),
        "published": article.published,
        "language": article.language,
        "analysed_as_english": article.analysed_as_english,
        "summary": [analysis.sentences[i].text for i in analysis.summary],
        "keywords": [{"text": k.text, "score": k.score} for k in analysis.keywords],
        "quotes": [
            {
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "speaker": q.speaker,
                "speaker_entity": corpus.quote_speakers.get((article.id, index)),
                "speaker_kind": q.speaker_kind,
                "speaker_via": q.speaker_via,
                "speaker_reference": q.speaker_reference,
                "continues": q.continues,
                "group": groups.get((article.id, index)),
            }
            for index, q in enumerate(analysis.quotes)
        ],
        "phrases": [{"text": p.text, "start": p.start, "end": p.end, "reason": p.reason} for p in analysis.phrases],
        "topic": corpus.article_topic[article.id],
        "duplicate_of": corpus.duplicate_of.get(article.id),
        "related": [{"article": other, "similarity": score} for other, score in corpus.related[article.id]],
        "page": html_path(article_path(article)),
    }


def article_details(corpus: Corpus, article: Article, text: bool = True) -> dict[str, Any]:
    """One line of the companion file: the article's id, full text (unless `text` is false), mentions and the
    input's other fields."""
    details: dict[str, Any] = {"id": article.id}
    if text:
        details["text"] = article.text
    details["mentions"] = [
        {"entity": m.entity, "text": m.text, "start": m.start, "end": m.end} for m in corpus.mentions[article.id]
    ]
    details["extra"] = article.extra
    return details


def details_lines(corpus: Corpus, text: bool = True) -> str:
    """The companion file: one JSON object per line, an article each, in report.json's order."""
    return "".join(
        json.dumps(article_details(corpus, a, text), ensure_ascii=False, separators=(",", ":")) + "\n"
        for a in corpus.articles
    )


def report_json(document: dict[str, Any]) -> str:
    """report.json as written: compact (no indentation; it is read by programs and is the site's largest file)."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def gzipped(text: str) -> bytes:
    """Gzip of the text's UTF-8 with no time stamp in the header, so a rebuild writes the same bytes."""
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def details_name(report_name: str) -> str:
    """The companion's file name, beside report.json ("report.json" -> "report-articles.jsonl")."""
    stem = report_name[: -len(".json")] if report_name.endswith(".json") else report_name
    return f"{stem}-articles.jsonl"


def report_document(
    corpus: Corpus, build: dict[str, Any] | None = None, details: str | None = DETAILS_FILE, text: bool = True
) -> dict[str, Any]:
    """The corpus as JSON values; `build` is the run's block (`build_block`); `details` names the companion
    file (relative to report.json), or None to keep text and mentions in the articles themselves (one
    document, for `analyse --json -`); `text`: whether the article texts are exported at all."""
    articles = []
    groups = group_of_quote(corpus)
    for article in corpus.articles:
        entry = _article(corpus, article, groups)
        if details is None:
            entry.update({k: v for k, v in article_details(corpus, article, text).items() if k != "id"})
        articles.append(entry)
    return {
        "schema_version": SCHEMA_VERSION,
        "build": build or {},
        "article_details": {"file": details, "fields": [f for f in DETAIL_FIELDS if text or f != "text"]},
        "articles": articles,
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "aliases": list(e.aliases),
                "alias_reasons": e.alias_reasons,
                "related": list(e.related),
                "articles": list(e.articles),
                "mentions": e.mention_count,
                "page": html_path(entity_path(e)) if e.id in corpus.paged_entities else None,
            }
            for e in corpus.entities
        ],
        "topics": [
            {
                "id": t.id,
                "label": t.label,
                "subtitle": t.subtitle,
                "headline_article": t.headline_article,
                "articles": list(t.articles),
                "keywords": list(t.keywords),
                "entities": list(t.entities),
                "page": html_path(topic_path(t)),
            }
            for t in corpus.topics
        ],
        "subjects": [
            {"id": s.id, "label": s.label, "topics": list(s.topics), "articles": list(s.articles)}
            for s in corpus.subjects
        ],
        "sources": [
            {"id": s.id, "name": s.name, "articles": list(s.articles), "page": html_path(source_path(s))}
            for s in corpus.sources
        ],
        **cross_article(corpus),
    }


def cross_article(corpus: Corpus) -> dict[str, Any]:
    """What the site shows across articles: quote groups, phrases and shared passages."""
    return {
        "quote_groups": [
            {
                "id": g.id,
                "text": g.text,
                "speaker": g.speaker,
                "disputed": g.disputed,
                "speakers": [
                    {
                        "entity": sp.entity,
                        "name": sp.name,
                        "kind": sp.kind,
                        "wordings": [{"article": m.article, "quote": m.index} for m in sp.members],
                    }
                    for sp in g.speakers
                ],
                "articles": list(g.articles),
                "outlets": g.outlets,
                # Each wording's text and speaker are in its article's `quotes`: written once, there.
                "wordings": [{"article": m.article, "quote": m.index} for m in g.members],
                "repeats": [{"article": m.article, "quote": m.index} for m in g.repeats],
            }
            for g in corpus.quote_groups
            if _shared_quote(g)
        ],
        "phrases": [
            {
                "id": p.id,
                "text": p.text,
                "reason": p.reason,
                "articles": list(p.articles),
                "outlets": p.outlets,
                "occurrences": [{"article": m.article, "kind": m.kind, "index": m.index} for m in p.members],
            }
            for p in corpus.quote_phrases
        ],
        "shared_passages": [
            {
                "a": pair.a,
                "b": pair.b,
                "share_a": pair.share_a,
                "share_b": pair.share_b,
                "passages": [
                    {"text": text, "a_start": a[0], "a_end": a[1]}
                    for text, a in zip(pair.passages, pair.spans_a, strict=False)
                ],
                "b_spans": [{"start": b[0], "end": b[1]} for b in pair.spans_b],
                "duplicate": corpus.duplicate_of.get(pair.b) == pair.a,
            }
            for pair in corpus.shared_text
        ],
    }


def load_report(path: Path) -> dict[str, Any]:
    """report.json with its companion's fields put back into each article: the whole export as one document."""
    document = json.loads(path.read_text(encoding="utf-8"))
    name = (document.get("article_details") or {}).get("file")
    if name:
        companion = path.parent / name
        opened = (
            gzip.open(companion, "rt", encoding="utf-8") if name.endswith(".gz") else companion.open(encoding="utf-8")
        )
        with opened as lines:
            details = {row["id"]: row for row in map(json.loads, lines)}
        for article in document["articles"]:
            article.update({k: v for k, v in details[article["id"]].items() if k != "id"})
    return document
