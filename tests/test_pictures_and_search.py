"""The search index, the entity graph and the coverage charts, on hand-made corpora."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from bs4 import BeautifulSoup

from generator.config import Config
from generator.link import link_corpus
from generator.model import ENTITY_TYPE_LABELS, Article, ArticleAnalysis, Corpus, Keyword, Mention, Sentence
from generator.pages.charts import Charts, bin_dates, nice_step
from generator.pages.graph import LABELLED, LEVELS, PHONE, WIDE, EntityGraph, force_layout, place_labels, separate
from generator.pages.search import (
    GLOBAL_NAME,
    INDEX_FILE,
    TERMS_CALLBACK,
    TEXT_CALLBACK,
    compact_postings,
    expand_postings,
    pack,
    script_json,
    search_documents,
    search_index,
    shard_key,
    terms,
    unpack,
)
from generator.pages.search_first import SearchDocument, encode, title_slug

HOSTILE = "</script><!--<img src=x onerror=alert(1)>&amp;\u2028"
TYPES = ("PERSON", "ORG", "GPE")


def _article(aid: str, names: list[str], *, source: str | None = None, day: date | None = None) -> tuple:
    """An article naming each of `names` once, with the analysis a model would give it."""
    text, mentions, sentences = "", [], []
    for index, name in enumerate(names):
        start = len(text)
        sentence = f"{name} spoke about the plan."
        text += sentence + " "
        sentences.append(Sentence(start, start + len(sentence), sentence))
        mentions.append(Mention(name, TYPES[int(name.split()[-1]) % 3], start, start + len(name), index))
    text = text.strip()
    article = Article(id=aid, slug=aid, path=f"{aid}.txt", title=f"Story {aid}", text=text, source=source, date=day)
    analysis = ArticleAnalysis(
        sentences=tuple(sentences),
        summary=(0,),
        keywords=(Keyword("the plan", 0.1),),
        mentions=tuple(mentions),
        quotes=(),
        acronyms=(),
        lemmas=("plan", "speak"),
    )
    return article, analysis


def _corpus(specs: list[tuple], tmp_path: Path) -> Corpus:
    articles, analyses = [], {}
    for aid, names, source, day in specs:
        article, analysis = _article(aid, names, source=source, day=day)
        articles.append(article)
        analyses[aid] = analysis
    corpus = link_corpus(articles, analyses, Config(), tmp_path / "none.yml")
    return corpus


def _entity(n: int) -> str:
    return f"Entity Number {n}"


def _big_corpus(tmp_path: Path, entities: int = 150, articles: int = 120) -> Corpus:
    """Entity n appears in more articles the smaller n is; neighbours share articles."""
    specs = []
    for a in range(articles):
        names = [_entity(n) for n in range(entities) if (a + n) % (2 + n // 10) == 0][:25]
        specs.append((f"a{a:03d}", names or [_entity(0)], None, None))
    return _corpus(specs, tmp_path)


# --- search index ----------------------------------------------------------------------------


def test_script_json_cannot_break_out_of_a_script() -> None:
    text = script_json({"title": HOSTILE})
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"title": HOSTILE}


def _call_arguments(script: str, name: str) -> list:
    """The JSON arguments of a shard script `window.NAME(a, b);`."""
    return json.loads("[" + script.split(f"window.{name}(", 1)[1].rstrip().removesuffix(");") + "]")


def test_search_index_holds_every_kind_with_its_fields(tmp_path: Path) -> None:
    corpus = _corpus(
        [
            ("one", [_entity(1), _entity(2)], HOSTILE, date(2020, 1, 1)),
            ("two", [_entity(1), _entity(2), _entity(3)], "Daily Planet", None),
        ],
        tmp_path,
    )
    documents = search_documents(corpus)
    kinds = [d["kind"] for d in documents]
    assert set(kinds) == {"article", "entity", "topic", "source"} and kinds[:2] == ["article", "article"]
    article = next(d for d in documents if d["kind"] == "article" and d["title"] == "Story one")
    assert article["url"] == "articles/one.html" and "text" not in article and "summary" not in article
    assert "Entity Number 1" in article["names"] and article["keywords"] == "the plan"
    assert article["length"] == len(list(terms(corpus.articles[0].text)))
    entity = next(d for d in documents if d["kind"] == "entity" and d["title"] == "Entity Number 1")
    assert entity["url"].startswith("entities/")
    assert any(d["kind"] == "source" and d["title"] == HOSTILE for d in documents)

    index = search_index(corpus)
    script = index.files[INDEX_FILE]
    assert "<" not in script.split("\n", 1)[1] and "&" not in script
    payload = json.loads(script.split(f"window.{GLOBAL_NAME} = ", 1)[1].rstrip().rstrip(";"))
    assert decode_first_index(payload) == documents
    assert "Entity Number 1" not in json.dumps(payload["articles"])  # the names are the entities' places
    # The full text: each term in the shard of its prefix, with its articles and counts.
    shards = {}
    for name, content in index.files.items():
        assert "<" not in content and "&" not in content, name
        if "/terms-" in name:
            key, postings = _call_arguments(content, TERMS_CALLBACK)
            assert name == f"{payload['shards']}/terms-{key}-{payload['terms'][key]}.js"
            shards[key] = postings
    assert shards[shard_key("spoke")]["spoke"] == [-1, 2, -1, 3]  # both articles, with their counts (compact)
    assert expand_postings(shards[shard_key("spoke")]["spoke"]) == [0, 2, 1, 3]
    assert shards["pl"]["plan"] == [-1, 2, -1, 3]  # as often as "spoke"
    assert "the" not in shards.get("th", {}) and "plan" in shards["pl"]
    number, packed = _call_arguments(index.files[f"{payload['shards']}/text-0-{payload['texts'][0]}.js"], TEXT_CALLBACK)
    summaries, texts = unpack(packed)  # summaries and texts packed together
    assert number == 0 and summaries[0] == corpus.articles[0].text.split(" spoke")[0] + " spoke about the plan."
    assert texts == [a.text for a in corpus.articles]
    assert pack(unpack(packed)) == packed  # the same texts pack to the same bytes


def decode_first_index(payload: dict) -> list[dict]:
    """The first index's documents read back from its compact form, as search.js `decode` reads them (an
    independent reading of the format `search_first` documents)."""
    sep = " · "

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    def page(value: str, folder: str, title: str = "") -> str:
        value = value or (title_slug(title) or "")
        return value if "/" in value else f"{folder}/{value}.html"

    def words(values: list) -> str:
        return sep.join(payload["keywords"][k] if isinstance(k, int) else k for k in values)

    def names(values: list) -> str:
        return sep.join(payload["entities"][n][0] if isinstance(n, int) else n for n in values)

    def doc(kind: str, title: str, url: str, meta: str, keywords: str = "", named: str = "", length: int = 0) -> dict:
        return {"kind": kind, "title": title, "url": url, "meta": meta, "keywords": keywords, "names": named,
                "length": length}  # fmt: skip

    articles = []
    for row in payload["articles"]:
        source = payload["sources"][row[2]][0] if isinstance(row[2], int) else row[2]
        copies = f" · and {row[7]} {'copy' if row[7] == 1 else 'copies'}" if len(row) > 7 else ""
        meta = f"{source}{sep}{row[3]}{copies}"
        articles.append(doc("article", row[0], page(row[1], "articles"), meta, words(row[4]), names(row[5]), row[6]))
    out = list(articles)
    for row in payload["entities"]:
        meta = f"{payload['types'][row[2]]}{sep}{plural(row[3], 'mention')} in {plural(row[4], 'article')}"
        out.append(
            doc("entity", row[0], page(row[1], "entities", row[0]), meta, "", sep.join(row[5] if len(row) > 5 else []))
        )
    for row in payload["topics"]:
        article = articles[row[1]] if isinstance(row[1], int) else None
        title = article["title"] if row[0] is None and article else row[0]
        url = article["url"] if article else page(row[1], "topics", title)
        meta = f"{plural(row[2], 'article')} from {plural(row[3], 'source')}"
        out.append(doc("topic", title, url, meta, words(row[4]), names(row[5])))
    for row in payload["sources"]:
        out.append(doc("source", row[0], page(row[1], "sources", row[0]), plural(row[2], "article")))
    return out


def test_the_first_index_is_written_compact_and_reads_back_the_same() -> None:
    """Pages, names, keywords, sources and lone topics by reference; what cannot be, written out whole."""
    ent = ("PERSON", "ORG")
    docs = [
        SearchDocument("article", "A", "articles/a-1.html", (), "The Sun", "2020-01-01", ("tax", "vote"),
                       (("e1", "Ann Lee"), ("e2", "Café Ltd")), 40),
        SearchDocument("article", HOSTILE, "articles/b.html", (2,), "the sun", "undated", ("tax",), (), 3),
        SearchDocument("entity", "Ann Lee", "entities/ann-lee.html", (3, 1), ent[0], names=((None, "Lee"),),
                       entity="e1"),
        SearchDocument("entity", "Café Ltd", "entities/cafe-ltd.html", (1, 1), ent[1], entity="e2"),
        SearchDocument("entity", "Ann  Lee!", "entities/ann-lee-3f2a1b.html", (1, 1), ent[0], entity="e3"),
        SearchDocument("topic", "A", "articles/a-1.html", (1, 1), keywords=("vote", "tax"),
                       names=(("e1", "Ann Lee"), ("x", "No Page"))),
        SearchDocument("topic", "Another headline", "articles/a-1.html", (1, 1)),
        SearchDocument("topic", "A copy", "articles/copy.html", (1, 1)),
        SearchDocument("topic", "Big story", "topics/big-story.html", (2, 1)),
        SearchDocument("source", "The Sun", "sources/the-sun.html", (1,)),
        SearchDocument("source", HOSTILE, "sources/x-1a2b3c4d.html", (1,)),
    ]  # fmt: skip
    payload = encode(docs)
    assert decode_first_index(payload) == [d.fields() for d in docs]
    assert payload["keywords"] == ["tax", "vote"] and payload["types"] == ["ORG", "PERSON"]
    assert payload["articles"][0] == ["A", "a-1", 0, "2020-01-01", [0, 1], [0, 1], 40]
    assert payload["articles"][1][2] == "the sun" and payload["articles"][1][7] == 2  # not the source's name
    assert [row[1] for row in payload["entities"]] == ["", "cafe-ltd", "ann-lee-3f2a1b"]  # no Unicode folding
    assert [row[:2] for row in payload["topics"]] == [
        [None, 0], ["Another headline", 0], ["A copy", "articles/copy.html"], ["Big story", ""]
    ]  # fmt: skip
    assert payload["topics"][0][5] == [0, "No Page"]
    assert [row[1] for row in payload["sources"]] == ["", "x-1a2b3c4d"]
    assert title_slug("  Hello, World -- 2020! ") == "hello-world-2020" and title_slug("Łódź") is None
    assert title_slug("x" * 59 + " y") == "x" * 59
    with pytest.raises(ValueError, match="folder"):
        encode([SearchDocument("source", "S", "s.html", (1,))])
    with pytest.raises(ValueError, match="articles, entities"):
        encode(docs[2:3] + docs[:1])


def test_a_name_other_than_its_entitys_title_is_written_out_whole() -> None:
    """A place in `entities` reads back as that entity's title, so another name, a repeated entity id or an
    entity document without an id must not be written as one."""
    docs = [
        SearchDocument("article", "A", "articles/a.html", (), "S", "2020-01-01",
                       names=(("e1", "Other name"), ("e1", "Ann"), ("", "Bea"))),
        SearchDocument("entity", "Ann", "entities/ann.html", (1, 1), "PERSON", entity="e1"),
        SearchDocument("entity", "Ann again", "entities/ann-again.html", (1, 1), "PERSON", entity="e1"),
        SearchDocument("entity", "Bea", "entities/bea.html", (1, 1), "PERSON"),
        SearchDocument("source", "S", "sources/s.html", (1,)),
    ]  # fmt: skip
    payload = encode(docs)
    assert payload["articles"][0][5] == ["Other name", 0, "Bea"]
    assert decode_first_index(payload) == [d.fields() for d in docs]


def test_postings_are_written_as_distances_with_counts_of_one_left_out() -> None:
    plain = [0, 1, 2, 1, 4, 4, 5, 1, 300, 2]
    assert compact_postings(plain) == [1, 2, -2, 4, 1, -295, 2]
    assert expand_postings(compact_postings(plain)) == plain and compact_postings([]) == []


def test_search_terms_split_and_fold_as_minisearch_does() -> None:
    assert list(terms("Blair's \u201cnew\u201d plan\u2014for 2 U.S. states; a constructor")) == [
        "blair", "new", "plan", "2", "states", "constructor"
    ]  # fmt: skip
    assert shard_key("blair") == "bl" and shard_key("été") == "_e9t" and shard_key("7") == "7"


def test_a_duplicate_article_is_indexed_once(tmp_path: Path) -> None:
    corpus = _corpus(
        [("one", [_entity(1)], "Daily Planet", None), ("two", [_entity(1)], "Daily Planet", None)], tmp_path
    )
    corpus = dataclasses.replace(corpus, duplicate_of={corpus.articles[1].id: corpus.articles[0].id})
    articles = [d for d in search_documents(corpus) if d["kind"] == "article"]
    assert [d["title"] for d in articles] == ["Story one"] and articles[0]["meta"].endswith("and 1 copy")


# --- charts ----------------------------------------------------------------------------------


def test_time_bins_follow_the_span() -> None:
    assert bin_dates([date(2020, 1, 1), date(2020, 1, 3)]) == ("day", [date(2020, 1, d) for d in (1, 2, 3)])
    unit, bins = bin_dates([date(2020, 1, 1), date(2020, 6, 1)])
    assert unit == "week" and bins[0] == date(2019, 12, 30) and bins[0].weekday() == 0
    unit, bins = bin_dates([date(2015, 1, 20), date(2020, 6, 1)])
    assert unit == "month" and bins[0] == date(2015, 1, 1) and bins[-1] == date(2020, 6, 1) and len(bins) == 66
    assert [nice_step(n) for n in (3, 9, 40, 130)] == [1, 5, 10, 50]


def test_timeline_counts_articles_per_day_and_source(tmp_path: Path) -> None:
    d1, d2 = date(2017, 3, 1), date(2017, 3, 3)
    corpus = _corpus(
        [
            ("a", [_entity(1)], "Alpha", d1),
            ("b", [_entity(1)], "Alpha", d1),
            ("c", [_entity(1)], "Beta <b>", d1),
            ("d", [_entity(1)], "Beta <b>", d2),
            ("e", [_entity(1)], None, None),
        ],
        tmp_path,
    )
    svg = Charts(corpus).timeline(tuple(a.id for a in corpus.articles), "t")
    soup = BeautifulSoup(svg, "html.parser")
    bars = [t.get_text() for t in soup.select("svg rect title")]
    assert sorted(bars) == [
        "2017-03-01 · Alpha: 2 articles",
        "2017-03-01 · Beta <b>: 1 article",
        "2017-03-03 · Beta <b>: 1 article",
    ]
    assert soup.find("b") is None
    assert "4 dated articles from 2017-03-01 to 2017-03-03; 1 undated not shown" in soup.select_one("desc").get_text()
    heights = {t.get_text(): float(t.parent["height"]) for t in soup.select("svg rect title")}
    assert heights["2017-03-01 · Alpha: 2 articles"] == pytest.approx(
        2 * heights["2017-03-03 · Beta <b>: 1 article"], abs=0.2
    )
    rows = [[td.get_text() for td in tr.select("td")] for tr in soup.select("details tbody tr")]
    assert rows == [["2017-03-01", "3", "Alpha 2 · Beta <b> 1"], ["2017-03-03", "1", "Beta <b> 1"]]

    assert Charts(corpus).timeline(("e",), "t") == ""  # nothing dated: no chart, and no note about it


def test_bar_chart_is_largest_first_and_escaped(tmp_path: Path) -> None:
    corpus = _corpus(
        [("a", [_entity(1)], HOSTILE, None), ("b", [_entity(1)], "Zed", None), ("c", [_entity(1)], "Zed", None)],
        tmp_path,
    )
    rows = [("Zed", 2, "src-0", "sources/zed.md"), (HOSTILE, 1, "src-1", None)]
    soup = BeautifulSoup(
        Charts(corpus).bars(rows, "by-source", "Articles per source", "source", "index.md"), "html.parser"
    )
    figure = soup.select_one("#chart-by-source")
    labels = [li.select_one(".bar-label").get_text() for li in figure.select("li")]
    assert labels == ["Zed", " ".join(HOSTILE.split())]
    assert [li.select_one(".bar-value").get_text() for li in figure.select("li")] == ["2", "1"]
    assert [a["href"] for a in figure.select("a")] == ["sources/zed.html"]  # a bar opens its page, if it has one
    assert soup.find(["script", "img"]) is None


# --- graph -----------------------------------------------------------------------------------


def test_force_layout_is_deterministic_and_fills_the_frame() -> None:
    edges = [(0, 1, 1.0), (1, 2, 0.5), (2, 3, 1.0), (3, 0, 0.2)]
    first, second = force_layout(6, edges), force_layout(6, edges)
    assert (first == second).all()
    assert first.min() == 0.0 and first.max() == 1.0
    distances = [((first[i] - first[j]) ** 2).sum() ** 0.5 for i in range(6) for j in range(i + 1, 6)]
    assert min(distances) > 0.05  # no two nodes on top of each other


def test_graph_page_shows_the_most_mentioned_with_their_strongest_ties(tmp_path: Path) -> None:
    corpus = _big_corpus(tmp_path)
    graph = EntityGraph(corpus)
    paged = len(corpus.paged_entities)
    assert paged > LEVELS[-1] == 100
    assert graph.levels == [40, 100]  # no page of every entity: the wider page fits its column too

    page = graph.page_svg(0, "graph.md")
    assert page == EntityGraph(corpus).page_svg(0, "graph.md")  # same corpus, same picture
    soup = BeautifulSoup(page, "html.parser")
    assert len(soup.select("svg.graph-phone a.node")) == min(PHONE.nodes or 0, LEVELS[0])  # the phone picture
    nodes = soup.select("svg.graph-wide a.node")
    assert len(nodes) == LEVELS[0]
    top = sorted(
        (e for e in corpus.entities if e.id in corpus.paged_entities), key=lambda e: (-e.mention_count, e.name)
    )
    slug_of = {f"entities/{e.slug}.html": e for e in top}
    shown = [slug_of[a["href"]] for a in nodes]
    assert {e.id for e in shown} == {e.id for e in top[: LEVELS[0]]}
    assert all(a["class"][1] == f"t-{e.type}" for a, e in zip(nodes, shown, strict=True))
    radius = {e.id: float(a.select_one("circle")["r"]) for a, e in zip(nodes, shown, strict=True)}
    assert radius[shown[0].id] > radius[shown[-1].id]
    assert shown[0].mention_count > shown[-1].mention_count

    drawn = graph.select(LEVELS[0])
    for a, b, shared in drawn.edges:
        assert shared == graph.weights[(a, b)] >= 2
        ids = {e.id for e in drawn.nodes}
        kept_by = [x for x, y in ((a, b), (b, a)) if (y, shared) in graph._strongest(x, ids)[:3]]
        assert kept_by, (a, b)
    assert len(soup.select("svg.graph-wide .edges line")) == len(drawn.edges)
    labelled = [a for a in nodes if a.select_one("text")]
    assert len(labelled) >= LABELLED // 2  # the main nodes are named
    for canvas in (WIDE, PHONE):  # each legend counts its own picture's nodes
        counts = [int(li.get_text().rsplit("(", 1)[1].rstrip(")")) for li in soup.select(f"ul.{canvas.name} li")]
        assert sum(counts) == len(soup.select(f"svg.{canvas.name} a.node"))
    for canvas in (WIDE, PHONE):  # labels inside their picture
        svg = soup.select_one(f"svg.{canvas.name}")
        assert svg["viewbox"] == f"0 0 {canvas.width} {canvas.height}"
        for text in svg.select("text"):
            assert 0 <= float(text["x"]) <= canvas.width and 0 <= float(text["y"]) <= canvas.height


def test_graph_escapes_names_and_links_only_to_entity_pages(tmp_path: Path) -> None:
    bad = '<script>alert(1)</script> "q" 2'
    corpus = _corpus(
        [("a", [bad, _entity(4), _entity(5)], None, None), ("b", [bad, _entity(4), _entity(5)], None, None)],
        tmp_path,
    )
    soup = BeautifulSoup(EntityGraph(corpus).page_svg(0, "graph.md"), "html.parser")
    assert soup.find("script") is None
    assert all(re.fullmatch(r"entities/[a-z0-9-]+\.html", a["href"]) for a in soup.select("a"))
    assert any(bad in t.get_text() for t in soup.select("title"))


def test_the_ring_script_names_each_type_as_the_generator_does() -> None:
    """report.js draws the entity page's ring and its legend; its type names are the generator's."""
    script = (Path(__file__).parent.parent / "themes/report/assets/js/report.js").read_text(encoding="utf-8")
    body = re.search(r"var LABELS = \{(.*?)\};", script, re.DOTALL)
    assert body is not None
    labels = dict(re.findall(r'(\w+): "([^"]*)"', body.group(1)))
    assert labels == ENTITY_TYPE_LABELS


def test_circles_are_pushed_apart_and_labels_never_overlap() -> None:
    rng = np.random.default_rng(3)
    xy = rng.random((60, 2)) * [1000, 720]
    radius = rng.uniform(4, 20, 60)
    apart = separate(xy, radius)
    distance = np.linalg.norm(apart[:, None] - apart[None, :], axis=-1) + np.eye(60) * 1e9
    assert (distance >= radius[:, None] + radius[None, :]).all()

    nodes = [
        (float(x), float(y), float(r), f"Name {i}") for i, ((x, y), r) in enumerate(zip(apart, radius, strict=True))
    ]
    placed = place_labels(nodes, 1000, 720, limit=40)
    assert all(spot is None for spot in placed[40:])
    assert sum(spot is not None for spot in placed) >= 30
    boxes = []
    for (_, _, _, text), spot in zip(nodes, placed, strict=True):
        if spot is None:
            continue
        lx, ly, anchor = spot
        w = 6.6 * len(text) + 4
        left = lx - w / 2 if anchor == "middle" else lx if anchor == "start" else lx - w
        boxes.append((left, ly - 11, left + w, ly + 2))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


def test_a_copy_in_no_story_is_found_by_its_own_headline_and_not_twice_by_its_originals(tmp_path: Path) -> None:
    corpus = _corpus([("one", [_entity(1)], "Daily Planet", None), ("two", [_entity(2)], "Daily Star", None)], tmp_path)
    assert set(corpus.no_story) == {"one", "two"}
    corpus = dataclasses.replace(corpus, duplicate_of={"two": "one"})
    topics = [d["title"] for d in search_documents(corpus) if d["kind"] == "topic"]
    assert topics == ["Story one", "Story two"]  # the copy's own headline finds its page
    retitled = dataclasses.replace(corpus.article("two"), title="Story  ONE")
    index = dataclasses.replace(corpus.index, articles={**corpus.index.articles, "two": retitled})
    corpus = dataclasses.replace(corpus, index=index)
    topics = [d["title"] for d in search_documents(corpus) if d["kind"] == "topic"]
    assert topics.count("Story one") == 1 and "Story two" not in topics  # its original's headline finds it
