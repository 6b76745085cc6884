"""What the console shows: every file name and value with its control characters escaped.

A file name or field can hold terminal escape codes (ESC [ 2 K erases a line, ESC ] 0 ; sets
the window title), carriage returns that hide what came before, or bidirectional overrides
(U+202E) that reverse what follows; text that is not UTF-8 carries lone surrogates. On the
console each becomes its escape (`\\x1b`, `\\r`, `\\u202e`, `\\udce9`), so a line shows what
the file holds and nothing can rewrite the lines above it.
"""

from __future__ import annotations

import re

# C0 and C1 controls and DEL (tab aside), bidirectional controls and marks, lone surrogates.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text: str) -> str:
    """`text` as one console line that shows every character: the unsafe ones as escapes."""
    return _UNSAFE.sub(_escape, text)
