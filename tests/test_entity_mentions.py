"""The entity page's "Mentions": a sentence from the articles it is most central to, the rest linked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import markdown
from bs4 import BeautifulSoup
from conftest import ROOT

from generator.config import Config
from generator.link import link_corpus
from generator.model import Article, ArticleAnalysis, Entity, Mention, Sentence
from generator.pages import BuildInfo, write_pages
from generator.pages.entity_page import MENTION_ARTICLES, name_reasons

HOSTILE = "<script>alert(1)</script> & [x](javascript:alert(1))"


def _article(number: int, named: int) -> tuple[Article, ArticleAnalysis]:
    """Article `number` names Kim Lee in `named` sentences (and Ann Bo in one), dated 2020-01-<number>."""
    lines = [f"Kim Lee spoke ({number}, {n})." for n in range(named)] + ["Ann Bo listened."]
    text, sentences, mentions = "", [], []
    for index, line in enumerate(lines):
        start = len(text)
        text += line + " "
        sentences.append(Sentence(start, start + len(line), line))
        name = "Ann Bo" if line.startswith("Ann") else "Kim Lee"
        mentions.append(Mention(name, "PERSON", start, start + len(name), index))
    aid = f"a{number:02d}"
    title = f"Story {number} {HOSTILE}"
    article = Article(
        id=aid,
        slug=aid,
        path=f"{aid}.txt",
        title=title,
        text=text.strip(),
        source=f"Outlet {number}",
        date=date(2020, 1, number),
    )
    analysis = ArticleAnalysis(tuple(sentences), (0,), (), tuple(mentions), (), (), ("speak",))
    return article, analysis


def _entity_page(tmp_path: Path, named: list[int]) -> BeautifulSoup:
    pairs = [_article(number, n) for number, n in enumerate(named, start=1)]
    articles = [a for a, _ in pairs]
    analyses = {a.id: analysis for a, analysis in pairs}
    corpus = link_corpus(articles, analyses, Config(), tmp_path / "none.yml")
    docs = tmp_path / "docs"
    write_pages(
        corpus, Config(), docs, ROOT / "themes/report/pages", BuildInfo("in", len(articles), [], [], [], {}), "S"
    )
    source = (docs / "entities/kim-lee.md").read_text(encoding="utf-8")
    html = markdown.markdown(source, extensions=["tables", "toc", "def_list", "md_in_html"])
    return BeautifulSoup(html, "html.parser")


def _mentions_section(soup: BeautifulSoup) -> list:
    heading = soup.find("h2", id="mentions")
    section = []
    for node in heading.find_next_siblings():
        if node.name == "h2":
            break
        section.append(node)
    return section


def test_the_articles_it_is_most_central_to_show_a_sentence_and_the_rest_are_linked(tmp_path: Path) -> None:
    # Article n names Kim Lee in named[n-1] sentences: 14 articles, MENTION_ARTICLES quoted, the rest listed.
    named = [1, 5, 2, 7, 1, 3, 6, 1, 4, 2, 8, 1, 3, 2]
    soup = _entity_page(tmp_path, named)
    section = _mentions_section(soup)
    shown = soup.select("div.mentions > ul > li")
    assert len(shown) == MENTION_ARTICLES
    # Most sentences naming it first; equal counts keep the latest article first.
    expected = sorted(range(1, 15), key=lambda n: (-named[n - 1], -n))[:MENTION_ARTICLES]
    assert [li.a["href"] for li in shown] == [f"../articles/a{n:02d}.md" for n in expected]
    first = shown[0]
    assert first.blockquote.strong.get_text() == "Kim Lee"
    assert first.blockquote.get_text().strip() == "Kim Lee spoke (11, 0)."  # its first sentence naming him, one only
    assert "8 mentions in 8 sentences" in first.p.get_text()
    # The others: one line each, latest first, linked to the article page, with source, date and mentions.
    rows = soup.select("ul.filtered.articles-naming > li")
    rest = sorted(set(range(1, 15)) - set(expected), reverse=True)
    assert [row.a["href"] for row in rows] == [f"../articles/a{n:02d}.html" for n in rest]
    facts = [row.get_text().removeprefix(row.a.get_text()).split(" · ") for row in rows]
    counts = [f"{named[n - 1]} mention{'s' if named[n - 1] != 1 else ''}" for n in rest]
    assert [fact[-1] for fact in facts] == counts and "1 mention" in counts and "2 mentions" in counts
    assert facts[0][:3] == ["", f"Outlet {rest[0]}", f"2020-01-{rest[0]:02d}"]
    # Titles are text in the raw HTML table and in the Markdown list alike.
    assert soup.find_all("script") == [] and all(not a["href"].startswith("javascript") for a in soup.find_all("a"))
    assert HOSTILE in rows[0].a.get_text() and HOSTILE in first.a.get_text()
    assert not [node for node in section if node.name == "h3" and "Story" in node.get_text()]


def test_an_entity_of_few_articles_shows_them_all_and_lists_none(tmp_path: Path) -> None:
    soup = _entity_page(tmp_path, [2, 1, 3])
    shown = soup.select("div.mentions > ul > li")
    assert [li.a["href"] for li in shown] == ["../articles/a03.md", "../articles/a01.md", "../articles/a02.md"]
    assert "1 mention" in shown[2].p.get_text() and "sentences" not in shown[2].p.get_text()
    assert soup.select("ul.articles-naming") == [] and soup.select("input.table-filter") == []


def test_names_by_source_writes_each_list_of_names_once_with_the_sources_using_it(tmp_path: Path) -> None:
    soup = _entity_page(tmp_path, [2, 1, 3])
    heading = soup.find("h2", id="names-by-source")
    (line,) = heading.find_next_sibling("ul").find_all("li")  # the three outlets all write "Kim Lee"
    assert line.get_text() == "Kim Lee: Outlet 1, Outlet 2, Outlet 3"
    assert [a["href"] for a in line.find_all("a")] == [f"../sources/outlet-{n}.md" for n in (1, 2, 3)]


def test_one_name_written_the_same_everywhere_needs_no_table_of_reasons(tmp_path: Path) -> None:
    soup = _entity_page(tmp_path, [2, 1, 3])
    assert soup.find("h2", id="why-these-names-are-one-entity") is None  # "Kim Lee" only: nothing to explain
    assert "Kim Lee" in soup.find("dt", string="Names seen").find_next_sibling("dd").get_text()


def test_names_that_need_a_reason_keep_their_table() -> None:
    two = Entity("kim", "kim", "Kim Lee", "PERSON", ("Kim Lee", "Lee"), ("a",), 3, {"Kim Lee": "same name", "Lee": "x"})
    assert name_reasons(two) == (("Kim Lee", "same name"), ("Lee", "x"))
    odd = Entity("kim", "kim", "Kim", "PERSON", ("Kim",), ("a",), 1, {"Kim": "ambiguous: may be Kim Lee or Kim Bo"})
    assert name_reasons(odd) == (("Kim", "ambiguous: may be Kim Lee or Kim Bo"),)
