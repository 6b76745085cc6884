"""The documentation keeps up with the code (as Datasette's tests do): every `extra.report` option is in
README.md's Configuration table, and every report.json field is in docs/REPORT_JSON.md."""

from __future__ import annotations

import json
import re
from dataclasses import fields
from pathlib import Path

import pytest
from conftest import ROOT

from generator.config import Config
from generator.link import link_corpus
from generator.model import Article, ArticleAnalysis, Keyword, Mention, Phrase, Quote, Sentence, Skipped
from generator.pages.export import build_block, details_lines, report_document

README = (ROOT / "README.md").read_text(encoding="utf-8")
REPORT_JSON = (ROOT / "docs" / "REPORT_JSON.md").read_text(encoding="utf-8")
# Objects whose keys are data (a version per component, a reason per name, an input's own fields), not fields.
MAPS = {
    "build.versions",
    "articles.provenance",
    "articles.provenance_detail",
    "articles.extra",
    "entities.alias_reasons",
}
# The lists of objects: the test corpus must fill each, or their fields would go unseen.
OBJECT_LISTS = {
    "build.skipped",
    "articles",
    "articles.keywords",
    "articles.quotes",
    "articles.related",
    "entities",
    "topics",
    "subjects",
    "sources",
    "articles.phrases",
    "quote_groups",
    "quote_groups.speakers",
    "quote_groups.speakers.wordings",
    "quote_groups.wordings",
    "quote_groups.repeats",
    "phrases",
    "phrases.occurrences",
    "shared_passages",
    "shared_passages.passages",
    "shared_passages.b_spans",
}


def _configuration_table() -> set[str]:
    section = README.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `(\w+)` \|", section, flags=re.MULTILINE))


def test_every_option_is_documented_and_every_documented_option_exists() -> None:
    options = {f.name for f in fields(Config)}
    documented = _configuration_table()
    assert options - documented == set(), "options missing from README.md's Configuration table"
    assert documented - options == set(), "README.md documents options that do not exist"


QUOTE = "the harbour opens on Friday"
TEXT = (
    f"Mayor Quimby said: “{QUOTE}” at the ferry terminal beside the old fish market on the north quay. "
    f"He called the delay “shameful” and said again: “{QUOTE}”."
)


def _article(aid: str, text: str, source: str | None) -> tuple[Article, ArticleAnalysis]:
    """An article quoting the mayor twice (a quote group with a repeat) and putting a word in quote marks."""
    start = text.index("Quimby")
    first, second = text.index(QUOTE), text.rindex(QUOTE)
    scare = text.index("shameful")
    article = Article(
        id=aid,
        slug=aid,
        path=f"{aid}.txt",
        title=f"Title {aid}",
        text=text,
        source=source,
        url="https://example.org/a",
        provenance={"title": "given"},
        provenance_detail={"title": "from the front matter"},
        extra={"tags": ["x"]},
    )
    analysis = ArticleAnalysis(
        sentences=(Sentence(0, len(text), text),),
        summary=(0,),
        keywords=(Keyword("harbour", 0.1),),
        mentions=(Mention("Quimby", "PERSON", start, start + 6, 0),),
        quotes=(
            Quote(QUOTE, first, first + len(QUOTE), 0, "Quimby", start, start + 6, "name", "cue"),
            Quote(QUOTE, second, second + len(QUOTE), 0),
        ),
        acronyms=(),
        lemmas=("harbour", "ferry", "quimby", "terminal"),
        phrases=(Phrase("shameful", scare, scare + len("shameful"), 0, "short"),),
    )
    return article, analysis


def _corpus(tmp_path: Path):
    """Two articles sharing their text (shared passages, a duplicate), one outlet named and one not."""
    pairs = [_article("a", TEXT, "Harbour News"), _article("b", TEXT + " Ferries run hourly.", None)]
    articles = [a for a, _ in pairs]
    return link_corpus(articles, {a.id: an for a, an in pairs}, Config(), tmp_path / "none.yml")


def _document(tmp_path: Path) -> dict:
    build = build_block({"generator": "0"}, [Skipped("x.bin", "binary")], ["a.txt: a warning"])
    return report_document(_corpus(tmp_path), build)


def _fields(value: object, path: str, found: dict[str, set[str]], filled: set[str]) -> None:
    """Every field name under each top-level key, walking into lists and objects (not into maps of data)."""
    if isinstance(value, list):
        if value:
            filled.add(path)
        for item in value:
            _fields(item, path, found, filled)
    elif isinstance(value, dict) and path not in MAPS:
        for key, item in value.items():
            top = path.split(".")[0] if path else key
            found.setdefault(top, set()).add(key)
            _fields(item, f"{path}.{key}" if path else key, found, filled)


def _documented_sections(block_number: int = 1) -> dict[str, str]:
    """A schema block of REPORT_JSON.md (1: report.json, 2: its companion file), cut at its top-level keys
    (two spaces of indent)."""
    block = REPORT_JSON.split("```jsonc")[block_number].split("```", 1)[0]
    parts = re.split(r'^  "(\w+)":', block, flags=re.MULTILINE)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def test_every_report_json_field_is_documented(tmp_path: Path) -> None:
    document = _document(tmp_path)
    found: dict[str, set[str]] = {}
    filled: set[str] = set()
    _fields(document, "", found, filled)
    assert OBJECT_LISTS - filled == set(), "lists the test corpus leaves empty: their fields go unchecked"
    sections = _documented_sections()
    missing = []
    for top, names in found.items():
        if top not in sections:
            missing.append(top)
            continue
        missing += [f"{top}: {name}" for name in sorted(names - {top}) if f'"{name}"' not in sections[top]]
    assert missing == [], "report.json fields missing from docs/REPORT_JSON.md"


@pytest.mark.parametrize("name", ["summary_lenght"])
def test_the_option_check_can_fail(name: str) -> None:
    """The table check sees an option that is not in the table (a guard against a parser that finds nothing)."""
    assert name not in _configuration_table() and len(_configuration_table()) > 10


def test_every_companion_file_field_is_documented(tmp_path: Path) -> None:
    lines = [json.loads(line) for line in details_lines(_corpus(tmp_path)).splitlines()]
    found: dict[str, set[str]] = {}
    filled: set[str] = set()
    for line in lines:
        _fields({k: v for k, v in line.items() if k != "extra"}, "", found, filled)  # extra: the input's own keys
        found.setdefault("extra", set())
    assert "mentions" in filled, "the test corpus must have mentions, or their fields go unchecked"
    sections = _documented_sections(2)
    missing = [top for top in found if top not in sections]
    missing += [
        f"mentions: {name}"
        for name in sorted(found["mentions"] - {"mentions"})
        if f'"{name}"' not in sections["mentions"]
    ]
    assert missing == [], "companion file fields missing from docs/REPORT_JSON.md"


def test_a_quote_quoted_once_is_no_group_of_report_json_but_names_its_group(tmp_path: Path) -> None:
    """quote_groups lists the quotes carried more than once; a quote quoted once gives its group's id (its
    anchor on the quotes pages) as `group`, its text and speaker being its own."""
    alone = "the pier will close for the winter on Monday"
    text = f"Mayor Quimby said: “{alone}” at the ferry terminal beside the old fish market on the north quay."
    start, at = text.index("Quimby"), text.index(alone)
    article = Article(id="c", slug="c", path="c.txt", title="Title c", text=text, source="Pier Post")
    analysis = ArticleAnalysis(
        sentences=(Sentence(0, len(text), text),),
        summary=(0,),
        keywords=(Keyword("pier", 0.1),),
        mentions=(Mention("Quimby", "PERSON", start, start + 6, 0),),
        quotes=(Quote(alone, at, at + len(alone), 0, "Quimby", start, start + 6, "name", "cue"),),
        acronyms=(),
        lemmas=("pier", "winter", "quimby"),
    )
    pairs = [_article("a", TEXT, "Harbour News"), _article("b", TEXT + " Ferries run hourly.", None)]
    pairs.append((article, analysis))
    corpus = link_corpus([a for a, _ in pairs], {a.id: an for a, an in pairs}, Config(), tmp_path / "none.yml")
    document = report_document(corpus)
    quotes = {a["id"]: a["quotes"] for a in document["articles"]}
    listed = {g["id"]: g for g in document["quote_groups"]}
    assert len(corpus.quote_groups) == 2 and len(listed) == 1  # the harbour quote (four quotes), not the pier's
    (shared,) = listed.values()
    for wording in shared["wordings"] + shared["repeats"]:
        assert quotes[wording["article"]][wording["quote"]]["group"] == shared["id"]
    (pier,) = quotes["c"]
    assert pier["group"] not in listed and pier["group"] == corpus.index.quote_group_of[("c", 0)]
    assert pier["text"] == alone and pier["speaker"] == "Quimby"
