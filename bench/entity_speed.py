"""Entity linking speed at 1,000 and 10,000 articles: `link_entities` alone, on bench/render.py's corpus.

    python bench/entity_speed.py ../shared/data/bbc-news-summary/articles [--sizes 1000 10000] [--base 1000]

The corpus is the one bench/render.py builds: the first `--base` BBC articles (analysed once
and cached in .cache/bench-analysis), repeated in worlds whose letters are shifted so that no
two worlds share a name. Each size runs in this process after the corpus is built; the figure
is the wall time of `link_entities` (the entity part of the link stage), best of `--repeat`.
"""

from __future__ import annotations

import argparse
import sys
import time

from _common import data_or_exit, table
from render import CACHE, synthetic


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default="../shared/data/bbc-news-summary/articles")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--base", type=int, default=1000, help="BBC articles per world (default 1000)")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    data = data_or_exit(args.data, ".")
    from generator.analyse import analyse_articles
    from generator.config import Config
    from generator.ingest import read_corpus
    from generator.link.entities import link_entities
    from generator.progress import Reporter

    config = Config()
    articles = read_corpus(data, config).articles
    analyses, _ = analyse_articles(articles[: args.base], config, CACHE, Reporter(stream=sys.stderr))
    rows = []
    for size in args.sizes:
        corpus, corpus_analyses = synthetic(articles, analyses, size, args.base)
        mentions = sum(len(a.mentions) for a in corpus_analyses.values())
        best = float("inf")
        for _ in range(args.repeat):
            started = time.perf_counter()
            entities, _ = link_entities(corpus, corpus_analyses)
            best = min(best, time.perf_counter() - started)
        rows.append([f"{size:,}", f"{mentions:,}", f"{len(entities):,}", f"{best:.2f}", f"{1e6 * best / mentions:.1f}"])
    print(table(rows, ["articles", "mentions", "entities", "link_entities s", "µs per mention"]))


if __name__ == "__main__":
    main()
