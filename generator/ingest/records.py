"""Articles as records: JSON Lines, JSON arrays, and the field names scrapers and feeds use.

One record is one article. Its fields are matched by name, case and punctuation
ignored (`publishedAt`, `published_at` and `Published-At` are one name), against
the variants common exporters write: newspaper3k/4k, news-please, trafilatura,
NewsAPI, feedparser, Scrapy items, schema.org (`fields.FIELD_NAMES`). The first variant
present is used, after the field the sidecar's `fields:` block names for that role; the
text is the readable one of the record's text fields (`fields.choose_text`). Every other
field, and any value that could not be used, is kept as found in the article's `extra`
metadata. Nothing is dropped.

In a JSON Lines file each non-blank line is a record (`part` = its line number);
a JSON file holds one record, an array of records (`part` = its 1-based position),
or an object with one list of records under `articles`, `items`, `data`, … . A
record that cannot be an article is a `RecordSkip` naming its line or position;
the rest of the file still reads.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from generator.ingest.dates import parse_date_value, why_not_a_date
from generator.ingest.fields import BY_NORM, FIELD_NAMES, FieldMap, TextChoice, choose_text, norm, text_candidates
from generator.ingest.language import normalise_code
from generator.ingest.markup import decode_character_references, html_fragment_to_text, looks_like_html
from generator.ingest.names import surrogate_note, without_surrogates
from generator.ingest.outlets import domain_of
from generator.ingest.readers import InvalidArticle, ReadResult, RecordSkip

COLLECTION_KEYS = ("articles", "items", "data", "results", "entries", "posts", "docs", "documents", "records")
_NO_FIELDS = FieldMap()


def json_safe(value: Any) -> Any:
    """A value as JSON can hold it (YAML front matter may give dates)."""
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [json_safe(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # "nan", "inf": JSON has no such numbers (report.json must parse in a browser)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _as_text(value: Any) -> tuple[str, bool] | None:
    """Article text from a field (a string, a list of paragraphs, or feedparser's [{'value': …}]), and
    whether it was HTML (turned into plain text)."""
    if isinstance(value, str):
        text = value
    elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        text = "\n\n".join(v.strip() for v in value)
    elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        parts = [v.get("value") or v.get("text") for v in value]
        if not all(isinstance(p, str) for p in parts):
            return None
        text = "\n\n".join(p.strip() for p in parts)
    elif isinstance(value, dict) and isinstance(value.get("value") or value.get("text"), str):
        text = str(value.get("value") or value.get("text"))
    else:
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if looks_like_html(text):  # a plain text that mentions markup ("x<y", "<!--") stays as it is
        return html_fragment_to_text(text), True
    return decode_character_references(text), False


def _as_name(value: Any) -> str | None:
    """A name from a string, a schema.org object ({'name': …}) or NewsAPI's {'id': …, 'name': …}."""
    if isinstance(value, str):
        return " ".join(decode_character_references(value).split()) or None
    if isinstance(value, dict):
        return _as_name(value.get("name"))
    return None


def _as_names(value: Any) -> str | None:
    """Authors: one name, or a list of names/objects joined with commas; a leading "By" is dropped."""
    if isinstance(value, list):
        names = [n for n in (_as_names(v) for v in value) if n]
        return ", ".join(dict.fromkeys(names)) or None
    name = _as_name(value)
    return re.sub(r"^by\s+", "", name, flags=re.IGNORECASE) or None if name else None


def _as_url(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("href") or value.get("url")
    if isinstance(value, str) and re.match(r"^https?://\S+$", value.strip(), re.I):
        return value.strip()
    return None


class _Fields:
    """One record's fields by role: the user's mapped field first, then the usual names in order."""

    def __init__(self, record: dict[str, Any], fields: FieldMap, result: ReadResult) -> None:
        self.record, self.fields, self.result = record, fields, result
        self.by_norm: dict[str, list[str]] = {}
        for key in record:
            self.by_norm.setdefault(norm(str(key)), []).append(key)
        self.used: set[str] = set()

    def mapped(self, role: str) -> list[str]:
        """The record's keys for the role's mapped field; notes the role as found or missing."""
        if role not in self.fields.names:
            return []
        keys = self.fields.keys(role, self.record)
        (self.result.mapping_found if keys else self.result.mapping_missing).append(role)
        return keys

    def candidates(self, role: str) -> list[str]:
        usual = [key for name in BY_NORM[role] for key in self.by_norm.get(name, [])]
        mapped = self.mapped(role) if role != "domain" else []
        return list(dict.fromkeys(mapped + usual))

    def take_first(self, role: str, convert: Callable[[Any], Any], detail: bool = False) -> None:
        """Set `role` from the first of its candidate fields that `convert` can read."""
        for key in self.candidates(role):
            value = convert(self.record[key])
            if value:
                self.result.set(role, value, "given", *([f"the {key!r} field"] if detail else []))
                self.used.add(key)
                return

    def text(self) -> TextChoice | None:
        """The readable text: the mapped field when the record has it (non-empty), else `choose_text`."""
        mapped = self.fields.keys("text", self.record) if "text" in self.fields.names else []
        choice = choose_text(self.record, mapped, _as_text, mapped=True) if mapped else None
        if "text" in self.fields.names:
            (self.result.mapping_found if choice else self.result.mapping_missing).append("text")
        if choice is None:
            choice = choose_text(self.record, text_candidates(self.record, self.by_norm), _as_text)
        if choice is not None:
            self.used.add(choice.key)
        return choice


def _set_source(found: _Fields) -> None:
    """The outlet's name exactly as the record gives it; a domain field only names a domain."""
    result = found.result
    for key in found.candidates("source"):
        value = found.record[key]
        url = _as_url(value)
        if url:  # trafilatura's JSON puts the page URL in `source`
            if "url" not in result.meta:
                result.set("url", url, "given")
                found.used.add(key)
            continue
        name = _as_name(value)
        if name:
            found.used.add(key)
            result.set("source", name, "given", f"the {key!r} field")
            return
    for key in found.candidates("domain"):
        name = _as_name(found.record[key])
        if name and domain_of(name):
            found.used.add(key)
            result.domain = name.lower()
            return


def apply_fields(
    result: ReadResult,
    record: dict[str, Any],
    where: str,
    day_first: bool,
    want_text: bool,
    fields: FieldMap = _NO_FIELDS,
) -> TextChoice | None:
    """Set the record's known fields on `result` (as given), keep the rest in `extra`; return the text chosen."""
    found = _Fields(record, fields, result)
    choice = found.text() if want_text else None
    found.take_first("title", _as_name)
    found.take_first("url", _as_url)
    _set_source(found)
    for key in found.candidates("date"):
        parsed = parse_date_value(record[key], day_first)
        if parsed:
            result.set_date(parsed, "given", f"the {key!r} field")
            found.used.add(key)
            break
        result.notes.append(
            f"{where}: {key} {record[key]!r} {why_not_a_date(record[key], day_first)}; kept as extra metadata"
        )
    found.take_first("author", _as_names)
    found.take_first("language", normalise_code, detail=True)
    result.record_keys = tuple(str(key) for key in record)
    result.extra.update({str(k): json_safe(v) for k, v in record.items() if k not in found.used})
    return choice


def _missing_text(record: dict[str, Any]) -> str:
    found = ", ".join(sorted(map(str, record))[:12]) or "none"
    names = ", ".join(FIELD_NAMES["text"][:6])
    return f"no article text (a non-empty field such as {names}, …); its fields: {found}"


def read_record(
    record: Any, where: str, part: str | None, day_first: bool, fields: FieldMap = _NO_FIELDS
) -> ReadResult | RecordSkip:
    """One JSON record as an article, or a skip saying why not (`where` is "line 3" or "item 3")."""
    if not isinstance(record, dict):
        kind = type(record).__name__.replace("dict", "object").replace("list", "array").replace("str", "string")
        reason = f"{where}: is a JSON {kind}, not an object of article fields; fix or remove it"
        if part is None:
            raise InvalidArticle(reason)
        return RecordSkip(part, reason)
    record, replaced = without_surrogates(record)
    result = ReadResult(text="", part=part)
    if replaced:
        result.notes.append(surrogate_note(where, replaced))
    choice = apply_fields(result, record, where, day_first, want_text=True, fields=fields)
    if choice is None:
        if part is None:
            raise InvalidArticle(f"{where}: {_missing_text(record)}")
        return RecordSkip(part, f"{where}: {_missing_text(record)}")
    result.text = choice.text
    result.text_choice = choice
    return result


def _json_error(exc: json.JSONDecodeError, line_offset: int = 0) -> str:
    return f"line {exc.lineno + line_offset}, column {exc.colno}: not valid JSON ({exc.msg})"


def read_json_lines(raw: str, day_first: bool = False, fields: FieldMap = _NO_FIELDS) -> list[ReadResult | RecordSkip]:
    """JSON Lines: one record per non-blank line; a bad line is a skip naming the line."""
    out: list[ReadResult | RecordSkip] = []
    # Lines end at "\n" only: JSON strings may hold U+2028 and other characters `splitlines` breaks at.
    for number, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            reason = f"line {number}, column {exc.colno}: not valid JSON ({exc.msg}); fix or remove the line"
            out.append(RecordSkip(str(number), reason))
            continue
        except RecursionError:
            out.append(RecordSkip(str(number), f"line {number}: nested too deeply to read; fix or remove the line"))
            continue
        out.append(read_record(record, f"line {number}", str(number), day_first, fields))
    return out


def read_json(raw: str, day_first: bool = False, fields: FieldMap = _NO_FIELDS) -> list[ReadResult | RecordSkip]:
    """A JSON document: one article object, an array of them, or {"articles": [...]}.

    A `.json` file that is really JSON Lines (several objects, one per line) is read as such.
    """
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        lines = [line for line in raw.splitlines() if line.strip()]
        if exc.msg == "Extra data" and lines and lines[0].lstrip().startswith("{"):
            return read_json_lines(raw, day_first, fields)
        raise InvalidArticle(f"{_json_error(exc)}; fix the file or save it as JSON Lines") from exc
    if isinstance(data, dict):
        lists = [k for k in data if norm(str(k)) in COLLECTION_KEYS and isinstance(data[k], list)]
        if len(lists) == 1 and not any(norm(str(k)) in BY_NORM["text"] for k in data):
            data = data[lists[0]]
        else:
            return [read_record(data, "the JSON object", None, day_first, fields)]
    if not isinstance(data, list):
        raise InvalidArticle("is JSON but neither an article object nor an array of them")
    if not data:
        raise InvalidArticle("is an empty JSON array; add articles or remove the file")
    return [
        read_record(item, f"item {index}", str(index), day_first, fields) for index, item in enumerate(data, start=1)
    ]
