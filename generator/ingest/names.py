"""Strings from files made safe and canonical: names and labels, file names, lone surrogates.

- `canonical_name`: a name or label (title, outlet, author) as one line in NFC, white space
  folded, with control characters (NUL, ESC, …) and bidirectional controls (U+202E, which
  reverses the page's own labels, and its kin) taken out, so one outlet is one source
  whatever its file's spacing or Unicode form ("BBC  News" = "BBC News"; NFC and NFD
  "Le Monde Économie" are one). `name_key` is what names are compared by (case folded).
- `without_surrogates`: a lone surrogate (JSON can hold "\\ud800"; UTF-8 cannot) becomes
  U+FFFD, anywhere in a record, keys and extra fields included, with a count for a warning.
- `shown_path`: a file's path as text that can be shown and written anywhere: bytes that are
  not UTF-8 (kept by the file system as surrogate escapes) become "\\xe9", and control and
  bidirectional characters "\\x1b", "\\u202e".
"""

from __future__ import annotations

import os
import re
import unicodedata
from typing import Any

SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"
# Bidirectional controls: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), marks.
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_INVISIBLE = re.compile(f"[\ufeff{BIDI}]")
_CONTROL_IN_PATH = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI}]")


def canonical_name(value: str) -> str:
    """A name or label: NFC, control and bidirectional characters out, white space folded to one space."""
    value = unicodedata.normalize("NFC", SURROGATE.sub(REPLACEMENT, value))
    return " ".join(_CONTROL.sub(" ", _INVISIBLE.sub("", value)).split())


def name_key(value: str) -> str:
    """What names are compared by: the canonical name, case folded."""
    return canonical_name(value).casefold()


def without_surrogates(value: Any) -> tuple[Any, int]:
    """The value (a JSON or YAML value) with every lone surrogate replaced by U+FFFD, and how many there were."""
    if isinstance(value, str):
        found = len(SURROGATE.findall(value))
        return (SURROGATE.sub(REPLACEMENT, value) if found else value), found
    if isinstance(value, dict):
        out: dict[Any, Any] = {}
        total = 0
        for key, item in value.items():
            clean_key, in_key = without_surrogates(key)
            clean_item, in_item = without_surrogates(item)
            out[clean_key] = clean_item
            total += in_key + in_item
        return out, total
    if isinstance(value, list):
        items = [without_surrogates(item) for item in value]
        return [item for item, _ in items], sum(count for _, count in items)
    return value, 0


def shown_path(rel: str) -> str:
    """A relative path as it can be shown: undecodable bytes as \\xNN, control and bidi characters escaped."""
    decoded = os.fsencode(rel).decode("utf-8", "backslashreplace") if SURROGATE.search(rel) else rel
    return _CONTROL_IN_PATH.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), decoded)


def surrogate_note(where: str, count: int) -> str:
    return (
        f"{where}: {count:,} lone surrogate(s) (half of a UTF-16 pair, such as \\ud800, which no text can hold) "
        "replaced with U+FFFD (\ufffd); fix the exporter that wrote them"
    )
