"""Render benchmark: time and bytes per page at 1,000 and 10,000 articles, our theme beside MkDocs' stock theme.

    python bench/render.py ../shared/data/bbc-news-summary/articles [--sizes 1000 10000] [--base 1000] [--no-stock]
                           [--keep DIR]

Rendering is the pages stage (Markdown from the linked corpus) and MkDocs (HTML); analysis is not
measured: the BBC articles are analysed once and cached (in .cache/bench-analysis, shared with
bench/topics.py), and the synthetic corpus reuses that analysis.

The synthetic corpus: the first `--base` BBC articles (1,000) are "world 0"; world k (1, 2, ...) is
the same articles with every letter of the text and of its analysis (names, keywords, quotes,
lemmas) shifted k places in the alphabet (a Caesar shift: same lengths, so every offset of the
analysis still fits). Each world is a corpus of its own (its names, words and stories appear in
no other), so 10,000 articles are ten worlds side by side and a page at 10,000 holds what the
same page holds at 1,000: any growth in time or bytes per page comes from the renderer, not from
bigger pages. Each article gets one of five outlets (per category, shifted with its world) and a
date (spread over 2005). 1,000 articles is world 0 alone.

Linking is not rendering but runs as in a real build (shown for reference). An earlier version of
this script projected the topic vectors on 256 dimensions, because the link stage then held a dense
articles × vocabulary matrix (9 GiB for ten disjoint worlds); the link stage now keeps the TF-IDF
rows sparse and builds only the articles × articles similarity, so the real vectors are used.
Each size runs in a fresh process: link (not rendering, shown for reference), pages, then MkDocs on
the same Markdown twice, with our theme and with the stock `mkdocs` theme (same nav and Markdown
extensions, both clean builds). Per page: seconds over the Markdown pages, HTML bytes over the
HTML pages; the site's bytes (every file MkDocs wrote with our theme: HTML, report.json and its
companion, search files, assets) in all and per article; the CPU seconds of pages and MkDocs
(`--no-stock`: our theme only, one MkDocs run instead of two). Peak memory: the process's
largest resident size (ru_maxrss), spaCy not loaded. `--keep DIR` copies each size's site (our theme)
to DIR/SIZE, for `bench/site_size.py`.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from _common import ROOT, data_or_exit, table

CACHE = ROOT / ".cache" / "bench-analysis"


def shift(text: str, k: int) -> str:
    """Every ASCII letter moved k places in the alphabet, case kept (k=0: the text itself)."""
    if k == 0:
        return text
    lower = "abcdefghijklmnopqrstuvwxyz"
    upper = lower.upper()
    table_ = str.maketrans(lower + upper, lower[k:] + lower[:k] + upper[k:] + upper[:k])
    return text.translate(table_)


def synthetic(articles, analyses, size: int, base: int):  # noqa: ANN001, ANN201 - model objects
    """`size` articles and their analyses: worlds of the first `base` articles, world k shifted by k letters."""
    from generator.model import AcronymDefinition, ArticleAnalysis, Keyword, Mention, Quote, Sentence

    pool = articles[:base]
    out, out_analyses = [], {}
    for i in range(size):
        article, world = pool[i % len(pool)], i // len(pool)
        analysis = analyses[article.id]
        text = shift(article.text, world)
        slug = article.slug if world == 0 else f"w{world}-{article.slug}"
        category = article.path.split("/")[0]
        out.append(
            dataclasses.replace(
                article,
                id=slug,
                slug=slug,
                path=article.path if world == 0 else f"world{world}/{article.path}",
                title=shift(article.title, world),
                text=text,
                source=shift(f"{category.title()} Wire", world),
                date=date(2005, 1, 1) + timedelta(days=(i % len(pool)) * 7 % 365),
                content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            )
        )
        out_analyses[slug] = ArticleAnalysis(
            sentences=tuple(Sentence(s.start, s.end, text[s.start : s.end]) for s in analysis.sentences),
            summary=analysis.summary,
            keywords=tuple(Keyword(shift(k.text, world), k.score) for k in analysis.keywords),
            mentions=tuple(
                Mention(shift(m.text, world), m.label, m.start, m.end, m.sentence) for m in analysis.mentions
            ),
            quotes=tuple(
                dataclasses.replace(q, text=shift(q.text, world), speaker=q.speaker and shift(q.speaker, world))
                for q in analysis.quotes
            ),
            acronyms=tuple(AcronymDefinition(shift(a.short, world), shift(a.long, world)) for a in analysis.acronyms),
            lemmas=tuple(shift(lemma, world) for lemma in analysis.lemmas),
        )
    assert all(isinstance(q, Quote) for a in out_analyses.values() for q in a.quotes)
    return out, out_analyses


def mkdocs_yml(workdir: Path, name: str, stock: bool) -> Path:
    """The project's mkdocs.yml with our theme, or the same with MkDocs' stock `mkdocs` theme."""
    import yaml

    from generator.config import read_mkdocs_yml

    data = read_mkdocs_yml(ROOT / "mkdocs.yml")
    data["theme"] = {"name": "mkdocs"} if stock else {**data["theme"], "custom_dir": str(ROOT / "themes" / "report")}
    data["docs_dir"] = str(workdir / ".build" / "docs")
    data["site_dir"] = str(workdir / name)
    path = workdir / f"{name}.yml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def html_figures(site: Path) -> tuple[int, int]:
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    return len(pages), sum(p.stat().st_size for p in pages)


def site_bytes(site: Path) -> int:
    """Every file of the built site (HTML, report.json and its companion, search files, assets)."""
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


def one_size(data: Path, size: int, base: int, workdir: Path, stock: bool = True) -> dict[str, float]:
    """In this process: analysis (cached), the synthetic corpus, link, pages, MkDocs with our theme
    (and with the stock one unless `stock` is false)."""
    from generator.analyse import analyse_articles
    from generator.build import cpu_seconds as cpu
    from generator.config import Config
    from generator.ingest import read_corpus
    from generator.link import link_corpus
    from generator.mkdocs_adapter import build_site
    from generator.pages import BuildInfo, write_pages
    from generator.progress import Reporter

    config = Config()
    articles = read_corpus(data, config).articles
    analyses, _ = analyse_articles(articles[:base], config, CACHE, Reporter(stream=sys.stderr))
    corpus_articles, corpus_analyses = synthetic(articles, analyses, size, base)
    figures: dict[str, float] = {"articles": size}
    started = time.perf_counter()
    corpus = link_corpus(corpus_articles, corpus_analyses, config, workdir / "no-aliases.yml")
    figures["link"] = time.perf_counter() - started
    gc.collect()
    gc.freeze()  # as `generator build` does once the corpus is linked

    docs = workdir / ".build" / "docs"
    info = BuildInfo(str(data), size, [], [], [], {}, reproducible=True)
    started, cpu_started = time.perf_counter(), cpu()
    figures["pages"] = write_pages(corpus, config, docs, ROOT / "themes" / "report" / "pages", info, "Render benchmark")
    figures["pages_s"] = time.perf_counter() - started
    figures["pages_cpu"] = cpu() - cpu_started
    markdown = [p for p in docs.rglob("*.md")]
    figures["markdown_bytes"] = sum(p.stat().st_size for p in markdown)
    for name, is_stock in (("ours", False), ("stock", True))[: 2 if stock else 1]:
        config_file = mkdocs_yml(workdir, name, is_stock)
        started, cpu_started = time.perf_counter(), cpu()
        build_site(config_file, docs, workdir / name, incremental=False)
        figures[f"{name}_mkdocs_s"] = time.perf_counter() - started
        figures[f"{name}_mkdocs_cpu"] = cpu() - cpu_started
        figures[f"{name}_html"], figures[f"{name}_html_bytes"] = html_figures(workdir / name)
        figures[f"{name}_site_bytes"] = site_bytes(workdir / name)
    figures["peak"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return figures


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description="Time and bytes per page at 1,000 and 10,000 articles.")
    parser.add_argument("data", nargs="?", default="../shared/data/bbc-news-summary/articles")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--base", type=int, default=1000, help="BBC articles per world (default 1000)")
    parser.add_argument("--no-stock", action="store_true", help="skip the stock-theme MkDocs run")
    parser.add_argument("--keep", type=Path, help="copy each size's site (our theme) to KEEP/SIZE")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    data = data_or_exit(args.data, ".")
    if args.one:
        with tempfile.TemporaryDirectory(prefix="perf_bench_render_") as workdir:
            figures = one_size(data, args.one, args.base, Path(workdir), stock=not args.no_stock)
            if args.keep:
                shutil.rmtree(args.keep / str(args.one), ignore_errors=True)
                shutil.copytree(Path(workdir) / "ours", args.keep / str(args.one))
            print(json.dumps(figures))
        return
    results = []
    for size in args.sizes:
        command = [sys.executable, str(Path(__file__)), str(data), "--one", str(size), "--base", str(args.base)]
        command += ["--no-stock"] if args.no_stock else []
        command += ["--keep", str(args.keep.resolve())] if args.keep else []
        done = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=True)
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(f"{size} articles done: {results[-1]}", file=sys.stderr)
    rows = []
    for f in results:
        pages = f["pages"]
        ours_ms = 1000 * f["ours_mkdocs_s"] / pages
        pages_ms = 1000 * f["pages_s"] / pages
        stock = "stock_mkdocs_s" in f
        rows.append(
            [
                f"{int(f['articles']):,}",
                f"{int(pages):,}",
                f"{f['link']:.1f}",
                f"{f['pages_s']:.1f}",
                f"{f['ours_mkdocs_s']:.1f}",
                f"{pages_ms:.2f}",
                f"{ours_ms:.2f}",
                f"{pages_ms + ours_ms:.2f}",
                f"{1000 * f['stock_mkdocs_s'] / pages:.2f}" if stock else "not run",
                f"{f['markdown_bytes'] / pages / 1024:.1f}",
                f"{f['ours_html_bytes'] / f['ours_html'] / 1024:.1f}",
                f"{f['stock_html_bytes'] / f['stock_html'] / 1024:.1f}" if stock else "not run",
                f"{f['ours_site_bytes'] / 1e6:.1f}",
                f"{f['ours_site_bytes'] / f['articles'] / 1e3:.1f}",
                f"{f['pages_cpu']:.1f}",
                f"{f['ours_mkdocs_cpu']:.1f}",
                f"{f['peak'] / 2**30:.2f}",
            ]
        )
    print(
        table(
            rows,
            [
                "articles",
                "pages",
                "link s",
                "pages s",
                "MkDocs s",
                "pages ms/page",
                "MkDocs ms/page",
                "render ms/page",
                "stock MkDocs ms/page",
                "Markdown KiB/page",
                "HTML KiB/page",
                "stock HTML KiB/page",
                "site MB",
                "site KB/article",
                "pages CPU s",
                "MkDocs CPU s",
                "peak GiB",
            ],
        )
    )
    if len(results) > 1:
        first, last = results[0], results[-1]

        def per_page(f: dict[str, float]) -> float:
            return (f["pages_s"] + f["ours_mkdocs_s"]) / f["pages"]

        def bytes_per_page(f: dict[str, float]) -> float:
            return f["ours_html_bytes"] / f["ours_html"]

        time_ratio = per_page(last) / per_page(first)
        bytes_ratio = bytes_per_page(last) / bytes_per_page(first)
        print(
            f"{int(last['articles']):,} vs {int(first['articles']):,} articles: render time per page "
            f"×{time_ratio:.2f}, HTML bytes per page ×{bytes_ratio:.2f}"
        )
        for f in (first, last) if "stock_mkdocs_s" in first else ():
            print(
                f"our MkDocs time ÷ the stock theme's at {int(f['articles']):,} articles: "
                f"{f['ours_mkdocs_s'] / f['stock_mkdocs_s']:.2f}"
            )


if __name__ == "__main__":
    main()
