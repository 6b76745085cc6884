"""Bad input: every file becomes an article page or a listed skip, with a message naming it; nothing crashes.

One folder holds every case the generator must survive (bad encodings, binary and empty files,
a 20 MB article, broken front matter, clashing page names, odd file names, links out of the
folder, a pipe, an article in German); it is built into a site once, and each case is checked
on the build report, in report.json and on the console. Hypothesis then throws generated text
and front matter at the readers and the analysers.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, project_config, write_files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.analyse import EMPTY_ANALYSIS, analyse_articles, analyse_doc
from generator.analyse.cache import AnalysisCache, _fits, from_json, to_json
from generator.analyse.nlp import load_model
from generator.cli import STRICT_EXIT, main
from generator.config import Config
from generator.ingest import cut_text, read_corpus
from generator.ingest.decode import UnreadableFile, decode_bytes
from generator.ingest.formats import READERS
from generator.ingest.readers import InvalidArticle, ReadResult, RecordSkip, read_markdown
from generator.pages.export import load_report

STORY = (
    "The harbour authority of Portsmouth opened a new ferry terminal on Friday, officials said. "
    "Mayor Anna Berg said the terminal would bring jobs to the city. "
)
GERMAN = (
    "Die Hafenbehörde von Hamburg hat am Freitag ein neues Fährterminal eröffnet, sagten Beamte. "
    "Der Bürgermeister sprach von einem großen Tag für die Stadt und ihre Bürger."
)
# The real case (../shared/data/bbc-news-summary/articles/sport/199.txt): one Latin-1 pound sign.
LATIN1 = (
    b"Chelsea sack Mutu\n\nChelsea have sacked Adrian Mutu after he failed a drugs test. "
    b"The club said the striker, a \xa315.8m signing from Parma last year, had been dismissed.\n"
)
BBC_199 = ROOT.parent / "shared" / "data" / "bbc-news-summary" / "articles" / "sport" / "199.txt"
HUGE_BYTES = 20_000_000
LIMIT = 5_000  # max_article_chars for the bad-input build: the 20 MB file is cut to this


def _huge_text() -> str:
    """Twenty million characters (and bytes) of varied English sentences in paragraphs, ending in a full stop."""
    sentence = "Officials in district {n} said on Tuesday that the railway line to town {m} would open in 2030."
    parts, size, n = [], 0, 0
    while size < HUGE_BYTES:
        paragraph = " ".join(sentence.format(n=n + i, m=(n + i) * 7 % 1000) for i in range(5)) + "\n\n"
        parts.append(paragraph)
        size += len(paragraph)
        n += 5
    return "".join(parts)[: HUGE_BYTES - 1] + "."


def make_bad_corpus(folder: Path, outside: Path) -> Path:
    """Every bad-input case in one folder; `outside` is a folder next to it (the symlinks point there)."""
    write_files(
        folder,
        {
            "latin1.txt": LATIN1,
            "utf16-le.txt": codecs.BOM_UTF16_LE + ("Ferry news\n\n" + STORY).encode("utf-16-le"),
            "utf16-be.md": codecs.BOM_UTF16_BE + ("# Ferry opens\n\n" + STORY).encode("utf-16-be"),
            "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
            "report.txt": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n",
            "empty.txt": "",
            "blank.md": "  \n\t\n   \n",
            "bad-yaml.md": "---\ntitle: [unclosed\nsource: Wire\n---\n" + STORY,
            "bad-date.md": "---\ntitle: A ferry\ndate: next Tuesday-ish\n---\n" + STORY,
            "yaml-bomb.md": "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a]\n---\n" + STORY,
            "feed.jsonl": json.dumps({"title": "Line one", "text": STORY}) + "\n{not json\n" + "[" * 50_000 + "\n",
            "clash one.txt": STORY + "First of two.",
            "clash-one.txt": STORY + "Second of two.",
            "file with spaces.md": "# Spaces\n\n" + STORY,
            "Überblick Häfen.txt": STORY + "Non-ASCII letters in the name.",
            "新闻.txt": STORY + "A name with no Latin letters.",
            ".hidden-start.txt": STORY + "A name with a leading dot.",
            "german.txt": GERMAN,
            "huge.txt": _huge_text(),
        },
    )
    write_files(outside, {"secret.txt": "Outside the input folder: " + STORY, "dir/in-dir.txt": STORY})
    os.symlink(outside / "secret.txt", folder / "link-out.txt")
    os.symlink(outside / "dir", folder / "link-out-dir")
    os.mkfifo(folder / "pipe.txt")
    return folder


# What each file must become: ("article", text that must be in it) or ("skip", words of the reason).
EXPECTED = {
    "latin1.txt": ("article", "£15.8m"),
    "utf16-le.txt": ("article", "ferry terminal"),
    "utf16-be.md": ("article", "ferry terminal"),
    "image.txt": ("skip", "binary"),
    "report.txt": ("skip", "PDF"),
    "empty.txt": ("skip", "empty"),
    "blank.md": ("skip", "empty"),
    "bad-yaml.md": ("skip", "line 3: front matter is not valid YAML"),
    "bad-date.md": ("article", "ferry terminal"),
    "yaml-bomb.md": ("skip", "aliases"),
    "feed.jsonl#1": ("article", "ferry terminal"),
    "feed.jsonl#2": ("skip", "line 2, column 2: not valid JSON"),
    "feed.jsonl#3": ("skip", "line 3: nested too deeply"),
    "clash one.txt": ("article", "First of two"),
    "clash-one.txt": ("article", "Second of two"),
    "file with spaces.md": ("article", "ferry terminal"),
    "Überblick Häfen.txt": ("article", "Non-ASCII letters"),
    "新闻.txt": ("article", "no Latin letters"),
    ".hidden-start.txt": ("article", "leading dot"),
    "german.txt": ("article", "Fährterminal"),
    "huge.txt": ("article", "railway line"),
    "link-out.txt": ("skip", "symbolic link to a file outside the input folder"),
    "link-out-dir": ("skip", "symbolic link to a folder outside the input folder"),
    "pipe.txt": ("skip", "not a regular file"),
}
# Warnings and notes (on the console and the build report), by the file they name.
EXPECTED_MESSAGES = {
    "latin1.txt": "line 3: not valid UTF-8 (byte 0xA3); read as Windows-1252",
    "bad-date.md": "front matter: date 'next Tuesday-ish' is not a date",
    "clash-one.txt": "its page name clash-one.html is taken by clash one.txt",
    "huge.txt": f"the text is {HUGE_BYTES:,} characters long; only the first",
    "german.txt": "the text is in German (de, detected)",
}


def _input_entries(folder: Path) -> set[str]:
    """Every file and link in the folder, as a path relative to it."""
    found = set()
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in filenames + [d for d in dirnames if (Path(dirpath) / d).is_symlink()]:
            found.add((Path(dirpath) / name).relative_to(folder).as_posix())
    return found


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str, int]:
    """The bad-input folder built into a site: (input folder, site folder, console output, exit status)."""
    import contextlib
    import io

    tmp = tmp_path_factory.mktemp("bad-input")
    folder = make_bad_corpus(tmp / "in", tmp / "outside")
    config = project_config(tmp, max_article_chars=LIMIT)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        status = main(["build", "--config", str(config), "--input", str(folder), "--site-dir", str(tmp / "site")])
    return folder, tmp / "site", out.getvalue(), status


def test_every_input_file_is_an_article_page_or_a_listed_skip(bad_build) -> None:
    folder, site, output, status = bad_build
    assert status == 0, output
    report = load_report(site / "report.json")
    articles = {a["path"]: a for a in report["articles"]}
    skipped = {s["path"]: s["reason"] for s in report["build"]["skipped"]}
    assert set(articles) | set(skipped) == set(EXPECTED)
    files = {path.split("#")[0] for path in EXPECTED}
    assert _input_entries(folder) == files  # the cases are all there is: nothing read that is not listed
    build_report = BeautifulSoup((site / "build-report.html").read_text(encoding="utf-8"), "html.parser")
    table = build_report.find(id="skipped-files").find_next("table")
    rows = {tr.find("td").get_text(): tr.find_all("td")[1].get_text() for tr in table.select("tbody tr")}
    for path, (kind, words) in EXPECTED.items():
        if kind == "article":
            assert path in articles, f"{path} should be an article: {skipped.get(path)}"
            assert words in articles[path]["text"], path
            page = site / articles[path]["page"]
            assert page.is_file(), path
            assert path in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").get_text()
        else:
            assert path in skipped, f"{path} should be skipped"
            assert words in skipped[path], (path, skipped[path])
            assert words in rows[path], path  # listed on the build report page
            assert f"skipped {path}: " in output  # and on the console


def test_each_case_gets_a_message_naming_its_file(bad_build) -> None:
    _, site, output, _ = bad_build
    text = " ".join(
        BeautifulSoup((site / "build-report.html").read_text(encoding="utf-8"), "html.parser").stripped_strings
    )
    for path, message in EXPECTED_MESSAGES.items():
        assert f"{path}: {message}" in " ".join(output.split()), path
        assert f"{path}: {message}" in text, path
    assert "clash one.txt: its page name" not in output  # the first file keeps its name; the second is named


def test_the_real_latin1_article_reads_correctly(tmp_path: Path) -> None:
    if not BBC_199.exists():
        pytest.skip(f"{BBC_199} is not here (the BBC News Summary data set)")
    write_files(tmp_path, {"199.txt": BBC_199.read_bytes()})
    result = read_corpus(tmp_path, Config())
    assert "a £15.8m signing from Parma" in result.articles[0].text
    assert result.warnings == ["199.txt: line 5: not valid UTF-8 (byte 0xA3); read as Windows-1252. "
                               "Re-save the file as UTF-8 to silence this."]  # fmt: skip


def test_the_20_mb_article_is_cut_with_a_note_on_its_page(bad_build) -> None:
    _, site, _, _ = bad_build
    report = load_report(site / "report.json")
    huge = next(a for a in report["articles"] if a["path"] == "huge.txt")
    assert LIMIT // 2 < len(huge["text"]) <= LIMIT and huge["text"].endswith("2030.")  # cut at a sentence end
    assert huge["summary"] and huge["keywords"]  # analysed
    page = BeautifulSoup((site / "articles" / "huge.html").read_text(encoding="utf-8"), "html.parser")
    note = " ".join(page.find("blockquote").get_text().split())
    assert note.startswith(f"Cut: only the first {len(huge['text']):,} of this article's {HUGE_BYTES:,} characters")
    assert (site / "articles" / "huge.html").stat().st_size < 20 * LIMIT


def test_the_german_article_is_listed_not_analysed(bad_build) -> None:
    _, site, _, _ = bad_build
    report = load_report(site / "report.json")
    german = next(a for a in report["articles"] if a["path"] == "german.txt")
    assert german["language"] == "de" and german["summary"] == [] and german["keywords"] == []


def test_strict_fails_after_listing_every_warning(bad_build, tmp_path: Path, capsys) -> None:
    folder, _, _, _ = bad_build
    config = project_config(tmp_path, max_article_chars=LIMIT)
    args = ["--config", str(config), "--input", str(folder), "--site-dir", str(tmp_path / "site"), "--strict"]
    assert main(["build", *args]) == STRICT_EXIT
    err = capsys.readouterr().err
    assert "strict: " in err
    for path in [p for p, (kind, _) in EXPECTED.items() if kind == "skip"] + list(EXPECTED_MESSAGES):
        if path != "german.txt":  # a note, not a warning: the article is handled as designed
            assert f"  {path}: " in err, path
    assert "german.txt" not in err
    analyse = ["analyse", str(folder), "--json", str(tmp_path / "r.json"), "--config", str(config), "--no-cache"]
    assert main([*analyse, "--strict"]) == STRICT_EXIT
    assert (tmp_path / "r.json").exists()  # the output is still written


def test_strict_passes_a_clean_folder(tmp_path: Path) -> None:
    write_files(tmp_path / "in", {"a.txt": STORY, "b.md": "# Ferry\n\n" + STORY + "More."})
    config = project_config(tmp_path)
    assert main(["build", "--config", str(config), "--input", str(tmp_path / "in"), "--strict"]) == 0
    analyse = ["analyse", str(tmp_path / "in"), "--json", "-", "--config", str(config), "--no-cache", "--strict"]
    assert main(analyse) == 0


def test_cut_text_ends_at_a_line_or_sentence() -> None:
    text = "First line here.\nSecond sentence. Third sentence goes on and on"
    assert cut_text(text, 1000) == text
    assert cut_text(text, 40) == "First line here.\nSecond sentence."
    assert cut_text(text, 22) == "First line here."
    assert cut_text("x" * 50, 10) == "x" * 10


def test_an_analysis_that_fails_costs_its_article_only(tmp_path: Path, monkeypatch) -> None:
    import generator.analyse as analyse

    original = analyse.analyse_doc

    def flaky(doc, config, english=True):  # noqa: ANN001, ANN202
        if "explode" in doc.text:
            raise RuntimeError("boom")
        return original(doc, config, english)

    monkeypatch.setattr(analyse, "analyse_doc", flaky)
    write_files(tmp_path, {"a.txt": STORY, "b.txt": STORY + " This one will explode."})
    articles = read_corpus(tmp_path, Config(workers=1)).articles
    results, stats = analyse_articles(articles, Config(workers=1), tmp_path / "cache")
    assert results["a"].sentences and results["b"] == EMPTY_ANALYSIS
    assert stats.failed == [("b.txt", "RuntimeError: boom")] and stats.analysed == 1
    assert len(list((tmp_path / "cache").rglob("*.json"))) == 1  # a failure is not cached


# The analysis cache: a damaged entry is recomputed, never trusted.


def _cached_pair(tmp_path: Path) -> tuple[list, Path]:
    write_files(tmp_path / "in", {"a.txt": STORY, "b.txt": STORY + " The ferry runs daily."})
    articles = read_corpus(tmp_path / "in", Config()).articles
    _, stats = analyse_articles(articles, Config(workers=1), tmp_path / "cache")
    assert stats.analysed == 2
    return articles, tmp_path / "cache"


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda raw: raw[: len(raw) // 2], id="truncated"),
        pytest.param(lambda raw: b"", id="empty"),
        pytest.param(lambda raw: raw.replace(b'"sentences": [[0, ', b'"sentences": [[1, ', 1), id="edited"),
        pytest.param(lambda raw: json.dumps({"key": "x", "analysis": {}}).encode(), id="foreign"),
        pytest.param(lambda raw: b"\xff\xfe\x00garbage", id="garbage"),
    ],
)
def test_a_damaged_cache_entry_is_recomputed(tmp_path: Path, damage) -> None:
    articles, cache = _cached_pair(tmp_path)
    entries = sorted(cache.rglob("*.json"))
    first = entries[0].read_bytes()
    entries[0].write_bytes(damage(first))
    results, stats = analyse_articles(articles, Config(workers=1), cache)
    assert (stats.analysed, stats.from_cache) == (1, 1)
    assert entries[0].read_bytes() == first  # rewritten whole
    again, _ = analyse_articles(articles, Config(workers=1), None)
    assert results == again


def test_a_half_written_temporary_file_is_ignored(tmp_path: Path) -> None:
    articles, cache = _cached_pair(tmp_path)
    entry = sorted(cache.rglob("*.json"))[0]
    (entry.parent / ".tmp-crashed.json").write_text('{"key": "', encoding="utf-8")
    _, stats = analyse_articles(articles, Config(workers=1), cache)
    assert (stats.analysed, stats.from_cache) == (0, 2)


def test_offsets_outside_the_text_are_not_trusted(tmp_path: Path) -> None:
    articles, cache_dir = _cached_pair(tmp_path)
    cache = AnalysisCache(cache_dir)
    analysis, _ = analyse_articles(articles[:1], Config(workers=1), None)
    entry = analysis[articles[0].id]
    key = "0" * 64
    cache.put(key, entry)
    assert cache.get(key, articles[0].text) == entry
    assert cache.get(key, articles[0].text[:10]) is None  # the same entry against a shorter text


# Hypothesis: generated text and front matter at the readers and the analysers, with no crash.

FRAGMENTS = st.sampled_from(
    [
        "The minister said", " ", "\n", "\n\n", "“", "”", '"', "'", "Source: ", "By: ", "date 2017-03-01 ",
        "# ", "---\n", "...", "U.S.", "(IS)", "Islamic State", "Anna Berg", "<b>", "</p>", "<script>", "&amp;",
        "[x](javascript:alert(1))", "*", "_", "|", "\t", "\r\n", "\u2028", "\x00", "é", "中国", "🙂", ".", ",",
        "{", "}", "[", "]", ":", "-", "1/2/2017", "  said  ", "according to", "Geng Shuang", "\x0c",
        "\x1b[2J", "\x07", "\x85", "\u202e", "\u2066", "\u200f", "\ufeff", "BBC  News", "E\u0301",
    ]
)  # fmt: skip
TEXT = st.one_of(st.text(max_size=400), st.lists(FRAGMENTS, max_size=60).map("".join))
# Lone surrogates reach a reader only inside JSON and YAML escapes ("\ud800"): records and front matter get them.
SURROGATES = st.sampled_from(["\ud800", "\udfff", "\ud83d", "\ude00"])
FIELD_TEXT = st.one_of(TEXT, st.lists(FRAGMENTS | SURROGATES, max_size=30).map("".join))
SCALAR = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), FIELD_TEXT, st.dates(), st.datetimes()
)
VALUE = st.recursive(
    SCALAR, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(FIELD_TEXT, inner, max_size=3), max_leaves=6
)
FIELD = st.sampled_from(
    ["title", "source", "date", "url", "author", "language", "text", "body", "publisher", "authors", "published",
     "lang", "link", "tags", "content", "headline", "domain"]
)  # fmt: skip
RECORD = st.dictionaries(st.one_of(FIELD, FIELD_TEXT), VALUE, max_size=8)
# What no name or label may hold once read: control and bidi characters, lone surrogates.
NOT_IN_LABELS = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")
FUZZ = settings(
    max_examples=150, derandomize=True, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _check_reads(reads: list) -> None:
    for read in reads:
        assert isinstance(read, (ReadResult, RecordSkip))
        if isinstance(read, ReadResult):
            assert isinstance(read.text, str)
            json.dumps(read.extra, allow_nan=False)  # extra metadata is strict JSON (report.json)
            for name in ("title", "source", "author"):
                assert not NOT_IN_LABELS.search(read.meta.get(name, "")), (name, read.meta[name])


@FUZZ
@given(raw=TEXT, suffix=st.sampled_from(sorted(READERS)), day_first=st.booleans())
def test_readers_never_crash_on_generated_text(raw: str, suffix: str, day_first: bool) -> None:
    try:
        _check_reads(READERS[suffix](raw, day_first))
    except InvalidArticle as exc:
        assert str(exc)  # a skip with its reason


@FUZZ
@given(front=RECORD, body=TEXT)
def test_markdown_reader_never_crashes_on_generated_front_matter(front: dict, body: str) -> None:
    raw = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body
    try:
        _check_reads([read_markdown(raw)])
    except InvalidArticle as exc:
        assert "front matter" in str(exc)


@FUZZ
@given(records=st.lists(RECORD, max_size=4))
def test_json_readers_never_crash_on_generated_records(records: list) -> None:
    as_json = json.dumps(records, default=str)
    as_lines = "\n".join(json.dumps(r, default=str) for r in records)
    for raw, reader in ((as_json, READERS[".json"]), (as_lines, READERS[".jsonl"])):
        try:
            reads = reader(raw, False)
        except InvalidArticle:
            continue
        _check_reads(reads)
        for read in reads:  # a record's strings can all be written out as UTF-8: no lone surrogate is left
            text = read.text if isinstance(read, ReadResult) else read.reason
            extra = read.extra if isinstance(read, ReadResult) else {}
            (text + json.dumps(extra, ensure_ascii=False, allow_nan=False, default=str)).encode("utf-8")
        if reader is READERS[".jsonl"]:
            assert len(reads) == len(records)  # one article or one skip per line, whatever the line holds


@FUZZ
@given(data=st.binary(max_size=300), html=st.booleans())
def test_decoding_never_crashes_on_generated_bytes(data: bytes, html: bool) -> None:
    try:
        assert isinstance(decode_bytes(data, html).text, str)
    except UnreadableFile as exc:
        assert str(exc)


@settings(
    max_examples=200, derandomize=True, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(text=TEXT, english=st.booleans())
def test_analysers_never_crash_and_keep_their_offsets_in_the_text(text: str, english: bool) -> None:
    analysis = analyse_doc(load_model()(text), Config(), english)
    assert _fits(analysis, len(text))
    for mention in analysis.mentions:
        assert text[mention.start : mention.end] == mention.text
    assert from_json(json.loads(json.dumps(to_json(analysis))), text) == analysis  # the cache round trip
