"""Incremental rebuilds: an unchanged input rewrites nothing, a changed or added article is the only one
analysed again, and the dirty MkDocs build that follows gives the site a clean build gives, byte for byte."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import SEEDS, project_config

from generator.cli import main

EPOCH = "1700000000"


def _build(config: Path, input_dir: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, str]:
    """Build, then the figures its output states: analysed, from cache, files written/unchanged/removed, mode."""
    assert main(["build", "--config", str(config), "--input", str(input_dir), *extra]) == 0
    out = capsys.readouterr().out
    figures: dict[str, str] = {}
    if found := re.search(r"analyse: (\d+) analysed .*?, (\d+) from cache", out):
        figures.update(analysed=found[1], cached=found[2])
    elif found := re.search(r"all (\d+) articles unchanged", out):
        figures.update(analysed="0", cached=found[1])
    found = re.search(r"(\d+) files written, (\d+) unchanged, (\d+) removed", out)
    assert found, out
    figures.update(written=found[1], unchanged=found[2], removed=found[3])
    figures["mkdocs"] = "dirty" if "(dirty build)" in out else "clean"
    return figures


def _site(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _same_site(one: Path, other: Path) -> None:
    a, b = _site(one), _site(other)
    assert sorted(a) == sorted(b)
    different = [name for name in a if a[name] != b[name]]
    assert different == []


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    input_dir = tmp_path / "in"
    shutil.copytree(SEEDS, input_dir)
    return project_config(tmp_path / "incremental", workers=1), input_dir


def test_unchanged_rebuild_analyses_and_rewrites_nothing(project, capsys: pytest.CaptureFixture[str]) -> None:
    config, input_dir = project
    first = _build(config, input_dir, capsys)
    assert first["analysed"] == "5" and first["mkdocs"] == "clean" and first["unchanged"] == "0"
    page = config.parent / ".build" / "docs" / "index.md"
    html = config.parent / "site" / "index.html"
    stamps = page.stat().st_mtime_ns, html.stat().st_mtime_ns

    again = _build(config, input_dir, capsys)
    assert again == {
        "analysed": "0",
        "cached": "5",
        "written": "0",
        "unchanged": first["written"],
        "removed": "0",
        "mkdocs": "dirty",
    }
    assert (page.stat().st_mtime_ns, html.stat().st_mtime_ns) == stamps  # neither the page nor its HTML redone


def test_changed_added_and_removed_articles_give_the_clean_build_s_site(
    project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config, input_dir = project
    _build(config, input_dir, capsys)
    changed = sorted(input_dir.glob("*.txt"))[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe mayor of Portsmouth said nothing more.\n")

    dirty = _build(config, input_dir, capsys)
    assert dirty["analysed"] == "1" and dirty["cached"] == "4" and dirty["mkdocs"] == "dirty"
    assert 0 < int(dirty["written"]) < int(dirty["unchanged"])
    clean = project_config(tmp_path / "clean", workers=1)
    _build(clean, input_dir, capsys)
    _same_site(config.parent / "site", clean.parent / "site")

    (input_dir / "added.md").write_text(
        "---\ntitle: Ferry terminal opens\nsource: Harbour News\ndate: 2017-03-04\n---\n"
        "The harbour authority of Portsmouth opened a new ferry terminal on Friday, officials said.\n",
        encoding="utf-8",
    )
    removed = sorted(input_dir.glob("*.txt"))[0]
    removed.unlink()
    dirty = _build(config, input_dir, capsys)
    assert dirty["analysed"] == "1" and dirty["mkdocs"] == "dirty" and int(dirty["removed"]) >= 1
    shutil.rmtree(clean.parent / "site")
    _build(clean, input_dir, capsys)
    _same_site(config.parent / "site", clean.parent / "site")


def test_a_theme_change_or_clean_flag_builds_every_page(project, capsys: pytest.CaptureFixture[str]) -> None:
    config, input_dir = project
    _build(config, input_dir, capsys)
    assert _build(config, input_dir, capsys, "--clean")["mkdocs"] == "clean"
    assert _build(config, input_dir, capsys)["mkdocs"] == "dirty"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("site_name: News coverage report", "site_name: Another name"), encoding="utf-8")
    rebuilt = _build(config, input_dir, capsys)
    assert rebuilt["mkdocs"] == "clean"
    assert "Another name" in (config.parent / "site" / "articles" / "index.html").read_text(encoding="utf-8")


def test_pages_rendered_in_parallel_are_the_serial_ones(
    project, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.pages.writer

    _, input_dir = project
    serial = project_config(tmp_path / "serial", workers=1)
    _build(serial, input_dir, capsys)
    monkeypatch.setattr(generator.pages.writer, "_PAGE_CHUNK", 3)  # the seeds' pages in many tasks, over two processes
    parallel = project_config(tmp_path / "parallel", workers=2)
    assert _build(parallel, input_dir, capsys)["written"] == _build(serial, input_dir, capsys, "--clean")["unchanged"]
    _same_site(serial.parent / ".build" / "docs", parallel.parent / ".build" / "docs")
    _same_site(serial.parent / "site", parallel.parent / "site")


def test_the_linked_corpus_is_reused_only_while_its_inputs_are_unchanged(
    project, capsys: pytest.CaptureFixture[str]
) -> None:
    config, input_dir = project
    _build(config, input_dir, capsys)
    assert main(["build", "--config", str(config), "--input", str(input_dir)]) == 0
    assert "the linked corpus is the last build's" in capsys.readouterr().out
    (input_dir / "aliases.yml").write_text("- name: Islamic State\n  aliases: [IS, ISIS]\n", encoding="utf-8")
    assert main(["build", "--config", str(config), "--input", str(input_dir)]) == 0
    assert "the linked corpus is the last build's" not in capsys.readouterr().out
