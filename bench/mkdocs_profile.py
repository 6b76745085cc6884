"""Where MkDocs spends its time on our pages: a clean MkDocs build of a generated docs folder, profiled.

    python bench/mkdocs_profile.py PROJECT/mkdocs.yml [--repeat 1]

Run it after a build of the project (`make site INPUT=...`), whose Markdown is in its
`.build/docs`. It builds that folder into a temporary site three times: timed (wall clock,
as the build's "mkdocs" stage) with the Markdown converted in this process alone (as MkDocs
does) and over one process per core (`mkdocs_adapter`'s default), then in this process
alone under cProfile, and prints the cumulative time of
MkDocs' parts: reading, Markdown (the Markdown instance per page, each extension and
MkDocs' own tree processors), the page template, writing, static files and the anchor
check. Parts nest (the extensions are inside "Markdown"), so the shares do not add up.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import tempfile
import time
from pathlib import Path

from _common import table

# (label, file name fragment, function name): cumulative time of that function.
PARTS = (
    ("whole MkDocs build", "mkdocs/commands/build.py", "build"),
    ("page: read source", "mkdocs/structure/pages.py", "read_source"),
    ("page: Markdown (Page.render)", "mkdocs/structure/pages.py", "render"),
    ("  new Markdown instance", "markdown/core.py", "__init__"),
    ("  MkDocs' processors (anchors, links, title)", "mkdocs/structure/pages.py", "run"),
    ("  block parser", "markdown/blockparser.py", "parseDocument"),
    ("    tables", "markdown/extensions/tables.py", "run"),
    ("    def_list", "markdown/extensions/def_list.py", "run"),
    ("  inline patterns, prettify, unescape", "markdown/treeprocessors.py", "run"),
    ("  toc", "markdown/extensions/toc.py", "run"),
    ("  serialise", "markdown/serializers.py", "_write_html"),
    ("  raw HTML put back", "markdown/postprocessors.py", "run"),
    ("page: template (_build_page)", "mkdocs/commands/build.py", "_build_page"),
    ("  context", "mkdocs/commands/build.py", "get_context"),
    ("  jinja2 render", "jinja2/environment.py", "render"),
    ("  write file", "mkdocs/utils/__init__.py", "write_file"),
    ("files: list docs", "mkdocs/structure/files.py", "get_files"),
    ("files: copy static", "mkdocs/structure/files.py", "copy_file"),
    ("anchor validation", "mkdocs/structure/pages.py", "validate_anchor_links"),
    ("nav", "mkdocs/structure/nav.py", "get_navigation"),
)


def _cumulative(stats: pstats.Stats, fragment: str, name: str) -> float:
    """Cumulative seconds of every function `name` in a file whose path contains `fragment` (summed over
    same-named methods there, each counted where it is not called by another of them)."""
    total = 0.0
    for (path, _line, function), row in stats.stats.items():  # type: ignore[attr-defined]
        if function == name and path.replace("\\", "/").endswith(fragment):
            total += row[3]
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("config", type=Path, help="the project's mkdocs.yml (its .build/docs must exist)")
    args = parser.parse_args()
    from generator.config import load_config
    from generator.mkdocs_adapter import build_site

    docs = args.config.parent / load_config(args.config).build_dir / "docs"
    if not docs.is_dir():
        print(f"no generated pages in {docs}: build the project first (make site INPUT=...)")
        raise SystemExit(0)
    pages = sum(1 for _ in docs.rglob("*.md"))
    work = Path(tempfile.mkdtemp(prefix="bench-mkdocs-"))
    try:
        started = time.perf_counter()
        build_site(args.config, docs, work / "serial", incremental=False, workers=1)
        wall = time.perf_counter() - started
        started = time.perf_counter()
        build_site(args.config, docs, work / "parallel", incremental=False)
        parallel = time.perf_counter() - started
        profile = cProfile.Profile()
        profile.enable()
        build_site(args.config, docs, work / "profiled", incremental=False, workers=1)
        profile.disable()
        stats = pstats.Stats(profile)
        whole = _cumulative(stats, *PARTS[0][1:])
        rows = []
        for label, fragment, name in PARTS:
            seconds = _cumulative(stats, fragment, name)
            rows.append([label, f"{seconds:.2f}", f"{100 * seconds / whole:.0f}%", f"{1000 * seconds / pages:.2f}"])
        print(
            f"{pages} Markdown pages; MkDocs build, unprofiled: {wall:.2f} s in one process "
            f"({1000 * wall / pages:.2f} ms/page), {parallel:.2f} s with the Markdown over {os.cpu_count()} "
            f"processes ({1000 * parallel / pages:.2f} ms/page)"
        )
        print(table(rows, ["part (profiled)", "s", "of build", "ms/page"]))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
