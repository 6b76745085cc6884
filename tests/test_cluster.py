"""Analysis on a Dask cluster (a LocalCluster on loopback) gives the report a local build gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS
from distributed import LocalCluster

from generator.cli import main
from generator.pages.export import load_report


def _report(path: Path) -> dict:
    document = load_report(path)  # with its companion file's texts and mentions
    document["build"].pop("versions")  # the same either way; kept out of the comparison's noise
    document.pop("article_details")  # the companion's name follows the file's
    return document


def test_analysis_on_a_local_cluster_equals_the_local_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    input_dir = tmp_path / "in"
    shutil.copytree(ROOT / "tests" / "fixtures" / "formats", input_dir)  # 16 articles: more than one batch
    shutil.copytree(SEEDS, input_dir / "seeds", ignore=shutil.ignore_patterns("aliases.yml"))
    assert main(["analyse", str(input_dir), "--json", str(tmp_path / "local.json"), "--no-cache"]) == 0
    local = capsys.readouterr().out
    assert "analysed with" in local

    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, host="127.0.0.1", protocol="tcp", dashboard_address=None
    ) as cluster:
        address = cluster.scheduler_address
        assert address.startswith("tcp://127.0.0.1:")
        args = ["analyse", str(input_dir), "--json", str(tmp_path / "cluster.json"), "--no-cache"]
        assert main([*args, "--scheduler", address]) == 0
        out = capsys.readouterr().out
    assert f"on the Dask cluster at {address} (1 worker threads)" in out
    assert _report(tmp_path / "cluster.json") == _report(tmp_path / "local.json")
    assert len(_report(tmp_path / "local.json")["articles"]) > 16


def test_unreachable_scheduler_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    input_dir = tmp_path / "in"
    shutil.copytree(SEEDS, input_dir)
    args = ["analyse", str(input_dir), "--json", str(tmp_path / "r.json"), "--no-cache"]
    assert main([*args, "--scheduler", "tcp://127.0.0.1:9"]) == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in capsys.readouterr().err
