"""Keyword benchmark: P/R/F1 at 5 and 10 against the crowd keyphrases of 500N-KPCrowd.

    python bench/keywords.py ../shared/data/500n-kpcrowd-dev [--limit N]

Matching (as in the issue): lower-cased, split at white space, every word Porter-stemmed,
exact match of the whole phrase (hyphens inside a word are dropped first: the data set's keys
have none, "X-Men" is its "xmen"); duplicates after stemming count once. Articles under
40 words are left out (some files are only a headline while their keys describe the
whole story). Every method reads the whole file (headline line, blank line, body), its HTML
character references decoded as the site's plain-text reader decodes them ("&#039;" is "'").
Baselines: YAKE (lan="en", top=10) with
n = 1, 2, 3 on the raw text, the same on text whose sentences end in a full stop
(yake joins lines with spaces, so a headline without one runs into the lead), and
newspaper4k's keyword function (word counts without stop words).

`--bbc FOLDER` (bbc-news-summary/articles) also counts, over the first 60 articles of each
of its five categories (300), the articles whose top 3 keywords hold a generic word
("Mr", "people", "time", "year", "world", "way"), and prints them.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable
from pathlib import Path

from _common import arguments, data_or_exit, parse, table, timer

MIN_WORDS = 40
_INNER_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
GENERIC = {"mr", "people", "time", "year", "world", "way"}


def normaliser() -> Callable[[str], str]:
    """Lower-cased, hyphens inside a word dropped, each word Porter-stemmed.

    The data set's keys were written without hyphens ("selfinjury", "xmen", "35yearold": one key
    of its 12,373 has one), so a prediction loses them the same way, or "X-Men" could never match.
    """
    from nltk.stem import PorterStemmer

    stemmer = PorterStemmer()
    return lambda phrase: " ".join(stemmer.stem(w) for w in _INNER_HYPHEN.sub("", phrase.lower()).split())


def scored_items(data: Path) -> list[tuple[str, list[str]]]:
    """(text, key lines) of every article with a key file and MIN_WORDS words or more, by file name."""
    from generator.ingest.markup import decode_character_references

    items = []
    for path in sorted((data / "docs").glob("*.txt")):
        key_file = data / "keys" / (path.stem + ".key")
        text = decode_character_references(path.read_text(encoding="utf-8", errors="replace"))
        if key_file.exists() and len(text.split()) >= MIN_WORDS:
            items.append((text, key_file.read_text(encoding="utf-8", errors="replace").splitlines()))
    return items


def scores_at(predicted: list[str], gold: set[str], k: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of the first k (distinct, normalised) predictions."""
    top = predicted[:k]
    hits = sum(1 for p in top if p in gold)
    precision = hits / len(top) if top else 0.0
    recall = hits / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return precision, recall, f1


def yake_method(n: int) -> Callable[[str, object], list[str]]:
    import yake

    extractor = yake.KeywordExtractor(lan="en", n=n, top=10)
    return lambda text, doc: [phrase for phrase, _ in extractor.extract_keywords(text)]


def marked(method: Callable[[str, object], list[str]]) -> Callable[[str, object], list[str]]:
    """The method fed the same sentences, each ending in punctuation (from our split)."""
    from generator.analyse.keywords import sentence_marked_text

    return lambda text, doc: method(sentence_marked_text(doc), doc)


def newspaper_method(text: str, doc: object) -> list[str]:
    from newspaper import nlp as newspaper_nlp
    from newspaper.text import StopWords

    return list(newspaper_nlp.keywords(text, _stopwords(StopWords), 10))


_STOPWORDS: list[object] = []


def _stopwords(factory):  # noqa: ANN001, ANN202
    if not _STOPWORDS:
        _STOPWORDS.append(factory("en"))
    return _STOPWORDS[0]


def ours(text: str, doc: object) -> list[str]:
    from generator.analyse.keywords import extract_keywords
    from generator.config import Config

    config = Config()
    return [k.text for k in extract_keywords(doc, config.keywords, config.keyword_max_words)]  # type: ignore[arg-type]


def generic_in_top3(folder: Path) -> None:
    """Articles of the BBC sample whose three best keywords hold a generic word."""
    from generator.ingest.markup import decode_character_references

    texts = []
    for category in sorted(p for p in folder.iterdir() if p.is_dir()):
        for path in sorted(category.glob("*.txt"))[:60]:
            texts.append(decode_character_references(path.read_text(encoding="utf-8", errors="replace")))
    found = []
    for doc in parse(texts):
        top = [k.text for k in ours_keywords(doc)[:3]]
        if any(t.lower() in GENERIC for t in top):
            found.append(top)
    print(f"\nBBC, {len(texts)} articles: {len(found)} with a generic word among their top 3 keywords")
    for top in found:
        print("-", " · ".join(top))


def ours_keywords(doc: object):  # noqa: ANN201 - Keyword tuple
    from generator.analyse.keywords import extract_keywords
    from generator.config import Config

    config = Config()
    return extract_keywords(doc, config.keywords, config.keyword_max_words)  # type: ignore[arg-type]


def main() -> None:
    args = arguments(
        "Keyword P/R/F1 of ours and baselines on 500N-KPCrowd.",
        "../shared/data/500n-kpcrowd-dev",
        lambda parser: parser.add_argument("--bbc", default="", help="bbc-news-summary/articles: generic words check"),
    )
    data = data_or_exit(args.data, "docs")
    norm = normaliser()
    items = [(text, {norm(line) for line in keys} - {""}) for text, keys in scored_items(data)]
    if args.limit:
        items = items[: args.limit]
    with timer() as parse_time:
        docs = parse([text for text, _ in items])
    print(
        f"{len(items)} articles of {MIN_WORDS} words or more; "
        f"spaCy parse: {len(items) / parse_time[0]:.1f} articles/s (ours needs it; the baselines do not)"
    )
    methods = {
        "YAKE n=1": yake_method(1),
        "YAKE n=2": yake_method(2),
        "YAKE n=3": yake_method(3),
        "YAKE n=1, sentences marked": marked(yake_method(1)),
        "YAKE n=2, sentences marked": marked(yake_method(2)),
        "YAKE n=3, sentences marked": marked(yake_method(3)),
        "newspaper4k keywords": newspaper_method,
        "ours": ours,
    }
    rows = []
    for name, method in methods.items():
        with timer() as took:
            outputs = [method(text, doc) for (text, _), doc in zip(items, docs, strict=True)]
        figures: dict[int, list[tuple[float, float, float]]] = {5: [], 10: []}
        for output, (_, gold) in zip(outputs, items, strict=True):
            predicted = list(dict.fromkeys(p for p in map(norm, output) if p))
            for k in figures:
                figures[k].append(scores_at(predicted, gold, k))
        cells = [name]
        for k in (5, 10):
            for part in range(3):
                cells.append(f"{statistics.fmean(f[part] for f in figures[k]):.3f}")
        cells.append(f"{len(items) / took[0]:.0f}")
        rows.append(cells)
    print(table(rows, ["method", "P@5", "R@5", "F1@5", "P@10", "R@10", "F1@10", "articles/s"]))
    print("articles/s: extraction only; ours also needs the spaCy parse above (shared with the rest of the analysis).")
    if args.bbc and Path(args.bbc).is_dir():
        generic_in_top3(Path(args.bbc))


if __name__ == "__main__":
    main()
