"""A long list split into pages: the pages' paths and the pager each page shows (`_pager.md`).

Kept apart from `long_lists.py` (which builds page contexts from the `Site`) so that the quote
pages, which the `Site` itself uses, can split their speaker index too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from generator.pages.refs import Ref

PER_PAGE = 250  # rows on one page of a long list

Item = TypeVar("Item")


@dataclass(frozen=True, slots=True)
class Pager:
    """Where one page sits in its list: its number, a link to every page, the rows it holds."""

    number: int  # from 1
    parts: tuple[Ref, ...]  # every page of the list, label "1", "2", …
    first: int  # the number of its first row in the whole list, from 1 (0: the list is empty)
    last: int
    total: int  # rows in the whole list


def split(
    items: Sequence[Item], path: Callable[[int], str], per_page: int | None = None
) -> list[tuple[Pager, Sequence[Item]]]:
    """The items in pages of `per_page` (PER_PAGE unless given; at least one page, maybe empty); `path(n)`
    is page n's docs path."""
    per_page = per_page or PER_PAGE
    chunks = [items[start : start + per_page] for start in range(0, len(items), per_page)] or [items[:0]]
    parts = tuple(Ref(str(number), path(number)) for number in range(1, len(chunks) + 1))
    out = []
    for number, chunk in enumerate(chunks, 1):
        first = (number - 1) * per_page + 1 if chunk else 0
        out.append((Pager(number, parts, first, first + len(chunk) - 1 if chunk else 0, len(items)), chunk))
    return out


def first_page_or(first: str, folder: str) -> Callable[[int], str]:
    """Page 1 at `first`, the others at `folder/n.md`."""
    return lambda number: first if number == 1 else f"{folder}/{number}.md"
