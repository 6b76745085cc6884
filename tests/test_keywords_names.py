"""Names in keywords: whose full name a lone first or last name stands for (a person's, as the tagger tells it
most of the time), and titles that are no part of a name."""

from __future__ import annotations

from spacy.tokens import Doc

from generator.analyse.keywords import _full_names, extract_keywords
from generator.analyse.nlp import load_model

WORDS = ["Vodafone", "Essar", "grew", ".", "Vodafone", "Essar", "fell", ".", "Essar", "left", "."]


def _names(labels: list[str]) -> dict[str, str]:
    doc = Doc(load_model().vocab, words=WORDS, ents=labels)
    return _full_names(doc, [list(ent) for ent in doc.ents])


def test_a_company_the_tagger_calls_a_person_once_is_no_persons_full_name() -> None:
    # "Vodafone Essar" tagged a person once and a company once: "Essar" alone is not a use of it.
    labels = ["B-PERSON", "I-PERSON", "O", "O", "B-ORG", "I-ORG", "O", "O", "B-ORG", "O", "O"]
    assert _names(labels) == {}


def test_a_name_the_tagger_calls_a_person_most_of_the_time_is_a_persons() -> None:
    labels = ["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "B-ORG", "O", "O"]
    assert _names(labels) == {"vodafone": "vodafone essar", "essar": "vodafone essar"}


def test_a_professors_title_is_no_part_of_the_name() -> None:
    # BBC writes "Prof Etzioni": the list held "Prof" and "Prof Etzioni" beside "Etzioni".
    text = (
        "Terror report warns of rogue states\n\n"
        "Prof Amitai Etzioni says rogue states could sell nuclear material to terrorists. "
        "Prof Etzioni told the BBC the report was meant as a warning. "
        "Etzioni said uranium was the main risk, and Prof Etzioni wants inspections."
    )
    keywords = [k.text for k in extract_keywords(load_model()(text), 10, 3)]
    assert not any(k.startswith("Prof") for k in keywords)
    assert any("Etzioni" in k for k in keywords)
