"""Progress of long stages: a bar in a terminal, periodic plain lines in a log, nothing with --quiet."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from conftest import SEEDS, project_config

from generator.cli import main
from generator.progress import Progress


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_terminal_bar_shows_count_rate_and_time_left() -> None:
    out, clock = io.StringIO(), _Clock()
    bar = Progress("analyse", 10, out, terminal=True, clock=clock)
    clock.now += 4
    bar.update(2)
    shown = out.getvalue()
    assert shown.startswith("\r[") and "analyse: 2/10 (20%), 0.5/s, 0:16 left" in shown
    clock.now += 0.01
    bar.update(1)  # redrawn at most a few times a second
    assert out.getvalue() == shown
    clock.now += 16
    bar.update(7)
    bar.close()
    assert out.getvalue().endswith("analyse: 10/10 (100%), 0.5/s, 0:20\x1b[K\n")


def test_log_gets_a_plain_line_every_period_and_no_carriage_returns() -> None:
    out, clock = io.StringIO(), _Clock()
    bar = Progress("pages", 100, out, terminal=False, every=10, clock=clock)
    for _ in range(50):
        clock.now += 1
        bar.update(2)
    bar.close()
    lines = out.getvalue().splitlines()
    assert "\r" not in out.getvalue()
    assert len(lines) == 4  # at 10, 20, 30 and 40 seconds; the end is the stage's own summary line
    assert lines[0] == "pages: 20/100 (20%), 2.0/s, 0:40 left"


def test_disabled_progress_prints_nothing() -> None:
    out = io.StringIO()
    bar = Progress("analyse", 5, out, enabled=False, terminal=True)
    bar.update(5)
    bar.close()
    assert out.getvalue() == ""


def test_quiet_build_prints_only_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    input_dir = tmp_path / "in"
    shutil.copytree(SEEDS, input_dir)
    (input_dir / "empty.txt").write_text("", encoding="utf-8")
    config = project_config(tmp_path / "p", workers=1)
    assert main(["build", "--config", str(config), "--input", str(input_dir), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() and all(line.startswith("  skipped") for line in out.splitlines()), out
    assert main(["build", "--config", str(config), "--input", str(input_dir)]) == 0
    out = capsys.readouterr().out
    assert "analyse: nothing to analyse" in out and "pages:" in out and "\r" not in out  # not a terminal
