"""Ingest under adversarial input (issue 19): nothing lost, nothing crashes, names made safe.

Plain text stays text (never parsed as HTML) and no character of an article's text is lost,
in every format; unreadable folders are listed with the OS error; lone surrogates, file names
that are not UTF-8, control and bidi characters in names, two spellings of one outlet, and dates
outside 1800–2200 are each read the safe way, with a warning where something was changed.
Hypothesis then throws surrogates and control characters at every field of a record.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from conftest import write_files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.config import Config
from generator.ingest import read_corpus
from generator.ingest.markup import decode_character_references, looks_like_html
from generator.model import Article

LEAD = "The council approved the new budget on Tuesday after a long debate about schools and roads."
TRICKY = "Note that x<y and y>z hold, a <b and c>d mention, and an unclosed <!-- comment with the rest after it."
NAMES_FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _articles(folder: Path) -> dict[str, Article]:
    return {a.path: a for a in read_corpus(folder, Config()).articles}


# Plain text stays text; HTML only where it is HTML


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("a.txt", f"{LEAD}\n\n{TRICKY}\n"),
        ("a.md", f"---\ntitle: A\n---\n\n{LEAD}\n\n{TRICKY}\n"),
        ("a.jsonl", json.dumps({"title": "A", "text": f"{LEAD}\n\n{TRICKY}"}) + "\n"),
        ("a.json", json.dumps({"title": "A", "body": f"{LEAD}\n\n{TRICKY}"})),
        ("a.html", f"<html><body><article><p>{LEAD}</p><p>{TRICKY.replace('<', '&lt;')}</p></article></body></html>"),
    ],
)
def test_no_character_of_the_text_is_lost_in_any_format(tmp_path: Path, name: str, content: str) -> None:
    [article] = _articles(write_files(tmp_path, {name: content})).values()
    assert TRICKY in article.text and LEAD in article.text


def test_a_markdown_html_block_keeps_its_words_and_plain_markup_stays(tmp_path: Path) -> None:
    body = f'{LEAD}\n\n<div class="note">\nA div block with its own words.\n</div>\n\nAfter it, x<y and y>z.\n'
    [article] = _articles(write_files(tmp_path, {"a.md": f"---\ntitle: A\n---\n{body}"})).values()
    assert "A div block with its own words." in article.text and "<div" not in article.text
    assert "After it, x<y and y>z." in article.text


def test_real_feed_html_in_a_text_field_still_becomes_text(tmp_path: Path) -> None:
    html = f"<p>{LEAD}</p><p>Crews can apply &amp; x &lt; y.<br>Applications close Friday.</p><!-- ad -->"
    [article] = _articles(write_files(tmp_path, {"a.jsonl": json.dumps({"text": html}) + "\n"})).values()
    assert article.text == f"{LEAD}\n\nCrews can apply & x < y.\nApplications close Friday."


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("<p>One.</p><p>Two.</p>", True),
        ("One.<br>Two.", True),
        ('<div class="x">One <a href="/y">link</a></div>', True),
        ("<p>x < y and 3<4</p>", True),  # a < that opens no tag is text in HTML too
        ("x<y and y>z", False),
        ("a <b and c>d", False),  # looks like a tag, but no HTML structure
        ("before <!-- unclosed comment and all the rest", False),
        ("<p>One</p> and x<y and y>z", False),  # one stray "tag" that is not an element: not HTML
        ("Use the <tag> element", False),
        ("plain text", False),
    ],
)
def test_html_is_recognised_only_when_it_is_html(text: str, html: bool) -> None:
    assert looks_like_html(text) is html


@pytest.mark.parametrize(
    ("text", "decoded"),
    [
        ("Jos&#233; Manuel Barroso", "José Manuel Barroso"),
        ("&#039;Dark Shadows&#039; opens", "'Dark Shadows' opens"),
        ("caf&#xe9; and na&iuml;ve", "café and naïve"),
        ("Marks &amp; Spencer", "Marks & Spencer"),
        ("AT&T, R&D and Q&A stay", "AT&T, R&D and Q&A stay"),  # a bare ampersand is text
        ("&notaname; and &amp without its semicolon", "&notaname; and &amp without its semicolon"),
    ],
)
def test_complete_character_references_are_decoded_and_bare_ampersands_kept(text: str, decoded: str) -> None:
    assert decode_character_references(text) == decoded


def test_a_scraped_text_shows_its_characters_not_their_references(tmp_path: Path) -> None:
    record = {"title": "Barroso&#039;s plan", "text": "EC President Jos&#233; Manuel Barroso spoke. " + LEAD}
    write_files(
        tmp_path,
        {
            "a.txt": "Caf&#233; owners protest\n\nThe caf&#233; owners of the town met. " + LEAD,
            "b.jsonl": json.dumps(record) + "\n",
        },
    )
    articles = {a.title: a for a in read_corpus(tmp_path, Config()).articles}
    assert "The café owners of the town met." in articles["Café owners protest"].text
    assert "José Manuel Barroso" in articles["Barroso's plan"].text


# Folders and file names


def test_an_unreadable_folder_is_listed_with_the_os_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_files(tmp_path, {"a.txt": LEAD, "locked/b.txt": LEAD + " B.", "locked/deeper/c.txt": LEAD + " C."})
    real_scandir = os.scandir

    def scandir(path):  # noqa: ANN001, ANN202 - os.scandir's signature
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)  # root can read any folder: the error is made, not chmod-ed
    result = read_corpus(tmp_path, Config())
    assert [a.path for a in result.articles] == ["a.txt"]
    [skip] = result.skipped
    assert skip.path == "locked/" and "Permission denied" in skip.reason and "none of its files" in skip.reason


def test_a_file_name_that_is_not_utf8_is_read_and_shown_safely(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9 \x1b]0;owned\x07.txt")  # Latin-1 é, and a terminal escape that sets the title
    (tmp_path / name).write_text(LEAD, encoding="utf-8")
    [article] = read_corpus(tmp_path, Config()).articles
    assert article.path == "caf\\xe9 \\x1b]0;owned\\x07.txt"
    article.path.encode("utf-8")  # no surrogate escape left: it can be written and printed
    assert article.text == LEAD


# Unicode in records


def test_lone_surrogates_anywhere_in_a_record_are_replaced_with_a_warning(tmp_path: Path) -> None:
    line = '{"title": "T\\ud800", "text": "LEAD \\udc00", "source": "Wire", "extra \\ud83d": ["x\\ude00"]}'
    line = line.replace("LEAD", LEAD)
    result = read_corpus(write_files(tmp_path, {"a.jsonl": line + "\n"}), Config())
    [article] = result.articles
    assert article.title == "T\ufffd" and article.text == LEAD + " \ufffd"
    assert article.extra == {"extra \ufffd": ["x\ufffd"]}
    assert any("4 lone surrogate(s)" in w and w.startswith("a.jsonl#1") for w in result.warnings)
    json.dumps(article.extra, ensure_ascii=False).encode("utf-8")


def test_lone_surrogates_in_front_matter_are_replaced(tmp_path: Path) -> None:
    result = read_corpus(write_files(tmp_path, {"a.md": f'---\ntitle: "A\\ud800"\n---\n{LEAD}\n'}), Config())
    assert result.articles[0].title == "A\ufffd" and any("lone surrogate" in w for w in result.warnings)


def test_control_and_bidi_characters_are_stripped_from_names_and_labels(tmp_path: Path) -> None:
    record = {"title": "Budget\u202e passes\x00", "text": LEAD, "source": "Wire\x1b[2J", "author": "Ann\u2066 Lee\x07"}
    [article] = _articles(write_files(tmp_path, {"a.jsonl": json.dumps(record) + "\n"})).values()
    assert (article.title, article.source, article.author) == ("Budget passes", "Wire [2J", "Ann Lee")
    text = f"Source: Wire\u202e\n\nBy: Ann\x1b Lee\n\n{LEAD}\n"
    [plain] = _articles(write_files(tmp_path / "t", {"b.txt": text})).values()
    assert plain.source == "Wire" and not NAMES_FORBIDDEN.search(plain.author or "")


def test_outlet_names_are_one_source_after_nfc_and_white_space_folding(tmp_path: Path) -> None:
    lines = [
        {"title": "A", "text": LEAD, "source": "BBC News"},
        {"title": "B", "text": LEAD + " B.", "source": "BBC  News"},
        {"title": "C", "text": LEAD + " C.", "source": " BBC\tNews "},
        {"title": "D", "text": LEAD + " D.", "source": "Le Monde \u00c9conomie"},  # NFC
        {"title": "E", "text": LEAD + " E.", "source": "Le Monde E\u0301conomie"},  # NFD
    ]
    folder = write_files(tmp_path, {"a.jsonl": "\n".join(json.dumps(r) for r in lines) + "\n"})
    articles = read_corpus(folder, Config()).articles
    assert {a.source for a in articles} == {"BBC News", "Le Monde \u00c9conomie"}
    from generator.link import build_sources

    assert sorted(len(s.articles) for s in build_sources(articles)) == [2, 3]


@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01", "1799-12-31", "2201-01-01"])
def test_dates_outside_1800_to_2200_are_undated_with_a_warning(tmp_path: Path, value: str) -> None:
    line = json.dumps({"title": "A", "text": LEAD, "date": value})
    result = read_corpus(write_files(tmp_path, {"a.jsonl": line + "\n"}), Config())
    assert result.articles[0].date is None and result.articles[0].extra["date"] == value
    assert any("outside the years 1800–2200" in w for w in result.warnings)
    sidecar = write_files(tmp_path / "s", {"b.txt": LEAD, "metadata.yml": f"b.txt:\n  date: '{value}'\n"})
    result = read_corpus(sidecar, Config())
    assert result.articles[0].date is None and any("outside the years" in w for w in result.warnings)


def test_dates_inside_the_range_still_read() -> None:
    from datetime import date

    from generator.ingest.dates import parse_date_value

    assert parse_date_value("1800-01-01").date == date(1800, 1, 1)  # type: ignore[union-attr]
    assert parse_date_value("2200-12-31").date == date(2200, 12, 31)  # type: ignore[union-attr]


# Generated records: surrogates and control characters in every field


NASTY = st.sampled_from(["\ud800", "\udfff", "\x00", "\x1b[2J", "\u202e", "\u2066", "\x07", "\x85", "\ufeff", "  "])
NASTY_TEXT = st.lists(st.one_of(NASTY, st.sampled_from(["BBC", " News", "Ann", "Lee", "x<y", "<!--", "é"])), max_size=8)
FIELDS = ["title", "text", "source", "author", "date", "url", "language", "tags", "extra field"]


@settings(
    max_examples=120, derandomize=True, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(values=st.fixed_dictionaries({f: NASTY_TEXT.map("".join) for f in FIELDS}), key=NASTY_TEXT.map("".join))
def test_surrogates_and_control_characters_in_every_field_never_crash(values: dict, key: str, tmp_path_factory) -> None:
    folder = tmp_path_factory.mktemp("nasty")
    record = dict(values, text=f"{LEAD} {values['text']}")
    record[key or "k"] = values["tags"]
    line = json.dumps(record)  # ensure_ascii: surrogates travel as \ud800 escapes, as exporters write them
    front = "---\n" + "".join(f"{f}: {json.dumps(values[f])}\n" for f in ("title", "source", "author")) + "---\n"
    write_files(folder, {"a.jsonl": line + "\n", "b.md": front + LEAD + "\n"})
    result = read_corpus(folder, Config())
    assert len(result.articles) == 2
    for article in result.articles:
        for label in (article.title, article.source or "", article.author or ""):
            assert not NAMES_FORBIDDEN.search(label) and label == label.strip()
        for value in (article.text, article.path, json.dumps(article.extra, ensure_ascii=False)):
            value.encode("utf-8")  # no lone surrogate anywhere: everything can be written out
    for message in result.warnings + [s.reason for s in result.skipped]:
        message.encode("utf-8")
