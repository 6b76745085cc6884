"""Link-stage speed: wall and CPU seconds of each part of `link_corpus` at 1,000, 10,000 and 13,334 articles.

    python bench/link.py ../shared/data/bbc-news-summary/articles [--sizes 1000 5000 13334] [--base 1000] [--source DIR]
                         [--real] [--dump DIR] [--profile DIR]

The corpus is bench/render.py's synthetic one (worlds of the first `--base` BBC articles,
each world's letters shifted, outlets and dates given), analysed once and cached in
.cache/bench-analysis. Each size runs in a fresh process (so one size's memory and caches
do not slow the next), one after the other. The parts are timed inside one real
`link_corpus` call: the functions it calls (entities, topics, quotes, shared text,
duplicates) are wrapped with a timer for that call, and "rest" is what the call spends
outside them (sources, the corpus object). CPU seconds (`time.process_time()`, this
process only) depend less on the machine's load than wall seconds; the load average is
printed with each size. `--source DIR` times the generator of another copy of the source
(e.g. `git archive <commit> generator | tar -x -C DIR`) on the same cached analyses.

`--real` links the data folder itself (every article, default options, its aliases.yml if
any, analyses cached in .cache/analysis) instead of the synthetic corpus: one size. `--dump
DIR` writes each linked corpus (as the corpus cache stores it: MessagePack, its analyses and
lookups left out) to DIR/corpus-<size>.msgpack; `--compare A B` says whether two dumps (two
revisions' outputs) are equal, field by field, or names the fields that differ (not `cmp`:
a set's order changes from process to process). `--profile DIR` writes the cProfile
statistics of each `link_corpus` call to DIR/link-<size>.prof.
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

    return wrapper


def one_size(
    data: Path, size: int, base: int, real: bool, dump: Path | None, profile: Path | None
) -> dict[str, object]:
    """Build the synthetic corpus of `size` articles (or read the real one) and time one `link_corpus` on it,
    part by part."""
    import generator.link as link

    print(f"timing the generator of {Path(link.__file__).parent.parent}", file=sys.stderr)
    from generator.analyse import analyse_articles
    from generator.config import Config
    from generator.ingest import read_corpus
    from generator.progress import Reporter

    config = Config()
    articles = read_corpus(data, config).articles
    if real:
        cache = ROOT / ".cache" / "analysis"
        corpus_articles = articles
        corpus_analyses, _ = analyse_articles(articles, config, cache, Reporter(stream=sys.stderr))
        size = len(articles)
        alias_file = data / config.alias_file
    else:
        analyses, _ = analyse_articles(articles[:base], config, CACHE, Reporter(stream=sys.stderr))
        corpus_articles, corpus_analyses = synthetic(articles, analyses, size, base)
        alias_file = Path("/nonexistent-alias-file.yml")
    present = {part for name, part in PARTS.items() if hasattr(link, name)}  # older trees lack some parts
    spent = {part: [0.0, 0.0] for part in PARTS.values() if part in present}
    for name, part in PARTS.items():
        if hasattr(link, name):
            setattr(link, name, _timed(getattr(link, name), part, spent))
    profiler = cProfile.Profile() if profile else None
    load = os.getloadavg()[0]
    wall, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    corpus = link.link_corpus(corpus_articles, corpus_analyses, config, alias_file)
    if profiler:
        profiler.disable()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    if profiler and profile:
        profile.mkdir(parents=True, exist_ok=True)
        profiler.dump_stats(profile / f"link-{size}.prof")
    if dump:
        dump.mkdir(parents=True, exist_ok=True)
        (dump / f"corpus-{size}.msgpack").write_bytes(_encoded(corpus))
    spent["rest"] = [wall - sum(w for w, _ in spent.values()), cpu - sum(c for _, c in spent.values())]
    spent["link_corpus"] = [wall, cpu]
    return {
        "articles": size,
        "load": (load + os.getloadavg()[0]) / 2,
        "spent": spent,
        "stories": len(corpus.stories),
        "entities": len(corpus.entities),
        "quote_groups": len(corpus.quote_groups),
        "shared": len(corpus.shared_text),
    }


def _encoded(corpus) -> bytes:  # noqa: ANN001 - the Corpus of whichever generator is timed
    """The corpus as the corpus cache stores it (`corpus_store.save_corpus`), its analyses and lookups left out."""
    import dataclasses

    import msgspec

    from generator.model import CorpusIndex

    empty = CorpusIndex(*({} for _ in dataclasses.fields(CorpusIndex)))
    return msgspec.msgpack.encode(dataclasses.replace(corpus, index=empty, analyses={}))


def compare(left: Path, right: Path) -> None:
    """Name the fields of two dumped corpora that differ (read as `Corpus`: a set equals itself in any order),
    with the first differing item of each."""
    import dataclasses

    import msgspec

    from generator.model import Corpus

    a, b = (msgspec.msgpack.decode(path.read_bytes(), type=Corpus) for path in (left, right))
    differing = [f.name for f in dataclasses.fields(Corpus) if getattr(a, f.name) != getattr(b, f.name)]
    for name in differing:
        x, y = getattr(a, name), getattr(b, name)
        if isinstance(x, tuple) and isinstance(y, tuple):
            at = next((i for i, (p, q) in enumerate(zip(x, y, strict=False)) if p != q), min(len(x), len(y)))
            print(f"{name}: {len(x)} vs {len(y)} items; first difference at {at}:")
            print(f"  {x[at] if at < len(x) else None!r:.600}\n  {y[at] if at < len(y) else None!r:.600}")
        elif isinstance(x, dict) and isinstance(y, dict):
            keys = [k for k in {**x, **y} if x.get(k) != y.get(k)]
            first = keys[0]
            print(f"{name}: {len(keys)} keys differ, e.g. {first!r}: {x.get(first)!r:.400} vs {y.get(first)!r:.400}")
        else:
            print(f"{name}: {x!r:.400} vs {y!r:.400}")
    print("identical" if not differing else f"{len(differing)} fields differ")
    raise SystemExit(1 if differing else 0)


def main() -> None:
    def extra(parser) -> None:  # noqa: ANN001
        parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 13334])
        parser.add_argument("--base", type=int, default=1000)
        parser.add_argument("--source", type=Path, help="import the generator from this source tree instead")
        parser.add_argument("--real", action="store_true", help="link the data folder itself, not a synthetic corpus")
        parser.add_argument("--dump", type=Path, help="write each linked corpus to DIR/corpus-<size>.msgpack")
        parser.add_argument("--profile", type=Path, help="write cProfile statistics to DIR/link-<size>.prof")
        parser.add_argument("--compare", type=Path, nargs=2, metavar="DUMP", help="name what two dumps differ in")
        parser.add_argument("--one", type=int, help="(internal) time one size in this process, print JSON")

    args = arguments("Link-stage seconds at several corpus sizes.", "../shared/data/bbc-news-summary/articles", extra)
    if args.compare:
        compare(*args.compare)
    data = data_or_exit(args.data, ".")
    if args.source:
        sys.path.insert(0, str(args.source.resolve()))
    if args.one:
        print(json.dumps(one_size(data, args.one, args.base, args.real, args.dump, args.profile)))
        return
    sizes = [0] if args.real else args.sizes
    parts = [*dict.fromkeys(PARTS.values()), "rest", "link_corpus"]
    rows = []
    for size in sizes:
        command = [sys.executable, str(Path(__file__)), str(data), "--one", str(size or 1), "--base", str(args.base)]
        command += ["--source", str(args.source)] if args.source else []
        command += ["--real"] if args.real else []
        for name in ("dump", "profile"):
            folder = getattr(args, name)
            command += [f"--{name}", str(folder.resolve())] if folder else []
        done = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=True)
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        spent = figures["spent"]
        cells = [f"{spent[p][0]:.1f} / {spent[p][1]:.1f}" if p in spent else "-" for p in parts]
        rows.append([f"{figures['articles']:,}", *cells, f"{figures['load']:.1f}", str(figures["stories"])])
        print(table(rows, ["articles", *(f"{p} s" for p in parts), "load", "stories"]), flush=True)
    print("each cell: wall seconds / CPU seconds of this process; load: 1-minute load average during the run")


if __name__ == "__main__":
    main()
