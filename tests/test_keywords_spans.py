"""Keyword units and the article's credits and line breaks: a wire credit or a byline names who sent or
wrote the story, not what it is about; a name never runs across a line break, a comma or a spaced dash."""

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


def test_a_wire_credit_before_a_double_hyphen_is_no_keyword() -> None:
    text = "Port strike halts exports\n\nTOKYO (AP) -- " + STORY.format(told="")
    assert "AP" not in _keywords(text)


def test_the_agency_counts_where_the_story_itself_names_it() -> None:
    text = "Port strike halts exports\n\n" + STORY.format(told=", a union leader told Reuters")
    assert "Reuters" in _keywords(text)


def test_a_byline_is_no_keyword() -> None:
    text = "Port strike halts exports\n\nBy Mark Cina\n\n" + STORY.format(told="")
    keywords = _keywords(text)
    assert not any("Cina" in k for k in keywords)
    assert "Yokohama" in keywords


def test_a_name_stops_at_a_spaced_dash_and_a_comma() -> None:
    # The tagger reads "LOS ANGELES - One" and "Besides, Marsden" as names; neither is one.
    text = (
        "Marsden's kids don't like seeing dad on screen\n\n"
        "LOS ANGELES - One of the reasons James Marsden took the role was so that his children could see his work.\n"
        "Besides, Marsden says his children prefer Wolverine. Marsden laughs about it."
    )
    keywords = _keywords(text)
    assert "LOS ANGELES" in keywords
    assert not {"LOS", "ANGELES"} & set(keywords)
    assert not any("," in k or "Besides" in k for k in keywords)


def test_a_name_stops_at_a_line_break() -> None:
    text = (
        "State Rep. Knollenberg challenges US Rep. Peters\n"
        "Republican Marty Knollenberg says he is running for Congress in a district now held by Gary Peters.\n"
        "Peters beat Joe Knollenberg in the 2010 election."
    )
    keywords = _keywords(text)
    assert "Peters" in keywords
    assert not any(k != k.strip() or "\n" in k for k in keywords)
