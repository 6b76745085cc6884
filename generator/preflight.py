"""Checks before a build reads or writes anything: the folders it writes are usable and apart from its input.

A site, build or cache folder that is the input folder, holds it or lies inside it would delete or
re-read the articles; a path longer than the system allows, or a folder we cannot write, would
fail after minutes of analysis. Each is one `SetupError` naming what, where and what to do.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from generator.console import safe

if TYPE_CHECKING:
    from generator.build import BuildRequest


class SetupError(RuntimeError):
    """The build cannot start (or cannot write): one line saying what, where and what to do."""


def _limit(name: str, fallback: int) -> int:
    try:
        return os.pathconf("/", name)
    except (OSError, ValueError):
        return fallback


PATH_MAX = _limit("PC_PATH_MAX", 4096)
NAME_MAX = _limit("PC_NAME_MAX", 255)


def _absolute(path: Path) -> Path:
    """The path as the system will see it: absolute, symbolic links followed where they exist."""
    return Path(os.path.realpath(os.path.abspath(path)))


def check_length(label: str, path: Path) -> None:
    """A path the system can open: at most PATH_MAX bytes, each name at most NAME_MAX."""
    full = os.fsencode(os.path.abspath(path))
    longest = max((len(part) for part in full.split(b"/")), default=0)
    if len(full) >= PATH_MAX or longest > NAME_MAX:
        what = f"is {len(full):,} bytes long" if len(full) >= PATH_MAX else f"has a name of {longest} bytes"
        raise SetupError(
            f"the {label} {safe(str(path)[:120])}... {what}, more than this system allows (PATH_MAX {PATH_MAX}, "
            f"NAME_MAX {NAME_MAX}): move it to a shorter path"
        )


def check_apart(input_dir: Path, outputs: dict[str, Path]) -> None:
    """No output folder is the input folder, holds it or lies inside it (a site written there would
    delete the articles, or be read back as articles)."""
    source = _absolute(input_dir)
    for label, folder in outputs.items():
        target = _absolute(folder)
        if target == source:
            how = "is the input folder"
        elif source.is_relative_to(target):
            how = "holds the input folder"
        elif target.is_relative_to(source):
            how = "is inside the input folder"
        else:
            continue
        raise SetupError(
            f"the {label} {safe(str(folder))} {how} {safe(str(input_dir))}: the build would overwrite or read back "
            f"the articles; choose a {label} outside the input folder (nothing was written)"
        )


def check_writable(label: str, folder: Path, advice: str) -> None:
    """`folder` exists (made if need be) and takes a new file: tried with a probe file, removed again."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(dir=folder, prefix=".write-test-")
        os.close(handle)
        os.unlink(probe)
    except OSError as exc:
        raise SetupError(f"cannot write to the {label} {safe(str(folder))} ({describe(exc)}): {advice}") from exc


def check_folders(request: BuildRequest) -> None:
    """The folders the build writes: paths the system can open, apart from the input folder."""
    paths = request.paths
    outputs: dict[str, Path] = {}
    if request.until != "link":
        outputs["build folder"] = paths.build_dir
    if request.until == "site":
        outputs["site folder"] = paths.site_dir
    if paths.cache_dir is not None and paths.corpus_file is not None:
        outputs["cache folder"] = paths.cache_dir
        outputs["corpus cache file"] = paths.corpus_file
    check_length("input folder", paths.input_dir)
    for label, folder in outputs.items():
        check_length(label, folder)
    check_apart(paths.input_dir, outputs)
    if request.until != "link":  # where the lock goes
        check_writable("build folder", paths.docs_dir, "make it writable, or set build_dir in mkdocs.yml extra.report")


def check_outputs(request: BuildRequest) -> list[str]:
    """Before the analysis: every folder the build writes takes a file; MkDocs' config loads (its warnings)."""
    paths = request.paths
    if paths.cache_dir is not None:
        check_writable("cache folder", paths.cache_dir, "make it writable, or build with --no-cache")
    if request.until == "link":
        return []
    if request.until == "site":
        check_writable("site folder's parent", paths.site_dir.parent, "make it writable, or choose another --site-dir")
        if paths.site_dir.exists() and not paths.site_dir.is_dir():
            raise SetupError(f"the site folder {paths.site_dir} is a file: remove it, or choose another --site-dir")
        if paths.site_dir.is_dir():
            check_writable("site folder", paths.site_dir, "make it writable, or choose another --site-dir")
    from generator.mkdocs_adapter import MkDocsConfigError, check_config  # MkDocs loads only for a site

    try:
        return check_config(paths.config_file, paths.docs_dir, paths.site_dir, request.site_url)
    except MkDocsConfigError as exc:
        raise SetupError(str(exc)) from exc


def describe(exc: OSError) -> str:
    """The OS error in words, without the traceback."""
    return exc.strerror or type(exc).__name__


ADVICE = {
    errno.ENOSPC: "the disk is full: free some space, then build again",
    errno.EDQUOT: "the disk quota is used up: free some space, then build again",
    errno.EACCES: "make it writable, or choose another folder",
    errno.EPERM: "make it writable, or choose another folder",
    errno.EROFS: "the disk is mounted read-only: choose a folder on another disk",
    errno.ENAMETOOLONG: "the path is too long for this system: move the project to a shorter path",
    errno.EISDIR: "a folder is where a file should be: remove the folder",
    errno.ENOTDIR: "a file is where a folder should be: remove the file",
}


def os_error_line(exc: OSError) -> str:
    """An OS error met while building, as one line: what failed, on which file, what to do."""
    name = exc.filename2 if exc.filename2 is not None else exc.filename  # a rename's target, else the file
    where = f" {safe(os.fsdecode(name))}" if name is not None else ""
    advice = ADVICE.get(exc.errno or 0, "check the file and its folder, then build again")
    return f"cannot go on:{where}: {describe(exc)}; {advice} (the previous site is left as it was)"
