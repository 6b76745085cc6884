"""Keyword weights: a name of several words counts a share of its uses; one-word names and nouns count in full;
a unit first used early counts more; a noun's word family counts as its uses."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from generator.analyse.keywords import MULTI_WORD_NAME_WEIGHT, earliness, extract_keywords, specificity
from generator.analyse.nlp import load_model

TEXT = (
    "Maria Lopez opened the new ferry terminal in Portsmouth on Friday.\n"
    "The terminal will send ferries to France, Maria Lopez told reporters.\n"
    "Maria Lopez said Portsmouth needed the terminal after the old pier closed."
)


@pytest.fixture(scope="module")
def doc() -> Doc:
    return load_model()(TEXT)


@pytest.fixture(scope="module")
def scores(doc: Doc) -> dict[str, float]:
    return {k.text: k.score for k in extract_keywords(doc, 10, 3)}


def _early(doc: Doc, word: str) -> float:
    return earliness(next(t.i for t in doc if t.text == word), len(doc))


def test_a_name_of_several_words_counts_a_share_of_its_uses(doc: Doc, scores: dict[str, float]) -> None:
    weight = 3 * specificity(("maria", "lopez")) * MULTI_WORD_NAME_WEIGHT * _early(doc, "Maria")
    assert scores["Maria Lopez"] == pytest.approx(1 / weight, abs=1e-5)


def test_one_word_names_and_nouns_count_every_use(doc: Doc, scores: dict[str, float]) -> None:
    portsmouth = 2 * specificity(("portsmouth",)) * _early(doc, "Portsmouth")
    assert scores["Portsmouth"] == pytest.approx(1 / portsmouth, abs=1e-5)
    assert scores["terminal"] == pytest.approx(1 / (3 * specificity(("terminal",)) * _early(doc, "terminal")), abs=1e-5)


def test_a_unit_first_used_early_counts_more() -> None:
    assert earliness(0, 100) > earliness(50, 100) > earliness(100, 100) == 1.0
    # Two nouns of about the same rarity ("avalanche" a little rarer), each said twice: the one the
    # lead names comes first.
    assert specificity(("avalanche",)) > specificity(("glacier",))
    text = (
        "The glacier is melting faster than expected, scientists said on Monday.\n"
        "Visitors come every summer. Researchers say the glacier has lost a third of its ice.\n"
        "They also recorded an avalanche, and a second team mapped the avalanche in June."
    )
    keywords = [k.text for k in extract_keywords(load_model()(text), 10, 3)]
    assert keywords.index("glacier") < keywords.index("avalanche")


def test_a_noun_s_word_family_counts_as_its_uses() -> None:
    # "protest" is said once as a noun, but the article keeps coming back to it as a verb and
    # as "protesters"; "banner" is said twice. The family is one keyword, shown as written most.
    text = (
        "Farmers protested outside the parliament in Lisbon on Tuesday, carrying a banner.\n"
        "The protesters said fuel prices had doubled. A second banner named the minister.\n"
        "They will protest again next week, and the protest organisers expect more protesters."
    )
    keywords = [k.text for k in extract_keywords(load_model()(text), 10, 3)]
    family = [k for k in keywords if k.lower().startswith("protest")]
    assert family == ["protesters"]  # one keyword for the family, not "protest" and "protesters"
    assert keywords.index("protesters") < keywords.index("banner")


def test_speech_verbs_do_not_count_for_a_noun_of_their_family() -> None:
    # "reported", "reports" and "report" as verbs are how the news tells it; the harbour is the subject.
    text = (
        "The Portsmouth Herald reported on Monday that the harbour wall had cracked.\n"
        "Engineers inspected the harbour, the paper reported, and a council report is due.\n"
        "The mayor reports that repairs will start soon, local radio reported."
    )
    keywords = [k.text for k in extract_keywords(load_model()(text), 10, 3)]
    assert keywords.index("harbour") < keywords.index("report")


def test_a_hyphenated_compound_noun_is_one_keyword() -> None:
    text = (
        "Cafes in the town centre now offer free wi-fi to every customer.\n"
        "The council says wi-fi costs little, and a long-term plan will bring more wi-fi next year."
    )
    keywords = [k.text for k in extract_keywords(load_model()(text), 10, 3)]
    assert "wi-fi" in keywords and not {"wi", "fi"} & set(keywords)
    assert not any("term" in k for k in keywords)  # "long-term" modifies "plan": no noun of its own
