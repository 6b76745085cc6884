"""Keyword weights: a name of several words counts a share of its uses; one-word names and nouns count in full."""

from __future__ import annotations

import pytest

from generator.analyse.keywords import MULTI_WORD_NAME_WEIGHT, extract_keywords, specificity
from generator.analyse.nlp import load_model

TEXT = (
    "Maria Lopez opened the new ferry terminal in Portsmouth on Friday.\n"
    "The terminal will send ferries to France, Maria Lopez told reporters.\n"
    "Maria Lopez said Portsmouth needed the terminal after the old pier closed."
)


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    return {k.text: k.score for k in extract_keywords(load_model()(TEXT), 10, 3)}


def test_a_name_of_several_words_counts_a_share_of_its_uses(scores: dict[str, float]) -> None:
    weight = 3 * specificity(("maria", "lopez")) * MULTI_WORD_NAME_WEIGHT
    assert scores["Maria Lopez"] == pytest.approx(1 / weight, abs=1e-5)


def test_one_word_names_and_nouns_count_every_use(scores: dict[str, float]) -> None:
    assert scores["Portsmouth"] == pytest.approx(1 / (2 * specificity(("portsmouth",))), abs=1e-5)
    assert scores["terminal"] == pytest.approx(1 / (3 * specificity(("terminal",))), abs=1e-5)
