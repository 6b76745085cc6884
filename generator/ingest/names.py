"""Names and labels as one canonical string, so one outlet is one source whatever the file's spacing.

`canonical_name` folds runs of white space into one space; `name_key` is what two names
are compared by (case ignored), e.g. for the sidecar's `outlets:` entries.
"""

from __future__ import annotations


def canonical_name(value: str) -> str:
    """A name or label as one line: runs of white space folded to one space, ends trimmed."""
    return " ".join(value.split())


def name_key(value: str) -> str:
    """What names are compared by: the canonical name, case folded."""
    return canonical_name(value).casefold()
