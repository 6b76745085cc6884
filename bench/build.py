"""Build speed on a real corpus: a cold build, then rebuilds with nothing changed, one article changed and one
article added; analysis on one core and on every core; the spaCy floor; YAKE against yake-rust.

    python bench/build.py ../shared/data/bbc-news-summary/articles [--workdir DIR] [--limit N]
                          [--keywords-data ../shared/data/500n-kpcrowd-dev] [--skip-analysis] [--skip-yake]

The data folder is copied to a temporary work folder (the copy is what changes; the data never does).
Each build is `python -m generator build` in its own process, as a user runs it, with its own
mkdocs.yml, cache, .build and site folders in the work folder; its time per stage is the one the build
prints. Peak memory is the largest sum of the resident memory of the build's processes (the build
and its analysis workers), sampled from /proc every 0.2 s. "pages" is the Markdown and data files the
pages stage wrote (a rebuild leaves unchanged files alone), "HTML" the pages MkDocs rendered.

Analysis alone (each in a fresh process, empty cache): `analyse_articles` with `workers: 1` and with
one worker per core, and the floor: spaCy alone over the same texts (the analysed part of each
article) with the same model and components (`load_model`, `nlp.pipe`, batch 32), one process, no
analysers, no cache. Model loading counts in both.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _common import ROOT, data_or_exit, table

STAGES = ("ingest", "analyse", "link", "pages", "mkdocs")
BBC_ARTICLE = "business/001.txt"


class PeakMemory:
    """The largest summed resident memory of a process and its descendants, sampled from /proc."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        self.pid, self.every, self.peak = pid, every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry))
        found, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            found.append(pid)
            todo.extend(children.get(pid, []))
        return found

    def _run(self) -> None:
        page = os.sysconf("SC_PAGE_SIZE")
        while not self._stop.is_set():
            total = 0
            for pid in self._tree():
                try:
                    total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * page
                except (OSError, IndexError, ValueError):
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(self.every)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def run(command: list[str], env: dict[str, str] | None = None) -> tuple[str, float, int]:
    """Run a command; its output, wall time and peak memory (bytes). A failure stops the benchmark."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env or os.environ.copy()
    )
    sampler = PeakMemory(process.pid)
    out, _ = process.communicate()
    peak = sampler.stop()
    wall = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}\n{out}")
    return out, wall, peak


def project(workdir: Path, **options: object) -> Path:
    """A mkdocs.yml in workdir: the project's settings and theme, with the build, cache and site in workdir."""
    import yaml

    from generator.config import read_mkdocs_yml

    data = read_mkdocs_yml(ROOT / "mkdocs.yml")
    data["theme"]["custom_dir"] = str(ROOT / "themes" / "report")
    data["docs_dir"] = str(workdir / ".build" / "docs")
    data["site_dir"] = str(workdir / "site")
    data.setdefault("extra", {}).setdefault("report", {}).update(options)
    config = workdir / "mkdocs.yml"
    config.write_text(yaml.safe_dump(data), encoding="utf-8")
    return config


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def build(config: Path, input_dir: Path) -> dict[str, object]:
    """One `generator build`, and what its output says it did."""
    began = time.time()
    out, wall, peak = run(
        [sys.executable, "-m", "generator", "build", "--config", str(config), "--input", str(input_dir)]
    )
    figures: dict[str, object] = {"wall": wall, "peak": peak}
    done = re.search(r"done in [\d.]+s \((.*)\)", out)
    if not done:
        raise SystemExit(f"no timings in the build's output:\n{out}")
    for part in done[1].split(", "):
        stage, seconds = part.rsplit(" ", 1)
        figures[stage] = float(seconds.rstrip("s"))
    if found := re.search(r"analyse: (\d+) analysed", out):
        figures["analysed"] = int(found[1])
    else:
        figures["analysed"] = 0
    pages = re.search(r"pages: (\d+) Markdown pages in .*?: (\d+) files written, (\d+) unchanged, (\d+) removed", out)
    if not pages:
        raise SystemExit(f"no page counts in the build's output:\n{out}")
    figures.update(page_count=int(pages[1]), written=int(pages[2]), unchanged=int(pages[3]))
    figures["mode"] = "dirty" if "(dirty build)" in out else "clean"
    site = config.parent / "site"
    figures["html"] = sum(1 for p in site.rglob("*.html") if p.stat().st_mtime >= began and p.name != "404.html")
    figures["site_files"], figures["site_bytes"] = folder_size(site)
    return figures


def analysis_only(input_dir: Path, mode: str, workers: int) -> dict[str, float]:
    """In this process (started fresh by `main`): time `analyse_articles` or spaCy alone over the corpus."""
    from generator.analyse import _analysed_part, analyse_articles
    from generator.analyse.nlp import load_model
    from generator.config import Config
    from generator.ingest import read_corpus

    config = Config(workers=workers)
    articles = read_corpus(input_dir, config).articles
    started = time.perf_counter()
    if mode == "floor":
        nlp = load_model(config.spacy_model)
        tokens = sum(len(doc) for doc in nlp.pipe((_analysed_part(a, config) for a in articles), batch_size=32))
        return {"seconds": time.perf_counter() - started, "articles": len(articles), "tokens": tokens}
    with tempfile.TemporaryDirectory(prefix="perf_bench_cache_") as cache:
        _, stats = analyse_articles(articles, config, Path(cache))
    return {"seconds": time.perf_counter() - started, "articles": stats.analysed, "workers": stats.workers}


def yake_engines(input_dir: Path, keywords_data: Path | None, limit: int) -> None:
    """yake (Python) against yake-rust: articles per second on the corpus, and the keyword benchmark's F1."""
    try:
        import yake
        import yake_rust
    except ImportError as exc:
        print(f"yake vs yake-rust: not measured ({exc}; `pip install yake-rust`)")
        return
    from generator.config import Config
    from generator.ingest import read_corpus

    texts = [a.text for a in read_corpus(input_dir, Config()).articles][:limit]

    def python_yake(n: int):  # noqa: ANN202
        extractor = yake.KeywordExtractor(lan="en", n=n, top=10)
        return lambda text: [k for k, _ in extractor.extract_keywords(text)]

    def rust_yake(n: int):  # noqa: ANN202
        extractor = yake_rust.Yake(language="en", ngrams=n)
        return lambda text: [k for k, _ in extractor.get_n_best(text, n=10)]

    engines = {"yake": python_yake, "yake-rust": rust_yake}
    gold_items: list[tuple[str, set[str]]] = []
    norm = None
    if keywords_data and (keywords_data / "docs").is_dir():
        from keywords import normaliser, scored_items, scores_at

        norm = normaliser()
        gold_items = [(text, {norm(line) for line in keys} - {""}) for text, keys in scored_items(keywords_data)]
    rows = []
    for name, make in engines.items():
        for n in (1, 3):
            method = make(n)
            started = time.perf_counter()
            for text in texts:
                method(text)
            rate = len(texts) / (time.perf_counter() - started)
            f1 = "(no data)"
            if norm is not None:
                scores = []
                for text, gold in gold_items:
                    predicted = list(dict.fromkeys(p for p in map(norm, method(text)) if p))
                    scores.append(scores_at(predicted, gold, 10)[2])
                f1 = f"{sum(scores) / len(scores):.3f}"
            rows.append([f"{name} n={n}, alone", f"{rate:.0f}", f1])
    if norm is not None:  # ours: counts, with ties broken by YAKE's ranks from each engine (yake_engine)
        from _common import parse

        from generator.analyse.keywords import extract_keywords, yake_ranks

        docs = parse([text for text, _ in gold_items])
        corpus_docs = parse(texts[:100])
        for engine in ("yake", "yake-rust"):
            yake_ranks(corpus_docs[0], 3, engine=engine)  # the extractor is made once per process
            started = time.perf_counter()
            for doc in corpus_docs:
                yake_ranks(doc, 3, engine=engine)
            rate = len(corpus_docs) / (time.perf_counter() - started)
            scores = []
            for doc, (_, gold) in zip(docs, gold_items, strict=True):
                output = [k.text for k in extract_keywords(doc, 10, 3, engine)]
                scores.append(scores_at(list(dict.fromkeys(p for p in map(norm, output) if p)), gold, 10)[2])
            rows.append([f"ours, ties by {engine}", f"{rate:.0f} (YAKE ranks)", f"{sum(scores) / len(scores):.3f}"])
    print(f"\nyake vs yake-rust ({len(texts)} corpus articles for speed; F1@10 on {len(gold_items)} KPCrowd articles):")
    print(table(rows, ["engine", "articles/s", "F1@10"]))


def _gib(value: float) -> str:
    return f"{value / 2**30:.2f} GiB"


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description="Build speed: cold, unchanged, one changed, one added; the floor.")
    parser.add_argument("data", nargs="?", default="../shared/data/bbc-news-summary/articles")
    parser.add_argument("--workdir", type=Path, help="work folder (default: a new temporary one, removed after)")
    parser.add_argument("--limit", type=int, default=0, help="copy only the first N files (0: all)")
    parser.add_argument(
        "--keywords-data", type=Path, help="500N-KPCrowd folder (default: 500n-kpcrowd-dev beside the data's parent)"
    )
    parser.add_argument("--skip-analysis", action="store_true", help="no analysis-only runs (one core, floor)")
    parser.add_argument("--skip-yake", action="store_true", help="no yake vs yake-rust comparison")
    parser.add_argument("--analysis-only", choices=["ours", "floor"], help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    data = data_or_exit(args.data, ".")
    if args.analysis_only:
        print(json.dumps(analysis_only(data, args.analysis_only, args.workers)))
        return

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="perf_bench_build_"))
    input_dir = workdir / "input"
    if input_dir.exists():
        shutil.rmtree(input_dir)
    files = sorted(p for p in data.rglob("*") if p.is_file())
    if args.limit:
        files = files[: args.limit]
    for path in files:
        target = input_dir / path.relative_to(data)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    for leftover in (".cache", ".build", "site"):
        shutil.rmtree(workdir / leftover, ignore_errors=True)
    config = project(workdir)
    print(f"{len(files)} files of {data} copied to {input_dir}; {os.cpu_count()} cores; load {os.getloadavg()}")

    runs: dict[str, dict[str, object]] = {}
    runs["cold"] = build(config, input_dir)
    runs["nothing changed"] = build(config, input_dir)
    changed = input_dir / BBC_ARTICLE if (input_dir / BBC_ARTICLE).exists() else sorted(input_dir.rglob("*.txt"))[0]
    changed.write_text(
        changed.read_text(encoding="utf-8", errors="replace") + "\nA spokesman for the company declined to comment.\n",
        encoding="utf-8",
    )
    runs["one changed"] = build(config, input_dir)
    added = input_dir / "added" / "new-article.txt"
    added.parent.mkdir(exist_ok=True)
    added.write_text(
        "Ferry operator expands routes\n\nThe harbour authority of Portsmouth said on Friday that a new ferry "
        "operator would run three more crossings a day to France from the spring, adding 200 jobs.\n"
        "Local businesses welcomed the plan, the chamber of commerce said.\n",
        encoding="utf-8",
    )
    runs["one added"] = build(config, input_dir)

    cold_total = float(runs["cold"]["wall"])  # type: ignore[arg-type]
    rows = []
    for name, figures in runs.items():
        total = float(figures["wall"])  # type: ignore[arg-type]
        rows.append(
            [name]
            + [f"{float(figures.get(stage, 0.0)):.1f}" for stage in STAGES]  # type: ignore[arg-type]
            + [
                f"{total:.1f}",
                f"{total / cold_total:.0%}",
                str(figures["analysed"]),
                f"{figures['written']}/{int(figures['written']) + int(figures['unchanged'])}",  # type: ignore[call-overload]
                f"{figures['html']}",
                f"{figures['mode']}",
                _gib(float(figures["peak"])),  # type: ignore[arg-type]
                f"{figures['site_files']} files, {float(figures['site_bytes']) / 2**20:.0f} MiB",  # type: ignore[arg-type]
            ]
        )
    print(
        table(
            rows,
            [
                "build",
                *(f"{s} s" for s in STAGES),
                "total s",
                "of cold",
                "analysed",
                "files written",
                "HTML rendered",
                "MkDocs",
                "peak memory",
                "site",
            ],
        )
    )
    print("total: the build process's wall time (Python start and imports included); stages: as the build prints them.")

    if not args.skip_analysis:
        figures = {}
        for label, mode, workers in (("one core", "ours", 1), ("every core", "ours", 0), ("spaCy floor", "floor", 1)):
            out, _, peak = run(
                [
                    sys.executable,
                    str(Path(__file__)),
                    str(input_dir),
                    "--analysis-only",
                    mode,
                    "--workers",
                    str(workers),
                ]
            )
            figures[label] = json.loads(out.strip().splitlines()[-1]) | {"peak": peak}
        floor = figures["spaCy floor"]["seconds"]
        one = figures["one core"]["seconds"]
        rows = [
            [
                label,
                f"{f['seconds']:.1f}",
                f"{f['articles'] / f['seconds']:.1f}",
                f"{f['seconds'] / one:.2f}",
                f"{f['seconds'] / floor:.2f}",
                _gib(f["peak"]),
            ]
            for label, f in figures.items()
        ]
        print(f"\ncold analysis of {figures['one core']['articles']} articles, empty cache, each in a fresh process:")
        print(table(rows, ["analysis", "seconds", "articles/s", "× one core", "× spaCy floor", "peak memory"]))
        print(f"spaCy floor: {figures['spaCy floor']['tokens'] / floor:.0f} tokens/s")
    if not args.skip_yake:
        keywords_data = args.keywords_data or data.resolve().parent.parent / "500n-kpcrowd-dev"
        yake_engines(input_dir, keywords_data, 500)
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
