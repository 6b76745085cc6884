"""The whole build on the seeds, checked with selectors on the HTML and on report.json."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import SEEDS

from generator.model import type_label
from generator.pages.export import load_report

SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _report(site: Path) -> dict:
    return load_report(site / "report.json")


def test_every_seed_has_an_article_page_linked_from_the_index(seeds_site: Path) -> None:
    index = _soup(seeds_site / "articles/index.html")
    links = {a["href"] for a in index.select("table a[href^='0']")}
    report = _report(seeds_site)
    assert len(report["articles"]) == len(SEED_FILES) == 5
    for article in report["articles"]:
        page = article["page"]
        assert (seeds_site / page).exists()
        assert Path(page).name in links


def test_geng_shuang_page_lists_each_seed_that_names_him(seeds_site: Path) -> None:
    report = _report(seeds_site)
    naming = {a["id"] for a in report["articles"] if "Geng" in a["text"]}
    assert len(naming) == 4
    page = _soup(seeds_site / "entities/geng-shuang.html")
    assert page.select_one("main h1").get_text(strip=True) == "Geng Shuang"
    linked = {Path(a["href"]).stem for a in page.select("main .mentions a[href*='articles/']")}
    assert linked == naming


def test_is_family_is_one_entity_with_all_its_names(seeds_site: Path) -> None:
    entities = {e["id"]: e for e in _report(seeds_site)["entities"]}
    state = entities["islamic-state"]
    assert {"IS", "ISIS", "ISIL", "Daesh", "Islamic State"} <= set(state["aliases"])
    assert len(state["articles"]) == 4
    names_seen = _soup(seeds_site / "entities/islamic-state.html").select_one("main dl").get_text()
    assert "Daesh" in names_seen and "ISIL" in names_seen


def test_names_of_one_entity_share_one_page(seeds_site: Path) -> None:
    entities = _report(seeds_site)["entities"]

    def holding(name: str) -> dict:
        return next(e for e in entities if name in e["aliases"])

    assert holding("Uyghur")["id"] == holding("Uighur")["id"] == holding("Uighurs")["id"]
    assert holding("US")["id"] == holding("United States")["id"]
    assert holding("ETIM")["id"] == holding("East Turkestan Islamic Movement")["id"]
    assert holding("Geng")["id"] == holding("Geng Shuang")["id"]
    for entity in entities:
        if entity["type"] == "PERSON":
            full_names = {a for a in entity["aliases"] if " " in a}
            assert len(full_names) <= 1, entity  # never two different people on one page
    for name in ("Uighur", "United States", "East Turkestan Islamic Movement", "SITE Intelligence Group"):
        assert holding(name)["page"] and (seeds_site / holding(name)["page"]).exists()


def test_the_2015_article_is_not_in_the_video_topic(seeds_site: Path) -> None:
    report = _report(seeds_site)
    topic_of = {a["path"]: a["topic"] for a in report["articles"]}
    video = {topic_of[name] for name in SEED_FILES if name != "003_3ceea0a114f29968.txt"}
    assert len(video) == 1
    assert topic_of["003_3ceea0a114f29968.txt"] not in video


def test_metadata_is_read_honestly(seeds_site: Path) -> None:
    by_path = {a["path"]: a for a in _report(seeds_site)["articles"]}
    assert by_path["002_c658d6394d1569cf.txt"]["source"] == "TRT World"
    assert by_path["004_a3672e11e2e360f4.txt"]["source"] == "Unattributed"  # "Dailycaller.com reports:" is not a byline
    assert by_path["001_1bcba5c6b7a13e79.txt"]["date"] == "2017-03-01"
    assert by_path["003_3ceea0a114f29968.txt"]["author"] == "Jason E"
    assert by_path["000_80fa79a43dce09eb.txt"]["date"] is None
    assert all(a["provenance"]["title"] == "derived" for a in by_path.values())
    article = _soup(seeds_site / "articles/000-80fa79a43dce09eb.html")
    meta = article.select_one("main details.metadata dl").get_text(" ", strip=True)
    assert "Unknown outlet, date, author, URL" in meta and "derived from the text" in meta
    assert article.select_one("main .byline").get_text(strip=True).startswith("Outlet unknown")
    assert "Undated" not in article.select_one("main").get_text()  # unknowns are said once, in the metadata


def test_report_json_schema_and_offsets(seeds_site: Path) -> None:
    report = _report(seeds_site)
    entity_ids = {e["id"] for e in report["entities"]}
    topic_ids = {t["id"] for t in report["topics"]}
    for article in report["articles"]:
        assert {
            "id",
            "path",
            "title",
            "source",
            "date",
            "url",
            "text",
            "summary",
            "keywords",
            "mentions",
            "topic",
            "page",
        } <= set(article)
        assert article["topic"] in topic_ids
        assert 1 <= len(article["summary"]) <= 3
        assert all(sentence in article["text"] for sentence in article["summary"])
        assert 1 <= len(article["keywords"]) <= 10
        for mention in article["mentions"]:
            assert mention["entity"] in entity_ids
            assert article["text"][mention["start"] : mention["end"]] == mention["text"]
    for entity in report["entities"]:
        assert {"id", "name", "type", "aliases", "articles", "page"} <= set(entity)
    for source in report["sources"]:
        assert {"id", "name", "articles", "page"} <= set(source)
    assert {s["name"] for s in report["sources"]} == {"TRT World", "Unattributed"}


def test_quote_group_wordings_point_at_their_article_quote_and_hold_its_text_once(seeds_site: Path) -> None:
    report = _report(seeds_site)
    quotes = {a["id"]: a["quotes"] for a in report["articles"]}
    groups = [g for g in report["quote_groups"] if len(g["wordings"]) > 1]
    assert groups, "the seeds share quotes across articles"
    for group in groups:
        assert sorted(w["article"] for w in group["wordings"]) == sorted(group["articles"])
        for wording in group["wordings"]:
            assert set(wording) == {"article", "quote"}  # its text and speaker are the article's quote's
            assert quotes[wording["article"]][wording["quote"]]["text"]
        assert group["text"] in {quotes[w["article"]][w["quote"]]["text"] for w in group["wordings"]}


def test_the_export_is_compact_and_its_companion_gzipped_without_a_time_stamp(seeds_site: Path) -> None:
    raw = (seeds_site / "report.json").read_text(encoding="utf-8")
    assert "\n" not in raw and '": ' not in raw[:2000]  # no indentation, no padding after keys
    companion = seeds_site / json.loads(raw)["article_details"]["file"]
    assert companion.name == "report-articles.jsonl.gz"
    data = companion.read_bytes()
    assert data[:2] == b"\x1f\x8b" and data[4:8] == b"\0\0\0\0"  # gzip, header mtime 0
    assert len(gzip.decompress(data).decode("utf-8").splitlines()) == len(json.loads(raw)["articles"])


def test_no_page_refers_to_another_host(seeds_site: Path) -> None:
    for page in seeds_site.rglob("*.html"):
        soup = _soup(page)
        for tag in soup.select("script[src], link[href], img[src], iframe[src]"):
            target = tag.get("src") or tag.get("href")
            assert not re.match(r"^(https?:)?//", target), (page, target)


def test_internal_links_resolve(seeds_site: Path) -> None:
    # 404.html is served by a web server at any path, so MkDocs gives it root-based links.
    for page in set(seeds_site.rglob("*.html")) - {seeds_site / "404.html"}:
        for anchor in _soup(page).select("a[href]"):
            href = anchor["href"].split("#")[0]
            if not href or re.match(r"^[a-z]+:", href):
                continue
            assert (page.parent / href).resolve().exists(), (page, href)


def test_build_report_lists_files_and_timings(seeds_site: Path) -> None:
    text = _soup(seeds_site / "build-report.html").select_one("main").get_text(" ", strip=True)
    assert "6 files seen: 5 articles, 0 skipped" in text
    assert "aliases.yml" in text
    for stage in ("ingest", "analyse", "link"):
        assert stage in text
    assert "spaCy model" in text


def test_reprinted_passages_and_shared_quotes_are_shown(seeds_site: Path) -> None:
    militant = "001-1bcba5c6b7a13e79", "004-a3672e11e2e360f4"
    page = _soup(seeds_site / f"articles/{militant[0]}.html")
    shares = page.find("h2", string="Shares text with")
    assert shares is not None
    linked = [a["href"] for a in shares.find_next_siblings("h3")[0].select("a")]
    assert linked == [f"{militant[1]}.html"]
    passages = " ".join(q.get_text() for q in page.select("main blockquote"))
    assert "soldiers of the Caliphate" in passages and "National Security College" in passages

    quotes = _soup(seeds_site / "quotes/1.html")
    rows = [row for row in quotes.select("main table tr") if "soldiers of the Caliphate" in row.get_text()]
    assert {Path(a["href"]).stem for row in rows for a in row.select("a[href*='articles/']")} == set(militant)
    assert "In 2 of 5 articles" in quotes.get_text()


def test_timeline_lists_undated_articles_apart(seeds_site: Path) -> None:
    page = _soup(seeds_site / "timeline.html")
    headings = [h.get_text(strip=True) for h in page.select("main h2")]
    assert headings == ["2017-03-01", "2017-03-02", "Undated"]
    undated = page.find("h2", string="Undated").find_next("ul")
    assert len(undated.select("li")) == 3


def test_story_page_compares_its_outlets(seeds_site: Path) -> None:
    report = _report(seeds_site)
    video = next(t for t in report["topics"] if len(t["articles"]) == 4)
    story = _soup(seeds_site / video["page"])
    header = [th.get_text(" ", strip=True) for th in story.select("main table.matrix thead th.matrix-col")]
    assert header == ["TRT World (1)", "Unattributed (3)"]  # the three unattributed articles share one column
    # 001 is the one article dated 2017-03-01, but two are undated: who was first is not known
    text = story.select_one("main").get_text(" ", strip=True)
    assert "First to report" not in text and "Earliest dated" in text and "may be earlier" in text
    headlines = story.find("h2", string="Headlines").find_next("table")
    assert len(headlines.select("tbody tr")) == 4
    lone = next(t for t in report["topics"] if len(t["articles"]) == 1)
    assert _soup(seeds_site / lone["page"]).select("table.matrix") == []  # one article: nothing to compare


def test_keywords_that_are_entity_names_link_to_the_entity(seeds_site: Path) -> None:
    page = _soup(seeds_site / "articles/002-c658d6394d1569cf.html")
    keywords = page.find("h2", string="Keywords").find_next("p")
    links = {a.get_text(): a["href"] for a in keywords.select("a")}
    assert links.get("Daesh") == "../entities/islamic-state.html"
    assert all(href.startswith("../entities/") for href in links.values())


def test_full_text_reads_as_written_around_entity_links(seeds_site: Path) -> None:
    page = _soup(seeds_site / "articles/000-80fa79a43dce09eb.html")
    heading = page.find("h2", string="Full text")
    text = " ".join(p.get_text() for p in heading.find_next_siblings("p"))
    assert "following the purported release by Islamic State (IS) of a video showing Chinese Uyghur fighters" in text
    assert "Geng Shuang, a spokesperson for China's foreign ministry, told" in text


def test_article_pages_list_each_entity_under_its_type_with_its_counts(seeds_site: Path) -> None:
    report = _report(seeds_site)
    entities = {e["id"]: e for e in report["entities"]}
    for article in report["articles"]:
        counts = Counter(m["entity"] for m in article["mentions"])
        listed = _soup(seeds_site / article["page"]).select_one("main dl.entity-types")
        shown = {}
        for term in listed.select("dt"):
            for name, here, naming in re.findall(
                r"(.+?) \((\d+) here, (\d+) articles?\)(?: · |$)", term.find_next_sibling("dd").get_text()
            ):
                shown[name] = (term.get_text(), int(here), int(naming))
        assert shown == {
            entities[e]["name"]: (type_label(entities[e]["type"]), n, len(entities[e]["articles"]))
            for e, n in counts.items()
        }
        linked = {a.get_text() for a in listed.select("a")}
        assert linked == {entities[e]["name"] for e in counts if entities[e].get("page")}


def test_an_article_page_links_the_speaker_at_every_quote(seeds_site: Path) -> None:
    """A reader looks for the speaker's link at the quote they read, not only at the first of theirs."""
    report = _report(seeds_site)
    entities = {e["id"]: e for e in report["entities"]}
    checked = 0
    for article in report["articles"]:
        heading = _soup(seeds_site / article["page"]).select_one("main h2#quotes")
        if heading is None:
            continue
        quotes = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            if sibling.name == "blockquote":
                quotes.append(sibling)
        expected = [
            entities[q["speaker_entity"]]["name"]
            for q in article["quotes"]
            if entities.get(q["speaker_entity"] or "", {}).get("page")
        ]
        shown = [a.get_text() for q in quotes for a in q.select("a[href$='.html']") if "quotes/" not in a["href"]]
        assert shown == expected
        checked += len(expected) > len(set(expected))
    assert checked  # a seed article quotes one named speaker twice or more


def test_entity_pages_carry_the_ring_as_data_and_every_neighbour_in_the_table(seeds_site: Path) -> None:
    """No picture in the HTML (report.js draws it): the mentions that size its circles, and the table a
    reader without JavaScript has, with every neighbour."""
    entities = {e["page"]: e for e in _report(seeds_site)["entities"] if e.get("page")}
    by_name = {e["name"]: e for e in entities.values()}
    drawn = 0
    for page, entity in entities.items():
        soup = _soup(seeds_site / page)
        assert soup.select_one("main svg") is None
        spot = soup.select_one("main div.neighbour-ring")
        if spot is None:
            continue
        drawn += 1
        rows = spot.find_next_sibling().select("tbody tr")
        mentions = [int(n) for n in spot["data-mentions"].split()]
        assert spot["data-type"] == entity["type"] and mentions[0] == entity["mentions"]
        assert len(mentions) == 1 + len(rows)
        for row, count in zip(rows, mentions[1:], strict=True):
            if row.select_one("a"):
                assert by_name[row.select_one("a").get_text()]["mentions"] == count
    assert drawn >= 3
