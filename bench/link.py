"""Link-stage speed: wall and CPU seconds of each part of `link_corpus` at 1,000, 10,000 and 13,334 articles.

    python bench/link.py ../shared/data/bbc-news-summary/articles [--sizes 1000 5000 13334] [--base 1000] [--source DIR]
                         [--profile DIR]

The corpus is bench/render.py's synthetic one (worlds of the first `--base` BBC articles,
each world's letters shifted, outlets and dates given), analysed once and cached in
.cache/bench-analysis. Each size runs in a fresh process (so one size's memory and caches
do not slow the next), one after the other. The parts are timed inside one real
`link_corpus` call: the functions it calls (entities, topics, quotes, shared text,
duplicates) are wrapped with a timer for that call, and "rest" is what the call spends
outside them (sources, the corpus object, the waits for the forked processes: `generator.link.background`,
whose CPU seconds are printed apart). CPU seconds (`time.process_time()`, this
process only) depend less on the machine's load than wall seconds; the load average is
printed with each size. `--source DIR` times the generator of another copy of the source
(e.g. `git archive <commit> generator | tar -x -C DIR`) on the same cached analyses.
`--profile DIR` writes the cProfile statistics of each size's `link_corpus` call to
DIR/link-<size>.prof (the profiler slows Python code two to three times: its seconds are not
the figures). Whether two revisions link the same corpus: bench/link_check.py.
"""

from __future__ import annotations

import cProfile
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from _common import ROOT, arguments, data_or_exit, table
from render import CACHE, synthetic

PARTS = {  # name in generator.link's namespace -> the part it is
    "link_entities": "entities",
    "link_topics": "topics",
    "word_neighbours": "word neighbours",
    "find_shared_text": "shared text",
    "find_duplicates": "duplicates",
    "link_quotes": "quotes",
    "build_index": "index",
    "keyword_index": "keywords",
    "keyword_links": "keywords",
    "topic_summary": "summaries",
    "compare_topics": "coverage",
    "profile_sources": "coverage",
}


def _timed(function: Callable, name: str, spent: dict[str, list[float]]) -> Callable:
    def wrapper(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name][0] += time.perf_counter() - wall
            spent[name][1] += time.process_time() - cpu
            spent[name][2] += 1  # a call in this process (a call in a forked child counts in the child's copy)

    return wrapper


def _children_cpu() -> float:
    times = os.times()
    return times.children_user + times.children_system


def one_size(data: Path, size: int, base: int, profile: Path | None = None) -> dict[str, object]:
    """Build the synthetic corpus of `size` articles and time one `link_corpus` on it, part by part."""
    import generator.link as link

    print(f"timing the generator of {Path(link.__file__).parent.parent}", file=sys.stderr)
    from generator.analyse import analyse_articles
    from generator.config import Config
    from generator.ingest import read_corpus
    from generator.progress import Reporter

    config = Config()
    articles = read_corpus(data, config).articles
    analyses, _ = analyse_articles(articles[:base], config, CACHE, Reporter(stream=sys.stderr))
    corpus_articles, corpus_analyses = synthetic(articles, analyses, size, base)
    present = {part for name, part in PARTS.items() if hasattr(link, name)}  # older trees lack some parts
    spent = {part: [0.0, 0.0, 0] for part in PARTS.values() if part in present}
    for name, part in PARTS.items():
        if hasattr(link, name):
            setattr(link, name, _timed(getattr(link, name), part, spent))
    profiler = cProfile.Profile() if profile else None
    load = os.getloadavg()[0]
    wall, cpu, forked = time.perf_counter(), time.process_time(), _children_cpu()
    if profiler:
        profiler.enable()
    corpus = link.link_corpus(corpus_articles, corpus_analyses, config, Path("/nonexistent-alias-file.yml"))
    if profiler:
        profiler.disable()
    wall, cpu, forked = time.perf_counter() - wall, time.process_time() - cpu, _children_cpu() - forked
    if profiler and profile:
        profile.mkdir(parents=True, exist_ok=True)
        profiler.dump_stats(profile / f"link-{size}.prof")
    spent["rest"] = [wall - sum(w for w, _, _ in spent.values()), cpu - sum(c for _, c, _ in spent.values()), 1]
    spent["link_corpus"] = [wall, cpu, 1]
    return {
        "articles": size,
        "load": (load + os.getloadavg()[0]) / 2,
        "spent": spent,
        "forked": forked,
        "stories": len(corpus.stories),
        "entities": len(corpus.entities),
        "quote_groups": len(corpus.quote_groups),
        "shared": len(corpus.shared_text),
    }


def _cell(spent: list[float] | None) -> str:
    if spent is None:
        return "-"  # an older tree without this part
    wall, cpu, calls = spent
    return f"{wall:.1f} / {cpu:.1f}" if calls else "forked"


def main() -> None:
    def extra(parser) -> None:  # noqa: ANN001
        parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 13334])
        parser.add_argument("--base", type=int, default=1000)
        parser.add_argument("--source", type=Path, help="import the generator from this source tree instead")
        parser.add_argument("--profile", type=Path, help="write cProfile statistics to DIR/link-<size>.prof")
        parser.add_argument("--one", type=int, help="(internal) time one size in this process, print JSON")

    args = arguments("Link-stage seconds at several corpus sizes.", "../shared/data/bbc-news-summary/articles", extra)
    data = data_or_exit(args.data, ".")
    if args.source:
        sys.path.insert(0, str(args.source.resolve()))
    if args.one:
        print(json.dumps(one_size(data, args.one, args.base, args.profile)))
        return
    parts = [*dict.fromkeys(PARTS.values()), "rest", "link_corpus"]
    rows = []
    for size in args.sizes:
        command = [sys.executable, str(Path(__file__)), str(data), "--one", str(size), "--base", str(args.base)]
        command += ["--source", str(args.source)] if args.source else []
        command += ["--profile", str(args.profile.resolve())] if args.profile else []
        done = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=True)
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        spent = figures["spent"]
        cells = [_cell(spent.get(p)) for p in parts]
        forked = f"{figures['forked']:.1f}"
        rows.append([f"{size:,}", *cells, forked, f"{figures['load']:.1f}", str(figures["stories"])])
        print(table(rows, ["articles", *(f"{p} s" for p in parts), "forked CPU s", "load", "stories"]), flush=True)
    print(
        "each cell: wall seconds / CPU seconds of this process; forked: the part ran in a process the link stage\n"
        "forked (generator/link/background.py), timed only in the forked CPU s column, the CPU seconds of all of\n"
        "them; a wait for one is in rest; load: 1-minute load average"
    )


if __name__ == "__main__":
    main()
