"""Small helpers for the SVG pictures drawn at build time (charts.py, graph.py).

Every text and attribute value that comes from the corpus goes through `esc`, which
drops control characters (not allowed in HTML) and escapes `& < > " '`. Pictures are
inline HTML inside the Markdown pages, wrapped in a block element (`figure`) so that
Python-Markdown passes them through untouched; they must hold no blank line.
"""

from __future__ import annotations

import html
import posixpath
import re

from generator.pages.paths import html_path

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CLASS_SAFE = re.compile(r"[^A-Za-z0-9_-]")


def esc(value: object) -> str:
    """Text or attribute value, escaped for HTML/SVG and on one line."""
    text = _CONTROL.sub("", str(value))
    return html.escape(" ".join(text.split()), quote=True)


def short(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,;:-") + "…"


def css_class(value: str) -> str:
    """A value made safe as a class name (letters, digits, - and _ only)."""
    return _CLASS_SAFE.sub("_", value) or "_"


def num(value: float) -> str:
    """A coordinate with at most one decimal (keeps the markup small and the output stable)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def html_href(page: str, from_page: str) -> str:
    """Relative .html link from one docs page to another (raw HTML is not rewritten by MkDocs)."""
    return posixpath.relpath(html_path(page), posixpath.dirname(from_page) or ".")
