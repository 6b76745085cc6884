"""The keyword engine option: counts (default), yake and yake-rust; each is its own cached analysis."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.analyse import analyse_articles, analyse_doc
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
def test_yake_engines_give_ranked_phrases_of_at_most_max_words(engine: str) -> None:
    doc = load_model()(TEXT)
    counts = analyse_doc(doc, Config()).keywords
    yake = analyse_doc(doc, Config(keyword_engine=engine, keywords=5, keyword_max_words=2)).keywords
    assert 0 < len(yake) <= 5
    assert all(len(k.text.split()) <= 2 for k in yake)
    assert [k.score for k in yake] == sorted(k.score for k in yake)  # YAKE: lower is more relevant
    assert any("harbour authority" in k.text.lower() or "ferry terminal" in k.text.lower() for k in yake)
    assert [k.text for k in yake] != [k.text for k in counts]


def test_changing_the_engine_analyses_again(tmp_path: Path) -> None:
    article = Article(id="a", slug="a", path="a.txt", title="Ferry", text=TEXT)
    _, stats = analyse_articles([article], Config(workers=1), tmp_path)
    assert stats.analysed == 1
    _, stats = analyse_articles([article], Config(workers=1, keyword_engine="yake-rust"), tmp_path)
    assert stats.analysed == 1 and stats.from_cache == 0
    _, stats = analyse_articles([article], Config(workers=1, keyword_engine="yake-rust"), tmp_path)
    assert stats.from_cache == 1


def test_unknown_engine_names_the_option() -> None:
    with pytest.raises(ConfigError, match="extra.report.keyword_engine"):
        validate(Config(keyword_engine="rake"))
