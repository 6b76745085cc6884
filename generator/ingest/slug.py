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


# Page names the site gives its own pages in the folders that hold articles, topics, sources and entities
# (`pages/paths.py`): each folder's list page is its index.html. Never an item's.
RESERVED_SLUGS = frozenset({"index"})
COMPARE_SUFFIX = "-sources"  # a topic's comparison page: topics/<slug>-sources.html (`pages/paths.py`)
SITE_PAGE = "the site's own page"


class SlugRegistry:
    """Hands out unique slugs: a clash gets a suffix from a hash of its key, so it is stable.

    The reserved names (the site's own pages) are never handed out. `companions` are the suffixes of
    the other pages an item gets beside its own (a topic's `-sources` page): a slug is free only when
    it and each companion are, so one item's page never takes another's companion page.
    """

    def __init__(self, reserved: frozenset[str] = RESERVED_SLUGS, companions: tuple[str, ...] = ()) -> None:
        self._taken: dict[str, str] = dict.fromkeys(reserved, SITE_PAGE)  # slug -> the key that claimed it
        self._companions = companions

    def owner(self, slug: str) -> str | None:
        """The key that holds `slug`, or None when it is free."""
        return self._taken.get(slug)

    def _free(self, slug: str) -> bool:
        names = [slug, *(slug + suffix for suffix in self._companions)]
        return not any(name in self._taken for name in names)

    def claim(self, wanted: str, key: str) -> str:
        slug = wanted
        if not self._free(slug):
            slug = f"{wanted}-{short_hash(key, 6)}"
            n = 2
            while not self._free(slug):
                slug = f"{wanted}-{short_hash(key, 6)}-{n}"
                n += 1
        self._taken[slug] = key
        for suffix in self._companions:
            self._taken[slug + suffix] = key
        return slug
