"""Benchmark scripts: a missing data folder is a message and exit status 0, never a failure."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.mark.parametrize("script", ["summary.py", "keywords.py", "topics.py", "stories.py", "ingest.py", "link.py"])
def test_bench_script_without_data_says_so_and_exits_0(script: str, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH / script), str(tmp_path / "absent")], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "benchmark data not found" in result.stdout


def test_keyword_scores_match_whole_stemmed_phrases() -> None:
    sys.path.insert(0, str(BENCH))
    try:
        from keywords import normaliser, scores_at
    finally:
        sys.path.remove(str(BENCH))
    norm = normaliser()
    gold = {norm("foreign ministries"), norm("Xinjiang")}
    predicted = [norm("Foreign Ministry"), norm("ministry"), norm("xinjiang")]
    precision, recall, f1 = scores_at(predicted, gold, 2)
    assert (precision, recall) == (0.5, 0.5) and f1 == 0.5
    assert scores_at(predicted, gold, 10)[:2] == (2 / 3, 1.0)
