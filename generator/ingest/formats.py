"""The input formats: file suffix → reader. Each reader turns decoded text into one or more articles.

Records (JSON, JSON Lines, Markdown front matter) take the sidecar's field mapping; the
other formats have no named fields and ignore it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from generator.ingest.fields import FieldMap
from generator.ingest.html import read_html
from generator.ingest.readers import ReadResult, RecordSkip, read_markdown, read_plain_text
from generator.ingest.records import read_json, read_json_lines


class Reader(Protocol):
    def __call__(
        self, raw: str, day_first: bool = False, fields: FieldMap | None = None
    ) -> list[ReadResult | RecordSkip]: ...


def _one(read: Callable[[str, bool], ReadResult], mapped: bool = False) -> Reader:
    def reader(raw: str, day_first: bool = False, fields: FieldMap | None = None) -> list[ReadResult | RecordSkip]:
        if mapped:
            return [read_markdown(raw, day_first, fields)]
        return [read(raw, day_first)]

    reader.__doc__ = read.__doc__
    return reader


def _records(read: Callable[[str, bool, FieldMap], list[ReadResult | RecordSkip]]) -> Reader:
    def reader(raw: str, day_first: bool = False, fields: FieldMap | None = None) -> list[ReadResult | RecordSkip]:
        return read(raw, day_first, fields or FieldMap())

    reader.__doc__ = read.__doc__
    return reader


READERS: dict[str, Reader] = {
    ".txt": _one(read_plain_text),
    ".text": _one(read_plain_text),
    ".md": _one(read_markdown, mapped=True),
    ".markdown": _one(read_markdown, mapped=True),
    ".html": _one(read_html),
    ".htm": _one(read_html),
    ".xhtml": _one(read_html),
    ".json": _records(read_json),
    ".jsonl": _records(read_json_lines),
    ".ndjson": _records(read_json_lines),
    ".jsonlines": _records(read_json_lines),
}
SUFFIXES = ", ".join(READERS)
