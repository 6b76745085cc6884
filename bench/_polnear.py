"""PolNeAR read for the quotes benchmark: article texts and their annotated attributions.

Each article has one or more brat standoff files (`<name>_<annotator>.ann`); articles
annotated by several annotators (agreement checks) are read with the first annotator's
file (sorted by annotator id), so every article counts once. `T` lines carry the spans
(`Source`, `Cue`, `Content`, possibly discontinuous: `start end;start end`), `E` lines tie
one attribution's spans together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Attribution:
    source: Spans  # empty when the annotation gives no source
    content: Spans
    cue: Spans


@dataclass(frozen=True)
class PolnearArticle:
    name: str
    split: str
    publisher: str
    text: str
    attributions: tuple[Attribution, ...]

    def source_text(self, attribution: Attribution) -> str:
        return " ".join(self.text[a:b] for a, b in attribution.source)


_SPAN = re.compile(r"(\d+) (\d+)")


def _spans(field: str) -> Spans:
    return tuple((int(a), int(b)) for a, b in _SPAN.findall(field))


def read_annotation(path: Path) -> tuple[Attribution, ...]:
    """The attributions of one .ann file; an E line whose spans are missing keeps what it has. A content in
    several pieces (roles Content, Content2, …) is one attribution's content, every piece of it."""
    spans: dict[str, tuple[str, Spans]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = (kind, _spans(offsets))
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(item.split(":", 1) for item in parts[1].split() if ":" in item)
            events.append(roles)
    attributions = []
    for roles in events:

        def role(name: str, roles: dict[str, str] = roles) -> Spans:
            ref = roles.get(name)
            return spans[ref][1] if ref in spans else ()

        # brat numbers a role given twice: "Content:T47 Content2:T51" is one attribution whose content is in
        # two pieces (two quotes of one paragraph, "“…,” Reid said. “…”"); every piece is its content
        pieces = sorted((k for k in roles if re.fullmatch(r"Content\d*", k)), key=lambda k: int(k[7:] or 1))
        content = tuple(span for key in pieces for span in role(key))
        if content:
            attributions.append(Attribution(role("Source"), content, role("Cue")))
    return tuple(attributions)


def metadata_rows(root: Path) -> list[dict[str, str]]:
    """data/metadata.tsv as one dict a row (compartment, filename, publisher, title, …); none if it is missing."""
    metadata = root / "data" / "metadata.tsv"
    if not metadata.exists():
        return []
    lines = metadata.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=False)) for line in lines[1:]]


def read_polnear(root: Path, splits: tuple[str, ...] = ("train", "dev"), limit: int = 0) -> list[PolnearArticle]:
    """The articles of the given splits, in file-name order (`limit`: the first N of each split)."""
    publisher = {row.get("filename", ""): row.get("publisher", "") for row in metadata_rows(root)}
    articles = []
    for split in splits:
        texts = sorted((root / "data" / split / "text").glob("*.txt"))
        if limit:
            texts = texts[:limit]
        for text_path in texts:
            name = text_path.stem
            annotations = sorted((root / "data" / split / "attributions").glob(f"{name}_*.ann"))
            if not annotations:
                continue
            text = text_path.read_text(encoding="utf-8")
            articles.append(PolnearArticle(name, split, publisher.get(name, ""), text, read_annotation(annotations[0])))
    return articles


def polnear_records(root: Path, splits: tuple[str, ...] = ("train", "dev")) -> list[dict[str, str]]:
    """The articles of the given splits as records a reader of JSON Lines takes (the story benchmark's input):
    `title`, `outlet` and `date` from data/metadata.tsv, `text` the article's text file, `filename` its name
    (the id in the hand judgements). Every article of the splits, annotated or not; in file-name order."""
    records = []
    for row in metadata_rows(root):
        path = root / "data" / row.get("compartment", "") / "text" / f"{row.get('filename', '')}.txt"
        if row.get("compartment") in splits and path.exists():
            text = path.read_text(encoding="utf-8")
            records.append(
                {
                    "filename": row["filename"],
                    "title": row.get("title", ""),
                    "outlet": row.get("publisher", ""),
                    "date": row.get("publication_date", ""),
                    "text": text,
                }
            )
    return sorted(records, key=lambda record: record["filename"])
