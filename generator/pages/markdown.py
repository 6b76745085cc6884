"""Writing Markdown safely: article text is untrusted, so everything is escaped unless marked.

Templates render through a jinja2 environment whose `finalize` escapes every
value that is not an `MD` (Markdown we built ourselves from escaped parts), the
way HTML autoescaping works. Escaping covers HTML (`&`, `<`, `>`) and every
character Python-Markdown gives meaning to, so a payload such as
`[x](javascript:alert(1))` or `<script>` shows as text.
"""

from __future__ import annotations

import html
import posixpath
import re
from functools import lru_cache
from urllib.parse import quote, urlsplit

_MD_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+!|])")  # all are in Python-Markdown's ESCAPED_CHARS
_WHITESPACE = re.compile(r"\s+")
_LIST_MARKER = re.compile(r"^(\s*)(-|\d+(?=\.))", re.MULTILINE)


class MD(str):
    """Markdown that is already safe: built by us from escaped parts."""


def escape(text: object, inline: bool = True) -> MD:
    """Escape text for Markdown; `inline` also folds runs of white space, line breaks included,
    into one space (for table cells, titles and text around links), keeping a space at either end."""
    if isinstance(text, MD):
        return text
    value = "" if text is None else str(text)
    if inline:
        value = _WHITESPACE.sub(" ", value)
    value = html.escape(value, quote=False)
    value = _MD_SPECIALS.sub(r"\\\1", value)
    value = _LIST_MARKER.sub(lambda m: m.group(1) + ("\\-" if m.group(2) == "-" else m.group(2) + "\\"), value)
    return MD(value)


def finalize(value: object) -> object:
    """Jinja finalize hook: anything not marked MD is escaped."""
    if value is None:
        return ""
    if isinstance(value, MD):
        return value
    return escape(value)


def relative(from_page: str, to_page: str) -> str:
    """Link from one docs-relative page path to another, as MkDocs wants (.md targets)."""
    return _relative_from_folder(posixpath.dirname(from_page) or ".", to_page)


@lru_cache(maxsize=65536)
def _relative_from_folder(folder: str, to_page: str) -> str:
    return posixpath.relpath(to_page, folder)


def safe_url(url: str | None) -> str | None:
    """An http(s) URL made safe for a Markdown link target; anything else is None (shown as text)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(url.strip(), safe=":/?&=#%@+,;~")


def external_link(text: object, url: str | None) -> MD:
    target = safe_url(url)
    if target is None:
        return escape(text if text else url or "")
    return MD(f"[{escape(text)}](<{target}>)")
