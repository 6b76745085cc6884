"""Keyword units and the article's credits and line breaks: a wire credit or a byline names who sent or
wrote the story, not what it is about."""

from __future__ import annotations

from generator.analyse.keywords import extract_keywords
from generator.analyse.nlp import load_model

STORY = (
    "Dock workers at the port of Yokohama walked out on Monday, halting exports of cars{told}.\n"
    "The strike is the first at the port in a decade, the union said. Exports fell by a third."
)


def _keywords(text: str) -> list[str]:
    return [k.text for k in extract_keywords(load_model()(text), 10, 3)]


def test_a_wire_credit_in_the_dateline_is_no_keyword() -> None:
    text = "Port strike halts exports\n\nTOKYO (Reuters) - " + STORY.format(told="")
    assert "Reuters" not in _keywords(text)


def test_the_agency_counts_where_the_story_itself_names_it() -> None:
    text = "Port strike halts exports\n\n" + STORY.format(told=", a union leader told Reuters")
    assert "Reuters" in _keywords(text)


def test_a_byline_is_no_keyword() -> None:
    text = "Port strike halts exports\n\nBy Mark Cina\n\n" + STORY.format(told="")
    keywords = _keywords(text)
    assert not any("Cina" in k for k in keywords)
    assert "Yokohama" in keywords
