"""Saved web pages: the article's main text and metadata, by trafilatura (no network, no downloads).

trafilatura finds the main text (navigation, ads, comments, related-links boxes and
footers left out) and the metadata that the page states in its markup: JSON-LD,
OpenGraph and `<meta>` tags, the canonical link, the `<title>`. We add what it
does not keep: the time of day of the publication (from the same structured
metadata), the page's declared language, and provenance: a date that the markup
states is "given"; one that htmldate (trafilatura's date finder) found elsewhere,
in the URL or the text, is "inferred". A site name that is only a lower-case domain
("trtworld.com", trafilatura's stand-in from the URL when the page names no site) is
treated as the outlet's domain; one written with capitals ("TheBlaze.com") is the name.

The page's markup never reaches the site: only the extracted text does.
"""

from __future__ import annotations

import copy
import json
import logging
import re
from typing import Any

from generator.ingest.dates import ParsedDate, parse_date_value
from generator.ingest.language import normalise_code
from generator.ingest.names import canonical_name
from generator.ingest.outlets import looks_like_domain
from generator.ingest.readers import InvalidArticle, ReadResult

_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
    "date",
)
_ARTICLE_TYPES = re.compile(r"(Article|Posting|Report)$")

logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


def _json_ld_objects(tree: Any) -> list[dict[str, Any]]:
    objects: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            objects.append(node)
            walk(node.get("@graph"))

    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            walk(json.loads(script.text_content() or "null"))
        except json.JSONDecodeError:
            continue
    return objects


def stated_publication(tree: Any, day_first: bool) -> tuple[ParsedDate, str] | None:
    """The publication date (and time) the page's markup states, and where: JSON-LD, then <meta>, then itemprop."""
    objects = _json_ld_objects(tree)
    typed = [o for o in objects if any(_ARTICLE_TYPES.search(str(t)) for t in _types(o))]
    for obj in typed + objects:
        parsed = parse_date_value(obj.get("datePublished"), day_first)
        if parsed:
            return parsed, "the page's JSON-LD datePublished"
    metas: dict[str, str | None] = {}
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        metas.setdefault(key, meta.get("content"))
    for key in _PUBLISHED_META:
        parsed = parse_date_value(metas.get(key), day_first)
        if parsed:
            return parsed, f"the page's <meta> {key}"
    for element in tree.xpath('//*[@itemprop="datePublished"]'):
        parsed = parse_date_value(element.get("datetime") or element.get("content"), day_first)
        if parsed:
            return parsed, "the page's itemprop datePublished"
    return None


def _types(obj: dict[str, Any]) -> list[Any]:
    kind = obj.get("@type")
    return kind if isinstance(kind, list) else [kind]


def declared_language(tree: Any) -> str | None:
    """<html lang>, then a Content-Language <meta>, then og:locale."""
    root = tree.getroottree().getroot()
    candidates = [root.get("lang"), root.get("{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += tree.xpath(
        '//meta[translate(@http-equiv,"CONTENT-LANGUAGE","content-language")="content-language"]/@content'
    )
    candidates += tree.xpath('//meta[@property="og:locale"]/@content')
    for value in candidates:
        code = normalise_code(value)
        if code:
            return code
    return None


def _today() -> str:
    from datetime import date

    return date.today().isoformat()


def _drop_repeated_title(text: str, title: str | None) -> str:
    """trafilatura keeps the page's <h1> as the first line; the title is shown apart, so drop it."""
    lines = text.split("\n")
    if title and lines and " ".join(lines[0].split()).casefold() == " ".join(title.split()).casefold():
        lines = lines[1:]
    return "\n".join(lines)


def read_html(raw: str, day_first: bool = False) -> ReadResult:
    """A saved web page as one article."""
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(raw)
    if tree is None:
        raise InvalidArticle("is not an HTML page we can parse; save the article page as HTML again")
    for element in tree.xpath("//noscript|//template"):  # "enable JavaScript" notices are not the article
        element.drop_tree()
    options: dict[str, Any] = {
        "with_metadata": True,
        "include_comments": False,
        "include_images": False,
        "include_links": False,
        # No "extensive" date search: it reads a copyright year as 1 January of that year.
        "date_extraction_params": {"original_date": True, "extensive_search": False, "max_date": _today()},
    }
    document: Any = trafilatura.bare_extraction(copy.deepcopy(tree), **options)  # a Document, or None
    if document is None or not (document.text or "").strip():
        document = trafilatura.bare_extraction(copy.deepcopy(tree), favor_recall=True, **options)
    if document is None or not (document.text or "").strip():
        raise InvalidArticle(
            "no article text found in the page (an index page, or one that loads its text with JavaScript?); "
            "save the article's own page, or paste its text into a .txt file"
        )
    body = _drop_repeated_title(document.text.strip(), document.title)
    paragraphs = [" ".join(line.split()) for line in body.split("\n") if line.strip()]
    result = ReadResult(text="\n\n".join(paragraphs))
    result.set("title", document.title, "given", "the page's metadata or headline")
    result.set("author", document.author, "given", "the page's metadata or byline")
    if document.url and re.match(r"^https?://", document.url, re.I):
        result.set("url", document.url, "given", "the page's canonical link")
    sitename = canonical_name(document.sitename or "")
    if sitename and looks_like_domain(sitename) and sitename == sitename.lower():
        result.domain = sitename  # trafilatura's stand-in from the URL's host: a domain, not a written name
    elif sitename:
        result.set("source", sitename, "given", "the page's site name (OpenGraph, JSON-LD publisher or title)")
    stated = stated_publication(tree, day_first)
    if stated:
        result.set_date(stated[0], "given", stated[1])
    elif document.date:
        parsed = parse_date_value(document.date)
        if parsed:
            result.set_date(parsed, "inferred", "found in the page's URL or text by htmldate")
    result.set("language", declared_language(tree), "given", "the page's declared language")
    for name in ("description", "categories", "tags", "license", "image", "pagetype"):
        value = getattr(document, name, None)
        if value not in (None, "", []):
            result.extra[name] = value
    return result
