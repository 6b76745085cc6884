"""The site is built in a folder beside it and swapped in when finished: never a half-built site.

A build that fails or is killed leaves the previous site whole (its index.html, search index and
report.json are the previous build's, consistent with its pages) and at most a `.site.building-*`
folder, which the next build removes. A dirty build starts from a copy of the previous site (file
times kept, so MkDocs rebuilds only the changed pages). The swap is two renames in one folder; a
build killed between them leaves the previous site as `.site.previous`, which the next build puts
back. Run under the project lock (`project_lock`), so no other build is using these folders.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _building(site_dir: Path) -> Path:
    return site_dir.with_name(f".{site_dir.name}.building-{os.getpid()}")


def _previous(site_dir: Path) -> Path:
    return site_dir.with_name(f".{site_dir.name}.previous")


def recover(site_dir: Path) -> None:
    """Put back a previous site a killed swap left aside, and remove what killed builds left."""
    previous = _previous(site_dir)
    if previous.is_dir() and not site_dir.exists():
        previous.rename(site_dir)
    if site_dir.parent.is_dir():
        for leftover in site_dir.parent.glob(f".{site_dir.name}.building-*"):
            shutil.rmtree(leftover, ignore_errors=True)
    shutil.rmtree(previous, ignore_errors=True)


@contextmanager
def staged_site(site_dir: Path, start_from_previous: bool) -> Iterator[Path]:
    """A folder to build the site into; when the block ends without an error it becomes site_dir (the
    folder a symbolic link site_dir points to, which stays a link)."""
    site_dir = Path(os.path.realpath(site_dir))
    recover(site_dir)
    building = _building(site_dir)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    try:
        if start_from_previous and site_dir.is_dir():
            shutil.copytree(site_dir, building, symlinks=True)
        else:
            building.mkdir()
        yield building
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    previous = _previous(site_dir)
    if site_dir.exists():
        site_dir.rename(previous)
    building.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)
