"""Readers per input format: each turns decoded file text into article fields.

A reader returns the body text and the metadata it found, with provenance:
"given" when the file states it (front matter, a `Source:` line), "inferred" when
read from a convention in the text (a leading `date 2017-03-01`, a `By:` line, a
headline line), and "derived" when made up from the text (a title from the lead).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import yaml
from markdown_it import MarkdownIt

from generator.ingest.dates import ParsedDate, parse_date_value, why_not_a_date
from generator.ingest.fields import FieldMap, TextChoice
from generator.ingest.markup import decode_character_references, html_fragment_to_text, is_markup_tag, looks_like_html
from generator.ingest.names import canonical_name, surrogate_note, without_surrogates

METADATA_FIELDS = ("title", "source", "date", "url", "author", "language")
LABELS = ("title", "source", "author")  # shown as names and labels: one line, no control characters


@dataclass
class ReadResult:
    """One article read from a file (a file of records gives several, each with its `part`)."""

    text: str
    meta: dict[str, Any] = field(default_factory=dict)  # title, source, date, published, url, author, language
    provenance: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # fields we do not use, kept as found (JSON values)
    detail: dict[str, str] = field(default_factory=dict)  # field -> where the value came from, in words
    part: str | None = None  # "3": the record on line 3 of a JSON Lines file (item 3 of a JSON array)
    domain: str | None = None  # a web domain that the file states or implies as the outlet
    text_choice: TextChoice | None = None  # a record's: which of its text fields the text is, and why
    record_keys: tuple[str, ...] = ()  # a record's (or front matter's) field names, for the mapping's errors
    mapping_found: list[str] = field(default_factory=list)  # roles whose `fields:` field this record has
    mapping_missing: list[str] = field(default_factory=list)  # roles whose `fields:` field it lacks
    source_as_given: str | None = None  # the outlet's name in the file, when the sidecar's `outlets:` renamed it

    def set(self, name: str, value: Any, how: str, detail: str | None = None) -> None:
        """Set a metadata field; names and labels (title, source, author) are made canonical (`canonical_name`)."""
        if isinstance(value, str) and name in LABELS:
            value = canonical_name(value)
        if value in (None, ""):
            return
        self.meta[name] = value
        self.provenance[name] = how
        if detail:
            self.detail[name] = detail
        else:
            self.detail.pop(name, None)

    def set_date(self, parsed: ParsedDate, how: str, detail: str | None = None) -> None:
        self.set("date", parsed.date, how, detail)
        self.meta.pop("published", None)
        if parsed.published:
            self.meta["published"] = parsed.published


@dataclass(frozen=True)
class RecordSkip:
    """A record of a multi-article file that cannot become an article (the rest of the file still reads)."""

    part: str
    reason: str


class InvalidArticle(ValueError):
    """The file cannot become an article; the message says why and what to do."""


_LEADING_DATE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*", re.IGNORECASE)
_SOURCE_LINE = re.compile(r"^\s*Source\s*:\s*(?P<value>\S.{0,80}?)\s*$", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*By\s*:?\s+(?P<value>[^\s].{0,60}?)\s*$")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")


def parse_date(value: Any, day_first: bool = False) -> date | None:
    """The calendar date of a value in any form `dates.parse_date_value` reads; None when not a date."""
    parsed = parse_date_value(value, day_first)
    return parsed.date if parsed else None


def _is_byline(line: str) -> bool:
    match = _BYLINE.match(line)
    return match is not None and len(match.group("value").split()) <= 5 and not _SENTENCE_END.search(line)


def _looks_like_headline(lines: list[str]) -> bool:
    """A first line that is short, unpunctuated and set apart by a blank line."""
    if len(lines) < 3 or lines[1].strip():
        return False
    first = lines[0].strip()
    words = first.split()
    return 2 <= len(words) <= 16 and not _SENTENCE_END.search(first)


def derive_title(text: str, max_words: int = 12) -> str:
    """A title made from the lead sentence, cut at a word boundary."""
    lead = text.strip().split("\n", 1)[0]
    first_sentence = re.split(r"(?<=[.!?])\s+", lead, maxsplit=1)[0]
    words = first_sentence.split()
    if len(words) <= max_words:
        return first_sentence.rstrip(" .")
    return " ".join(words[:max_words]).rstrip(",;:") + "…"


def _leading_date(kept: list[str], result: ReadResult) -> None:
    """A leading `date 2017-03-01` on the first line: read it as the date and take it out of the text."""
    if not kept:
        return
    leading = _LEADING_DATE.match(kept[0])
    if not leading:
        return
    parsed = parse_date_value(leading.group(1))
    if parsed:
        result.set_date(parsed, "inferred")
    else:
        result.notes.append(f"'date {leading.group(1)}' {why_not_a_date(leading.group(1))}; left undated")
    kept[0] = kept[0][leading.end() :]


def read_plain_text(raw: str, day_first: bool = False) -> ReadResult:
    """Plain text, reading the conventions the seeds use for metadata; character references decoded."""
    lines = decode_character_references(raw).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    result = ReadResult(text="")
    # Metadata lines at the start or end: `Source: X`, `By: X`.
    kept: list[str] = []
    for index, line in enumerate(lines):
        near_edge = index < 3 or index >= len(lines) - 4
        source = _SOURCE_LINE.match(line) if near_edge else None
        if source and "source" not in result.meta:
            result.set("source", source.group("value"), "given")
            continue
        if near_edge and _is_byline(line) and "author" not in result.meta:
            result.set("author", _BYLINE.match(line).group("value"), "inferred")  # type: ignore[union-attr]
            continue
        kept.append(line)
    while kept and not kept[0].strip():
        kept.pop(0)
    _leading_date(kept, result)
    if _looks_like_headline(kept):
        result.set("title", kept[0].strip(), "inferred")
        kept = kept[2:]
        if "date" not in result.meta:
            _leading_date(kept, result)  # "Headline\n\ndate 2017-03-06 The lead…"
    result.text = "\n".join(line.rstrip() for line in kept).strip()
    return result


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML without aliases: `*name` lets a few lines expand into billions of values (a "YAML bomb")."""

    def compose_node(self, parent, index):  # noqa: ANN001, ANN201 - PyYAML's signature
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in front matter", event.start_mark
            )
        return super().compose_node(parent, index)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_markdown = MarkdownIt("commonmark")


def _html_block_text(content: str) -> str:
    """A Markdown HTML block: its text when it is real HTML, nothing for a lone comment, else itself."""
    if looks_like_html(content):
        return html_fragment_to_text(content)
    return "" if is_markup_tag(content.strip()) else content.strip()


def markdown_to_text(source: str) -> tuple[str, str | None]:
    """Plain text of a Markdown body (paragraphs kept apart) and its first level-1 heading.

    Raw HTML in it counts as markup only when it is real HTML (`markup.looks_like_html`): a `<div>`
    block gives its text, "x<y and y>z" or an unclosed "<!--" stay as written.
    """
    blocks: list[str] = []
    heading: str | None = None
    tokens = _markdown.parse(source)
    for index, token in enumerate(tokens):
        if token.type == "html_block":
            text = _html_block_text(token.content)
            if text:
                blocks.append(text)
            continue
        if token.type != "inline":
            continue
        parts: list[str] = []
        for child in token.children or []:
            if child.type == "html_inline":
                parts.append("" if is_markup_tag(child.content) else child.content)
            elif child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
            elif child.type == "image":
                continue
        text = "".join(parts).strip()
        if not text:
            continue
        opener = tokens[index - 1] if index else None
        if (
            opener is not None
            and opener.type == "heading_open"
            and opener.tag == "h1"
            and heading is None
            and not blocks
        ):
            heading = text
            continue
        blocks.append(text)
    return "\n\n".join(blocks), heading


def read_markdown(raw: str, day_first: bool = False, fields: FieldMap | None = None) -> ReadResult:
    """Markdown with optional YAML front matter: known fields (any variant `records.py` knows) are given
    metadata; the other fields are kept as extra metadata."""
    from generator.ingest.records import apply_fields

    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    front: dict[str, Any] = {}
    replaced = 0
    match = _FRONT_MATTER.match(raw)
    body = raw
    if match:
        body = raw[match.end() :]
        try:
            loaded = yaml.load(match.group("yaml"), Loader=_FrontMatterLoader)  # noqa: S506 - safe
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"line {mark.line + 2}: " if mark is not None else ""
            raise InvalidArticle(
                f"{where}front matter is not valid YAML ({getattr(exc, 'problem', exc)}); fix or remove it"
            ) from exc
        if loaded is None:
            loaded = {}
        if not isinstance(loaded, dict):
            raise InvalidArticle("line 2: front matter must be a mapping of field: value")
        front, replaced = without_surrogates(loaded)
    text, heading = markdown_to_text(body)
    result = ReadResult(text=text)
    if replaced:
        result.notes.append(surrogate_note("front matter", replaced))
    apply_fields(result, front, "front matter", day_first, want_text=False, fields=fields or FieldMap())
    if "title" not in result.meta and heading:
        result.set("title", heading, "inferred")
    return result
