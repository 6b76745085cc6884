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


# Data-set exports: the readable text, the user's field mapping, the outlet as given

PROSE = (
    "Earlier this week, someone showed up at a protest in Nashville with a sign. Organisers said it wasn't "
    "theirs, and the city's police said they would look into it."
)
TOKENISED = (
    "Earlier this week , someone showed up at a protest in Nashville with a sign . Organisers said it was n't "
    "theirs , and the city 's police said they would look into it ."
)


def _jsonl(folder: Path, records: list[dict[str, object]], name: str = "export.jsonl", sidecar: str = "") -> Path:
    import json

    files: dict[str, str | bytes] = {name: "\n".join(json.dumps(r) for r in records) + "\n"}
    if sidecar:
        files["metadata.yml"] = sidecar
    return write_files(folder, files)


def test_the_readable_text_field_is_used_and_the_summary_says_so(tmp_path: Path) -> None:
    records = [{"title": f"T{i}", "content": TOKENISED, "content_original": PROSE, "source": "Vice"} for i in (1, 2)]
    result = read_corpus(_jsonl(tmp_path, records), Config())
    first = result.articles[0]
    assert first.text == PROSE and first.text_field == "content_original" and not first.detokenised
    assert first.provenance["text"] == "given" and "'content_original' field" in first.provenance_detail["text"]
    assert "'content' is tokenised" in first.provenance_detail["text"]
    assert first.extra["content"] == TOKENISED  # the other version is kept, not dropped
    [notice] = [n for n in result.notices if "content_original" in n]
    assert notice.startswith("2 articles: the text is read from the 'content_original' field, not 'content'")
    assert "export.jsonl#1, export.jsonl#2" in notice


def test_plain_text_beats_markup_and_a_complete_text_beats_a_teaser(tmp_path: Path) -> None:
    html = "<p>" + PROSE.replace(". ", ".</p><p>") + "</p>"
    records = [
        {"title": "A", "body": PROSE, "body_html": html},
        {"title": "B", "text": "Someone showed up at a protest.", "content": PROSE},
        {"title": "C", "body_html": html},
    ]
    articles = {a.title: a for a in read_corpus(_jsonl(tmp_path, records), Config()).articles}
    assert articles["A"].text_field == "body" and articles["A"].provenance_detail["text"] == "the 'body' field"
    assert articles["B"].text_field == "content" and "'text' is shorter" in articles["B"].provenance_detail["text"]
    assert articles["C"].text_field == "body_html" and "<p>" not in articles["C"].text


def test_tokenised_text_with_no_other_version_is_joined_again_with_a_warning(tmp_path: Path) -> None:
    records = [{"title": f"T{i}", "content": TOKENISED} for i in (1, 2, 3)]
    result = read_corpus(_jsonl(tmp_path, records), Config())
    assert all(a.text == PROSE and a.detokenised for a in result.articles)
    [warning] = [w for w in result.warnings if "tokenised" in w]
    assert warning.startswith("3 articles had tokenised text") and "sacremoses" in warning


def test_the_user_names_the_field_for_each_role(tmp_path: Path) -> None:
    records = [
        {"headline": "Wrong", "kicker": "Right title", "story": PROSE, "alt": PROSE + " More.", "who": "Ann Lee"},
        {"headline": "Fallback title", "story": PROSE + " Two.", "who": "Bo Kim"},
    ]
    sidecar = "fields:\n  title: kicker\n  text: alt\n  author: [writer, who]\n"
    result = read_corpus(_jsonl(tmp_path, records, sidecar=sidecar), Config())
    first, second = result.articles
    assert first.title == "Right title" and first.text == PROSE + " More." and first.text_field == "alt"
    assert first.author == "Ann Lee" and second.author == "Bo Kim"
    assert second.title == "Fallback title" and second.text_field == "story"  # no `kicker`, no `alt`: usual order
    warnings = [w for w in result.warnings if w.startswith("metadata.yml: fields")]
    assert len(warnings) == 2  # one per role, not one per record
    assert any(
        w.startswith("metadata.yml: fields: text: 1 of 2 records have no (non-empty) field 'alt'") for w in warnings
    )
    assert any("title: 1 of 2 records" in w and "export.jsonl#2" in w for w in warnings)


def test_a_mapped_field_that_no_record_has_is_a_clear_error(tmp_path: Path) -> None:
    import pytest

    records = [{"title": "A", "content": PROSE, "authors": "Ann Lee"}]
    with pytest.raises(ValueError, match=r"fields: text: no record has the field 'body_text' .*content") as error:
        read_corpus(_jsonl(tmp_path, records, sidecar="fields:\n  text: body_text\n"), Config())
    assert "metadata.yml" in str(error.value)
    with pytest.raises(ValueError, match="'headline_x' is not a role"):
        read_corpus(_jsonl(tmp_path, records, sidecar="fields:\n  headline_x: title\n"), Config())


def test_the_outlet_is_kept_exactly_as_the_file_gives_it(tmp_path: Path) -> None:
    records = [
        {"title": "A", "text": PROSE, "source": "TheBlaze.com", "url": "https://www.theblaze.com/news/a"},
        {"title": "B", "text": PROSE + " B.", "url": "https://www.theblaze.com/news/b"},
        {"title": "C", "text": PROSE + " C.", "url": "https://quiet-times.org/c"},
        {"title": "D", "text": PROSE + " D.", "source": "CNN  (Web News)"},
    ]
    articles = {a.title: a for a in read_corpus(_jsonl(tmp_path, records), Config()).articles}
    assert articles["A"].source == "TheBlaze.com" and articles["A"].provenance["source"] == "given"
    assert articles["B"].source == "TheBlaze.com" and articles["B"].provenance["source"] == "inferred"
    assert articles["C"].source == "quiet-times.org" and articles["C"].provenance["source"] == "inferred"
    assert articles["D"].source == "CNN (Web News)"


def test_the_sidecar_joins_outlet_names_and_records_which(tmp_path: Path) -> None:
    records = [
        {"title": "A", "text": PROSE, "source": "New York Times - News"},
        {"title": "B", "text": PROSE + " B.", "source": "New York Times - Opinion (Online)"},
        {"title": "C", "text": PROSE + " C.", "source": "New York Times - News"},
        {"title": "D", "text": PROSE + " D.", "url": "https://www.trtworld.com/d"},
    ]
    sidecar = (
        "outlets:\n  New York Times - News: New York Times\n  new york times - opinion (online): New York Times\n"
        "  trtworld.com: TRT World\n"
    )
    result = read_corpus(_jsonl(tmp_path, records, sidecar=sidecar), Config())
    articles = {a.title: a for a in result.articles}
    assert {articles[t].source for t in "ABC"} == {"New York Times"}
    assert articles["B"].source_as_given == "New York Times - Opinion (Online)"
    assert "named New York Times in metadata.yml" in articles["B"].provenance_detail["source"]
    assert articles["D"].source == "TRT World" and articles["D"].source_as_given is None
    assert result.outlet_joins == {
        "New York Times": {"New York Times - News": 2, "New York Times - Opinion (Online)": 1}
    }
    assert any(n.startswith("metadata.yml: outlets: 'New York Times' joins") for n in result.notices)


def test_residue_is_cleaned_in_every_format_and_the_dateline_kept(tmp_path: Path) -> None:
    story = f"WASHINGTON (AP) — {PROSE}\n\nAdvertisement\n\nThe vote is on Friday, officials said on Monday."
    write_files(tmp_path, {"a.txt": story, "b.md": f"---\ntitle: B\n---\n{story}\n"})
    for article in read_corpus(tmp_path, Config()).articles:
        assert article.text.startswith("Earlier this week") and "Advertisement" not in article.text
        assert article.dateline == "WASHINGTON (AP)"
        assert [r.rule for r in article.removed] == ["advertisement", "dateline"]


def test_a_byline_at_the_start_is_the_author_when_none_is_given(tmp_path: Path) -> None:
    records = [
        {"title": "A", "text": f"By Ann Lee and Bo Kim\n\n{PROSE}"},
        {"title": "B", "text": f"By Cy Orr\n\n{PROSE} B.", "author": "Dee"},
    ]
    articles = {a.title: a for a in read_corpus(_jsonl(tmp_path, records), Config()).articles}
    assert articles["A"].author == "Ann Lee and Bo Kim" and articles["A"].provenance["author"] == "inferred"
    assert articles["B"].author == "Dee" and articles["B"].text == PROSE + " B."
