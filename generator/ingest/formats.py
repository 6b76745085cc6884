"""The input formats: file suffix → reader. Each reader turns decoded text into one or more articles."""

from __future__ import annotations

from collections.abc import Callable

from generator.ingest.html import read_html
from generator.ingest.readers import ReadResult, RecordSkip, read_markdown, read_plain_text
from generator.ingest.records import read_json, read_json_lines

Reader = Callable[[str, bool], list[ReadResult | RecordSkip]]


def _one(read: Callable[[str, bool], ReadResult]) -> Reader:
    def reader(raw: str, day_first: bool) -> list[ReadResult | RecordSkip]:
        return [read(raw, day_first)]

    reader.__doc__ = read.__doc__
    return reader


READERS: dict[str, Reader] = {
    ".txt": _one(read_plain_text),
    ".text": _one(read_plain_text),
    ".md": _one(read_markdown),
    ".markdown": _one(read_markdown),
    ".html": _one(read_html),
    ".htm": _one(read_html),
    ".xhtml": _one(read_html),
    ".json": read_json,
    ".jsonl": read_json_lines,
    ".ndjson": read_json_lines,
    ".jsonlines": read_json_lines,
}
SUFFIXES = ", ".join(READERS)
