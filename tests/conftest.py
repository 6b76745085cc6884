"""Shared fixtures: hand-written article folders and one real build of the seeds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

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
