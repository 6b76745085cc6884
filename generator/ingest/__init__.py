"""Ingest: a folder of files in, `Article`s and a list of what was skipped out."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from generator.config import Config
from generator.ingest.decode import UnreadableFile, decode_bytes
from generator.ingest.readers import METADATA_FIELDS, READERS, InvalidArticle, derive_title, parse_date
from generator.ingest.slug import SlugRegistry, slugify
from generator.model import Article, Skipped


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # "path: message"
    config_files: list[str] = field(default_factory=list)  # alias file, sidecar: read, not articles
    files_seen: int = 0


def _walk(root: Path) -> list[Path]:
    """Every file below root, sorted by relative path (stable ids and order)."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        for name in filenames:
            found.append(Path(dirpath) / name)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def load_sidecar(path: Path) -> dict[str, dict[str, Any]]:
    """`metadata.yml`: relative file path -> {title, source, date, url, author}."""
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML ({exc}); fix it or remove it") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{path}: must map file names to metadata, e.g. 'a.txt: {{source: BBC}}'")
    sidecar: dict[str, dict[str, Any]] = {}
    for name, fields in data.items():
        if not isinstance(fields, dict):
            raise ValueError(f"{path}: entry {name!r} must be a mapping of field: value")
        unknown = set(fields) - set(METADATA_FIELDS)
        if unknown:
            raise ValueError(
                f"{path}: entry {name!r} has unknown field(s) {sorted(unknown)}; use {list(METADATA_FIELDS)}"
            )
        sidecar[str(name)] = fields
    return sidecar


def read_corpus(input_dir: Path, config: Config) -> IngestResult:
    """Read every file below input_dir; each becomes an Article or a Skipped with its reason."""
    result = IngestResult()
    if not input_dir.is_dir():
        raise FileNotFoundError(f"input folder {input_dir} does not exist or is not a folder")
    root = input_dir.resolve()
    special = {config.alias_file, config.metadata_file}
    sidecar = load_sidecar(input_dir / config.metadata_file)
    slugs = SlugRegistry()
    used_sidecar: set[str] = set()
    for path in _walk(input_dir):
        rel = path.relative_to(input_dir).as_posix()
        result.files_seen += 1
        if rel in special:
            result.config_files.append(rel)
            continue
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            result.skipped.append(Skipped(rel, "symbolic link to a file outside the input folder; not followed"))
            continue
        reader = READERS.get(path.suffix.lower())
        if reader is None:
            result.skipped.append(
                Skipped(rel, f"not an article format ({path.suffix or 'no extension'}); use .txt or .md")
            )
            continue
        try:
            decoded = decode_bytes(path.read_bytes())
            if not decoded.text.strip():
                raise InvalidArticle("is empty; add the article's text or remove the file")
            read = reader(decoded.text)
        except (UnreadableFile, InvalidArticle) as exc:
            result.skipped.append(Skipped(rel, str(exc)))
            continue
        except OSError as exc:
            result.skipped.append(Skipped(rel, f"could not be read ({exc.strerror})"))
            continue
        if not read.text.strip():
            result.skipped.append(Skipped(rel, "has metadata but no article text"))
            continue
        if decoded.note:
            result.warnings.append(f"{rel}: {decoded.note}")
        result.warnings.extend(f"{rel}: {note}" for note in read.notes)
        overrides = sidecar.get(rel) or sidecar.get(PurePosixPath(rel).name)
        if overrides:
            used_sidecar.add(rel if rel in sidecar else PurePosixPath(rel).name)
            for name, value in overrides.items():
                if name == "date":
                    parsed = parse_date(value)
                    if parsed is None:
                        result.warnings.append(f"{config.metadata_file}: {rel}: date {value!r} is not a date; ignored")
                        continue
                    value = parsed
                read.set(name, value if name == "date" else str(value), "given")
        if "title" not in read.meta:
            read.set("title", derive_title(read.text), "derived")
        slug = slugs.claim(slugify(str(PurePosixPath(rel).with_suffix(""))), rel)
        result.articles.append(
            Article(
                id=slug,
                slug=slug,
                path=rel,
                title=read.meta["title"],
                text=read.text,
                source=read.meta.get("source"),
                date=read.meta.get("date"),
                url=read.meta.get("url"),
                author=read.meta.get("author"),
                provenance=dict(read.provenance),
                content_hash=hashlib.sha256(read.text.encode("utf-8")).hexdigest(),
            )
        )
    for name in sorted(set(sidecar) - used_sidecar):
        result.warnings.append(f"{config.metadata_file}: entry {name!r} matches no article file; check the name")
    return result
