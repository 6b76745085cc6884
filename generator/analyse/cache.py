"""On-disk cache of per-article analysis, keyed by content, config and analysis version.

Entries are written atomically (temporary file, then rename) and carry their own
key, so a half-written or foreign file is detected and recomputed, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from generator.model import AcronymDefinition, ArticleAnalysis, Keyword, Mention, Quote, Sentence

ANALYSIS_VERSION = "1"


def _analyser_fingerprint() -> str:
    """Hash of the analysers' source: changing how articles are analysed invalidates the cache by itself."""
    digest = hashlib.sha256(ANALYSIS_VERSION.encode())
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


ANALYSER_FINGERPRINT = _analyser_fingerprint()


def cache_key(text: str, config_key: dict[str, Any], model: str) -> str:
    payload = json.dumps({"v": ANALYSER_FINGERPRINT, "config": config_key, "model": model}, sort_keys=True)
    return hashlib.sha256((payload + "\0" + text).encode("utf-8")).hexdigest()


def to_json(analysis: ArticleAnalysis) -> dict[str, Any]:
    return {
        "sentences": [[s.start, s.end] for s in analysis.sentences],
        "summary": list(analysis.summary),
        "keywords": [[k.text, k.score] for k in analysis.keywords],
        "mentions": [[m.text, m.label, m.start, m.end, m.sentence] for m in analysis.mentions],
        "quotes": [
            [q.text, q.start, q.end, q.sentence, q.speaker, q.speaker_start, q.speaker_end] for q in analysis.quotes
        ],
        "acronyms": [[a.short, a.long] for a in analysis.acronyms],
        "lemmas": list(analysis.lemmas),
    }


def from_json(data: dict[str, Any], text: str) -> ArticleAnalysis:
    return ArticleAnalysis(
        sentences=tuple(Sentence(start, end, text[start:end]) for start, end in data["sentences"]),
        summary=tuple(data["summary"]),
        keywords=tuple(Keyword(t, s) for t, s in data["keywords"]),
        mentions=tuple(Mention(*m) for m in data["mentions"]),
        quotes=tuple(Quote(*q) for q in data["quotes"]),
        acronyms=tuple(AcronymDefinition(*a) for a in data["acronyms"]),
        lemmas=tuple(data["lemmas"]),
    )


class AnalysisCache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str, text: str) -> ArticleAnalysis | None:
        path = self._path(key)
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            if entry.get("key") != key:
                return None
            return from_json(entry["analysis"], text)
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None

    def put(self, key: str, analysis: ArticleAnalysis) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps({"key": key, "analysis": to_json(analysis)}, ensure_ascii=False)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(payload)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
