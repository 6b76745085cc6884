"""One build at a time per project: a lock file in the build folder, held for the whole build (or serve).

Two builds of one project write the same generated docs (`.build/docs`); run together (`make serve`
beside `make site`) they mix two corpora's pages. The lock is an OS file lock (`filelock`), so it
is released when its process ends, even by kill -9; beside it, the holder writes its process id,
command and start time, which the refused build names.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout

from generator.console import safe
from generator.preflight import SetupError

LOCK_FILE = "build.lock"  # in the build folder
OWNER_FILE = "build.lock.owner"  # who holds it: {"pid", "command", "since"}

_held: dict[Path, tuple[FileLock, int]] = {}  # lock file -> (its lock, how deeply this process holds it)
_guard = threading.Lock()


def _owner(build_dir: Path) -> str:
    """The process holding the lock, as the owner file tells it."""
    try:
        owner = json.loads((build_dir / OWNER_FILE).read_text(encoding="utf-8"))
        return f"process {int(owner['pid'])} ({safe(str(owner['command']))}, since {safe(str(owner['since']))})"
    except (OSError, ValueError, KeyError, TypeError):
        return "another process"


@contextmanager
def project_lock(build_dir: Path) -> Iterator[None]:
    """Hold the project's build lock, or raise SetupError naming the build that holds it. Re-entrant
    within one process (serve holds it and builds again under it)."""
    path = (build_dir / LOCK_FILE).resolve()
    with _guard:
        lock, depth = _held.get(path, (None, 0))
        if lock is None:
            build_dir.mkdir(parents=True, exist_ok=True)
            lock = FileLock(path, thread_local=False)
            try:
                lock.acquire(timeout=0)
            except Timeout:
                raise SetupError(
                    f"another build of this project is running: {_owner(build_dir)} holds {safe(str(path))}; "
                    "wait for it to finish or stop it, then build again"
                ) from None
            since = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
            program = "python -m generator" if sys.argv[0].endswith("__main__.py") else Path(sys.argv[0]).name
            command = " ".join([program, *sys.argv[1:]])
            owner = {"pid": os.getpid(), "command": command, "since": since}
            (build_dir / OWNER_FILE).write_text(json.dumps(owner), encoding="utf-8")
        _held[path] = (lock, depth + 1)
    try:
        yield
    finally:
        with _guard:
            lock, depth = _held.pop(path)
            if depth > 1:
                _held[path] = (lock, depth - 1)
            else:
                (build_dir / OWNER_FILE).unlink(missing_ok=True)
                lock.release()
