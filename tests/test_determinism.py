"""Crash safety and determinism: the same input gives the same site, byte for byte, however it was built.

Each build runs in its own process with a different PYTHONHASHSEED (so set and dict order of strings
differ, as between two real runs) and SOURCE_DATE_EPOCH set. One build is killed (SIGKILL) during
the analysis, in the middle of writing a cache entry; the build started again from its cache, with
two worker processes, must give the site an uninterrupted build gave, and so must a build that takes
everything from the cache.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SEEDS, project_config

EPOCH = "1700000000"  # 2023-11-14 22:13 UTC

# A build that dies (SIGKILL, no clean-up) while writing its third cache entry: the entry's temporary file
# is left half-written and never renamed into place.
DYING_BUILD = """
import os, signal, sys
from pathlib import Path

real_replace = os.replace
writes = 0

def replace(src, dst, *args, **kwargs):
    global writes
    if Path(dst).suffix == ".json" and Path(src).name.startswith(".tmp-"):
        writes += 1
        if writes == 3:
            Path(src).write_bytes(Path(src).read_bytes()[:40])
            os.kill(os.getpid(), signal.SIGKILL)
    return real_replace(src, dst, *args, **kwargs)

os.replace = replace
from generator.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _corpus(folder: Path) -> Path:
    """The seeds and the formats fixtures (19 articles in 7 formats: more than one analysis batch)."""
    shutil.copytree(ROOT / "tests" / "fixtures" / "formats", folder)
    shutil.copytree(SEEDS, folder / "seeds", ignore=shutil.ignore_patterns("aliases.yml"))
    shutil.copy(SEEDS / "aliases.yml", folder / "aliases.yml")
    return folder


def _build(run: Path, input_dir: Path, seed: int, extra: tuple[str, ...] = (), script: str | None = None) -> int:
    """Run one build in its own process (group); its exit status. Output goes to run/build.log."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONHASHSEED": str(seed)}
    args = ["build", "--config", str(run / "mkdocs.yml"), "--input", str(input_dir), *extra]
    command = [sys.executable, "-c", script, *args] if script else [sys.executable, "-m", "generator", *args]
    log = run / "build.log"
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=out, start_new_session=True)
        status = process.wait()
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # anything a killed build left running
    if status not in (0, -signal.SIGKILL):
        raise AssertionError(log.read_text(encoding="utf-8"))
    return status


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _differences(one: Path, other: Path) -> str:
    """Empty when the two sites are byte-identical; else the first differences, as a diff."""
    a, b = _files(one), _files(other)
    if a.keys() != b.keys():
        return (
            f"different files: only in {one}: {sorted(a.keys() - b.keys())}; in {other}: {sorted(b.keys() - a.keys())}"
        )
    for name in a:
        if a[name] != b[name]:
            diff = difflib.unified_diff(
                a[name].decode("utf-8", "replace").splitlines(),
                b[name].decode("utf-8", "replace").splitlines(),
                lineterm="",
                n=1,
            )
            return f"{name} differs:\n" + "\n".join(list(diff)[:30])
    return ""


def test_killed_resumed_and_cached_builds_give_the_same_site_byte_for_byte(tmp_path: Path) -> None:
    input_dir = _corpus(tmp_path / "in")
    first, killed, resumed = tmp_path / "first", tmp_path / "killed", tmp_path / "resumed"
    cache = resumed / ".cache" / "analysis"
    project_config(first, workers=1)
    project_config(killed, workers=1, cache_dir=str(cache))  # one process: nothing is left behind by the kill
    project_config(resumed, workers=2)

    assert _build(first, input_dir, seed=1) == 0

    assert _build(killed, input_dir, seed=2, script=DYING_BUILD) == -signal.SIGKILL
    assert len(list(cache.rglob("[0-9a-f]*.json"))) == 2  # two entries in place; the third was being written
    half_written = list(cache.rglob(".tmp-*"))
    assert len(half_written) == 1 and len(half_written[0].read_bytes()) == 40
    assert _build(resumed, input_dir, seed=3) == 0
    log = (resumed / "build.log").read_text(encoding="utf-8")
    assert "analysed with 2 process(es), 2 from cache" in log  # the two finished entries were kept
    complete = first / ".cache" / "analysis"
    assert sorted(p.name for p in cache.rglob("[0-9a-f]*.json")) == sorted(p.name for p in complete.rglob("*.json"))

    assert _build(first, input_dir, seed=4, extra=("--site-dir", str(tmp_path / "cached-site"))) == 0  # all cached

    assert _differences(first / "site", resumed / "site") == ""
    assert _differences(first / "site", tmp_path / "cached-site") == ""
    report = (first / "site" / "build-report.html").read_text(encoding="utf-8")
    assert "Built 2023-11-14 22:13 UTC" in report and "reproducible build" in report
    assert "Time per stage" not in report  # run-dependent figures are printed, not shown


def test_without_source_date_epoch_the_build_report_shows_the_run(seeds_site: Path) -> None:
    report = (seeds_site / "build-report.html").read_text(encoding="utf-8")
    if os.environ.get("SOURCE_DATE_EPOCH"):
        assert "reproducible build" in report
    else:
        assert "Time per stage" in report and "taken from the cache" in report
