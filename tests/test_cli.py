"""The command line: analyse to JSON, option errors, help."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import project_config, write_files

from generator.cli import SETUP_EXIT, main

TEXT = "The harbour authority of Portsmouth opened a new ferry terminal on Friday, officials said."


def test_analyse_writes_the_report_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path / "in", {"a.txt": TEXT, "sub/b.md": "---\ntitle: Ferry\n---\n" + TEXT, "c.bin": b"\x00"})
    assert main(["analyse", "in", "--json", "out.json", "--no-cache"]) == 0
    document = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [a["path"] for a in document["articles"]] == ["a.txt", "sub/b.md"]
    assert document["build"]["skipped"][0]["path"] == "c.bin"
    assert {"articles", "entities", "topics", "sources"} <= set(document)


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
    assert "summary_sentences" in capsys.readouterr().out
