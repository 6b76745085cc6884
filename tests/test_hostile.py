"""Hostile content: payloads in every field are shown as text on every page, never run, never fetched.

A corpus is made from `fixtures/xss-payloads.txt`: payloads in article text, titles, source names,
authors, URLs, extra metadata, quotes, alias names and outlet names, in every input format, and in
file names. It is built once; headless Chromium then opens every page of the site from file://
(and searches it) and fails on any dialog, any sign of script execution (the global `xssed`, a
changed document.title), any event-handler attribute or script/data URL in the DOM, and any
request other than our own site's files. The same build checks that no path taken from the input
writes outside the site, the build folder and the cache.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from browser import chromium, decoded_first_index, watch
from bs4 import BeautifulSoup
from conftest import linked_corpus, project_config, write_files

from generator.cli import main
from generator.pages.export import load_report
from generator.pages.search import search_documents

PAYLOADS = [
    line
    for line in (Path(__file__).parent / "fixtures" / "xss-payloads.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("# ")
]
STORY = (
    "The harbour authority of Portsmouth opened a new ferry terminal on Friday. Acme Harbour Corp built it, "
    "and Mayor Anna Berg said the terminal would bring jobs to the city."
)
QUOTE = "“The terminal will bring hundreds of jobs to {payload} the city,” said Anna Berg."
PER_ARTICLE = 6


def _groups() -> list[list[str]]:
    return [PAYLOADS[i : i + PER_ARTICLE] for i in range(0, len(PAYLOADS), PER_ARTICLE)]


def make_hostile_corpus(folder: Path) -> Path:
    """Every payload in text, metadata and names, across the input formats."""
    files: dict[str, str | bytes] = {}
    records = []
    for n, group in enumerate(_groups()):
        a, b, c, d, e, f = (group + PAYLOADS[:PER_ARTICLE])[:PER_ARTICLE]
        body = f"{STORY} {a}\n\n{QUOTE.format(payload=b)}\n\nWitnesses wrote {c} on the wall. {d}\n\n{e} {f}"
        files[f"text-{n:02}.txt"] = f"Ferry terminal opens {n}\n\n{body}\n\nBy: {a[:40]}\nSource: {b[:60]}\n"
        front = {"title": a, "source": c, "author": d, "url": e, "date": f, "tags": [a, b], "note": {"x": c}}
        files[f"front-{n:02}.md"] = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n\n" + body
        climbs = {"id": "../../../escape-id", "path": "../../escape.md", "slug": "../../../../escape"}
        records.append({"headline": b, "body": body, "publisher": e, "byline": f, "link": a, "topic": d, **climbs})
    files["feed.jsonl"] = "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n"
    files["export.json"] = json.dumps(
        {"articles": [{**r, "link": "https://evil-news.com/" + r["link"]} for r in records[:3]]}, ensure_ascii=False
    )
    for n, payload in enumerate(PAYLOADS[:8]):
        escaped = payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
        files[f"saved-{n}.html"] = (
            f'<html lang="en"><head><title>{escaped}</title><meta property="og:site_name" content="{escaped}">'
            f'<meta name="author" content="{escaped}"><link rel="canonical" href="{escaped}"></head><body>'
            f"<article><h1>{escaped}</h1><p>{STORY} {escaped}</p><p>{QUOTE.format(payload=escaped)}</p>"
            f"<p>{payload}</p><script>window.xssed=1</script></article></body></html>"
        )
    # Payloads in file names (all but "/" is allowed in a name) and paths that try to climb out.
    files["<img src=x onerror=window.xssed=1>.txt"] = STORY + " A hostile file name."
    files["..%2f..%2fescape.txt"] = STORY + " An encoded climb."
    files["a\\..\\..\\escape.txt"] = STORY + " A Windows-style climb."
    files["metadata.yml"] = yaml.safe_dump(
        {
            "outlets": {"evil-news.com": PAYLOADS[1]},
            "../../escape.txt": {"title": "climb"},
            "text-00.txt": {"source": PAYLOADS[2], "author": PAYLOADS[3], "url": "javascript:window.xssed=1"},
        },
        allow_unicode=True,
    )
    files["aliases.yml"] = yaml.safe_dump(
        [
            {"name": PAYLOADS[12], "type": "ORG", "aliases": ["Acme Harbour Corp"]},
            {"name": "[Anna](javascript:window.xssed=1) <b onmouseover=window.xssed=1>", "aliases": ["Anna Berg"]},
            {"name": "../../../escape-entity", "aliases": ["Portsmouth"]},
        ],
        allow_unicode=True,
    )
    return write_files(folder, files)


def _tree(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, set[str]]:
    """(site folder, the whole temporary folder, files in it before the build); built once."""
    tmp = tmp_path_factory.mktemp("hostile")
    project = tmp / "deep" / "er" / "project"
    make_hostile_corpus(project / "in")
    config = project_config(project)
    before = _tree(tmp)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        status = main(["build", "--config", str(config), "--input", str(project / "in")])
    assert status == 0, out.getvalue()
    return project / "site", tmp, before


def test_no_input_path_writes_outside_the_site_build_and_cache(hostile_site) -> None:
    site, tmp, before = hostile_site
    project = "deep/er/project/"
    allowed = tuple(project + folder for folder in ("site/", ".build/", ".cache/"))
    written = _tree(tmp) - before
    assert written and all(path.startswith(allowed) for path in written), sorted(
        p for p in written if not p.startswith(allowed)
    )
    # The climbing names became plain page names inside the site.
    assert {"articles/a-escape.html", "articles/2f-2fescape.html", "entities/escape-entity.html"} <= _tree(site)
    report = load_report(site / "report.json")
    assert any(a["extra"].get("slug") == "../../../../escape" for a in report["articles"])  # kept, as text


def test_payloads_reach_the_pages_as_text(hostile_site) -> None:
    """The test is only worth something if the payloads are really on the pages: as text."""
    site, _, _ = hostile_site
    report = load_report(site / "report.json")
    text = " ".join(a["text"] + " " + a["title"] + " " + (a["author"] or "") for a in report["articles"])
    assert "<script>alert('XSS')</script>" in text and "[click me](javascript:alert(1))" in text
    names = {e["name"] for e in report["entities"]}
    assert PAYLOADS[12] in names
    shown = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser").get_text()
    shown += " ".join(
        BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser").get_text()
        for p in (site / "sources").glob("*.html")
    )
    assert PAYLOADS[1] in shown or PAYLOADS[2] in shown  # outlet names, shown literally
    article = next(a for a in report["articles"] if a["path"] == "text-00.txt")
    page = BeautifulSoup((site / article["page"]).read_text(encoding="utf-8"), "html.parser")
    assert PAYLOADS[0] in page.get_text()


def _site_pages(site: Path) -> list[Path]:
    """Every page but 404.html, which links by absolute paths for a web server and shows nothing of the corpus."""
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


# Run in each page after it loads: what a payload would leave behind if it got through.
INSPECT = """() => {
  const bad = [];
  const schemes = /^(javascript|data|vbscript):/i;
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\\u0000-\\u0020]/g, '');
      if (name.startsWith('on')) bad.push(`${el.tagName} ${name}`);
      if (schemes.test(value) && name !== 'content') bad.push(`${el.tagName} ${name}=${attr.value.slice(0, 60)}`);
    }
  }
  for (const el of document.querySelectorAll(
      'iframe, frame, object, embed, base, img, video, audio, source, meta[http-equiv], applet, marquee, math')) {
    bad.push(`<${el.tagName.toLowerCase()}>`);
  }
  for (const el of document.querySelectorAll('script')) {
    const src = el.getAttribute('src') || '';
    const ours = /(^|\\/)(assets\\/js\\/[a-z]+\\.js|assets\\/vendor\\/[a-z]+\\/index\\.js|search-index\\.js)$/;
    const shard = /(^|\\/)search\\/(terms-[a-z0-9_]+|text-[0-9]+)-[0-9a-f]+\\.js$/;
    if (!ours.test(src) && !shard.test(src))
      bad.push(`script ${src || el.textContent.slice(0, 60)}`);
  }
  return {xssed: typeof window.xssed !== 'undefined' || typeof window.parent.xssed !== 'undefined',
          title: document.title, bad};
}"""


def _check(page, path: Path, site: Path, seen, dialogs: list[str]) -> list[str]:  # noqa: ANN001
    """Problems on the page now open: empty when every payload stayed text."""
    found = page.evaluate(INSPECT)
    problems = [f"{path.relative_to(site)}: {item}" for item in found["bad"]]
    expected = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").title.get_text()
    if found["title"] != expected:
        problems.append(f"{path.relative_to(site)}: document.title changed to {found['title']!r}")
    if found["xssed"]:
        problems.append(f"{path.relative_to(site)}: a payload ran (window.xssed is set)")
    problems += [f"{path.relative_to(site)}: dialog {message!r}" for message in dialogs]
    for url in seen.requests:
        parts = urlsplit(url)
        target = Path(unquote(parts.path))
        if parts.scheme != "file" or not target.is_relative_to(site) or not target.is_file():
            problems.append(f"{path.relative_to(site)}: requested {url}")
    dialogs.clear()
    seen.requests.clear()
    return problems


def test_every_page_shows_the_payloads_as_text_in_a_real_browser(hostile_site) -> None:
    site, _, _ = hostile_site
    pages = _site_pages(site)
    kinds = {p.parent.name if p.parent != site else p.stem.split("-")[0] for p in pages}
    assert {"articles", "entities", "topics", "sources", "index", "quotes", "timeline", "keywords", "search",
            "graph", "build"} <= kinds  # fmt: skip
    assert any("matrix" in p.read_text(encoding="utf-8") for p in (site / "topics").glob("*.html"))  # outlets compared
    problems: list[str] = []
    dialogs: list[str] = []
    with chromium() as browser:
        context = browser.new_context()
        context.route(
            "**/*", lambda route: route.continue_() if route.request.url.startswith("file://") else route.abort()
        )
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        seen = watch(page)
        for path in pages:
            page.goto(path.as_uri())
            problems += _check(page, path, site, seen, dialogs)
            problems += [f"{path.relative_to(site)}: {error}" for error in seen.errors]
            seen.errors.clear()
        # Search: results render titles, names and snippets from the corpus; a query comes from the URL too.
        search = site / "search.html"
        found: dict[str, int] = {}
        for query in ("alert", "script xssed", "onerror", "javascript", "Acme", "<img src=x onerror=window.xssed=1>"):
            page.goto(search.as_uri() + "?q=" + query.replace("#", "%23"))
            page.locator("#search-page-q").fill(query)
            page.locator(".search-results[data-search-state=complete]").wait_for(state="attached")
            found[query] = page.locator(".search-results li").count()
            problems += _check(page, search, site, seen, dialogs)
        home = site / "index.html"
        page.goto(home.as_uri())
        page.locator("#site-search-q").fill("xssed")
        page.locator("#site-search-results[data-search-state=complete]").wait_for()
        problems += _check(page, home, site, seen, dialogs)
        hits = page.locator("#site-search-results li").count()
        context.close()
    assert hits > 0 and found["alert"] > 0 and found["Acme"] > 0  # results with hostile titles were shown
    assert problems == [], "\n".join(problems[:50])


def test_the_first_search_index_reads_back_as_written_with_payloads_in_every_field(hostile_site) -> None:
    """search.js rebuilds each document of the compact first index exactly: titles, pages, names, keywords
    and meta lines holding the payloads (and non-ASCII names, whose pages are written out)."""
    site, _, _ = hostile_site
    project = site.parent
    expected = search_documents(linked_corpus(project / "mkdocs.yml", project / "in"))
    assert any("<script" in d["title"] for d in expected) and any("<" in d["names"] for d in expected)
    with chromium() as browser:
        assert decoded_first_index(browser, site) == expected
