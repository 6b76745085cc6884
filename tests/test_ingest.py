"""Ingest: readers, metadata conventions, sidecar, ids, and what gets skipped."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import write_files

from generator.config import Config
from generator.ingest import read_corpus
from generator.ingest.readers import read_markdown, read_plain_text

LEAD = "The council approved the new budget on Tuesday after a long debate about schools."


def test_plain_text_reads_leading_date_source_and_byline() -> None:
    raw = f" date 2017-03-02 {LEAD}\n\nMore text follows here.\n\nBy: Jane Roe\nSource: Example News\n"
    result = read_plain_text(raw)
    assert result.meta["date"] == date(2017, 3, 2) and result.provenance["date"] == "inferred"
    assert result.meta["source"] == "Example News" and result.provenance["source"] == "given"
    assert result.meta["author"] == "Jane Roe"
    assert result.text.startswith("The council approved")
    assert "Source:" not in result.text and "By:" not in result.text and "date" not in result.text[:5]


def test_a_source_named_inside_the_text_is_not_the_articles_source() -> None:
    result = read_plain_text(f"{LEAD}\n\nDailycaller.com reports:\n\nThe rest of the story is here.\n")
    assert "source" not in result.meta
    assert "Dailycaller.com reports:" in result.text


def test_headline_line_becomes_the_title() -> None:
    result = read_plain_text(f"Council passes school budget\n\n{LEAD}\n")
    assert result.meta["title"] == "Council passes school budget"
    assert result.text.startswith("The council")


def test_untitled_article_gets_a_derived_title(tmp_path: Path) -> None:
    write_files(tmp_path, {"a.txt": LEAD + " " + LEAD})
    article = read_corpus(tmp_path, Config()).articles[0]
    assert article.provenance["title"] == "derived"
    assert article.title.startswith("The council approved") and len(article.title.split()) <= 13
    assert article.source is None and article.source_name == "Unattributed" and article.date_label == "Undated"


def test_markdown_front_matter_is_given_metadata() -> None:
    raw = (
        "---\ntitle: Budget passes\nsource: Town Crier\ndate: 2020-05-01\nurl: https://example.org/a\n---\n\n"
        "# Heading\n\nBody *text* here.\n"
    )
    result = read_markdown(raw)
    assert result.meta["title"] == "Budget passes" and result.provenance["title"] == "given"
    assert result.meta["date"] == date(2020, 5, 1)
    assert result.text == "Body text here."


def test_markdown_bad_front_matter_is_skipped_with_line(tmp_path: Path) -> None:
    write_files(tmp_path, {"bad.md": "---\ntitle: [unclosed\n---\nBody text.\n", "good.txt": LEAD})
    result = read_corpus(tmp_path, Config())
    assert [a.path for a in result.articles] == ["good.txt"]
    assert result.skipped[0].path == "bad.md" and "front matter is not valid YAML" in result.skipped[0].reason
    assert "line" in result.skipped[0].reason


def test_sidecar_overrides_inferred_metadata(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "a.txt": f" date 2017-03-01 {LEAD}",
            "metadata.yml": "a.txt:\n  source: Global Example\n  date: 2017-03-05\n",
        },
    )
    result = read_corpus(tmp_path, Config())
    article = result.articles[0]
    assert article.source == "Global Example" and article.date == date(2017, 3, 5)
    assert article.provenance["date"] == "given"
    assert result.config_files == ["metadata.yml"]


def test_folders_are_read_recursively_with_stable_ids(tmp_path: Path) -> None:
    write_files(tmp_path, {"sport/001.txt": LEAD, "tech/001.txt": LEAD + " Again.", "top.md": LEAD})
    first = read_corpus(tmp_path, Config())
    second = read_corpus(tmp_path, Config())
    assert [a.id for a in first.articles] == ["sport-001", "tech-001", "top"]
    assert [a.id for a in first.articles] == [a.id for a in second.articles]
    assert [a.path for a in first.articles] == ["sport/001.txt", "tech/001.txt", "top.md"]


def test_bad_files_are_skipped_with_a_reason_and_nothing_is_lost(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "empty.txt": "   \n",
            "binary.txt": b"\x00\x01\x02PNG",
            "notes.pdf": b"%PDF-1.4",
            "latin1.txt": LEAD.encode() + b" It cost \xa3100.",
            "ok.txt": LEAD,
        },
    )
    result = read_corpus(tmp_path, Config())
    skipped = {s.path: s.reason for s in result.skipped}
    assert set(skipped) == {"empty.txt", "binary.txt", "notes.pdf"}
    assert "empty" in skipped["empty.txt"] and "binary" in skipped["binary.txt"] and ".pdf" in skipped["notes.pdf"]
    latin = next(a for a in result.articles if a.path == "latin1.txt")
    assert "£100" in latin.text
    assert any(w.startswith("latin1.txt: line 1: not valid UTF-8") for w in result.warnings)
    assert len(result.articles) + len(result.skipped) == result.files_seen


def test_leading_date_after_a_headline_is_read() -> None:
    result = read_plain_text(f"Council passes school budget\n\ndate 2017-03-06 {LEAD}\n\nSource: Town Crier\n")
    assert result.meta["title"] == "Council passes school budget"
    assert result.meta["date"] == date(2017, 3, 6) and result.provenance["date"] == "inferred"
    assert result.text.startswith("The council approved")
