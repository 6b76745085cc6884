"""Which field of a record plays which role: the names exporters use, the user's mapping, the readable text.

Fields are matched by name, case and punctuation ignored (`publishedAt`, `published_at`
and `Published-At` are one name), against the variants common exporters write
(`FIELD_NAMES`, first match wins). The sidecar's `fields:` block names the field for a
role for the whole input (`FieldMap`); a record without that field falls back to the
usual order.

The text is chosen, not just matched: data-set exports carry several versions of it
(`content` tokenised beside the scraped `content_original`, `body` beside `body_html`,
`text` beside `raw_text`). Every field named like a text field, or like one with a
qualifier (`content_original`, `body_html`, `raw_content`), is a candidate; the one used
is the most complete (at least 80% of the letters of the longest), then not tokenised,
then not markup, then the first in the usual order (`choose_text`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generator.ingest.detok import looks_tokenised


def norm(key: str) -> str:
    """A field name without case and punctuation: `publishedAt`, `Published-At` → `publishedat`."""
    return re.sub(r"[^a-z0-9]", "", key.lower())


FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": (
        "text", "content", "body", "maintext", "articleBody", "article_text", "article_body", "full_text",
        "fulltext", "body_text", "content_text", "raw_text", "article", "story",
    ),
    "title": ("title", "headline", "heading", "article_title"),
    "source": (
        "source", "source_name", "outlet", "publisher", "publication", "site_name", "sitename", "site",
        "source-hostname", "newspaper", "media",
    ),
    "domain": ("source_domain", "hostname", "domain"),  # a web domain: the outlet when no name is given
    "date": (
        "date", "published", "publish_date", "published_date", "publication_date", "published_at", "publishedAt",
        "pubDate", "pub_date", "date_publish", "datePublished", "date_published", "pubdate", "dateCreated",
        "datetime",
    ),  # not `timestamp`, `created_at`, `updated`, `date_modify`: often the crawl or edit time (kept as extra)
    "url": ("url", "link", "canonical_url", "canonical", "permalink", "article_url", "web_url", "href", "uri"),
    "author": ("author", "authors", "byline", "creator", "dc:creator", "by", "writer", "author_name"),
    "language": ("language", "lang", "meta_lang", "inLanguage", "locale"),
}  # fmt: skip
BY_NORM = {role: tuple(norm(name) for name in names) for role, names in FIELD_NAMES.items()}
ROLES = ("text", "title", "source", "date", "author", "url", "language")  # what `fields:` may name
# Qualifiers that make a text field's variant: `content_original`, `body_html`, `raw_content`, `content:encoded`.
_QUALIFIERS = (
    "original", "orig", "raw", "clean", "cleaned", "full", "plain", "html", "encoded", "untokenized",
    "untokenised", "detokenized", "detokenised", "rendered", "markup", "value",
)  # fmt: skip
COMPLETE_SHARE = 0.8


@dataclass(frozen=True)
class FieldMap:
    """The sidecar's `fields:` block: for a role, the record fields to use, in order."""

    names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # role -> field names as the user wrote them

    def keys(self, role: str, record: dict[str, Any]) -> list[str]:
        """The record's keys for the role's mapped names: the exact name, else one equal after `norm`."""
        found: list[str] = []
        for name in self.names.get(role, ()):
            if name in record:
                found.append(name)
                continue
            found.extend(key for key in record if norm(str(key)) == norm(name))
        return found


def parse_field_map(value: Any, where: str) -> FieldMap:
    """`fields: {text: content_original, author: [byline, authors]}`; a mistake raises ValueError naming it."""
    if value is None:
        return FieldMap()
    example = "e.g. 'fields: {text: content_original, source: outlet}'"
    if not isinstance(value, dict):
        raise ValueError(f"{where}: 'fields' must map roles ({', '.join(ROLES)}) to field names, {example}")
    names: dict[str, tuple[str, ...]] = {}
    for role, given in value.items():
        if role not in ROLES:
            raise ValueError(f"{where}: fields: {role!r} is not a role; use {', '.join(ROLES)}")
        listed = given if isinstance(given, list) else [given]
        if not listed or not all(isinstance(n, str) and n.strip() for n in listed):
            raise ValueError(f"{where}: fields: {role}: {given!r} must be a field name or a list of them, {example}")
        names[role] = tuple(n.strip() for n in listed)
    return FieldMap(names)


@dataclass(frozen=True)
class TextChoice:
    """The text field a record's text was read from, and why it was not the first one that matched."""

    key: str
    text: str
    first: str  # the first text field in the usual order (or the mapped one)
    why: str | None = None  # "'content' is tokenised"; None when the first field was used
    tokenised: bool = False
    markup: bool = False


_VARIANTS = frozenset(
    name for base in BY_NORM["text"] for qualifier in _QUALIFIERS for name in (base + qualifier, qualifier + base)
)


def _is_variant(key: str) -> bool:
    return norm(key) in _VARIANTS


def text_candidates(record: dict[str, Any], by_norm: dict[str, list[str]]) -> list[str]:
    """The record's text fields: the known names in their order, then their variants in the record's order."""
    known = [key for name in BY_NORM["text"] for key in by_norm.get(name, [])]
    return known + [key for key in record if key not in known and _is_variant(str(key))]


def _letters(text: str) -> int:
    return sum(map(str.isalnum, text))


def choose_text(
    record: dict[str, Any], keys: list[str], convert: Callable[[Any], tuple[str, bool] | None], mapped: bool = False
) -> TextChoice | None:
    """The readable text among `keys` (see the module docstring); a mapped field is used as it is."""
    read: list[tuple[str, str, bool]] = []
    for key in keys:
        converted = convert(record[key])
        if converted and converted[0].strip():
            read.append((key, *converted))
            if mapped:
                break
    if not read:
        return None
    first_key = read[0][0]
    letters = [_letters(text) for _, text, _ in read]
    longest = max(letters)
    ranked = []
    for index, (key, text, markup) in enumerate(read):
        complete = letters[index] >= COMPLETE_SHARE * longest
        tokenised = looks_tokenised(text)
        ranked.append((not complete, tokenised, markup, index, key, text))
    incomplete, tokenised, markup, _, key, text = min(ranked)
    why = None if key == first_key else _why_not(ranked[0], longest)
    return TextChoice(key, text, keys[0] if mapped else first_key, why, tokenised, markup)


def _why_not(first: tuple[bool, bool, bool, int, str, str], longest: int) -> str:
    incomplete, tokenised, markup, _, key, text = first
    if incomplete:
        return f"{key!r} is shorter ({_letters(text):,} letters and digits against {longest:,})"
    if tokenised:
        return f"{key!r} is tokenised (spaces before punctuation, split contractions)"
    return f"{key!r} is HTML"
