"""Analyse: entity spans the model runs on are trimmed to the name (hand-made Docs, no model needed)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from generator.analyse.mentions import extract_mentions

NLP = spacy.blank("en")


def _mentions(words: list[str], spaces: list[bool], start: int, end: int, label: str = "PERSON") -> list[str]:
    doc = Doc(NLP.vocab, words=words, spaces=spaces)
    doc.ents = [Span(doc, start, end, label=label)]
    return [m.text for m in extract_mentions(doc, {label}, [0])]


@pytest.mark.parametrize(
    ("words", "spaces", "span", "expected"),
    [
        (["Trump", "MORE", "said"], [True, True, False], (0, 2), ["Trump"]),  # The Hill's link residue
        (["Trump", "wants", "to", "move"], [True, True, True, False], (0, 4), ["Trump"]),
        (["Floyd", "’", "s", "death"], [True, True, True, False], (0, 4), ["Floyd"]),  # tokenised possessive
        (["Trump", "’s", "plan"], [False, True, False], (0, 2), ["Trump"]),
        (["U.S", "."], [True, False], (0, 2), ["U.S"]),
        (["``", "FBI"], [True, False], (0, 2), ["FBI"]),
        (["Kim", "Yo", "-", "jong"], [True, False, False, False], (0, 4), ["Kim Yo-jong"]),  # hyphenated part stays
        (["Bernie", "Sanders", "Bernie", "SandersSome"], [True, True, True, False], (0, 4), ["Bernie Sanders"]),
        (["Twitter", "@", "JoshuaKlein"], [True, True, False], (0, 3), ["Twitter"]),
        (["pic.twitter.com/x1"], [False], (0, 1), []),
        (["Hillary", "Clinton", "✓", "✓"], [True, True, True, False], (0, 4), ["Hillary Clinton"]),
    ],
)
def test_spans_are_cut_to_the_name(
    words: list[str], spaces: list[bool], span: tuple[int, int], expected: list[str]
) -> None:
    assert _mentions(words, spaces, *span) == expected


def test_names_that_end_in_capitals_or_digits_are_kept_whole() -> None:
    assert _mentions(["Washington", ",", "D.C."], [False, True, False], 0, 3, "GPE") == ["Washington, D.C."]
    assert _mentions(["COVID-19"], [False], 0, 1, "ORG") == ["COVID-19"]
    assert _mentions(["Elizabeth", "II"], [True, False], 0, 2) == ["Elizabeth II"]
