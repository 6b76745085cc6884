"""`python -m generator serve` (what `make serve` runs) rebuilds when a file in the input folder changes."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import ROOT, SEEDS, project_config

NEW_ARTICLE = """Harbour ferries stop for a week

date 2017-03-05
Source: Coastal Courier

The harbour ferries will stop for a week while the piers are repaired, the port authority said on Sunday.
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, check, process: subprocess.Popen, timeout: float = 180.0):
    """Poll `url` until `check(body)` is true; fail if the server dies or the time runs out."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        assert process.poll() is None, "the serve process stopped"
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
            if check(body):
                return body
        except (OSError, json.JSONDecodeError) as exc:  # URLError, refused, timed out: not up yet
            last = exc
        time.sleep(0.5)
    raise AssertionError(f"{url} never passed its check within {timeout}s (last error: {last})")


def test_serve_rebuilds_when_an_input_file_changes(tmp_path: Path, seeds_site: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    config = project_config(tmp_path, cache_dir=str(seeds_site.parent / ".cache" / "analysis"))
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--config", str(config), "--input", str(tmp_path / "seeds")]
        + ["--address", f"127.0.0.1:{port}"],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        report = json.loads(_wait_for(base + "report.json", lambda body: json.loads(body)["articles"], process))
        assert len(report["articles"]) == 5

        (tmp_path / "seeds" / "005_harbour.txt").write_text(NEW_ARTICLE, encoding="utf-8")
        body = _wait_for(base + "report.json", lambda body: len(json.loads(body)["articles"]) == 6, process)
        added = next(a for a in json.loads(body)["articles"] if a["path"] == "005_harbour.txt")
        assert added["source"] == "Coastal Courier"
        page = _wait_for(base + added["page"], lambda body: "Harbour ferries stop for a week" in body, process)
        assert "Coastal Courier" in page
        home = _wait_for(base + "index.html", lambda body: "6 articles" in body, process)
        assert "from 2 outlets" in home  # TRT World and the new one (the unattributed articles are no outlet)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
    assert "generating the pages again" in (tmp_path / "serve.log").read_text(encoding="utf-8")
