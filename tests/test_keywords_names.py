"""Whose full name a lone first or last name stands for: a person's, as the tagger tells it most of the time."""

from __future__ import annotations

from spacy.tokens import Doc

from generator.analyse.keywords import _full_names
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
