"""Quoted strings found from the quote marks, paragraph by paragraph, as a reader pairs them.

A mark opens or closes by its shape (“ ”) or, for a straight mark ("), by what stands
beside it: after a space or at the start of a paragraph it opens, before a space or
punctuation it closes; a mark with letters (or spaces) on both sides is neither and is
skipped. A quote never runs past its paragraph, except where news style continues it:
a paragraph that ends inside a quote, when the next paragraph opens with a quote mark,
carries on in that paragraph (each piece is a span of its own, linked to the piece
before it). A quote left open in any other way (an opening mark with no closing one,
or a second opening mark before the first is closed) is not a quote at all: pairing
the stray mark with a later one would turn the narrative between them into a quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN, _CLOSE, _EITHER = "open", "close", "either"
_MARKS = re.compile(r"[“”\"]")
_OPENING_CONTEXT = set(" \t([{—–-/")  # what may stand before an opening straight mark
_CLOSING_CONTEXT = set(" \t.,;:!?)]}—–-/…")  # what may stand after a closing straight mark


@dataclass(frozen=True)
class QuotedSpan:
    """The text inside a pair of quote marks: [start, end) excludes the marks."""

    start: int
    end: int
    continues: int | None = None  # index of the span this one continues (a quote running over paragraphs)


def _direction(text: str, at: int, start: int, end: int) -> str | None:
    """Whether the mark at `at` (inside the paragraph [start, end)) opens, closes, or neither."""
    mark = text[at]
    before = text[at - 1] if at > start else " "
    after = text[at + 1] if at + 1 < end else " "
    if mark == "“":
        return _OPEN if not after.isspace() else None
    if mark == "”":
        if before.isspace() and not after.isspace() and (at == start or before in _OPENING_CONTEXT):
            return _EITHER  # a ” used as an opening mark ("”Hello,” she said"): decided by the state
        return _CLOSE if not before.isspace() else None
    opens = (before in _OPENING_CONTEXT or before.isspace()) and not after.isspace()
    closes = not before.isspace() and (after in _CLOSING_CONTEXT or after.isspace() or after in '“”"')
    if opens and not closes:
        return _OPEN
    if closes and not opens:
        return _CLOSE
    return None


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, whitespace trimmed."""
    spans = []
    position = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((position + lead, position + lead + len(stripped)))
        position += len(line) + 1
    return spans


def _pieces(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None, bool]:
    """Closed quotes of one paragraph, the start of a quote still open at its end, and whether
    the paragraph begins with an opening mark."""
    closed: list[tuple[int, int]] = []
    opened: int | None = None
    starts_open = False
    for match in _MARKS.finditer(text, start, end):
        at = match.start()
        direction = _direction(text, at, start, end)
        if direction == _EITHER:
            direction = _CLOSE if opened is not None else _OPEN
        if direction == _OPEN:
            if at == start:
                starts_open = True
            opened = at + 1  # a second opening mark: the first one was never closed, and is dropped
        elif direction == _CLOSE and opened is not None:
            closed.append((opened, at))
            opened = None
    return closed, opened, starts_open


def find_quoted(text: str) -> list[QuotedSpan]:
    """Every quoted string of the text, in order; the pieces of a quote over paragraphs are linked."""
    found: list[QuotedSpan] = []
    paragraphs = _paragraphs(text)
    scanned = [_pieces(text, a, b) for a, b in paragraphs]
    carried: int | None = None  # index in `found` of a piece whose quote runs on into this paragraph
    for number, ((p_start, p_end), (closed, opened, starts_open)) in enumerate(zip(paragraphs, scanned, strict=True)):
        continuing = carried if starts_open else None
        carried = None
        for index, (a, b) in enumerate(closed):
            found.append(QuotedSpan(a, b, continuing if index == 0 and a == p_start + 1 else None))
        if opened is None:
            continue
        next_opens = number + 1 < len(scanned) and scanned[number + 1][2]
        if next_opens and opened < p_end:
            previous = continuing if not closed and opened == p_start + 1 else None
            found.append(QuotedSpan(opened, p_end, previous))
            carried = len(found) - 1
    return [span for span in found if text[span.start : span.end].strip()]
