"""Search from file:// in Chromium: index sizes, and how soon a first search answers.

Builds the corpus into a temporary site (or measures a built one, `--site`), then prints the
first index's size per article, the shards' sizes, and for each query, typed into the header
box of a freshly opened page (empty browser cache, index not loaded yet, as for a reader's
first search): the time from the first keystroke to the first results shown, from the last
keystroke to the complete results (full text and snippets), and the bytes of index loaded.

    python bench/search.py ../shared/data/allsides-2020-04 [--site DIR] [--query WORD ...]
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from _common import ROOT, arguments, data_or_exit, table

QUERIES = ("trump", "coronavirus vaccine", "Blari", "governor cuomo", "unemployment")
TYPE_DELAY_MS = 80  # a quick typist

# In the page: time every keystroke and the first time the dropdown shows a result / is complete.
PROBE = """() => {
  window.__bench = {keys: [], first: null, complete: null};
  const box = document.querySelector('#site-search-results');
  document.addEventListener('keydown', () => window.__bench.keys.push(performance.now()), true);
  new MutationObserver(() => {
    const b = window.__bench;
    if (b.first === null && box.querySelector('.search-hit')) b.first = performance.now();
    if (box.getAttribute('data-search-state') === 'complete' && b.keys.length) b.complete = performance.now();
  }).observe(box, {childList: true, subtree: true, attributes: true});
}"""


def _build(data: Path, site: Path) -> None:
    config = site.parent / "mkdocs.yml"
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config.write_text(text.replace("custom_dir: themes/report", f"custom_dir: {ROOT / 'themes/report'}"))
    command = [sys.executable, "-m", "generator", "build", "--config", str(config), "--input", str(data)]
    subprocess.run([*command, "--site-dir", str(site), "--quiet"], check=True, cwd=ROOT)


def _sizes(site: Path) -> tuple[int, dict[str, int], int]:
    """Articles in the corpus, bytes of every index file (relative path -> bytes), shards count."""
    report = json.loads((site / "report.json").read_text(encoding="utf-8"))
    files = {"search-index.js": (site / "search-index.js").stat().st_size}
    for path in (site / "search").rglob("*.js"):
        files[path.relative_to(site).as_posix()] = path.stat().st_size
    return len(report["articles"]), files, len(files) - 1


def _measure(browser, site: Path, query: str) -> dict[str, float]:  # noqa: ANN001 - Playwright Browser
    context = browser.new_context()
    page = context.new_page()
    loaded: list[str] = []
    page.on("requestfinished", lambda request: loaded.append(request.url))
    page.goto((site / "index.html").as_uri())
    page.evaluate(PROBE)
    loaded.clear()
    box = page.locator("#site-search-q")
    box.click()
    box.press_sequentially(query, delay=TYPE_DELAY_MS)
    page.locator("#site-search-results[data-search-state=complete]").wait_for(state="attached", timeout=60_000)
    page.wait_for_function("window.__bench.complete !== null")
    bench = page.evaluate("window.__bench")
    hits = page.locator("#site-search-results .search-hit").count()
    context.close()
    index_bytes = 0
    for url in loaded:
        path = Path(unquote(urlsplit(url).path))
        if path.is_relative_to(site) and (path.name == "search-index.js" or "search" in path.parent.parts):
            index_bytes += path.stat().st_size
    first = (bench["first"] - bench["keys"][0]) / 1000 if bench["first"] is not None else float("nan")
    return {
        "first": first,
        "complete": (bench["complete"] - bench["keys"][-1]) / 1000,
        "hits": hits,
        "bytes": index_bytes,
    }


def main() -> None:
    def extra(parser) -> None:  # noqa: ANN001
        parser.add_argument("--site", type=Path, help="measure this built site instead of building one")
        parser.add_argument("--query", action="append", help="a query to type (repeatable; default: a few)")

    args = arguments(__doc__.split("\n")[0], "../shared/data/allsides-2020-04", extra)
    sys.path.insert(0, str(ROOT / "tests"))
    from browser import chromium

    work = None
    if args.site:
        site = args.site
    else:
        data = data_or_exit(args.data, ".")
        work = Path(tempfile.mkdtemp(prefix="bench-search-"))
        site = work / "site"
        _build(data, site)
    try:
        articles, files, shards = _sizes(site)
        first = files["search-index.js"]
        terms = [v for k, v in files.items() if "/terms-" in k]
        texts = [v for k, v in files.items() if "/text-" in k]
        print(f"{articles} articles; first index {first:,} bytes = {first / articles:,.0f} bytes per article")
        print(f"terms shards: {len(terms)}, {sum(terms):,} bytes, largest {max(terms, default=0):,}")
        print(f"text shards: {len(texts)}, {sum(texts):,} bytes, largest {max(texts, default=0):,}")
        rows = []
        with chromium() as browser:
            for query in args.query or QUERIES:
                found = _measure(browser, site, query)
                rows.append(
                    [
                        query,
                        f"{found['first']:.3f}",
                        f"{found['complete']:.3f}",
                        str(found["hits"]),
                        f"{found['bytes']:,}",
                    ]
                )
        header = ["query", "first results s", "complete s", "hits shown", "index bytes loaded"]
        print(table(rows, header))
    finally:
        if work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
