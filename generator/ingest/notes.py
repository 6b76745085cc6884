"""What the build summary says about the ingest as a whole: one line per kind of thing, with counts.

A per-article fact (which text field was used, the text was tokenised, what cleaning took
out) is kept on the article; the build summary gets one line for each kind, with the
number of articles and a few of their addresses, not one line per article.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from generator.ingest.fields import ROLES
from generator.ingest.readers import ReadResult
from generator.ingest.sidecar import Sidecar
from generator.ingest.text import PreparedText

EXAMPLES = 3


def _some(addresses: Sequence[str]) -> str:
    shown = ", ".join(addresses[:EXAMPLES])
    return shown + (f" and {len(addresses) - EXAMPLES:,} more" if len(addresses) > EXAMPLES else "")


def _articles(count: int) -> str:
    return f"{count:,} article" + ("" if count == 1 else "s")


def text_field_notices(pending: Sequence[tuple[str, ReadResult, PreparedText]]) -> list[str]:
    """One line per (field used, first field) pair where the first text field was not the one used."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    reasons: dict[tuple[str, str], str] = {}
    for address, read, _ in pending:
        choice = read.text_choice
        if choice is None or choice.why is None:
            continue
        groups[(choice.key, choice.first)].append(address)
        reasons[(choice.key, choice.first)] = choice.why.split(" (", 1)[0]
    return [
        f"{_articles(len(addresses))}: the text is read from the {key!r} field, not {first!r} (the first text "
        f"field that matched), since {reasons[(key, first)]}: {_some(addresses)}"
        for (key, first), addresses in sorted(groups.items())
    ]


def detokenised_warning(pending: Sequence[tuple[str, ReadResult, PreparedText]]) -> list[str]:
    addresses = [address for address, _, prepared in pending if prepared.detokenised]
    if not addresses:
        return []
    return [
        f"{_articles(len(addresses))} had tokenised text (spaces before punctuation, split contractions) and no "
        f"other version of it: joined again with the Moses detokeniser (sacremoses) before analysis; check that "
        f"they read well: {_some(addresses)}"
    ]


def cleaning_notice(pending: Sequence[tuple[str, ReadResult, PreparedText]]) -> list[str]:
    """One line: how many articles lost scraped residue, and how much of each kind."""
    kinds: Counter[str] = Counter()
    cleaned = 0
    for _, _, prepared in pending:
        removed = [r for r in prepared.cleaned.removed if r.rule not in ("dateline", "byline")]
        cleaned += bool(removed)
        kinds.update(r.rule for r in removed)
    if not cleaned:
        return []
    listed = ", ".join(f"{count:,} {rule}" for rule, count in kinds.most_common())
    return [
        f"scraped residue taken out of the analysed text of {_articles(cleaned)} ({listed}); each article's "
        "record lists what was taken out"
    ]


def mapping_problems(
    reads: Sequence[tuple[str, ReadResult]], sidecar: Sidecar, record_count: int, keys: Counter[str]
) -> list[str]:
    """Warnings for mapped fields some records lack; ValueError for one no record has."""
    warnings: list[str] = []
    where = f"{sidecar.file_name}: fields"
    for role in ROLES:
        names = sidecar.fields.names.get(role)
        if not names:
            continue
        found = sum(role in read.mapping_found for _, read in reads)
        missing = [address for address, read in reads if role in read.mapping_missing]
        shown = " or ".join(repr(n) for n in names)
        if found == 0:
            have = ", ".join(key for key, _ in keys.most_common(12)) or "none"
            raise ValueError(
                f"{where}: {role}: no record has the field {shown} ({record_count:,} records read; their fields "
                f"include {have}); correct the name or remove it"
            )
        if missing:
            warnings.append(
                f"{where}: {role}: {len(missing):,} of {found + len(missing):,} records have no (non-empty) field "
                f"{shown}; they use the usual field order: {_some(missing)}"
            )
    return warnings
