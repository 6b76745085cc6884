"""Keyword weights: a name of several words counts a share of its uses; one-word names and nouns count in full;
a noun's word family counts as its uses, and only its plural and agent forms and its own inflections
are of the family; a hyphenated compound noun is one noun."""

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


def _scores(text: str) -> dict[str, float]:
    return {k.text: k.score for k in extract_keywords(load_model()(text), 10, 3)}


@pytest.mark.parametrize(
    ("text", "nouns"),
    [
        (  # "university" and "universe" share the Snowball stem "univers"
            "The university opened a new telescope to study the universe.\n"
            "Students at the university say the universe is vast. The university will open a second telescope.",
            ("university", "universe"),
        ),
        (  # "organ" and "organization": stem "organ"
            "Organ donation rates rose last year, a health organization said.\n"
            "The organization wants every organ donor registered. One organ can save a life, and organ donors "
            "are thanked.",
            ("organ", "organization"),
        ),
        (  # "execution" and "executive": stem "execut"
            "The execution of a prisoner in Texas was delayed on Monday.\n"
            "Lawyers said the execution was unlawful; the prison's executive declined to comment. A second "
            "execution is planned.",
            ("execution", "executive"),
        ),
        (  # "custom" + "er", but "custom" is no verb here: a customer is not one who customs
            "An old custom in the village of Elm is a shared bread oven.\n"
            "Every customer of the bakery brings flour, and the custom has survived for a century. Each customer "
            "pays nothing, and the bakery thanks every customer.",
            ("custom", "customer"),
        ),
    ],
)
def test_unrelated_nouns_of_one_stem_stay_apart(text: str, nouns: tuple[str, str]) -> None:
    scores = _scores(text)
    assert all(noun in scores for noun in nouns)  # neither is merged into the other and lost


def test_an_adjective_of_another_word_is_no_use_of_a_noun() -> None:
    # "important" shares the stem "import" with "imports" (said three times), but is another word.
    scores = _scores(
        "Steel imports rose again in March. It is important, the minister said, that imports fall.\n"
        "The important thing is jobs, and imports of cheap steel cost jobs."
    )
    assert scores["imports"] == pytest.approx(1 / (3 * specificity(("import",))), abs=1e-5)


def test_a_derived_adjective_is_no_use_of_a_noun() -> None:
    # "conservative" (three times) shares the stem "conserv" with "conservation" (once).
    scores = _scores(
        "The conservative party won the vote on Tuesday.\n"
        "Conservative leaders promised more money for wildlife conservation. Conservative voters were pleased."
    )
    assert scores["conservation"] == pytest.approx(1 / specificity(("conservation",)), abs=1e-5)


def test_a_surname_takes_no_uses_of_an_adjective() -> None:
    # "Young" (a player, tagged a proper noun but no entity) is not the adjective "young" said three times.
    scores = _scores(
        "Young scored twice as the club beat Leeds on Saturday.\n"
        "The young side played well, and the young fans sang. The manager praised his young players and the "
        "stadium crowd."
    )
    young = next(text for text in scores if text.lower() == "young")
    assert scores[young] == pytest.approx(1 / specificity(("young",)), abs=1e-5)


def test_a_common_adjective_opens_no_noun_phrase() -> None:
    # "new study" and "new home secretary" were keywords beside or instead of "study" and "home secretary".
    text = (
        "Ferry study published\n\n"
        "A new study says the ferry terminal in Portsmouth is too small. The new study was paid for by the port. "
        "Its authors want the new home secretary to read it; the new home secretary has not replied."
    )
    keywords = [k.text for k in extract_keywords(load_model()(text), 10, 3)]
    assert not any(k.startswith("new ") for k in keywords)
    assert "study" in keywords and "home secretary" in keywords
