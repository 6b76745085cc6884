"""Union-find (disjoint sets): which items are joined, directly or through others.

The link stage joins names into entities (`merger.Merger`, which adds the rules' reasons and keep_apart)
and quotes into quote groups (`quote_groups._Groups`, which keeps the speakers of each group) this way.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class DisjointSets(Generic[T]):
    """Sets of items, joined two at a time; `find` names a set by its root item (path halving)."""

    def __init__(self, items: Iterable[T] = ()) -> None:
        self.parent: dict[T, T] = {item: item for item in items}  # every item seen, to its parent

    def add(self, item: T) -> None:
        self.parent.setdefault(item, item)

    def find(self, item: T) -> T:
        parent = self.parent
        up = parent.get(item)
        if up is None:  # a new item is a set of its own
            parent[item] = item
            return item
        while up != item:
            parent[item] = parent[up]
            item = parent[item]
            up = parent[item]
        return item

    def join(self, keep: T, other: T) -> None:
        """Put `other`'s set into `keep`'s: the root of `keep`'s set stays the root."""
        self.parent[self.find(other)] = self.find(keep)
