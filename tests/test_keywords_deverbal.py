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
            "The election was close, the closest election in years. She was elected by 40 votes over the former\n"
            "harbour master.",
            "election",
            4,
        ),
        (
            "A new law protects the marsh birds of the Elm estuary.\n"
            "Wardens say the protection came late; the birds are now protected from hunters in the spring.\n"
            "Protection of the nests costs the estate little.",
            "protection",
            4,
        ),
    ],
)
def test_a_verb_counts_for_the_noun_of_its_act(text: str, noun: str, uses: int) -> None:
    assert _uses(_scores(text), noun) == pytest.approx(uses, abs=1e-3)


def test_a_verb_of_another_stem_is_no_use_of_the_noun() -> None:
    # "port" + "ion" is spelt "portion", but "ported" (stem "port") is no use of it (stem "portion"); "port"
    # is rarer than POLYSEMOUS_ZIPF, so only the stem test keeps them apart.
    scores = _scores(
        "A large portion of the budget went to software in March.\n"
        "The studio ported its game to phones and ported the editor too, and the portion left was small."
    )
    assert _uses(scores, "portion") == pytest.approx(2, abs=1e-3)


def test_a_verb_adds_at_most_the_nouns_own_uses() -> None:
    # "generation" also names people born at one time: "generated" three times would make a noun used once
    # the article's first keyword, so the verb adds at most as many uses as the noun has of its own.
    scores = _scores(
        "The younger generation is leaving Elmstead for the city.\n"
        "The new wind farm generated 40 megawatts in May; it generated profits for the estate and generated\n"
        "complaints from walkers."
    )
    assert _uses(scores, "generation") == pytest.approx(2, abs=1e-3)


def test_a_very_common_verb_is_no_use_of_the_noun() -> None:
    # "expect" is one of the commonest verbs: "is expected to" is no "expectation" of anyone's.
    scores = _scores(
        "Profits at the Elm brewery beat expectations in March.\n"
        "Sales are expected to rise, and the brewery is expected to open a second plant next year."
    )
    assert _uses(scores, "expectations") == pytest.approx(1, abs=1e-3)
