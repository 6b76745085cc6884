"""Keyword uses of a verb's own act noun: "elected" counts for "election", "protects" for "protection"
(one Snowball stem, a "-ion" ending); a verb of another stem or a very common verb does not."""

from __future__ import annotations

import pytest

from generator.analyse.keywords import extract_keywords, fold_phrase, specificity
from generator.analyse.nlp import load_model
from generator.analyse.word_families import deverbal_nouns


def _scores(text: str) -> dict[str, float]:
    return {k.text: k.score for k in extract_keywords(load_model()(text), 10, 3)}


def _uses(scores: dict[str, float], keyword: str) -> float:
    return 1 / (scores[keyword] * specificity(tuple(fold_phrase(keyword).split())))


def test_the_act_nouns_of_a_verb() -> None:
    assert "election" in deverbal_nouns("elect")
    assert "organisation" in deverbal_nouns("organise")  # the final "e" goes
    assert "pollution" in deverbal_nouns("pollute")


@pytest.mark.parametrize(
    ("text", "noun", "uses"),
    [
        (
            "Voters in Elmstead elected a new mayor on Thursday.\n"
            "The election was close. She was elected by 40 votes over the former harbour master.",
            "election",
            3,
        ),
        (
            "A new law protects the marsh birds of the Elm estuary.\n"
            "Wardens say the protection came late; the birds are now protected from hunters in the spring.",
            "protection",
            3,
        ),
    ],
)
def test_a_verb_counts_for_the_noun_of_its_act(text: str, noun: str, uses: int) -> None:
    assert _uses(_scores(text), noun) == pytest.approx(uses, abs=1e-3)


def test_a_verb_of_another_stem_is_no_use_of_the_noun() -> None:
    # "miss" + "ion" is spelt "mission", but "missed" (stem "miss") is no use of it (stem "mission").
    scores = _scores(
        "The rescue mission reached the island on Friday.\n"
        "Divers missed the first boat and missed the tide, but the mission found the crew alive."
    )
    assert _uses(scores, "mission") == pytest.approx(2, abs=1e-3)


def test_a_very_common_verb_is_no_use_of_the_noun() -> None:
    # "expect" is one of the commonest verbs: "is expected to" is no "expectation" of anyone's.
    scores = _scores(
        "Profits at the Elm brewery beat expectations in March.\n"
        "Sales are expected to rise, and the brewery is expected to open a second plant next year."
    )
    assert _uses(scores, "expectations") == pytest.approx(1, abs=1e-3)
