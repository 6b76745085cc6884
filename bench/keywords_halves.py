"""Our keyword F1@10 on the two held-out halves of 500N-KPCrowd, under both scoring rules.

    python bench/keywords_halves.py ../shared/data/500n-kpcrowd-dev

The scored articles (bench/keywords.py's `scored_items`: 40 words or more, with a key file) sorted by file
name: A = even positions, B = odd. One half tunes a rule, the other checks it (docs/BENCHMARKS.md,
"Keywords, third pass"). "old" is the scoring rule before the hyphen fix (hyphens kept, every word
Porter-stemmed); "new" is bench/keywords.py's (hyphens inside a word dropped first).
"""

from __future__ import annotations

import statistics
from collections.abc import Callable

from _common import arguments, data_or_exit, parse
from keywords import normaliser, ours, scored_items, scores_at


def old_normaliser() -> Callable[[str], str]:
    """The scoring rule before the hyphen fix: lower-cased, each word Porter-stemmed."""
    from nltk.stem import PorterStemmer

    stemmer = PorterStemmer()
    return lambda phrase: " ".join(stemmer.stem(w) for w in phrase.lower().split())


def main() -> None:
    args = arguments("Our keyword F1@10 on halves A and B, old and new scoring.", "../shared/data/500n-kpcrowd-dev")
    data = data_or_exit(args.data, "docs")
    items = scored_items(data)
    if args.limit:
        items = items[: args.limit]
    docs = parse([text for text, _ in items])
    outputs = [ours(text, doc) for (text, _), doc in zip(items, docs, strict=True)]
    for rule, norm in (("old", old_normaliser()), ("new", normaliser())):
        f1 = []
        for output, (_, keys) in zip(outputs, items, strict=True):
            gold = {norm(line) for line in keys} - {""}
            predicted = list(dict.fromkeys(p for p in map(norm, output) if p))
            f1.append(scores_at(predicted, gold, 10)[2])
        a, b = f1[0::2], f1[1::2]
        print(
            f"{rule}: A ({len(a)}) {statistics.mean(a):.4f}  B ({len(b)}) {statistics.mean(b):.4f}  "
            f"all ({len(f1)}) {statistics.mean(f1):.4f}"
        )


if __name__ == "__main__":
    main()
