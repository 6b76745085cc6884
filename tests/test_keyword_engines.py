"""The yake_engine option: YAKE's Rust port (the default) or the Python YAKE breaks ties between
keywords; each is its own cached analysis."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.analyse import analyse_articles, analyse_doc
from generator.analyse.keywords import yake_ranks
from generator.analyse.nlp import load_model
from generator.config import Config, ConfigError, validate
from generator.model import Article

TEXT = (
    "Harbour authority opens ferry terminal\n\n"
    "The harbour authority of Portsmouth opened a new ferry terminal on Friday. The ferry terminal "
    "cost 40 million pounds, the harbour authority said. Ferry operators will run six crossings a day "
    "from the new terminal to France, and the harbour authority expects more freight traffic.\n"
)


@pytest.mark.parametrize("engine", ["yake", "yake-rust"])
def test_both_engines_rank_the_article_s_phrases(engine: str) -> None:
    ranks = yake_ranks(load_model()(TEXT), 3, engine=engine)
    assert ranks and sorted(ranks.values()) == list(range(len(ranks)))
    assert {"harbour authority", "ferry terminal"} & set(ranks)
    assert all(len(phrase.split()) <= 3 for phrase in ranks)


def test_keywords_with_the_rust_port_are_the_article_s_repeated_units() -> None:
    doc = load_model()(TEXT)
    python = analyse_doc(doc, Config(yake_engine="yake")).keywords
    rust = analyse_doc(doc, Config(yake_engine="yake-rust")).keywords
    assert {k.text.lower() for k in rust[:2]} == {k.text.lower() for k in python[:2]}  # counts decide first
    assert [k.score for k in rust] == sorted(k.score for k in rust)


def test_changing_the_engine_analyses_again(tmp_path: Path) -> None:
    article = Article(id="a", slug="a", path="a.txt", title="Ferry", text=TEXT)
    _, stats = analyse_articles([article], Config(workers=1, yake_engine="yake"), tmp_path)
    assert stats.analysed == 1
    _, stats = analyse_articles([article], Config(workers=1, yake_engine="yake-rust"), tmp_path)
    assert stats.analysed == 1 and stats.from_cache == 0
    _, stats = analyse_articles([article], Config(workers=1, yake_engine="yake-rust"), tmp_path)
    assert stats.from_cache == 1


def test_unknown_engine_names_the_option() -> None:
    with pytest.raises(ConfigError, match="extra.report.yake_engine"):
        validate(Config(yake_engine="rake"))
