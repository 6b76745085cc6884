"""Stable, URL- and file-safe slugs."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")


def slugify(value: str, max_length: int = 60) -> str:
    """ASCII slug of `value`; never empty (falls back to a short hash)."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    slug = _NON_WORD.sub("-", ascii_text.lower()).strip("-")
    slug = slug[:max_length].rstrip("-")
    return slug or "x-" + short_hash(value)


def short_hash(value: str, length: int = 8) -> str:
    return hashlib.sha1(value.encode("utf-8")).hexdigest()[:length]


class SlugRegistry:
    """Hands out unique slugs: a clash gets a suffix from a hash of its key, so it is stable."""

    def __init__(self) -> None:
        self._taken: dict[str, str] = {}  # slug -> the key that claimed it

    def owner(self, slug: str) -> str | None:
        """The key that holds `slug`, or None when it is free."""
        return self._taken.get(slug)

    def claim(self, wanted: str, key: str) -> str:
        slug = wanted
        if slug in self._taken:
            slug = f"{wanted}-{short_hash(key, 6)}"
            n = 2
            while slug in self._taken:
                slug = f"{wanted}-{short_hash(key, 6)}-{n}"
                n += 1
        self._taken[slug] = key
        return slug
