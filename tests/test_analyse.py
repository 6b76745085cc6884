"""Analyse: summary, keywords, quotes, mentions and acronyms on small hand-written articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.analyse import analyse_articles, analyse_doc
from generator.analyse.mentions import find_acronyms, tidy_span
from generator.analyse.nlp import load_model
from generator.analyse.summary import SentenceFeatures, summarise
from generator.config import Config
from generator.model import Article

STORY = (
    "The city council of Springfield approved a new budget for public schools on Tuesday.\n"
    "Photo: Council members vote in Springfield.\n"
    "Photo: Council members vote in Springfield.\n"
    "The budget raises spending on teachers and school buildings by ten percent.\n"
    '"This budget puts our children first," Mayor Joe Quimby said after the vote.\n'
    "Critics said the budget for schools ignores the city's crumbling roads and bridges.\n"
    '"We will fight this in court," said Marge Simpson, a local activist.\n'
    "Quimby said the schools budget would be reviewed next year by the council.\n"
    "By: Kent Brockman\n"
)


@pytest.fixture(scope="module")
def analysis():
    nlp = load_model()
    return analyse_doc(nlp(STORY), Config())


def test_summary_is_in_document_order_and_skips_captions_and_bylines(analysis) -> None:
    chosen = [analysis.sentences[i].text for i in analysis.summary]
    assert len(chosen) == 3
    assert list(analysis.summary) == sorted(analysis.summary)
    assert not any(s.startswith(("Photo:", "By:")) for s in chosen)
    assert len(set(chosen)) == len(chosen)


def test_summary_never_repeats_a_sentence() -> None:
    repeated = SentenceFeatures(
        "The plant will close next year, the company said today.", ("plant", "close", "company"), True
    )
    other = SentenceFeatures(
        "Workers were told about the closure at a meeting on Monday.", ("worker", "closure", "meeting"), True
    )
    third = SentenceFeatures(
        "The plant closing will cost the town two hundred jobs.", ("plant", "close", "town", "job"), True
    )
    picked = summarise([repeated, other, repeated, third], 3)
    texts = [[repeated, other, repeated, third][i].text for i in picked]
    assert len(texts) == len(set(texts))


def test_keywords_are_noun_phrases_that_do_not_overlap(analysis) -> None:
    words = [tuple(k.text.lower().split()) for k in analysis.keywords]
    assert words, "expected keywords"
    for i, a in enumerate(words):
        for b in words[i + 1 :]:
            joined_a, joined_b = " ".join(a), " ".join(b)
            assert joined_a not in joined_b and joined_b not in joined_a
    assert not any(k.text.lower().split()[-1] in {"said", "raises", "approved"} for k in analysis.keywords)
    assert [k.score for k in analysis.keywords] == sorted(k.score for k in analysis.keywords)


def test_quotes_have_their_speakers(analysis) -> None:
    speakers = {q.text.split()[0]: q.speaker for q in analysis.quotes}
    assert speakers["This"] == "Joe Quimby"
    assert speakers["We"] == "Marge Simpson"
    for quote in analysis.quotes:
        assert STORY[quote.start : quote.end] == quote.text


def test_mention_offsets_point_into_the_text(analysis) -> None:
    assert analysis.mentions
    for mention in analysis.mentions:
        assert STORY[mention.start : mention.end] == mention.text
    assert {"Springfield", "Joe Quimby", "Marge Simpson"} <= {m.text for m in analysis.mentions}


def test_tidy_span_drops_the_and_possessive() -> None:
    text = "the Pentagon's plan"
    assert tidy_span(text, 0, len("the Pentagon's")) == ("Pentagon", 4, 12)


def test_acronyms_defined_in_the_text() -> None:
    text = (
        "A video by Islamic State (IS) appeared. The East Turkestan Islamic Movement, or ETIM, is named. "
        "The United Nations (UN) met. He said (OK) nothing."
    )
    found = {(a.short, a.long) for a in find_acronyms(text)}
    assert found == {("IS", "Islamic State"), ("ETIM", "East Turkestan Islamic Movement"), ("UN", "United Nations")}


def test_analysis_is_cached_and_a_corrupt_entry_is_recomputed(tmp_path: Path) -> None:
    article = Article(id="a", slug="a", path="a.txt", title="t", text=STORY)
    first, stats = analyse_articles([article], Config(), tmp_path)
    assert (stats.analysed, stats.from_cache) == (1, 0)
    second, stats = analyse_articles([article], Config(), tmp_path)
    assert (stats.analysed, stats.from_cache) == (0, 1)
    assert second["a"] == first["a"]
    entry = next(tmp_path.rglob("*.json"))
    entry.write_text(json.dumps({"key": "something else"}), encoding="utf-8")
    third, stats = analyse_articles([article], Config(), tmp_path)
    assert (stats.analysed, stats.from_cache) == (1, 0) and third["a"] == first["a"]
    changed, stats = analyse_articles([article], Config(summary_sentences=2), tmp_path)
    assert stats.analysed == 1 and len(changed["a"].summary) == 2


def test_speaker_found_without_a_subject_and_never_inside_another_quote() -> None:
    text = (
        "The attack was the group's “first direct threat” against the city, Anna Berg, an expert at the "
        "institute, told reporters, adding that it was “a serious escalation of the conflict.”\n"
        "“It is the first time fighters have claimed the city as a target,” said Tom Ash, "
        "noting the “new direct threat” to the region."
    )
    nlp = load_model()
    quotes = analyse_doc(nlp(text), Config()).quotes
    speakers = {q.text: q.speaker for q in quotes}
    assert speakers["a serious escalation of the conflict."] == "Anna Berg"
    assert speakers["It is the first time fighters have claimed the city as a target,"] == "Tom Ash"
    phrases = {p.text for p in analyse_doc(nlp(text), Config()).phrases}
    assert phrases == {"first direct threat", "new direct threat"}  # three words: a phrase, not a quote


def test_keywords_are_the_names_and_nouns_the_article_repeats() -> None:
    text = (
        "Mayor Joe Quimby opened a new city library in Springfield on Tuesday.\n"
        "The library cost the city ten million dollars, Quimby said on Tuesday.\n"
        "The public library will lend books, films and music to every resident of Springfield.\n"
        "Quimby said the public library would open on Sundays and that the public library needs volunteers."
    )
    keywords = [k.text for k in analyse_doc(load_model()(text), Config()).keywords]
    assert keywords[1] == "Quimby" and "Joe Quimby" not in keywords  # one keyword, counted for both forms
    assert "public library" in keywords and "library" not in keywords  # the repeated phrase stands for its noun
    assert not any(k in keywords for k in ("Tuesday", "ten million dollars", "Sundays"))
    assert keywords.index("public library") < keywords.index("books")  # said four times, before said once
    folded = [tuple(k.lower().split()) for k in keywords]
    assert all(a == b or " ".join(a) not in " ".join(b) for a in folded for b in folded)


def test_generic_words_and_titles_do_not_lead_the_keywords() -> None:
    text = (
        "Mr Kovacs said the flood destroyed the harbour.\n"
        "People in the town lost their homes, Mr Kovacs said.\n"
        "People waited a long time for help after the flood.\n"
        "Kovacs said the harbour will reopen next year.\n"
        "Many people blamed the government for the slow repair of the harbour, and people asked for time."
    )
    keywords = [k.text for k in analyse_doc(load_model()(text), Config()).keywords]
    assert "Mr" not in keywords and "Mr Kovacs" not in keywords and "Kovacs" in keywords
    assert not {"people", "time", "year"} & {k.lower() for k in keywords[:3]}  # said four times, still generic
    assert keywords.index("harbour") < keywords.index("people")
