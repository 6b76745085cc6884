"""The last build's linked corpus, kept beside the analysis cache and reused while its key holds.

The key (`cache_keys.corpus_key`) is the file's first line; the file is our own output in the
project's cache folder (like the analysis cache, as trusted as the project folder). A damaged or
foreign file is ignored and the corpus linked again; a file is written whole or not at all.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path

from generator.model import Corpus

CORPUS_FILE = "corpus.pickle"  # beside the analysis cache


def load_corpus(path: Path, key: str) -> Corpus | None:
    """The stored corpus if it was linked from exactly these inputs, else None."""
    try:
        with path.open("rb") as handle:
            if handle.read(len(key) + 1) != (key + "\n").encode():
                return None
            corpus = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, TypeError, ValueError):
        return None
    return corpus if isinstance(corpus, Corpus) else None


def save_corpus(path: Path, key: str, corpus: Corpus) -> None:
    """Written whole or not at all (a temporary file, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write((key + "\n").encode())
            pickle.dump(corpus, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
