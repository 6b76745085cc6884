"""The last build's linked corpus, kept beside the analysis cache and reused while its key holds.

Stored as MessagePack decoded against the `Corpus` types (msgspec): data only, so a planted or
edited file can at worst hold wrong values of the right types, never run code (the pickle it
replaces ran whatever a file with the right first line carried). The key (`cache_keys.corpus_key`)
and the sha256 of the data come first; a damaged or foreign file is ignored and the corpus linked
again; a file is written whole or not at all. The lookups (`Corpus.index`) are not stored but built
again from the corpus (they hold the same articles and entities a second time).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import tempfile
from pathlib import Path

import msgspec

from generator.link.indexes import build_index
from generator.model import Corpus, CorpusIndex

CORPUS_FILE = "corpus.msgpack"  # beside the analysis cache
_MAGIC = b"news-report corpus 1\n"
_EMPTY_INDEX = CorpusIndex({}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {})
_DECODER = msgspec.msgpack.Decoder(Corpus)
_ENCODER = msgspec.msgpack.Encoder()


def _header(key: str, data: bytes) -> bytes:
    return _MAGIC + key.encode() + b"\n" + hashlib.sha256(data).hexdigest().encode() + b"\n"


def load_corpus(path: Path, key: str) -> Corpus | None:
    """The stored corpus if it was linked from exactly these inputs (and is whole), else None."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    prefix = _MAGIC + key.encode() + b"\n"
    if not raw.startswith(prefix):
        return None
    digest, _, data = raw[len(prefix) :].partition(b"\n")
    if digest != hashlib.sha256(data).hexdigest().encode():
        return None
    try:
        stored = _DECODER.decode(data)
    except (msgspec.DecodeError, msgspec.ValidationError, ValueError, TypeError):
        return None
    return with_index(stored)


def with_index(corpus: Corpus) -> Corpus:
    """The corpus with its lookups built from it."""
    index = build_index(
        list(corpus.articles),
        corpus.entities,
        corpus.topics,
        corpus.sources,
        corpus.quote_groups,
        corpus.shared_text,
        corpus.duplicate_of,
    )
    return dataclasses.replace(corpus, index=index)


def save_corpus(path: Path, key: str, corpus: Corpus) -> None:
    """Written whole or not at all (a temporary file, then rename)."""
    data = _ENCODER.encode(dataclasses.replace(corpus, index=_EMPTY_INDEX))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".msgpack")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(_header(key, data))
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
