"""Pages: escaping of untrusted text, and pages rendered from a saved analysis."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from generator.config import Config
from generator.link import link_corpus
from generator.model import Article, ArticleAnalysis, Keyword, Mention, Quote, Sentence, Skipped
from generator.pages import BuildInfo, write_pages
from generator.pages.markdown import escape, external_link, safe_url

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<a href='javascript:alert(1)'>x</a>",
    "*emph* _u_ `code` | pipe # hash {: #id onclick=x}",
    "- list item",
    "1. numbered",
    "&lt;b&gt; entity",
]


def _render(text: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(escape(text), extensions=["tables", "toc"]), "html.parser")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_escaped_text_renders_as_the_same_text_and_no_markup(payload: str) -> None:
    soup = _render(payload)
    assert soup.find_all(["script", "img", "a", "em", "strong", "code", "ul", "ol", "h1"]) == []
    assert soup.get_text() == payload


def test_only_http_urls_become_links() -> None:
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("data:text/html,x") is None
    assert safe_url("https://example.org/a b)") == "https://example.org/a%20b%29"
    assert external_link("x", "javascript:alert(1)") == "x"


def _hostile_corpus() -> tuple[list[Article], dict[str, ArticleAnalysis]]:
    bad = "<script>alert('t')</script>"
    text = f"Mayor {bad} Quimby spoke. Quimby said [x](javascript:alert(1)) things."
    article = Article(
        id="a",
        slug="a",
        path="a<b>.txt",
        title=f"Title {bad}",
        text=text,
        source=f"Source {bad}",
        url="javascript:alert(1)",
        author=bad,
        provenance={"title": "given", "source": "given", "author": "given", "url": "given"},
    )
    other = Article(id="b", slug="b", path="b.txt", title="Other", text="Quimby again.", source=None)
    start = text.index("Quimby")
    analysis = ArticleAnalysis(
        sentences=(Sentence(0, len(text), text),),
        summary=(0,),
        keywords=(Keyword(bad, 0.1),),
        mentions=(Mention("Quimby", "PERSON", start, start + 6, 0),),
        quotes=(Quote(f"quote {bad}", 0, 5, 0, speaker=bad),),
        acronyms=(),
        lemmas=("mayor", "quimby"),
    )
    other_analysis = ArticleAnalysis(
        sentences=(Sentence(0, 13, "Quimby again."),),
        summary=(0,),
        keywords=(),
        mentions=(Mention("Quimby", "PERSON", 0, 6, 0),),
        quotes=(),
        acronyms=(),
        lemmas=("quimby",),
    )
    return [article, other], {"a": analysis, "b": other_analysis}


def test_hostile_text_never_becomes_markup_on_any_page(tmp_path: Path) -> None:
    articles, analyses = _hostile_corpus()
    config = Config()
    corpus = link_corpus(articles, analyses, config, tmp_path / "none.yml")
    info = BuildInfo("in", 3, [Skipped("<script>x</script>.txt", "bad <b>")], ["w <i>"], [], {"x": "<s>"})
    docs = tmp_path / "docs"
    count = write_pages(corpus, config, docs, ROOT / "themes/report/pages", info, "Site <script>")
    assert count > 5
    for page in docs.rglob("*.md"):
        html = markdown.markdown(page.read_text(encoding="utf-8"), extensions=["tables", "toc"])
        soup = BeautifulSoup(html, "html.parser")
        assert soup.find_all(["script", "img", "iframe"]) == [], page
        for anchor in soup.find_all("a"):
            href = anchor.get("href", "")
            assert not href.lower().startswith(("javascript:", "data:")), (page, href)
        for tag in soup.find_all(True):
            assert not any(attr.startswith("on") for attr in tag.attrs), (page, tag)
    article_html = markdown.markdown((docs / "articles/a.md").read_text(encoding="utf-8"), extensions=["tables"])
    assert "<script>alert('t')</script>" in BeautifulSoup(article_html, "html.parser").get_text()


def test_every_page_kind_is_written(tmp_path: Path) -> None:
    articles, analyses = _hostile_corpus()
    corpus = link_corpus(articles, analyses, Config(), tmp_path / "none.yml")
    docs = tmp_path / "docs"
    write_pages(corpus, Config(), docs, ROOT / "themes/report/pages", BuildInfo("in", 2, [], [], [], {}), "S")
    written = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}
    assert {
        "index.md",
        "articles/index.md",
        "articles/a.md",
        "entities/index.md",
        "entities/quimby.md",
        "topics/index.md",
        "sources/index.md",
        "sources/unattributed.md",
        "keywords.md",
        "build-report.md",
        "report.json",
    } <= written


def test_text_around_links_and_bold_names_keeps_its_spaces(tmp_path: Path) -> None:
    articles, analyses = _hostile_corpus()
    corpus = link_corpus(articles, analyses, Config(), tmp_path / "none.yml")
    docs = tmp_path / "docs"
    write_pages(corpus, Config(), docs, ROOT / "themes/report/pages", BuildInfo("in", 2, [], [], [], {}), "S")
    article = markdown.markdown((docs / "articles/a.md").read_text(encoding="utf-8"), extensions=["tables"])
    full_text = BeautifulSoup(article, "html.parser").get_text()
    assert "Mayor <script>alert('t')</script> Quimby spoke. Quimby said" in full_text
    # md_in_html, as every build has it (mkdocs_adapter adds it): the mentions are in a Markdown div
    entity_md = (docs / "entities/quimby.md").read_text(encoding="utf-8")
    entity = markdown.markdown(entity_md, extensions=["tables", "md_in_html"])
    assert "Quimby said [x](javascript:alert(1)) things." in BeautifulSoup(entity, "html.parser").get_text()


def _template_variables(env, name: str) -> set[str]:  # noqa: ANN001 - jinja2.Environment
    """The variables a template (and what it includes) reads from its context."""
    from jinja2 import meta

    source = env.loader.get_source(env, name)[0]
    parsed = env.parse(source)
    found = set(meta.find_undeclared_variables(parsed))
    # names the including template binds around an include: `{% with bar=... %}`, `{% for card in ... %}`
    bound = set(re.findall(r"{%\s*with\s+(\w+)\s*=", source)) | set(re.findall(r"{%\s*for\s+(\w+)\s+in\b", source))
    for included in meta.find_referenced_templates(parsed):
        found |= _template_variables(env, included) - bound
    return found


def test_each_template_reads_only_its_context_and_the_formatting_helpers() -> None:
    """The context dataclass is the template's contract: a variable it does not declare fails here."""
    import dataclasses

    from generator.pages import PAGE_KINDS
    from generator.pages.writer import make_environment

    templates = ROOT / "themes/report/pages"
    env = make_environment(templates)
    pages = {p.name for p in templates.glob("*.md") if not p.name.startswith("_")}
    assert pages == set(PAGE_KINDS)  # every page template has a declared context
    for name, kind in PAGE_KINDS.items():
        assert dataclasses.is_dataclass(kind) and kind.__dataclass_params__.frozen, name
        fields = {f.name for f in dataclasses.fields(kind)}
        assert "page" in fields, name
        assert _template_variables(env, name) <= fields | set(env.globals), (name, kind)
        text = (templates / name).read_text(encoding="utf-8")
        assert ".update(" not in text and ".append(" not in text, name  # templates format, they do not compute


def test_home_page_states_the_configured_threshold(tmp_path: Path) -> None:
    articles, analyses = _hostile_corpus()
    config = Config(entity_min_articles=1)
    corpus = link_corpus(articles, analyses, config, tmp_path / "none.yml")
    docs = tmp_path / "docs"
    write_pages(corpus, config, docs, ROOT / "themes/report/pages", BuildInfo("in", 2, [], [], [], {}), "S")
    home = BeautifulSoup(markdown.markdown((docs / "index.md").read_text(encoding="utf-8")), "html.parser")
    assert "entities named in one or more articles" in home.get_text()
    assert "two or more" not in home.get_text()


def test_the_full_text_links_each_spelling_of_a_name_once(tmp_path: Path) -> None:
    text = "Joe Quimby spoke. Quimby said no. Later quimby left.\nQuimby came back and Joe Quimby smiled."
    spans = [(0, 10), (18, 24), (40, 46), (53, 59), (74, 84)]
    assert [text[a:b] for a, b in spans] == ["Joe Quimby", "Quimby", "quimby", "Quimby", "Joe Quimby"]
    article = Article(id="a", slug="a", path="a.txt", title="T", text=text, source="S")
    other = Article(id="b", slug="b", path="b.txt", title="U", text="Joe Quimby.", source="S")
    mentions = tuple(Mention(text[a:b], "PERSON", a, b, 0) for a, b in spans)
    analyses = {
        "a": ArticleAnalysis((Sentence(0, len(text), text),), (0,), (), mentions, (), (), ("quimby",)),
        "b": ArticleAnalysis(
            (Sentence(0, 11, "Joe Quimby."),), (0,), (), (Mention("Joe Quimby", "PERSON", 0, 10, 0),), (), (), ()
        ),
    }
    corpus = link_corpus([article, other], analyses, Config(), tmp_path / "none.yml")
    docs = tmp_path / "docs"
    write_pages(corpus, Config(), docs, ROOT / "themes/report/pages", BuildInfo("in", 2, [], [], [], {}), "S")
    html = markdown.markdown((docs / "articles/a.md").read_text(encoding="utf-8"), extensions=["tables", "toc"])
    full_text = BeautifulSoup(html, "html.parser").find("h2", string="Full text").find_next_siblings("p")
    assert " ".join(p.get_text() for p in full_text) == text.replace("\n", " ")  # every word is still there
    links = [a.get_text() for p in full_text for a in p.select("a")]
    assert links == ["Joe Quimby", "Quimby"]  # "quimby" and the repeats are text: the first of each spelling
    assert {a["href"] for p in full_text for a in p.select("a")} == {"../entities/joe-quimby.md"}


def test_home_lists_outlets_by_the_articles_it_shows_for_them(tmp_path: Path) -> None:
    """The count shown beside an outlet leaves its duplicates out, and so does the order (allsides: AP 31 was
    listed before USA TODAY 32, ranked by its 32 articles with one duplicate)."""
    words = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa".split()

    def text(n: int) -> str:
        return " ".join(f"{w}{n}" for w in words + words) + "."

    items = [("w1", "Wire", 1), ("w2", "Wire", 1), ("w3", "Wire", 1), ("w4", "Wire", 2)]
    items += [("p1", "Post", 3), ("p2", "Post", 4), ("p3", "Post", 5)]
    articles = [Article(id=a, slug=a, path=f"{a}.txt", title=a.upper(), text=text(n), source=s) for a, s, n in items]
    analyses = {a.id: ArticleAnalysis((Sentence(0, len(a.text), a.text),), (0,), (), (), (), (), ()) for a in articles}
    config = Config()
    corpus = link_corpus(articles, analyses, config, tmp_path / "none.yml")
    assert [s.name for s in corpus.sources[:2]] == ["Wire", "Post"]  # by all their articles
    docs = tmp_path / "docs"
    write_pages(corpus, config, docs, ROOT / "themes/report/pages", BuildInfo("in", 7, [], [], [], {}), "S")
    home = BeautifulSoup(markdown.markdown((docs / "index.md").read_text(encoding="utf-8")), "html.parser")
    outlets = next(h for h in home.find_all("h2") if h.get_text() == "Outlets").find_next("p")
    assert " ".join(outlets.get_text().split()).startswith("Post 3 · Wire 2")


def _quoting_article(aid: str, source: str, quotes: list[tuple[str, str]]) -> tuple[Article, ArticleAnalysis]:
    """An article of `source` whose text is its quotes, each given as (words, speaker as written)."""
    text = " ".join(f"“{words},” {speaker} said." for words, speaker in quotes)
    found, start = [], 0
    for words, speaker in quotes:
        start = text.index(words, start)
        found.append(Quote(words, start, start + len(words), 0, speaker=speaker, speaker_kind="name"))
    article = Article(id=aid, slug=aid, path=f"{aid}.txt", title=f"Title {aid}", text=text, source=source)
    sentences = (Sentence(0, len(text), text),)
    return article, ArticleAnalysis(sentences, (0,), (), (), tuple(found), (), ("quote",))


def test_a_quotes_speaker_as_written_or_the_disagreement_shows_where_no_entity_is_linked(tmp_path: Path) -> None:
    """A story or source page said "speaker not named" when the articles name a speaker the linker gave no
    entity, or disagree on who spoke (the quotes page already listed each)."""
    long = "We will not allow anyone to divide this country, not now and not ever, whatever they may try to do"
    first, first_analysis = _quoting_article(
        "a", "Outlet A", [(long, "Smith"), ("The bridge opens on Monday", "Brown")]
    )
    second, second_analysis = _quoting_article("b", "Outlet B", [(long, "Jones")])
    corpus = link_corpus([first, second], {"a": first_analysis, "b": second_analysis}, Config(), tmp_path / "n.yml")
    docs = tmp_path / "docs"
    write_pages(corpus, Config(), docs, ROOT / "themes/report/pages", BuildInfo("in", 2, [], [], [], {}), "S")
    page = next(p for p in (docs / "sources").glob("*.md") if "Outlet A" in p.read_text(encoding="utf-8"))
    html = markdown.markdown(page.read_text(encoding="utf-8"), extensions=["tables", "md_in_html"])
    heading = BeautifulSoup(html, "html.parser").find(lambda tag: tag.name == "h2" and "Quotes" in tag.get_text())
    assert heading is not None
    lines = [item.get_text(" ", strip=True) for item in heading.find_next("ul").find_all("li")]
    disputed = next(line for line in lines if line.startswith("“We will not allow"))
    assert "credited to Smith or Jones (the articles disagree)" in disputed
    assert "not named" not in disputed
    bridge = next(line for line in lines if line.startswith("“The bridge opens"))
    assert "— Brown" in bridge and "not named" not in bridge
