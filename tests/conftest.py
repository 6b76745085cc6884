"""Shared fixtures: hand-written article folders and one real build of the seeds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.model import Corpus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def write_files(folder: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def project_config(tmp: Path, **report_options: object) -> Path:
    """A copy of the project's mkdocs.yml whose build, cache and site folders live in tmp."""
    data = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    data["theme"]["custom_dir"] = str(ROOT / "themes" / "report")
    data["docs_dir"] = str(tmp / ".build" / "docs")
    data["site_dir"] = str(tmp / "site")
    data["extra"]["report"].update(report_options)
    (tmp / ".build" / "docs").mkdir(parents=True, exist_ok=True)
    config = tmp / "mkdocs.yml"
    config.write_text(yaml.safe_dump(data), encoding="utf-8")
    return config


@pytest.fixture(scope="session")
def seeds_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds built into a site once per test session; returns the site folder."""
    from generator.cli import main

    tmp = tmp_path_factory.mktemp("seeds-build")
    shutil.copytree(SEEDS, tmp / "seeds")
    config = project_config(tmp)
    assert main(["build", "--config", str(config), "--input", str(tmp / "seeds"), "--site-dir", str(tmp / "site")]) == 0
    return tmp / "site"


BBC = ROOT.parent / "shared" / "data" / "bbc-news-summary" / "articles"
BBC_SAMPLE = 300


@pytest.fixture(scope="session")
def bbc_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 300-article sample of the BBC corpus (every k-th file, as bench/same_site.py takes it) built once
    per session, its analysis cached in the worktree's .cache/analysis (keyed on the analysers' source,
    so sharing it is safe); skipped when the data set is absent."""
    from generator.cli import main

    if not BBC.is_dir():
        pytest.skip(f"{BBC} is not here (the BBC News Summary data set)")
    tmp = tmp_path_factory.mktemp("bbc-build")
    files = sorted(p for p in BBC.rglob("*.txt") if p.is_file())
    for path in files[:: max(1, len(files) // BBC_SAMPLE)][:BBC_SAMPLE]:
        target = tmp / "bbc" / path.relative_to(BBC)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    config = project_config(tmp, cache_dir=str(ROOT / ".cache" / "analysis"))
    arguments = ["--config", str(config), "--input", str(tmp / "bbc"), "--site-dir", str(tmp / "site")]
    assert main(["build", "--quiet", *arguments]) == 0
    return tmp / "site"


def linked_corpus(config: Path, input_dir: Path) -> Corpus:
    """The corpus a build of `input_dir` with `config` links (its cache reused: no second analysis)."""
    from generator.build import BuildRequest, Paths, build
    from generator.config import load_config

    options = load_config(config)
    request = BuildRequest(Paths.resolve(config, options, input_dir, None, True), options, until="link")
    return build(request, say=lambda _: None).corpus
