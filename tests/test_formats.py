"""Input formats as articles are really saved: web pages, JSON Lines / JSON exports, Markdown; dates,
outlets, languages, the sidecar, and a mixed folder built into one site."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import project_config, write_files

from generator.config import Config, ConfigError, load_config
from generator.ingest import load_sidecar, read_corpus
from generator.ingest.dates import parse_date_value
from generator.ingest.html import read_html
from generator.ingest.outlets import domain_of
from generator.ingest.readers import InvalidArticle, ReadResult, RecordSkip, read_markdown
from generator.ingest.records import read_json, read_json_lines
from generator.pages.export import load_report

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
PAGES = FIXTURES / "saved"
LEAD = "The council approved the new budget on Tuesday after a long debate about schools and roads."


# Dates


@pytest.mark.parametrize(
    ("value", "day", "published"),
    [
        ("2017-03-01", date(2017, 3, 1), None),
        ("2017-03-01T09:30:00Z", date(2017, 3, 1), "2017-03-01T09:30:00+00:00"),
        ("2017-03-01T23:30:00-05:00", date(2017, 3, 1), "2017-03-01T23:30:00-05:00"),  # the outlet's date, not UTC's
        ("2017-03-01 14:20:00", date(2017, 3, 1), "2017-03-01T14:20:00"),
        ("2017-03-01 00:00:00", date(2017, 3, 1), None),  # midnight without a zone: a scraper's date-only value
        ("March 1, 2017", date(2017, 3, 1), None),
        ("1 March 2017", date(2017, 3, 1), None),
        ("Wednesday, Mar. 1st 2017 at 9:30 pm", date(2017, 3, 1), "2017-03-01T21:30:00"),
        ("Mar 1, 2017 10:15 PM EST", date(2017, 3, 1), "2017-03-01T22:15:00-05:00"),
        ("Wed, 01 Mar 2017 09:30:00 +0000", date(2017, 3, 1), "2017-03-01T09:30:00+00:00"),
        ("Wed, 01 Mar 2017 09:30:00 GMT", date(2017, 3, 1), "2017-03-01T09:30:00+00:00"),
        ("2017/03/01", date(2017, 3, 1), None),
        ("1.3.2017", date(2017, 3, 1), None),  # dotted: day first everywhere
        ("13/03/2017", date(2017, 3, 13), None),  # only one reading is a real date
        (1488360600, date(2017, 3, 1), "2017-03-01T09:30:00+00:00"),
        (1488360600000, date(2017, 3, 1), "2017-03-01T09:30:00+00:00"),
        ("yesterday", None, None),
        ("2017", None, None),
        ("February 30, 2017", None, None),
        ("32/13/2017", None, None),
        (True, None, None),
    ],
)
def test_dates_in_the_forms_news_uses(value: object, day: date | None, published: str | None) -> None:
    parsed = parse_date_value(value)
    if day is None:
        assert parsed is None
    else:
        assert parsed is not None and (parsed.date, parsed.published) == (day, published)


def test_numeric_dates_follow_the_day_first_option() -> None:
    assert parse_date_value("01/03/2017").date == date(2017, 1, 3)  # type: ignore[union-attr]
    assert parse_date_value("01/03/2017", day_first=True).date == date(2017, 3, 1)  # type: ignore[union-attr]
    assert parse_date_value("03/13/2017", day_first=True).date == date(2017, 3, 13)  # type: ignore[union-attr]


def test_day_first_option_is_validated(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("extra:\n  report:\n    date_day_first: 'yes'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="date_day_first: must be true or false"):
        load_config(config)
    config.write_text("extra:\n  report:\n    date_day_first: true\n", encoding="utf-8")
    assert load_config(config).date_day_first is True


# Saved web pages

NOT_ARTICLE_TEXT = (
    "Advertisement",
    "Sign up",
    "Comments",
    "Most viewed",
    "Related",
    "Share",
    "cookies",
    "Trending",
    "Sponsored",
    "Leave a Reply",
    "Recent posts",
    "Kommentare",
    "interessieren",
    "4 Wochen",
)


def _page(name: str) -> ReadResult:
    return read_html((PAGES / name).read_text(encoding="utf-8"))


def _assert_clean(text: str) -> None:
    for boilerplate in NOT_ARTICLE_TEXT:
        assert boilerplate not in text, boilerplate
    assert "<" not in text and ">" not in text


def test_broadsheet_page_with_json_ld() -> None:
    page = _page("herald-water-deal.html")
    assert page.text.startswith("Ministers from three countries agreed on Wednesday")
    assert page.text.rstrip().endswith("arbitration panel of three judges.")
    assert '"This is a good day for the farmers on both banks of the river,"' in page.text
    assert page.text.count("\n\n") == 5  # six paragraphs, kept apart
    _assert_clean(page.text)
    assert "About time" not in page.text and "riverwatcher" not in page.text
    assert page.meta["title"] == "Ministers agree river water deal after four years of talks"
    assert not page.text.startswith(page.meta["title"])  # the <h1> is the title, not the first paragraph
    assert page.meta["author"] == "Helen Marsh"
    assert page.meta["source"] == "The Example Herald"
    assert page.meta["date"] == date(2017, 3, 1) and page.meta["published"] == "2017-03-01T09:30:00+00:00"
    assert page.meta["url"] == "https://www.exampleherald.co.uk/world/2017/mar/01/river-water-deal-agreed"
    assert page.meta["language"] == "en"
    assert page.provenance == dict.fromkeys(("title", "author", "source", "date", "url", "language"), "given")
    assert "JSON-LD" in page.detail["date"]
    assert page.extra["description"].startswith("Three countries will share")


def test_wire_page_with_opengraph_meta_only() -> None:
    page = _page("globewire-quake.html")
    assert page.text.startswith("A strong earthquake shook a coastal province early on Thursday")
    assert "Power was cut to large parts of the province" in page.text
    _assert_clean(page.text)
    assert "Read more" not in page.text and "Trust Principles" not in page.text
    assert page.meta["source"] == "Globe Wire" and page.meta["author"] == "Tomas Ferreira"
    assert page.meta["published"] == "2017-03-02T06:45:12+00:00"
    assert "article:published_time" in page.detail["date"]
    assert "language" not in page.meta  # the page does not declare one (ingest detects it)


def test_blog_page_without_structured_metadata() -> None:
    page = _page("harbourtimes-port.html")
    assert page.text.startswith("The harbour reopened to shipping on Friday morning")
    assert "ferry to the islands" in page.text
    _assert_clean(page.text)
    assert "Great work by the divers" not in page.text and "WordPress" not in page.text
    assert page.meta["title"] == "Port reopens after storm"
    assert "source" not in page.meta and page.domain == "harbourtimes.net"  # only a domain: named later
    assert page.meta["date"] == date(2017, 3, 3) and page.provenance["date"] == "inferred"  # from the URL
    assert "published" not in page.meta and "author" not in page.meta


def test_german_page_declares_its_language() -> None:
    page = _page("zeitung-mieten.html")
    assert page.text.startswith("Der Stadtrat hat am Samstagabend")
    _assert_clean(page.text)
    assert page.meta["language"] == "de" and page.meta["author"] == "Katrin Vogel"
    assert page.meta["published"] == "2017-03-04T18:10:00+01:00"


def test_a_page_without_article_text_is_skipped_with_a_reason() -> None:
    with pytest.raises(InvalidArticle, match="no article text found in the page"):
        _page("app-shell.html")


def test_the_files_folder_of_a_saved_page_is_part_of_the_page(tmp_path: Path) -> None:
    shutil.copy(PAGES / "herald-water-deal.html", tmp_path / "Water deal.html")
    write_files(
        tmp_path,
        {
            "Water deal_files/style.css": "body { color: black }",
            "Water deal_files/ad-frame.html": f"<html><body><article><p>{LEAD} Buy now!</p></article></body></html>",
            "Other_files/notes.txt": LEAD,  # no Other.html beside it: an ordinary folder
        },
    )
    result = read_corpus(tmp_path, Config())
    assert sorted(a.path for a in result.articles) == ["Other_files/notes.txt", "Water deal.html"]
    reasons = {s.path: s.reason for s in result.skipped}
    assert set(reasons) == {"Water deal_files/style.css", "Water deal_files/ad-frame.html"}
    assert all(r.startswith("part of the saved page Water deal.html") for r in reasons.values())


def test_a_copyright_year_is_not_a_publication_date() -> None:
    html = (
        "<html><head><title>Bridge closes for repairs</title></head><body><article><h1>Bridge closes</h1>"
        f"<p>{LEAD}</p><p>{LEAD} Buses will stop on the far side of the river for six weeks.</p></article>"
        "<footer>© 2016 Town Post. Updated daily since 2009.</footer></body></html>"
    )
    page = read_html(html)
    assert "date" not in page.meta and page.text.startswith("The council approved")


def test_markup_inside_the_article_never_survives() -> None:
    html = (
        "<html><body><article><h1>Payloads</h1>"
        f"<p>{LEAD} <script>alert(1)</script><img src=x onerror=alert(2)></p>"
        f"<p>{LEAD} &lt;script&gt;shown as text&lt;/script&gt; is what the reporter wrote.</p></article></body></html>"
    )
    page = read_html(html)
    assert "alert(1)" not in page.text and "onerror" not in page.text
    assert "<script>shown as text</script>" in page.text  # text that looks like markup stays text (escaped later)


def test_a_page_in_a_declared_legacy_charset_is_decoded_by_it(tmp_path: Path) -> None:
    html = (
        '<html><head><meta charset="iso-8859-15"><title>Prix</title></head><body><article><h1>Prix</h1>'
        "<p>Le prix du caf\xe9 a augment\xe9 de dix pour cent cette ann\xe9e, selon les commer\xe7ants du march\xe9 "
        "central, qui citent le co\xfbt du transport.</p><p>Le ticket co\xfbte d\xe9sormais 2 €.</p>"
        "</article></body></html>"
    )
    (tmp_path / "prix.html").write_bytes(html.encode("iso-8859-15"))
    result = read_corpus(tmp_path, Config())
    article = result.articles[0]
    assert "café" in article.text and "2 €" in article.text
    assert result.warnings == []  # declared, so not a guess


# JSON Lines and JSON


def _records(path: Path) -> list[ReadResult | RecordSkip]:
    return read_json_lines(path.read_text(encoding="utf-8"))


def test_json_lines_field_variants_of_common_scrapers() -> None:
    records = {r.part: r for r in _records(FIXTURES / "scrapers.jsonl")}
    assert sorted(records, key=int) == ["1", "2", "3", "5", "6", "7", "8", "9"]  # line 4 is blank

    newspaper = records["1"]
    assert isinstance(newspaper, ReadResult)
    assert newspaper.meta["author"] == "Gwen Morgan, Rhys Tate"  # `authors` list
    assert newspaper.meta["date"] == date(2017, 3, 4) and "published" not in newspaper.meta
    assert newspaper.meta["language"] == "en" and newspaper.detail["language"] == "the 'meta_lang' field"
    assert newspaper.extra["keywords"] == ["fishing", "harbour"] and "source_url" in newspaper.extra
    assert newspaper.text.startswith("Fishing boats returned") and "\n\nSkippers said" in newspaper.text

    news_please = records["2"]
    assert isinstance(news_please, ReadResult)
    assert news_please.text.startswith("Two strong aftershocks")  # `maintext`
    assert news_please.meta["published"] == "2017-03-03T14:20:00"  # `date_publish`, no zone given
    assert news_please.domain == "globewire.net" and "source" not in news_please.meta  # `source_domain`
    assert news_please.extra["date_download"] == "2017-03-05 10:00:01"  # the crawl time is not the date

    newsapi = records["3"]
    assert isinstance(newsapi, ReadResult)
    assert newsapi.meta["source"] == "Meridian News"  # {"id": null, "name": …}
    assert newsapi.meta["published"] == "2017-03-06T08:15:00+00:00"  # `publishedAt`
    assert newsapi.text.startswith("The river commission")  # `content`

    feed = records["5"]
    assert isinstance(feed, ReadResult)
    assert feed.meta["url"] == "https://harbourtimes.net/2017/03/05/repair-fund/"  # `link`
    assert feed.meta["published"] == "2017-03-05T10:00:00+00:00"  # RFC 2822 `published`
    assert feed.text.startswith("Fishing crews who lost gear") and "\n\nApplications close" in feed.text
    assert "<" not in feed.text and "alert" not in feed.text  # HTML `content` became text
    assert feed.extra["summary"] == "Crews can now apply."

    scrapy = records["6"]
    assert isinstance(scrapy, ReadResult)
    assert scrapy.meta["title"] == "Dam operators promise summer releases"  # `headline`
    assert scrapy.meta["author"] == "Helen Marsh"  # `byline` without its "By"
    assert scrapy.meta["date"] == date(2017, 3, 7) and scrapy.text.startswith("The operators")  # `body`
    assert scrapy.extra == {"section": "World"}


def test_a_bad_line_is_a_skip_naming_the_line_and_the_rest_still_reads() -> None:
    records = {r.part: r for r in _records(FIXTURES / "scrapers.jsonl")}
    broken, teaser = records["7"], records["8"]
    assert isinstance(broken, RecordSkip) and broken.reason.startswith("line 7, column")
    assert "not valid JSON" in broken.reason and "fix or remove the line" in broken.reason
    assert isinstance(teaser, RecordSkip) and teaser.reason.startswith("line 8: no article text")
    assert "its fields: title, url" in teaser.reason
    assert isinstance(records["9"], ReadResult)


def test_records_that_are_not_objects_are_skipped() -> None:
    out = read_json_lines(f'[1, 2]\n{{"text": "{LEAD}"}}\n"just a string"\n')
    assert [type(r).__name__ for r in out] == ["RecordSkip", "ReadResult", "RecordSkip"]
    assert out[0].reason == "line 1: is a JSON array, not an object of article fields; fix or remove it"  # type: ignore[union-attr]


def test_json_documents_single_array_and_wrapped() -> None:
    one = read_json(json.dumps({"title": "One", "body": LEAD, "pubDate": "March 2, 2017"}))
    assert len(one) == 1 and isinstance(one[0], ReadResult) and one[0].part is None
    assert one[0].meta["date"] == date(2017, 3, 2)
    array = read_json(json.dumps([{"text": LEAD}, {"title": "no text"}, {"content": LEAD + " Two."}]))
    assert [r.part for r in array] == ["1", "2", "3"]
    assert isinstance(array[1], RecordSkip) and array[1].reason.startswith("item 2: no article text")
    wrapped = read_json((FIXTURES / "export.json").read_text(encoding="utf-8"))
    assert [r.part for r in wrapped] == ["1", "2"]
    first = wrapped[0]
    assert isinstance(first, ReadResult)
    assert first.meta["author"] == "Lena Ortiz" and first.meta["source"] == "The Example Herald"  # schema.org
    assert first.meta["published"] == "2017-03-08T12:00:00+01:00"  # `datePublished`
    assert first.text.startswith("Environmental groups")  # `articleBody`


def test_json_file_errors_name_the_line() -> None:
    with pytest.raises(InvalidArticle, match=r"line 2, column \d+: not valid JSON"):
        read_json('[\n{"text": oops}\n]')
    as_lines = read_json(f'{{"text": "{LEAD}"}}\n{{"text": "{LEAD} Again."}}\n')  # JSON Lines saved as .json
    assert [r.part for r in as_lines] == ["1", "2"]


def test_markdown_front_matter_variants_and_extra_fields() -> None:
    result = read_markdown((FIXTURES / "notes-water.md").read_text(encoding="utf-8"))
    assert result.meta["title"] == "What the water deal means for farmers"  # `headline`
    assert result.meta["author"] == "Sam Quill"  # `authors: [..]`
    assert result.meta["published"] == "2017-03-02T07:00:00+00:00"  # YAML timestamp
    assert result.meta["url"].startswith("https://www.exampleherald.co.uk/")  # `link`
    assert result.extra == {"tags": ["explainer", "water"]}
    assert result.text.startswith("Farmers on both banks") and "**" not in result.text


# Outlets, languages, the sidecar


def test_outlet_domains() -> None:
    assert domain_of("https://www.trtworld.com/asia/x") == "trtworld.com"
    assert domain_of("http://news.bbc.co.uk/2/hi/x.stm") == "bbc.co.uk"
    assert domain_of("edition.cnn.com") == "cnn.com"
    assert domain_of("http://192.168.0.1/x") is None and domain_of("not a url") is None


def test_outlets_named_from_urls_share_one_source(tmp_path: Path) -> None:
    lines = [
        {"title": "A", "text": LEAD, "url": "https://www.trtworld.com/a"},
        {"title": "B", "text": LEAD + " B.", "url": "https://trtworld.com/b", "source": "TRT World"},
        {"title": "C", "text": LEAD + " C.", "link": "https://m.example-daily.com/c"},
        {"title": "D", "text": LEAD + " D.", "url": "https://www.quiet-times.org/d"},
    ]
    write_files(
        tmp_path,
        {
            "feed.jsonl": "\n".join(json.dumps(line) for line in lines),
            "metadata.yml": "outlets:\n  www.example-daily.com: Example Daily\n",
        },
    )
    articles = {a.title: a for a in read_corpus(tmp_path, Config()).articles}
    assert articles["A"].source == "TRT World" and articles["A"].provenance["source"] == "inferred"
    assert "trtworld.com" in articles["A"].provenance_detail["source"]
    assert articles["B"].source == "TRT World" and articles["B"].provenance["source"] == "given"
    assert articles["C"].source == "Example Daily" and "metadata.yml" in articles["C"].provenance_detail["source"]
    assert articles["D"].source == "quiet-times.org" and articles["D"].provenance["source"] == "inferred"


def test_sidecar_addresses_one_record_or_a_whole_file(tmp_path: Path) -> None:
    lines = [{"text": LEAD, "url": "https://a.example.org/1"}, {"text": LEAD + " Two.", "date": "2017-01-01"}]
    write_files(
        tmp_path,
        {
            "sub/feed.jsonl": "\n".join(json.dumps(line) for line in lines),
            "metadata.yml": (
                "feed.jsonl:\n  source: Feed Outlet\n"
                "sub/feed.jsonl#2:\n  date: 2 March 2017 10:00 GMT\n  language: de-DE\n"
                "missing.jsonl#9:\n  author: Nobody\n"
            ),
        },
    )
    result = read_corpus(tmp_path, Config())
    first, second = result.articles
    assert (first.path, first.id, second.path, second.id) == (
        "sub/feed.jsonl#1",
        "sub-feed-1",
        "sub/feed.jsonl#2",
        "sub-feed-2",
    )
    assert first.source == second.source == "Feed Outlet" and first.provenance["source"] == "given"
    assert second.date == date(2017, 3, 2) and second.published == "2017-03-02T10:00:00+00:00"
    assert second.language == "de" and second.provenance_detail["language"] == "metadata.yml entry 'sub/feed.jsonl#2'"
    assert any("'missing.jsonl#9' matches no article" in w for w in result.warnings)


def test_sidecar_mistakes_name_the_entry(tmp_path: Path) -> None:
    (tmp_path / "metadata.yml").write_text("outlets:\n  Some Outlet - News: ''\n", encoding="utf-8")
    with pytest.raises(ValueError, match="outlets entry 'Some Outlet - News'"):
        load_sidecar(tmp_path / "metadata.yml")
    (tmp_path / "metadata.yml").write_text("outlets: [a, b]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="'outlets' must map web domains or outlet names"):
        load_sidecar(tmp_path / "metadata.yml")
    (tmp_path / "metadata.yml").write_text("a.jsonl#1:\n  headline: X\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown field"):
        load_sidecar(tmp_path / "metadata.yml")


def test_language_is_detected_and_declared_languages_are_checked(tmp_path: Path) -> None:
    german = (
        "Die Bundesregierung hat am Mittwoch ein neues Gesetz beschlossen, das die Mieten in den großen Städten "
        "begrenzen soll. Vermieter dürfen die Miete künftig nur noch um zehn Prozent erhöhen."
    )
    write_files(tmp_path, {"de.txt": german, "en.txt": LEAD, "short.txt": "Short note only."})
    articles = {a.path: a for a in read_corpus(tmp_path, Config()).articles}
    assert articles["de.txt"].language == "de" and articles["de.txt"].provenance["language"] == "derived"
    assert not articles["de.txt"].analysed_as_english
    assert articles["en.txt"].language == "en" and articles["en.txt"].analysed_as_english
    assert articles["short.txt"].language is None and articles["short.txt"].analysed_as_english  # too short to tell


def test_non_english_text_gets_sentences_only() -> None:
    from generator.analyse import analyse_doc
    from generator.analyse.nlp import load_model

    text = "Der Stadtrat hat am Samstag in Berlin entschieden. „Das ist gut“, sagte Angela Merkel am Abend."
    doc = load_model()(text)
    german = analyse_doc(doc, Config(), english=False)
    assert len(german.sentences) >= 2
    assert german.summary == german.keywords == german.mentions == german.quotes == ()
    assert "stadtrat" in german.lemmas
    english = analyse_doc(doc, Config())
    assert english.mentions  # the English model does "find" names in German text: why the gate exists


# A mixed folder, built into one site


@pytest.fixture(scope="module")
def mixed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from generator.cli import main

    tmp = tmp_path_factory.mktemp("mixed-build")
    shutil.copytree(FIXTURES, tmp / "input")
    config = project_config(tmp, date_day_first=True)
    assert main(["build", "--config", str(config), "--input", str(tmp / "input"), "--site-dir", str(tmp / "site")]) == 0
    return tmp / "site"


def _report(site: Path) -> dict:
    return load_report(site / "report.json")


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_mixed_folder_builds_every_article_with_its_metadata(mixed_site: Path) -> None:
    articles = {a["path"]: a for a in _report(mixed_site)["articles"]}
    assert set(articles) == {
        "export.json#1",
        "export.json#2",
        "notes-water.md",
        "saved/globewire-quake.html",
        "saved/harbourtimes-port.html",
        "saved/herald-water-deal.html",
        "saved/zeitung-mieten.html",
        "scrapers.jsonl#1",
        "scrapers.jsonl#2",
        "scrapers.jsonl#3",
        "scrapers.jsonl#5",
        "scrapers.jsonl#6",
        "scrapers.jsonl#9",
        "wire-copy.txt",
    }
    for article in articles.values():
        assert (mixed_site / article["page"]).exists()
        assert article["text"] and article["title"] and article["source"] != "Unattributed" and article["date"]
        assert set(article["provenance"]) >= {"title", "source", "date", "language"}
    herald = articles["saved/herald-water-deal.html"]
    assert (herald["date"], herald["published"], herald["author"]) == (
        "2017-03-01",
        "2017-03-01T09:30:00+00:00",
        "Helen Marsh",
    )
    assert articles["scrapers.jsonl#9"]["date"] == "2017-03-07"  # 07/03/2017, day first by the option
    assert articles["scrapers.jsonl#5"]["author"] == "Helen Marsh and Tom Rye"  # the sidecar, by line
    assert (
        articles["wire-copy.txt"]["date"] == "2017-03-06"
        and articles["wire-copy.txt"]["source"] == "Coastal Press Agency"
    )
    assert articles["scrapers.jsonl#1"]["extra"]["keywords"] == ["fishing", "harbour"]


def test_one_outlet_has_one_source_page_whatever_the_format(mixed_site: Path) -> None:
    report = _report(mixed_site)
    sources = {s["name"]: s for s in report["sources"]}
    assert set(sources) == {
        "The Example Herald",
        "Globe Wire",
        "Harbour Times",
        "Meridian News",
        "Coastal Press Agency",
        "Rheinische Beispielzeitung",
    }
    by_id = {a["id"]: a["path"] for a in report["articles"]}
    herald = {by_id[a] for a in sources["The Example Herald"]["articles"]}
    assert herald == {"saved/herald-water-deal.html", "notes-water.md", "scrapers.jsonl#6", "export.json#1"}
    globe = {by_id[a] for a in sources["Globe Wire"]["articles"]}
    assert globe == {"saved/globewire-quake.html", "scrapers.jsonl#2", "export.json#2"}


def test_non_english_articles_are_listed_with_a_note_and_no_english_analysis(mixed_site: Path) -> None:
    articles = {a["path"]: a for a in _report(mixed_site)["articles"]}
    for path, language in (("saved/zeitung-mieten.html", "de"), ("export.json#2", "fr")):
        article = articles[path]
        assert article["language"] == language and article["analysed_as_english"] is False
        assert article["summary"] == [] and article["keywords"] == [] and article["mentions"] == []
        main = _soup(mixed_site / article["page"]).select_one("main")
        text = main.get_text(" ", strip=True)
        assert "Not analysed: the text is in" in text
        assert not main.find(id="summary") and not main.find(id="keywords")
        assert article["text"].split("\n")[0][:40] in text  # the full text is still there
    index = _soup(mixed_site / "articles/index.html").get_text(" ", strip=True)
    assert "Stadtrat beschließt Mietpreisbremse" in index


def test_article_page_shows_how_each_field_was_known_and_the_extra_fields(mixed_site: Path) -> None:
    article = next(a for a in _report(mixed_site)["articles"] if a["path"] == "scrapers.jsonl#1")
    assert article["provenance"]["source"] == "inferred"
    assert "harbourtimes.net" in article["provenance_detail"]["source"]
    main = _soup(mixed_site / article["page"]).select_one("main")
    meta = main.select_one("dl").get_text(" ", strip=True)
    assert "Harbour Times" in meta and "inferred: the domain of its URL, harbourtimes.net" in meta
    assert "given: the 'publish_date' field" in meta and "English (en)" in meta
    terms = [dt.get_text(strip=True) for dt in main.select_one("dl").select("dt")]
    assert terms[:6] == ["Outlet", "Date", "Author", "Title", "Language", "URL"]  # each row its own term
    other = main.find(id="other-metadata").find_next("dl").get_text(" ", strip=True)
    assert "keywords" in other and "fishing, harbour" in other and "top_image" in other


def test_mixed_site_keeps_payloads_as_text_and_lists_skips(mixed_site: Path) -> None:
    page = next(a["page"] for a in _report(mixed_site)["articles"] if a["path"] == "scrapers.jsonl#9")
    main = _soup(mixed_site / page).select_one("main")
    assert not main.select("script") and not main.select("a[href^='javascript']")
    assert "<script>alert(1)</script>" in main.select_one("h1").get_text()
    report = _soup(mixed_site / "build-report.html").select_one("main").get_text(" ", strip=True)
    for skipped in ("saved/app-shell.html", "scrapers.jsonl#7", "line 7, column", "scrapers.jsonl#8"):
        assert skipped in report
