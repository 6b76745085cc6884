"""The command line: analyse to JSON, option errors, help."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from conftest import project_config, write_files

from generator.cli import SETUP_EXIT, main
from generator.pages.export import load_report

TEXT = "The harbour authority of Portsmouth opened a new ferry terminal on Friday, officials said."


def test_analyse_writes_the_report_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path / "in", {"a.txt": TEXT, "sub/b.md": "---\ntitle: Ferry\n---\n" + TEXT, "c.bin": b"\x00"})
    assert main(["analyse", "in", "--json", "out.json", "--no-cache"]) == 0
    document = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [a["path"] for a in document["articles"]] == ["a.txt", "sub/b.md"]
    assert document["build"]["skipped"][0]["path"] == "c.bin"
    assert {"articles", "entities", "topics", "sources"} <= set(document)
    # The texts and mentions are in the companion file, one line per article, in the same order.
    assert document["article_details"] == {"file": "out-articles.jsonl", "fields": ["text", "mentions", "extra"]}
    assert not {"text", "mentions", "extra"} & set(document["articles"][0])
    lines = (tmp_path / "out-articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [a["id"] for a in document["articles"]]
    whole = load_report(tmp_path / "out.json")
    for article in whole["articles"]:
        assert TEXT in article["text"]
        assert all(article["text"][m["start"] : m["end"]] == m["text"] for m in article["mentions"])


def test_analyse_without_texts_and_to_stdout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path / "in", {"a.txt": TEXT})
    assert main(["analyse", "in", "--json", "out.json", "--no-cache", "--no-text"]) == 0
    document = load_report(tmp_path / "out.json")
    assert document["article_details"]["fields"] == ["mentions", "extra"]
    assert "text" not in document["articles"][0] and document["articles"][0]["mentions"]
    lines = (tmp_path / "out-articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert [set(json.loads(line)) for line in lines] == [{"id", "mentions", "extra"}]
    capsys.readouterr()
    assert main(["analyse", "in", "--json", "-", "--no-cache"]) == 0  # one document: everything inline
    inline = json.loads(capsys.readouterr().out)
    assert inline["article_details"]["file"] is None and inline["articles"][0]["text"].startswith(TEXT[:20])


def test_export_text_false_in_mkdocs_yml_leaves_texts_out_of_the_site_export(tmp_path: Path) -> None:
    write_files(tmp_path / "in", {"a.txt": TEXT})
    config = project_config(tmp_path, export_text=False)
    site = tmp_path / "site"
    assert main(["build", "--config", str(config), "--input", str(tmp_path / "in"), "--site-dir", str(site)]) == 0
    assert "text" not in load_report(site / "report.json")["articles"][0]
    with gzip.open(site / "report-articles.jsonl.gz", "rt", encoding="utf-8") as companion:
        assert "text" not in json.loads(companion.readline())
    assert TEXT[:40] in (site / "articles" / "a.html").read_text(encoding="utf-8")  # the page still shows it


def test_invalid_option_names_the_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = project_config(tmp_path, summary_sentences=0)
    assert main(["build", "--config", str(config), "--input", str(tmp_path)]) == SETUP_EXIT
    assert "extra.report.summary_sentences" in capsys.readouterr().err


def test_unknown_option_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = project_config(tmp_path, summary_lenght=2)
    assert main(["build", "--config", str(config)]) == SETUP_EXIT
    assert "summary_lenght" in capsys.readouterr().err


def test_empty_input_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = project_config(tmp_path)
    (tmp_path / "empty").mkdir()
    assert main(["build", "--config", str(config), "--input", str(tmp_path / "empty")]) == 1
    assert "no articles found" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["build", "analyse"])
def test_help_lists_the_options(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "summary_sentences" in out and "--no-text" in out
