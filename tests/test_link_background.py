"""Link stage: work run in a forked process beside the chain (`generator.link.background`).

The forked work must give what running it here gives: the same value, the same error, and the
work done here when the child dies without answering. And a whole link of the seeds with a
second process must be the link with one.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

from generator.link.background import Background


def _pid_and_sum() -> tuple[int, int]:
    return os.getpid(), sum(range(1000))


def test_a_second_worker_computes_in_a_child_and_gives_the_same_value() -> None:
    forked = Background(_pid_and_sum, workers=2)
    here = Background(_pid_and_sum, workers=1)
    assert forked.forked and not here.forked
    (child_pid, total), (own_pid, same_total) = forked.result(), here.result()
    assert total == same_total == 499500
    assert own_pid == os.getpid() and child_pid != os.getpid()
    assert forked.result() == (child_pid, total)  # asked again: the same answer, no second child


def _fails() -> None:
    raise ValueError("bad alias line 3")


def test_an_error_in_the_child_is_raised_here_with_its_traceback() -> None:
    with pytest.raises(ValueError, match="bad alias line 3") as raised:
        Background(_fails, workers=2).result()
    assert any("forked process" in note and "_fails" in note for note in raised.value.__notes__)


def test_a_child_that_dies_without_answering_leaves_the_work_to_this_process() -> None:
    parent = os.getpid()

    def dies_in_a_child() -> int:
        if os.getpid() != parent:
            os._exit(9)  # killed, out of memory: no answer
        return 42

    assert Background(dies_in_a_child, workers=2).result() == 42


class _TwoPartError(Exception):
    """An error whose pickle cannot be rebuilt (its class needs two arguments, its pickle holds one)."""

    def __init__(self, what: str, where: str) -> None:
        super().__init__(f"{what} in {where}")


def _fails_unreadably() -> None:
    raise _TwoPartError("bad key", "aliases.yml")


def test_an_answer_that_cannot_be_read_leaves_the_work_here_and_its_real_error() -> None:
    with pytest.raises(_TwoPartError, match="bad key in aliases.yml"):
        Background(_fails_unreadably, workers=2).result()


def _sleeps() -> None:
    import time

    time.sleep(120)


def test_closing_stops_a_child_whose_result_is_not_wanted() -> None:
    background = Background(_sleeps, workers=2)
    background.close()
    assert background._process.exitcode is not None  # ended and reaped, not left running for two minutes


def test_a_failing_chain_leaves_no_child_running(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    import generator.link as link
    from generator.config import Config

    def entity_linking_fails(*_: object) -> None:
        raise RuntimeError("entity linking failed")

    monkeypatch.setattr(link, "link_entities", entity_linking_fails)
    monkeypatch.setattr(link, "_without_entities", lambda *_: _sleeps())  # the child still at work when it fails
    with pytest.raises(RuntimeError, match="entity linking failed"):
        link.link_corpus([], {}, Config(workers=2), tmp_path / "none.yml")
    assert multiprocessing.active_children() == []


def _unpicklable() -> object:
    return lambda: None


def test_a_result_that_cannot_be_sent_back_is_an_error_that_says_so() -> None:
    with pytest.raises(RuntimeError, match="could not be sent back"):
        Background(_unpicklable, workers=2).result()


def test_the_seeds_link_the_same_with_one_process_and_with_two(tmp_path: Path) -> None:
    from generator.analyse import analyse_articles
    from generator.config import Config
    from generator.ingest import read_corpus
    from generator.link import link_corpus

    articles = read_corpus(SEEDS, Config()).articles
    analyses, _ = analyse_articles(articles, Config(), ROOT / ".cache" / "analysis")
    alone = link_corpus(articles, analyses, Config(workers=1), tmp_path / "none.yml")
    beside = link_corpus(articles, analyses, Config(workers=2), tmp_path / "none.yml")
    assert alone.shared_text and alone.topics and alone.quote_groups is not None  # the forked parts found something
    assert beside == alone


_OPENMP_THEN_LINK = """
from pathlib import Path
from scipy import sparse
from sklearn.cluster import KMeans
from generator.config import Config
from generator.link import link_corpus
from generator.model import Article, ArticleAnalysis

# OpenMP's threads started in this process, as a build that found subjects before (or a test session) has them
KMeans(n_clusters=2, n_init=1, random_state=0).fit(sparse.random(200, 20, density=0.3, format="csr", random_state=0))
vocabularies = [
    "harbour ferry boat quay tide crew sail port".split(),
    "vote ballot party poll seat campaign mayor council".split(),
]
articles, analyses = [], {}
for i in range(24):  # two subjects with no word in common: two large communities, so k-means places the articles
    lemmas = tuple(vocabularies[i % 2][j % 8] for j in range(i, i + 12))
    articles.append(Article(id=f"a{i}", slug=f"a{i}", path=f"a{i}.txt", title=f"Article {i}", text=" ".join(lemmas)))
    analyses[f"a{i}"] = ArticleAnalysis((), (), (), (), (), (), lemmas)
corpus = link_corpus(articles, analyses, Config(workers=2), Path("/nonexistent-aliases.yml"))
print(len(corpus.subjects))
"""


def test_linking_beside_a_fork_does_not_hang_after_this_process_ran_openmp() -> None:
    """scikit-learn's k-means runs GNU OpenMP threads, which hang in a child forked after the parent ran them:
    the subjects' k-means must run in this process, never in the forked one (a hang fails by the timeout)."""
    import subprocess
    import sys

    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _OPENMP_THEN_LINK], env=environment, capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["2"]
