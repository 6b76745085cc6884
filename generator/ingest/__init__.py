"""Ingest: a folder of files in, `Article`s and a list of what was skipped out.

Every file becomes articles (one, or one per record of a JSON / JSON Lines file),
a `Skipped` with its reason, or is a config file (alias file, sidecar). Every
record of a multi-article file becomes an article or a `Skipped` naming its line.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from generator.config import Config
from generator.ingest.dates import parse_date_value
from generator.ingest.decode import UnreadableFile, decode_bytes
from generator.ingest.formats import READERS, SUFFIXES
from generator.ingest.language import NAMES, detect_language, normalise_code
from generator.ingest.outlets import domain_of
from generator.ingest.readers import METADATA_FIELDS, InvalidArticle, ReadResult, RecordSkip, derive_title
from generator.ingest.slug import SlugRegistry, slugify
from generator.model import Article, Skipped

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # "path: message"
    notices: list[str] = field(default_factory=list)  # handled as designed, worth knowing: "path: message"
    config_files: list[str] = field(default_factory=list)  # alias file, sidecar: read, not articles
    files_seen: int = 0
    page_parts: set[str] = field(default_factory=set)  # skipped files that are parts of a saved page (expected)
    cut: dict[str, int] = field(default_factory=dict)  # article id -> length of its text before the cut

    @property
    def problems(self) -> list[str]:
        """Every warning and every skip that needs a look (what `--strict` fails on), as "path: message"."""
        skips = [f"{s.path}: skipped: {s.reason}" for s in self.skipped if s.path not in self.page_parts]
        return skips + list(self.warnings)


@dataclass
class Sidecar:
    """`metadata.yml`: per-article overrides, and names for outlets known by their domain."""

    entries: dict[str, dict[str, Any]] = field(default_factory=dict)  # "a.txt", "feed.jsonl#3", "feed.jsonl"
    outlets: dict[str, str] = field(default_factory=dict)  # registrable domain -> outlet name
    file_name: str = "metadata.yml"

    def overrides(self, rel: str, part: str | None) -> list[tuple[str, dict[str, Any]]]:
        """Entries that apply to one article, least specific first: file name, file path, then its record."""
        name = PurePosixPath(rel).name
        keys = [name, rel] if part is None else [name, rel, f"{name}#{part}", f"{rel}#{part}"]
        seen: list[tuple[str, dict[str, Any]]] = []
        for key in dict.fromkeys(keys):
            if key in self.entries:
                seen.append((key, self.entries[key]))
        return seen


def _walk(root: Path) -> list[Path]:
    """Every file below root, and every link to a folder (not followed), sorted by relative path."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        found.extend(Path(dirpath) / name for name in dirnames if (Path(dirpath) / name).is_symlink())
        for name in filenames:
            found.append(Path(dirpath) / name)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def cut_text(text: str, limit: int) -> str:
    """The first `limit` characters of text or fewer, ending at a line end, else a sentence end, else a space."""
    if len(text) <= limit:
        return text
    window = text[:limit]
    floor = limit // 2
    for mark in ("\n", ". ", " "):
        at = window.rfind(mark, floor)
        if at != -1:
            return window[: at + 1].rstrip()
    return window


def _skip_reason(path: Path, root: Path) -> str | None:
    """Why a path is not read at all: a link that leads out of the input folder, a folder link, a pipe."""
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return "symbolic link to nothing (its target does not exist); fix or remove the link"
        if not target.is_relative_to(root):
            kind = "folder" if target.is_dir() else "file"
            return f"symbolic link to a {kind} outside the input folder; not followed (copy the {kind} in instead)"
        if target.is_dir():
            return "symbolic link to a folder; not followed (its files are read where they are)"
    if not path.is_file():
        return "not a regular file (a pipe, socket or device); not read"
    return None


def load_sidecar(path: Path) -> Sidecar:
    """Read and check `metadata.yml`; a mistake stops the build with the file and entry."""
    sidecar = Sidecar(file_name=path.name)
    if not path.exists():
        return sidecar
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML ({exc}); fix it or remove it") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{path}: must map file names to metadata, e.g. 'a.txt: {{source: BBC}}'")
    outlets = data.pop("outlets", None) or {}
    if not isinstance(outlets, dict):
        raise ValueError(f"{path}: 'outlets' must map web domains to outlet names, e.g. 'trtworld.com: TRT World'")
    for domain, name in outlets.items():
        key = domain_of(str(domain))
        if key is None or not isinstance(name, str) or not name.strip():
            raise ValueError(
                f"{path}: outlets entry {domain!r}: {name!r} must map a web domain to a name, "
                "e.g. 'trtworld.com: TRT World'"
            )
        sidecar.outlets[key] = " ".join(name.split())
    for name, fields in data.items():
        if not isinstance(fields, dict):
            raise ValueError(f"{path}: entry {name!r} must be a mapping of field: value")
        unknown = set(fields) - set(METADATA_FIELDS)
        if unknown:
            raise ValueError(
                f"{path}: entry {name!r} has unknown field(s) {sorted(unknown)}; use {list(METADATA_FIELDS)}"
            )
        sidecar.entries[str(name)] = fields
    return sidecar


def _apply_sidecar(
    read: ReadResult, entries: list[tuple[str, dict[str, Any]]], sidecar: Sidecar, address: str, config: Config
) -> list[str]:
    """Sidecar values are given metadata; returns warnings for values that cannot be used."""
    warnings: list[str] = []
    for key, fields in entries:
        where = f"{sidecar.file_name} entry {key!r}"
        for name, value in fields.items():
            if name == "date":
                parsed = parse_date_value(value, config.date_day_first)
                if parsed is None:
                    warnings.append(f"{sidecar.file_name}: {address}: date {value!r} is not a date; ignored")
                    continue
                read.set_date(parsed, "given", where)
            elif name == "language":
                code = normalise_code(value)
                if code is None:
                    warnings.append(
                        f"{sidecar.file_name}: {address}: language {value!r} is not a language code (e.g. de); ignored"
                    )
                    continue
                read.set("language", code, "given", where)
            else:
                read.set(name, " ".join(str(value).split()) if name != "url" else str(value).strip(), "given", where)
    return warnings


def _name_outlets(pending: list[tuple[str, ReadResult]], sidecar: Sidecar) -> None:
    """Outlets of articles that do not name one, from the domain of their URL (or the domain they state).

    The name is the one the sidecar's `outlets:` gives the domain, else the name that other articles
    from the same domain state (so they share one source page), else the domain itself. An article
    that names its outlet (in the file or the sidecar) keeps that name.
    """
    stated: dict[str, Counter[str]] = defaultdict(Counter)
    domains: dict[int, str] = {}
    for index, (_, read) in enumerate(pending):
        domain = domain_of(read.domain) or domain_of(read.meta.get("url"))
        if domain is None:
            continue
        domains[index] = domain
        if "source" in read.meta and read.provenance.get("source") == "given":
            stated[domain][read.meta["source"]] += 1
    for index, (_, read) in enumerate(pending):
        domain = domains.get(index)
        if domain is None or "source" in read.meta:
            continue
        from_url = read.domain is None
        origin = f"the domain of its URL, {domain}" if from_url else f"the domain it states, {domain}"
        if domain in sidecar.outlets:
            read.set("source", sidecar.outlets[domain], "inferred", f"{origin}, named in {sidecar.file_name}")
        elif stated[domain]:
            name = stated[domain].most_common(1)[0][0]
            read.set("source", name, "inferred", f"{origin}; the name other articles from it give")
        else:
            read.set("source", domain, "inferred", f"{origin}")


def _detect_language(read: ReadResult) -> str | None:
    """Detect the text's language; set it when unknown, or return a warning when it contradicts the given one."""
    code, probability = detect_language(read.text)
    if code is None:
        return None
    given = read.meta.get("language")
    if given is None:
        read.set("language", code, "derived", f"detected from the text (py3langid, probability {probability:.2f})")
        return None
    if given != code and probability >= 0.99 and len(read.text.split()) >= 50:
        return (
            f"declared language {given!r} but the text reads as {code!r} (probability {probability:.2f}); "
            f"the declared language is used: set 'language: {code}' for it in the sidecar if the text is right"
        )
    return None


def saved_page_of(rel: str, input_dir: Path) -> str | None:
    """The page a file belongs to when it sits in a browser's "Save page as… complete" folder.

    Browsers save `Page.html` with its images, styles, scripts and framed ads (often `.html`
    themselves) in `Page_files/`: those files are parts of the page, not articles.
    """
    parts = PurePosixPath(rel).parts
    for depth, folder in enumerate(parts[:-1]):
        if not folder.endswith("_files"):
            continue
        for suffix in HTML_SUFFIXES:
            page = PurePosixPath(*parts[:depth], folder[: -len("_files")] + suffix)
            if (input_dir / page).is_file():
                return page.as_posix()
    return None


def _read_file(path: Path, rel: str, config: Config, result: IngestResult) -> list[ReadResult | RecordSkip]:
    """Decode and read one file; a file that cannot be read at all is a skip."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        result.skipped.append(Skipped(rel, f"not an article format ({path.suffix or 'no extension'}); use {SUFFIXES}"))
        return []
    try:
        decoded = decode_bytes(path.read_bytes(), html=path.suffix.lower() in HTML_SUFFIXES)
        if not decoded.text.strip():
            raise InvalidArticle("is empty; add the article's text or remove the file")
        reads = reader(decoded.text, config.date_day_first)
    except (UnreadableFile, InvalidArticle) as exc:
        result.skipped.append(Skipped(rel, str(exc)))
        return []
    except OSError as exc:
        result.skipped.append(Skipped(rel, f"could not be read ({exc.strerror}); check the file's permissions"))
        return []
    except RecursionError:
        result.skipped.append(Skipped(rel, "is nested too deeply to read (thousands of levels); simplify the file"))
        return []
    except Exception as exc:  # noqa: BLE001 - one file never stops the build
        result.skipped.append(
            Skipped(
                rel,
                f"could not be read: {type(exc).__name__}: {exc}. This is a bug in the generator; "
                "please report it with the file",
            )
        )
        return []
    if decoded.note:
        result.warnings.append(f"{rel}: {decoded.note}")
    return reads


def read_corpus(input_dir: Path, config: Config) -> IngestResult:
    """Read every file below input_dir; each becomes articles or a Skipped with its reason."""
    result = IngestResult()
    if not input_dir.is_dir():
        raise FileNotFoundError(f"input folder {input_dir} does not exist or is not a folder")
    root = input_dir.resolve()
    special = {config.alias_file, config.metadata_file}
    sidecar = load_sidecar(input_dir / config.metadata_file)
    used_sidecar: set[str] = set()
    pending: list[tuple[str, ReadResult]] = []  # (address, read), in input order
    cut: dict[str, int] = {}  # address -> length of the text before it was cut
    for path in _walk(input_dir):
        rel = path.relative_to(input_dir).as_posix()
        result.files_seen += 1
        if rel in special:
            result.config_files.append(rel)
            continue
        reason = _skip_reason(path, root)
        if reason is not None:
            result.skipped.append(Skipped(rel, reason))
            continue
        page = saved_page_of(rel, input_dir)
        if page is not None:
            result.skipped.append(
                Skipped(rel, f"part of the saved page {page} (its images, styles, scripts); not an article")
            )
            result.page_parts.add(rel)
            continue
        for read in _read_file(path, rel, config, result):
            address = rel if read.part is None else f"{rel}#{read.part}"
            if isinstance(read, RecordSkip):
                result.skipped.append(Skipped(address, read.reason))
                continue
            if not read.text.strip():
                result.skipped.append(Skipped(address, "has metadata but no article text"))
                continue
            result.warnings.extend(f"{address}: {note}" for note in read.notes)
            if len(read.text) > config.max_article_chars:
                full_length = len(read.text)
                read.text = cut_text(read.text, config.max_article_chars)
                cut[address] = full_length
                result.warnings.append(
                    f"{address}: the text is {full_length:,} characters long; only the first {len(read.text):,} "
                    f"are kept and analysed (extra.report.max_article_chars is {config.max_article_chars:,}). "
                    "Split the file into articles, or raise the option, to keep more"
                )
            entries = sidecar.overrides(rel, read.part)
            used_sidecar.update(key for key, _ in entries)
            result.warnings.extend(_apply_sidecar(read, entries, sidecar, address, config))
            pending.append((address, read))
    _name_outlets(pending, sidecar)
    slugs = SlugRegistry()
    for address, read in pending:
        warning = _detect_language(read)
        if warning:
            result.warnings.append(f"{address}: {warning}")
        language = read.meta.get("language")
        if language not in (None, "en"):
            how = "detected" if read.provenance.get("language") == "derived" else "declared"
            result.notices.append(
                f"{address}: the text is in {NAMES.get(language, language)} ({language}, {how}); our analysers "
                "are English, so its page has its text but no summary, keywords, entities or quotes. Set "
                f"'language: en' for it in {config.metadata_file} if it is English"
            )
        if "title" not in read.meta:
            read.set("title", derive_title(read.text), "derived")
        stem = str(PurePosixPath(address.split("#", 1)[0]).with_suffix(""))
        wanted = slugify(stem if read.part is None else f"{stem}-{read.part}")
        slug = slugs.claim(wanted, address)
        if slug != wanted:
            result.warnings.append(
                f"{address}: its page name {wanted}.html is taken by {slugs.owner(wanted)}, so its page is "
                f"{slug}.html; rename one of the two files to choose their names"
            )
        if address in cut:
            result.cut[slug] = cut[address]
        result.articles.append(
            Article(
                id=slug,
                slug=slug,
                path=address,
                title=read.meta["title"],
                text=read.text,
                source=read.meta.get("source"),
                date=read.meta.get("date"),
                url=read.meta.get("url"),
                author=read.meta.get("author"),
                provenance=dict(read.provenance),
                content_hash=hashlib.sha256(read.text.encode("utf-8")).hexdigest(),
                published=read.meta.get("published"),
                language=read.meta.get("language"),
                extra=dict(read.extra),
                provenance_detail=dict(read.detail),
            )
        )
    for name in sorted(set(sidecar.entries) - used_sidecar):
        result.warnings.append(f"{config.metadata_file}: entry {name!r} matches no article; check the name")
    return result
