"""Keyword weights: a name of several words counts a share of its uses; one-word names and nouns count in full;
a noun's word family counts as its uses; a hyphenated compound noun is one noun."""

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


def test_a_word_only_ever_capitalised_takes_no_family_uses() -> None:
    # The headline's "Fired" is taken for a proper noun; the body's "was fired" are verbs. A word the
    # article never writes in lower case is a name's (or a headline's), so the verbs do not lift it.
    text = (
        "Mayor Fired Over Harbour Flood\n\n"
        "The mayor was fired on Monday after the harbour flooded. Two clerks were fired too, "
        "and the harbour master was fired last week."
    )
    keywords = [k.text for k in extract_keywords(load_model()(text), 10, 3)]
    assert keywords[0] == "harbour" and keywords.index("mayor") < keywords.index("Fired")
