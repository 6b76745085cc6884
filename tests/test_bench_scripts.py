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
    # The data set's keys have no hyphens ("xmen", "selfinjury"): a hyphen inside a word is dropped.
    assert norm("X-Men") == norm("xmen") and norm("self-injury") == norm("selfinjury") != norm("self - injury")


def test_quote_sample_reads_a_one_token_a_line_corpus_as_the_build_reads_articles(tmp_path: Path) -> None:
    """ECB+ and MEANTIME ship their text one token a line (doc, sentence, token, word): quotes_sample.py
    writes each document out as a tokenised article, and the build's reader joins it again as prose; a
    sentence inside a quote left open stays in the quote's paragraph, unless it opens with a quote mark (news
    style: each paragraph of a long quote opens again)."""
    sys.path.insert(0, str(BENCH))
    try:
        from quotes_sample import _articles, token_articles
    finally:
        sys.path.remove(str(BENCH))
    sentences = [
        "Mayor resigns over budget",
        "Jane Doe , the mayor , resigned on Monday , officials said .",
        "`` I have done my part .",
        "It is time for someone else , '' Doe said .",
        "Her deputy did n't comment .",
        "`` It was a shock , '' her deputy said later .",
        "`` We did not expect it .",
        "`` Nobody did . ''",
    ]
    rows = [
        f"{doc}\t{n}\t{t}\t{word}"
        for doc in ("2_1ecb.xml", "1_1ecbplus.xml")
        for n, sentence in enumerate(sentences)
        for t, word in enumerate(sentence.split())
    ]
    tokens = tmp_path / "dev_text.txt"
    tokens.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    written = token_articles(tokens, out)
    assert [p.name for p in written] == ["1_1ecbplus.txt", "2_1ecb.txt"]
    assert written[0].read_text(encoding="utf-8").splitlines() == [
        sentences[0],
        "",
        sentences[1],
        f"{sentences[2]} {sentences[3]}",
        sentences[4],
        sentences[5],
        sentences[6],
        sentences[7],
    ]
    articles = _articles([tokens], 2, 0)
    assert [address for address, _ in articles] == ["2_1ecb.txt"]
    body = articles[0][1]
    assert '"I have done my part. It is time for someone else," Doe said.' in body
    assert "Her deputy didn't comment." in body


def test_polnear_records_read_as_the_site_reads_json_lines(tmp_path: Path) -> None:
    """bench/stories.py --polnear: PolNeAR's metadata and texts become records the site's reader takes, with the
    corpus's file name kept as the id the hand judgements use; a file of another split is left out."""
    import json

    from generator.config import Config
    from generator.ingest import read_corpus

    sys.path.insert(0, str(BENCH))
    try:
        from _polnear import polnear_records
    finally:
        sys.path.remove(str(BENCH))
    header = "compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\tauthor\ttitle"
    rows = [
        "dev\tnyt_2016-02-02_iowa\t4\tab\tnyt\t2016-02-02\tA Writer\tCruz wins the Iowa caucuses",
        "test\tnyt_2016-02-03_other\t4\tab\tnyt\t2016-02-03\tA Writer\tNot in the splits read",
    ]
    (tmp_path / "data" / "dev" / "text").mkdir(parents=True)
    (tmp_path / "data" / "metadata.tsv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    text = "Cruz wins the Iowa caucuses.\n\nTed Cruz won the Iowa caucuses on Monday, beating Donald Trump.\n"
    (tmp_path / "data" / "dev" / "text" / "nyt_2016-02-02_iowa.txt").write_text(text, encoding="utf-8")
    records = polnear_records(tmp_path)
    assert [r["filename"] for r in records] == ["nyt_2016-02-02_iowa"]
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "polnear.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    (article,) = read_corpus(folder, Config()).articles
    assert (article.title, article.source, str(article.date)) == ("Cruz wins the Iowa caucuses", "nyt", "2016-02-02")
    assert article.extra["filename"] == "nyt_2016-02-02_iowa" and "beating Donald Trump" in article.text
