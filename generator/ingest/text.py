"""An article's analysed text, made from what the reader found: joined if tokenised, cleaned, cut to size.

Every format goes through `prepare_text`, after the reader and the sidecar: tokenised text
("word ," "do n't") is joined again (`detok`), scraped residue is taken out (`clean`), a
section heading glued to the next sentence gets a paragraph of its own (`headings`), and
a text over `max_article_chars` is cut at a line or sentence end (`cut_text`) before any
later stage holds it.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.ingest.clean import Cleaned, clean_text
from generator.ingest.detok import detokenise, looks_tokenised
from generator.ingest.headings import set_headings_apart


@dataclass(frozen=True)
class PreparedText:
    text: str
    cleaned: Cleaned  # what the cleaning took out, the dateline and byline it found
    detokenised: bool = False
    full_length: int | None = None  # the length before the cut, when the text was cut


def cut_text(text: str, limit: int) -> str:
    """The first `limit` characters of text or fewer, ending at a line end, else a sentence end, else a space."""
    if len(text) <= limit:
        return text
    window = text[:limit]
    floor = limit // 2
    for mark in ("\n", ". ", " "):
        at = window.rfind(mark, floor)
        if at != -1:
            return window[: at + 1].rstrip()
    return window


def prepare_text(text: str, title: str | None, limit: int) -> PreparedText:
    """The text to analyse: detokenised when tokenised, without scraped residue, at most `limit` characters."""
    tokenised = looks_tokenised(text)
    if tokenised:
        text = detokenise(text)
    cleaned = clean_text(text, title)
    text, _ = set_headings_apart(cleaned.text)
    if len(text) <= limit:
        return PreparedText(text, cleaned, tokenised)
    return PreparedText(cut_text(text, limit), cleaned, tokenised, len(text))
