"""Site weight: bytes of a built site, per article and per page kind, and its largest HTML pages.

    python bench/site_size.py SITE_DIR [--limit 300] [--top 10]

SITE_DIR is a site `python -m generator build` wrote (its report.json gives the number of
articles). Prints the site's total, its bytes per article, the HTML bytes by page kind (the
folder, or the page name's stem for top-level pages), the `--top` largest HTML pages and how
many HTML pages exceed `--limit` KB (issue targets: no page over 300 KB, 30 KB per article on
allsides-2020-04, 20 KB per article on BBC). Reads files only; builds nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from _common import table


def page_kind(site: Path, page: Path) -> str:
    relative = page.relative_to(site)
    if len(relative.parts) > 1:
        return relative.parts[0] + "/"
    return relative.stem.split("-")[0]


def main() -> None:
    parser = argparse.ArgumentParser(description="Bytes of a built site, per article and per page kind.")
    parser.add_argument("site", type=Path)
    parser.add_argument("--limit", type=int, default=300, help="KB (1,000 bytes) a page should stay under")
    parser.add_argument("--top", type=int, default=10, help="largest HTML pages listed")
    args = parser.parse_args()
    site: Path = args.site
    if not (site / "report.json").is_file():
        print(f"{site}: no report.json here; give the folder a build wrote (--site-dir)", file=sys.stderr)
        raise SystemExit(0)
    articles = len(json.loads((site / "report.json").read_text(encoding="utf-8"))["articles"])
    files = [p for p in site.rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files)
    pages = [p for p in files if p.suffix == ".html"]
    by_kind: dict[str, list[int]] = defaultdict(list)
    for page in pages:
        by_kind[page_kind(site, page)].append(page.stat().st_size)
    print(
        f"{site}: {articles:,} articles, {len(files):,} files, {total / 1e6:.1f} MB, "
        f"{total / max(articles, 1) / 1e3:.1f} KB per article"
    )
    rows = []
    for kind, sizes in sorted(by_kind.items(), key=lambda kv: -sum(kv[1])):
        average, largest = sum(sizes) / len(sizes) / 1e3, max(sizes) / 1e3
        rows.append([kind, f"{len(sizes):,}", f"{sum(sizes) / 1e6:.2f}", f"{average:.1f}", f"{largest:.0f}"])
    others = [p for p in files if p.suffix != ".html"]
    rows.append(["other files", f"{len(others):,}", f"{sum(p.stat().st_size for p in others) / 1e6:.2f}", "", ""])
    print(table(rows, ["pages", "count", "MB", "KB each", "largest KB"]))
    largest = sorted(pages, key=lambda p: -p.stat().st_size)[: args.top]
    print(table([[str(p.relative_to(site)), f"{p.stat().st_size / 1e3:.0f}"] for p in largest], ["page", "KB"]))
    over = [p for p in pages if p.stat().st_size > args.limit * 1000]
    print(f"HTML pages over {args.limit} KB: {len(over)}")


if __name__ == "__main__":
    main()
