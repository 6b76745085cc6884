"""Long lists split into pages (generator/pages/long_lists.py): the pager, the A–Z initials, and a small
hand-written corpus built with three rows a page, whose articles index, source page, timeline day and
entity index must each list every row exactly once over their pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import project_config, write_files

from generator.pages import paging
from generator.pages.long_lists import initial
from generator.pages.paging import first_page_or, split

NAMES = ["Angela Merkel", "Boris Johnson", "Emmanuel Macron", "Olaf Scholz", "Ursula von der Leyen"]


def test_split_pages_every_item_once_with_its_numbers() -> None:
    path = first_page_or("things/index.md", "thing-list")
    parts = split(list(range(7)), path, 3)
    assert [list(chunk) for _, chunk in parts] == [[0, 1, 2], [3, 4, 5], [6]]
    assert [(p.number, p.first, p.last, p.total) for p, _ in parts] == [(1, 1, 3, 7), (2, 4, 6, 7), (3, 7, 7, 7)]
    assert [r.path for r in parts[0][0].parts] == ["things/index.md", "thing-list/2.md", "thing-list/3.md"]
    empty = split([], path, 3)
    assert len(empty) == 1 and list(empty[0][1]) == [] and empty[0][0].first == empty[0][0].total == 0


def test_initial_files_accented_names_under_their_letter_and_others_apart() -> None:
    assert [initial(n) for n in ["Émile Zola", " bob", "Øresund", "1999 law", "«Quoted»", ""]] == [
        "E",
        "B",
        "#",  # Ø has no ASCII letter in its decomposition: not guessed
        "#",
        "#",
        "#",
    ]


def _lines() -> list[dict[str, str]]:
    lines = []
    for number in range(7):
        names = " and ".join(NAMES[number % 5 : number % 5 + 2] or NAMES[:2])
        lines.append(
            {
                "title": f"Summit talks, report {number}",
                "text": f"{names} met in Brussels on Monday to discuss the budget. Report number {number} says "
                f"{names} agreed to meet again in Berlin. {NAMES[0]} spoke to reporters afterwards.\n\n"
                f"“The talks of round {number} went well for everyone,” {NAMES[number % 5]} said.",
                "source": "Daily One" if number < 5 else "Weekly Two",
                "date": "2020-04-01",
            }
        )
    return lines


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from generator.cli import main

    tmp = tmp_path_factory.mktemp("long-lists")
    feed = "\n".join(json.dumps(line) for line in _lines())
    write_files(tmp / "input", {"feed.jsonl": feed})
    config = project_config(tmp, entity_min_articles=2)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(paging, "PER_PAGE", 3)
        assert (
            main(["build", "--config", str(config), "--input", str(tmp / "input"), "--site-dir", str(tmp / "site")])
            == 0
        )
    return tmp / "site"


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _pages_of(site: Path, first: str) -> list[Path]:
    """The first page of a list and every page its pager links to, in order."""
    page = site / first
    pager = _soup(page).select_one("main nav.pager")
    if pager is None:
        return [page]
    targets = [page.parent / a["href"] for a in pager.select("a")]
    return sorted({page.resolve(), *(t.resolve() for t in targets)}, key=lambda p: (p != page.resolve(), str(p)))


def _article_links(page: Path) -> list[str]:
    soup = _soup(page)
    heading = soup.find("h2", string="Articles")  # a source page: its article table, not the ones after
    table = heading.find_next("table") if heading else soup.select("main table")[-1]
    return [(page.parent / row.select_one("a")["href"]).resolve().name for row in table.select("tbody tr")]


def test_articles_index_lists_every_article_once_over_its_pages(small_site: Path) -> None:
    report = json.loads((small_site / "report.json").read_text(encoding="utf-8"))
    pages = _pages_of(small_site, "articles/index.html")
    assert len(pages) == 3
    listed = [name for page in pages for name in _article_links(page)]
    assert all(len(_article_links(page)) <= 3 for page in pages)
    assert sorted(listed) == sorted(Path(a["page"]).name for a in report["articles"])
    second = _soup(pages[1])
    assert [li.get_text(strip=True) for li in second.select("nav.breadcrumbs li")][:2] == ["Home", "Articles"]
    assert second.select_one("main nav.pager strong").get_text() == "2"


def test_a_source_page_pages_its_articles(small_site: Path) -> None:
    pages = _pages_of(small_site, "sources/daily-one.html")
    assert [len(_article_links(p)) for p in pages] == [3, 2]
    assert len({name for p in pages for name in _article_links(p)}) == 5
    assert len(_pages_of(small_site, "sources/weekly-two.html")) == 1  # two articles: no pager


def test_timeline_shows_three_a_day_and_links_to_the_day(small_site: Path) -> None:
    timeline = _soup(small_site / "timeline.html")
    day = timeline.find("h2", string="2020-04-01")
    assert len(day.find_next("ul").select("li")) == 3
    more = day.find_next("a", string="every article of 2020-04-01")
    assert "And 4 more" in more.parent.get_text()
    pages = _pages_of(small_site, more["href"])
    assert len({name for p in pages for name in _article_links(p)}) == 7


def test_entity_index_is_alphabetical_with_letters_and_a_type_choice(small_site: Path) -> None:
    report = json.loads((small_site / "report.json").read_text(encoding="utf-8"))
    paged = {e["name"]: e for e in report["entities"] if e.get("page")}
    pages = _pages_of(small_site, "entities/index.html")
    rows = [r for p in pages for r in _soup(p).select("main table")[-1].select("tbody tr")]
    names = [r.select("td")[1].get_text(strip=True) for r in rows]
    assert sorted(names) == sorted(paged) and len(names) == len(set(names))
    assert [initial(n) for n in names] == sorted(initial(n) for n in names)  # A–Z
    first = _soup(pages[0])
    for link in first.select("main nav.letters a"):
        target, anchor = link["href"].split("#")
        found = _soup((pages[0].parent / target).resolve()).find(id=anchor)
        assert found is not None and found.parent.get_text(strip=True) == link.get_text(strip=True)
    people = [a for a in first.select("main p a") if a.get_text() == "People"]
    assert people, "a choice of type"
    people_page = (pages[0].parent / people[0]["href"]).resolve()
    listed = _soup(people_page)
    people_rows = [
        r
        for p in _pages_of(small_site, str(people_page.relative_to(small_site.resolve())))
        for r in _soup(p).select("main table tbody tr")
    ]
    assert {r.select("td")[2].get_text(strip=True) for r in people_rows} == {"People"}
    intro = listed.select_one("main h1").find_next("p").get_text(" ", strip=True)
    assert intro.startswith("People (PERSON) with a page of their own") and f": {len(people_rows)}," in intro


def test_quotes_index_pages_its_speakers_with_letters_to_each_page(small_site: Path) -> None:
    pages = _pages_of(small_site, "quotes.html")
    assert len(pages) >= 2, "five speakers at three a page"
    rows = [r for p in pages for r in _soup(p).find("h2", string="Speakers").find_next("table").select("tbody tr")]
    names = [r.select("td")[1].get_text(strip=True) for r in rows]
    assert len(names) == len(set(names)) >= 4 and all(
        len(_soup(p).select("main .stack-speakers tbody tr")) <= 3 for p in pages
    )
    first = _soup(pages[0])
    assert first.find("h2", string="Speakers").find_next("p").select("a")  # the A–Z links
    for link in first.find("h2", string="Speakers").find_next("p").select("a"):
        target, anchor = link["href"].split("#")
        found = _soup((pages[0].parent / target).resolve()).find(id=anchor)
        assert found is not None and found.parent.get_text(strip=True) == link.get_text(strip=True)
