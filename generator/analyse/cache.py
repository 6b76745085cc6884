"""On-disk cache of per-article analysis, under the key `cache_keys.analysis_key` makes (text, options, model,
analysers).

Entries are written atomically (a temporary file in the same folder, then rename), so
a build killed mid-write leaves at most a `.tmp-*` file that is never read. Each entry
carries its key and the sha256 of its analysis, and its offsets must fit the text: a
truncated, edited or foreign file is detected and recomputed, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import astuple
from pathlib import Path
from typing import Any

from generator.model import AcronymDefinition, ArticleAnalysis, Keyword, Mention, Phrase, Quote, Sentence


def to_json(analysis: ArticleAnalysis) -> dict[str, Any]:
    return {
        "sentences": [[s.start, s.end] for s in analysis.sentences],
        "summary": list(analysis.summary),
        "keywords": [[k.text, k.score] for k in analysis.keywords],
        "mentions": [[m.text, m.label, m.start, m.end, m.sentence] for m in analysis.mentions],
        "quotes": [list(astuple(q)) for q in analysis.quotes],
        "phrases": [list(astuple(p)) for p in analysis.phrases],
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
        phrases=tuple(Phrase(*p) for p in data.get("phrases", ())),
    )


def _digest(data: Any) -> str:
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def _fits(analysis: ArticleAnalysis, length: int) -> bool:
    """Every offset lies inside the text and every index points at a sentence."""
    count = len(analysis.sentences)
    spans = [(s.start, s.end) for s in analysis.sentences] + [(m.start, m.end) for m in analysis.mentions]
    spans += [(q.start, q.end) for q in analysis.quotes] + [(p.start, p.end) for p in analysis.phrases]
    return (
        all(0 <= start <= end <= length for start, end in spans)
        and all(0 <= i < count for i in analysis.summary)
        and all(0 <= m.sentence < count for m in analysis.mentions)
        and all(0 <= q.sentence < count for q in analysis.quotes)
    )


class AnalysisCache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str, text: str) -> ArticleAnalysis | None:
        """The stored analysis, or None when there is none or the entry is damaged (it is then recomputed)."""
        path = self._path(key)
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            if entry.get("key") != key or entry.get("sha256") != _digest(entry["analysis"]):
                return None
            analysis = from_json(entry["analysis"], text)
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
            return None
        return analysis if _fits(analysis, len(text)) else None

    def put(self, key: str, analysis: ArticleAnalysis) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = to_json(analysis)
        payload = json.dumps({"key": key, "sha256": _digest(data), "analysis": data}, ensure_ascii=False)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(payload)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
