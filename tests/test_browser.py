"""A real browser (Debian's Chromium, driven by Playwright) reads the seeds site from file://:
navigation, filters, search (keyboard included), the graph; and the screenshots in docs/screenshots/."""

from __future__ import annotations

import html
import os
import re
import struct
from pathlib import Path

import pytest
from browser import chromium, decoded_first_index, watch
from conftest import ROOT, linked_corpus, project_config

from generator.pages.export import load_report

SCREENSHOTS = ROOT / "docs" / "screenshots"
DESKTOP = {"width": 1024, "height": 680}
PHONE = {"width": 375, "height": 667}


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport=DESKTOP)
    opened = context.new_page()
    seen = watch(opened)
    yield opened
    context.close()
    assert seen.outside() == []
    assert seen.failed == []
    assert seen.errors == []


def test_browse_the_site_from_disk(seeds_site: Path, page) -> None:
    page.goto((seeds_site / "index.html").as_uri())
    assert page.locator("main h1").inner_text() == "News coverage report"

    page.get_by_role("navigation").get_by_role("link", name="Articles").click()
    assert page.url.endswith("articles/index.html")
    rows = page.locator("main table tbody tr")
    assert rows.count() == 5
    page.locator("input.table-filter").fill("TRT")
    assert page.locator("main table tbody tr:not([hidden])").count() == 1
    page.locator("main table tbody tr:not([hidden]) td a").first.click()
    assert "/articles/" in page.url and page.locator("main h2", has_text="Full text").count() == 1

    page.locator("main a[href*='entities/geng-shuang']").first.click()
    assert page.locator("main h1").inner_text() == "Geng Shuang"

    page.locator("main .mentions li a[href*='articles/']").first.click()
    page.locator("main .byline a[href*='topics/']").first.click()
    assert "/topics/" in page.url and page.get_by_role("heading", name="Headlines", exact=True).count() == 1
    assert page.locator("nav.breadcrumbs a", has_text="Stories").count() == 1

    page.locator("main table a[href*='sources/']").first.click()
    assert "/sources/" in page.url and page.locator("main h1").count() == 1


def test_header_search_as_you_type_with_the_keyboard(seeds_site: Path, page) -> None:
    page.goto((seeds_site / "topics/index.html").as_uri())
    page.keyboard.press("/")
    box = page.locator("#site-search-q")
    assert box.evaluate("e => e === document.activeElement")
    box.press_sequentially("dae")  # an unfinished word already finds the alias "Daesh"
    results = page.locator("#site-search-results")
    _search_complete(page, "#site-search-results")
    groups = results.locator(".search-group-title").all_text_contents()
    assert groups[0].startswith("Articles (") and "Entities (1)" in groups  # articles first
    entity = results.locator(".search-entity").first
    assert entity.locator("a").inner_text() == "Islamic State"
    assert entity.locator("mark").first.inner_text() == "Daesh"
    article_marks = results.locator(".search-article mark").all_inner_texts()
    assert article_marks and {m.lower() for m in article_marks} == {"daesh"}
    assert page.locator("#site-search-status").inner_text().endswith("results")

    box.press("ArrowDown")
    assert "articles/" in page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("ArrowDown")
    second = page.evaluate("document.activeElement.getAttribute('href')")
    assert "articles/" in second or "entities/islamic-state" in second
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert box.evaluate("e => e === document.activeElement")
    page.keyboard.press("Escape")
    assert results.is_hidden()

    box.fill("")
    box.press_sequentially("geng")
    results.locator(".search-entity a", has_text="Geng Shuang").wait_for()
    _search_complete(page, "#site-search-results")
    box.press("ArrowDown")
    while page.evaluate("document.activeElement.textContent") != "Geng Shuang":
        page.keyboard.press("ArrowDown")  # past the articles naming him
    page.keyboard.press("Enter")
    page.wait_for_url("**/entities/geng-shuang.html")
    assert page.locator("main h1").inner_text() == "Geng Shuang"


def test_search_js_reads_the_first_index_back_as_python_wrote_it(seeds_site: Path, browser) -> None:
    """The compact first index (`search_first`) decodes in the browser to every document, field for field."""
    from generator.pages.search import search_documents

    corpus = linked_corpus(seeds_site.parent / "mkdocs.yml", seeds_site.parent / "seeds")
    expected = search_documents(corpus)
    assert {d["kind"] for d in expected} == {"article", "entity", "topic", "source"}
    assert decoded_first_index(browser, seeds_site) == expected


def test_search_page_groups_every_result_by_kind(seeds_site: Path, page) -> None:
    page.goto((seeds_site / "index.html").as_uri())
    page.locator("#site-search-q").fill("uyghur")
    page.locator("#site-search-q").press("Enter")  # the header form opens the search page
    page.wait_for_url("**/search.html?q=uyghur")
    assert page.locator("#search-page-q").input_value() == "uyghur"
    _search_complete(page)
    headings = page.locator(".search-results h2").all_inner_texts()
    report = load_report(seeds_site / "report.json")
    naming = [a for a in report["articles"] if "uyghur" in a["text"].lower()]
    assert f"Articles ({len(naming)})" in headings
    for hit in page.locator(".search-results .search-article").all():
        assert "uyghur" in hit.locator(".search-hit-snippet mark").first.inner_text().lower()
    assert (
        page.locator("#search-page-status")
        .inner_text()
        .startswith(f"{sum(int(h.split('(')[1][:-1]) for h in headings)} results")
    )

    page.locator("#search-page-q").fill("uighur")  # the topics' spelling: they name the entity
    _search_complete(page)
    topic_snippets = page.locator(".search-results .search-topic .search-hit-snippet").all_inner_texts()
    assert topic_snippets and all(t.startswith(("Names: ", "Keywords: ")) for t in topic_snippets)
    entity_snippet = page.locator(".search-results .search-entity .search-hit-snippet").first.inner_text()
    assert entity_snippet.startswith("Also called: ")

    page.locator("#search-page-q").fill("no such word anywhere")
    page.locator("#search-page-status", has_text="No results").wait_for()
    assert page.locator(".search-results .search-hit").count() == 0


def test_graph_nodes_open_entity_pages(seeds_site: Path, page) -> None:
    page.goto((seeds_site / "graph.html").as_uri())
    nodes = page.locator("svg.graph-wide a.node")
    assert nodes.count() >= 10
    fills = {n.locator("circle").evaluate("c => getComputedStyle(c).fill") for n in nodes.all()}
    assert len(fills) >= 3  # coloured by type
    nodes.filter(has=page.locator("text", has_text="Geng Shuang")).click()
    assert page.url.endswith("entities/geng-shuang.html")
    neighbours = page.locator("#neighbour-graph a.node")
    assert neighbours.count() >= 3
    neighbours.first.click()
    assert "/entities/" in page.url and not page.url.endswith("geng-shuang.html")


def test_the_neighbour_ring_is_drawn_from_the_appears_with_table(seeds_site: Path, tmp_path: Path, page) -> None:
    """report.js draws the ring from the table under it: a linked circle per row with a page (the row
    without one is left out), sized by the placeholder's mentions, a line from the centre as wide as the
    row's shared articles; each name written once, a cut one whole in a <title>, every name as text."""
    (tmp_path / "assets/js").mkdir(parents=True)
    (tmp_path / "assets/js/report.js").write_bytes((seeds_site / "assets/js/report.js").read_bytes())
    long = "Entity With A Name Far Longer Than Any Label"
    hostile = '<b id="x">"q"</b>'
    rows = [("a.html", "Alpha", "PERSON", 4), ("b.html", long, "ORG", 2), (None, "No Page", "GPE", 3)]
    rows.append(("c.html", hostile, "WORK_OF_ART", 1))
    body = "".join(
        f"<tr><td>{f'<a href={href!r}>{html.escape(name)}</a>' if href else html.escape(name)}</td>"
        f"<td>{kind}</td><td>1</td><td>{shared}</td></tr>"
        for href, name, kind, shared in rows
    )
    (tmp_path / "entities").mkdir()
    (tmp_path / "entities/x.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title></head><body><main>'
        '<h1>Centre &amp; Co</h1><h2>Appears with</h2><div class="neighbour-ring" data-type="GPE" '
        'data-mentions="9 5 3 7 1"></div><table><thead><tr><th>Entity</th><th>Type</th><th>Shared sentences</th>'
        f"<th>Shared articles</th></tr></thead><tbody>{body}</tbody></table></main>"
        '<script src="../assets/js/report.js"></script></body></html>',
        encoding="utf-8",
    )
    page.goto((tmp_path / "entities/x.html").as_uri())
    ring = page.locator("#neighbour-graph")
    assert ring.locator("svg > title").text_content() == "Centre & Co and the 3 entities most often named with it"
    nodes = ring.locator("a.node")
    assert [n.get_attribute("href") for n in nodes.all()] == ["a.html", "b.html", "c.html"]
    assert [n.locator("text").text_content() for n in nodes.all()] == ["Alpha", "Entity With A Name…", hostile]
    assert nodes.nth(1).locator("title").text_content() == long and nodes.nth(0).locator("title").count() == 0
    assert page.locator("#x").count() == 0  # a name is text, never markup
    assert [float(r) for r in ring.locator("a.node circle").evaluate_all("cs => cs.map(c => c.getAttribute('r'))")] == [
        round(5 + 14 * (m / 9) ** 0.5, 1) for m in (5, 3, 1)
    ]
    assert ring.locator("g.node-self circle").get_attribute("r") == "24"  # the most mentioned: 8 + 16
    widths = ring.locator("line").evaluate_all("ls => ls.map(l => l.getAttribute('stroke-width'))")
    assert widths == ["7", "4", "2.5"]  # 1 + 6 x shared articles / the most shared
    ends = ring.evaluate(
        """f => { const [dx, dy] = f.querySelector('g.edges').getAttribute('transform').match(/[\\d.]+/g).map(Number);
        return [...f.querySelectorAll('line')].map(l => [+l.getAttribute('x2') + dx, +l.getAttribute('y2') + dy]); }"""
    )
    centres = ring.locator("a.node circle").evaluate_all(
        "cs => cs.map(c => [+c.getAttribute('cx'), +c.getAttribute('cy')])"
    )
    assert [[round(v, 1) for v in e] for e in ends] == centres
    assert ring.locator(".chart-legend li").all_inner_texts() == [
        "Countries, cities and states (1)",
        "Organisations (1)",
        "People (1)",
        "Works of art (1)",
    ]
    assert page.locator("div.neighbour-ring").count() == 0  # the placeholder is replaced


def test_the_header_links_the_search_page_and_search_js_makes_it_the_box(seeds_site: Path, browser, page) -> None:
    """Every page's HTML carries a link to the search page (all a reader without JavaScript can use);
    search.js puts the search box in its place, whose form opens the same page with the query."""
    entity = seeds_site / "entities" / "geng-shuang.html"
    html_text = entity.read_text(encoding="utf-8")
    assert '<a class="site-search" href="../search.html">Search</a>' in html_text and "<form" not in html_text
    plain = browser.new_context(java_script_enabled=False)
    without = plain.new_page()
    without.goto(entity.as_uri())
    without.get_by_role("link", name="Search", exact=True).click()
    without.wait_for_url("**/search.html")
    plain.close()
    page.goto(entity.as_uri())
    assert page.locator("a.site-search").count() == 0
    form = page.get_by_role("search")
    assert form.get_attribute("action") == "../search.html"
    assert form.locator("#site-search-q").get_attribute("aria-label") == "Search the report"


def test_pages_get_the_section_links_from_the_script(seeds_site: Path, page) -> None:
    """The home page's HTML lists the sections; on every other page report.js writes the same links."""
    page.goto((seeds_site / "index.html").as_uri())
    home = page.locator("#site-nav a").evaluate_all("as => as.map(a => [a.textContent, a.href])")
    assert len(home) == 10
    for path in ("articles/index.html", "entities/geng-shuang.html", "search.html"):
        assert 'id="site-nav"' not in (seeds_site / path).read_text(encoding="utf-8")
        page.goto((seeds_site / path).as_uri())
        nav = page.get_by_role("navigation", name="Sections")
        assert nav.locator("a").evaluate_all("as => as.map(a => [a.textContent, a.href])") == home
        current = nav.locator("a[aria-current=page]").all_inner_texts()
        assert current == (["Articles"] if path == "articles/index.html" else [])


def test_search_shows_hostile_text_as_text(tmp_path: Path, browser) -> None:
    from test_pages import _hostile_corpus

    from generator.config import Config
    from generator.link import link_corpus
    from generator.mkdocs_adapter import build_site
    from generator.pages import BuildInfo, write_pages

    articles, analyses = _hostile_corpus()
    corpus = link_corpus(articles, analyses, Config(), tmp_path / "none.yml")
    config = project_config(tmp_path)
    docs = tmp_path / ".build" / "docs"
    write_pages(corpus, Config(), docs, ROOT / "themes/report/pages", BuildInfo("in", 2, [], [], [], {}), "S")
    build_site(config, docs, tmp_path / "site")

    context = browser.new_context()
    hostile = context.new_page()
    dialogs: list[str] = []
    hostile.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    seen = watch(hostile)
    hostile.goto((tmp_path / "site" / "search.html").as_uri() + "?q=quimby")
    _search_complete(hostile)
    titles = hostile.locator(".search-article .search-hit-title").all_inner_texts()
    assert "Title <script>alert('t')</script>" in titles
    hostile.locator("#search-page-q").fill("script")
    hostile.locator(".search-source").first.wait_for()
    assert "Source <script>alert('t')</script>" in hostile.locator(".search-source a").all_inner_texts()
    assert hostile.locator(".search-results script, .search-results img").count() == 0
    assert dialogs == []
    assert seen.outside() == [] and seen.errors == []
    context.close()


def _search_complete(page, results: str = ".search-results") -> None:
    """Wait until the results of the query typed hold the full text and snippets (search.js marks them)."""
    page.locator(f"{results}[data-search-state=complete]").wait_for(state="attached")


def _small_site(tmp_path: Path, texts: dict[str, tuple[str, str]], lead_summary: bool = False) -> Path:
    """A site of hand-made articles (id -> (source, text)), each naming "Tony Blair" in its first sentence: no
    spaCy. The text is one sentence, its summary; with `lead_summary`, sentences end at each ". " and the
    summary is the first."""
    from generator.config import Config
    from generator.link import link_corpus
    from generator.mkdocs_adapter import build_site
    from generator.model import Article, ArticleAnalysis, Keyword, Mention, Sentence
    from generator.pages import BuildInfo, write_pages

    articles, analyses = [], {}
    for aid, (source, text) in texts.items():
        start = text.index("Tony Blair")
        articles.append(Article(id=aid, slug=aid, path=f"{aid}.txt", title=text.split(".")[0][:60], text=text,
                                source=source))  # fmt: skip
        ends = [m.end() - 1 for m in re.finditer(r"\. ", text)] if lead_summary else []
        spans = list(zip([0, *(e + 1 for e in ends)], [*ends, len(text)], strict=True))
        analyses[aid] = ArticleAnalysis(
            sentences=tuple(Sentence(a, b, text[a:b]) for a, b in spans),
            summary=(0,),
            keywords=(Keyword("bridge", 0.5),),
            mentions=(Mention("Tony Blair", "PERSON", start, start + 10, 0),),
            quotes=(),
            acronyms=(),
            lemmas=tuple(text.lower().split()[:20]),
        )
    corpus = link_corpus(articles, analyses, Config(), tmp_path / "none.yml")
    docs = tmp_path / ".build" / "docs"
    write_pages(corpus, Config(), docs, ROOT / "themes/report/pages", BuildInfo("in", len(texts), [], [], [], {}), "S")
    build_site(project_config(tmp_path), docs, tmp_path / "site")
    return tmp_path / "site"


LONG_WORD = "q" * 35_000


def test_search_is_typo_tolerant_and_finds_any_word(tmp_path: Path, browser) -> None:
    """Fuzzy ("Blari" finds Blair), every word (even "constructor"), and a 35,000-character word breaks nothing."""
    site = _small_site(
        tmp_path,
        {
            "bridge": ("Daily Planet", "Tony Blair opened the bridge. Its constructor spoke about the steel."),
            "harbour": ("Coastal Courier", f"Tony Blair visited the harbour. A sign read {LONG_WORD} in full."),
            "school": ("Daily Planet", "Tony Blair toured a school. Pupils asked about the harbour."),
        },
    )
    context = browser.new_context()
    page = context.new_page()
    seen = watch(page)
    search = (site / "search.html").as_uri()
    page.goto(search + "?q=Blari")
    _search_complete(page)
    assert page.locator(".search-entity .search-hit-title").all_inner_texts() == ["Tony Blair"]
    assert page.locator(".search-article").count() == 3
    assert {m.lower() for m in page.locator(".search-results mark").all_inner_texts()} == {"blair"}

    page.locator("#search-page-q").fill("constructor")
    _search_complete(page)
    assert page.locator(".search-article .search-hit-title").all_inner_texts() == ["Tony Blair opened the bridge"]
    assert page.locator(".search-article mark").all_inner_texts() == ["constructor"]

    page.locator("#search-page-q").fill(LONG_WORD)
    _search_complete(page)
    assert page.locator(".search-article .search-hit-title").all_inner_texts() == ["Tony Blair visited the harbour"]
    page.locator("#search-page-q").fill("harbour " + LONG_WORD[:40])  # a prefix of the long word, highlighted
    _search_complete(page)
    assert page.locator(".search-article").count() == 1
    context.close()
    assert seen.errors == [] and seen.failed == [] and seen.outside() == []


def test_a_snippet_shows_the_words_found_deep_in_the_packed_text(tmp_path: Path, browser) -> None:
    """The texts are shipped gzip-compressed: the snippet of a word found past the summary is the text around it."""
    filler = " ".join(f"Filler sentence number {n} about the council." for n in range(40))
    site = _small_site(
        tmp_path,
        {"ferry": ("Daily Planet", f"Tony Blair opened the ferry. {filler} The zebrafish tank leaked at noon.")},
        lead_summary=True,
    )
    page = browser.new_page()
    seen = watch(page)
    page.goto((site / "search.html").as_uri() + "?q=zebrafish")
    _search_complete(page)
    snippet = page.locator(".search-article .search-hit-snippet").inner_text()
    assert snippet.startswith("…") and "The zebrafish tank leaked at noon." in snippet
    assert page.locator(".search-article .search-hit-snippet mark").all_inner_texts() == ["zebrafish"]
    page.locator("#search-page-q").fill("ferry")  # in the summary: its snippet is the summary's start
    _search_complete(page)
    assert page.locator(".search-article .search-hit-snippet").inner_text().startswith("Tony Blair opened the ferry.")
    page.close()
    assert seen.errors == [] and seen.failed == [] and seen.outside() == []


def test_search_ranks_articles_first_and_lists_each_once(tmp_path: Path, browser) -> None:
    """The header box shows articles before entities and topics, and a duplicate article once."""
    text = "Tony Blair opened the bridge. The harbour was closed for the day."
    site = _small_site(
        tmp_path,
        {
            "first": ("Daily Planet", text),
            "copy": ("Daily Planet", text),
            "other": ("Coastal Courier", text + " Rain."),
        },
    )
    context = browser.new_context()
    page = context.new_page()
    seen = watch(page)
    page.goto((site / "index.html").as_uri())
    page.locator("#site-search-q").fill("blair")
    _search_complete(page, "#site-search-results")
    groups = page.locator("#site-search-results .search-group-title").all_text_contents()
    assert groups[0].startswith("Articles (")
    urls = page.locator("#site-search-results a.search-hit-title").evaluate_all("l => l.map(a => a.href)")
    assert len(urls) == len(set(urls))
    report = load_report(site / "report.json")
    copies = [a for a in report["articles"] if a["duplicate_of"]]
    assert copies and not any(url.endswith(copies[0]["page"]) for url in urls)  # found through its original
    context.close()
    assert seen.errors == [] and seen.failed == []


def _png_size(path: Path) -> tuple[int, int]:
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    return width, height


def test_screenshots_of_each_page_kind(seeds_site: Path, browser, tmp_path: Path) -> None:
    """The first screen of each page kind at desktop and phone width; written to docs/screenshots/
    (<kind>-desktop.png, -phone.png) only with UPDATE_SCREENSHOTS=1, so a test run leaves the tree clean."""
    folder = SCREENSHOTS if os.environ.get("UPDATE_SCREENSHOTS") == "1" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    report = load_report(seeds_site / "report.json")
    topic = max(report["topics"], key=lambda t: len(t["articles"]))
    pages = {
        "home": "index.html",
        "story": topic["page"],
        "article": report["articles"][1]["page"],
        "entity": "entities/islamic-state.html",
        "quotes": "quotes/1.html",
        "graph": "graph.html",
        "search": "search.html?q=uighur",
    }
    for width_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context = browser.new_context(viewport=viewport, device_scale_factor=1)
        shot = context.new_page()
        for kind, path in pages.items():
            shot.goto((seeds_site / path.split("?")[0]).as_uri() + ("?" + path.split("?")[1] if "?" in path else ""))
            if kind == "search":
                _search_complete(shot)
            if kind == "graph":
                shot.locator("#graph-figure").scroll_into_view_if_needed()
            target = folder / f"{kind}-{width_name}.png"
            shot.screenshot(path=str(target))
            assert _png_size(target) == (viewport["width"], viewport["height"])
            assert target.stat().st_size < 400_000
        context.close()


def test_the_filter_box_filters_the_lines_of_further_articles_naming_an_entity(tmp_path: Path, browser) -> None:
    """The entity page's further articles are lines of a list (article, source, date, mentions) that the
    filter box above them filters, as it filters a table's rows."""
    outlets = ["Daily Planet", "Coastal Courier", "Evening Star", "Morning Post"]
    texts = {f"a{n}": (outlets[n % 4], f"Tony Blair opened bridge number {n}. Rain fell.") for n in range(8)}
    site = _small_site(tmp_path, texts)
    context = browser.new_context()
    page = context.new_page()
    seen = watch(page)
    page.goto((site / "entities" / "tony-blair.html").as_uri())
    lines = page.locator("main ul.articles-naming > li")
    assert lines.count() == 3  # 8 articles, 5 of them shown with a sentence
    assert all(line.endswith(" · Undated · 1 mention") for line in lines.all_inner_texts())
    first = lines.first.inner_text().split(" · ")[1]
    page.locator("main input.table-filter").fill(first)
    visible = [line for line in lines.all() if line.is_visible()]
    assert 1 <= len(visible) < 3 and all(first in line.inner_text() for line in visible)
    assert page.locator(".filter-count").inner_text() == f"{len(visible)} of 3 shown"
    page.locator("main input.table-filter").fill("")
    assert sum(1 for line in lines.all() if line.is_visible()) == 3
    context.close()
    assert seen.errors == [] and seen.failed == []
