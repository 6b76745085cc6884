"""Link-stage speed: seconds of each part of `link_corpus` at 1,000, 10,000 and 13,334 articles.

    python bench/link.py ../shared/data/bbc-news-summary/articles [--sizes 1000 10000 13334] [--base 1000]

The corpus is bench/render.py's synthetic one (worlds of the first `--base` BBC articles,
each world's letters shifted, outlets and dates given), analysed once and cached in
.cache/bench-analysis. Each size runs in this process, one after the other: the stories,
subjects and related articles (`link_topics`, generator/link/topics.py) are timed on their
own and inside the whole `link_corpus`.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from _common import arguments, data_or_exit, table
from render import CACHE, synthetic


def main() -> None:
    def extra(parser) -> None:  # noqa: ANN001
        parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 13334])
        parser.add_argument("--base", type=int, default=1000)

    args = arguments("Link-stage seconds at several corpus sizes.", "../shared/data/bbc-news-summary/articles", extra)
    data = data_or_exit(args.data, ".")
    from generator.analyse import analyse_articles
    from generator.config import Config
    from generator.ingest import read_corpus
    from generator.link import link_corpus
    from generator.link.entities import link_entities
    from generator.link.topics import link_topics
    from generator.progress import Reporter

    config = Config()
    articles = read_corpus(data, config).articles
    analyses, _ = analyse_articles(articles[: args.base], config, CACHE, Reporter(stream=sys.stderr))
    rows = []
    for size in args.sizes:
        corpus_articles, corpus_analyses = synthetic(articles, analyses, size, args.base)
        entities, mentions = link_entities(corpus_articles, corpus_analyses, None)
        started = time.perf_counter()
        topics = link_topics(corpus_articles, corpus_analyses, mentions, {e.id: e for e in entities}, config)
        topic_seconds = time.perf_counter() - started
        started = time.perf_counter()
        link_corpus(corpus_articles, corpus_analyses, config, Path("/nonexistent-alias-file.yml"))
        whole = time.perf_counter() - started
        rows.append(
            [f"{size:,}", f"{topic_seconds:.1f}", f"{whole:.1f}", str(len(topics.topics) - len(topics.no_story))]
        )
        print(table(rows, ["articles", "link_topics s", "link_corpus s", "stories"]), flush=True)


if __name__ == "__main__":
    main()
