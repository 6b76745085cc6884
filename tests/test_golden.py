"""A golden copy of the seeds' analysis: a change in what the analysers find shows up here.

Regenerate on purpose (after a model or method change) with `UPDATE_GOLDEN=1 make test`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from conftest import SEEDS

from generator.analyse import analyse_articles
from generator.config import Config
from generator.ingest import read_corpus

GOLDEN = Path(__file__).parent / "golden" / "seeds_analysis.json"


def _snapshot() -> dict:
    config = Config()
    articles = read_corpus(SEEDS, config).articles
    analyses, _ = analyse_articles(articles, config, None)
    snapshot = {}
    for article in articles:
        analysis = analyses[article.id]
        snapshot[article.path] = {
            "summary": [analysis.sentences[i].text for i in analysis.summary],
            "keywords": [k.text for k in analysis.keywords],
            "mentions": sorted({f"{m.text}|{m.label}" for m in analysis.mentions}),
            "quotes": [[q.text[:60], q.speaker] for q in analysis.quotes],
            "acronyms": [[a.short, a.long] for a in analysis.acronyms],
        }
    return snapshot


def test_seed_analysis_matches_the_golden_copy() -> None:
    snapshot = _snapshot()
    if os.environ.get("UPDATE_GOLDEN") == "1" or not GOLDEN.exists():
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(snapshot, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert snapshot == golden
