"""Ingest: a folder of files in, `Article`s and a list of what was skipped out.

Every file becomes articles (one, or one per record of a JSON / JSON Lines file),
a `Skipped` with its reason, or is a config file (alias file, sidecar). Every
record of a multi-article file becomes an article or a `Skipped` naming its line.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator.config import Config
from generator.ingest.decode import UnreadableFile, decode_bytes
from generator.ingest.fields import FieldMap
from generator.ingest.formats import READERS, SUFFIXES
from generator.ingest.language import NAMES, detect_language
from generator.ingest.names import shown_path
from generator.ingest.notes import cleaning_notice, detokenised_warning, mapping_problems, text_field_notices
from generator.ingest.readers import InvalidArticle, ReadResult, RecordSkip, derive_title
from generator.ingest.sidecar import Sidecar, apply_sidecar, join_outlet_names, load_sidecar, name_outlets
from generator.ingest.slug import SlugRegistry, slugify
from generator.ingest.text import PreparedText, cut_text, prepare_text
from generator.model import Article, Skipped

__all__ = ["IngestResult", "Sidecar", "cut_text", "load_sidecar", "read_corpus", "saved_page_of"]

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
    outlet_joins: dict[str, dict[str, int]] = field(default_factory=dict)  # outlet -> {name in the files: articles}

    @property
    def problems(self) -> list[str]:
        """Every warning and every skip that needs a look (what `--strict` fails on), as "path: message"."""
        skips = [f"{s.path}: skipped: {s.reason}" for s in self.skipped if s.path not in self.page_parts]
        return skips + list(self.warnings)


def _walk(root: Path) -> tuple[list[Path], list[OSError]]:
    """Every file below root, and every link to a folder (not followed), sorted by relative path; and the
    folders that could not be listed (os.walk would pass over them without a word)."""
    found: list[Path] = []
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append, followlinks=False):
        dirnames.sort()
        found.extend(Path(dirpath) / name for name in dirnames if (Path(dirpath) / name).is_symlink())
        for name in filenames:
            found.append(Path(dirpath) / name)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix()), errors


def _unreadable_folder(error: OSError, input_dir: Path) -> Skipped:
    folder = Path(error.filename) if error.filename else input_dir
    rel = "." if folder == input_dir else shown_path(folder.relative_to(input_dir).as_posix())
    return Skipped(
        f"{rel}/", f"folder could not be read ({error.strerror}); none of its files were read: check its permissions"
    )


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


def _read_file(
    path: Path, rel: str, config: Config, fields: FieldMap, result: IngestResult
) -> list[ReadResult | RecordSkip]:
    """Decode and read one file; a file that cannot be read at all is a skip."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        suffix = shown_path(path.suffix) or "no extension"
        result.skipped.append(Skipped(rel, f"not an article format ({suffix}); use {SUFFIXES}"))
        return []
    try:
        decoded = decode_bytes(path.read_bytes(), html=path.suffix.lower() in HTML_SUFFIXES)
        if not decoded.text.strip():
            raise InvalidArticle("is empty; add the article's text or remove the file")
        reads = reader(decoded.text, config.date_day_first, fields)
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


def _read_files(
    input_dir: Path, config: Config, sidecar: Sidecar, result: IngestResult
) -> list[tuple[str, ReadResult, PreparedText]]:
    """Every file read, the sidecar applied and the text prepared: (address, read, prepared), in input order."""
    root = input_dir.resolve()
    special = {config.alias_file, config.metadata_file}
    used_sidecar: set[str] = set()
    pending: list[tuple[str, ReadResult, PreparedText]] = []
    paths, errors = _walk(input_dir)
    result.skipped.extend(_unreadable_folder(error, input_dir) for error in errors)
    for path in paths:
        on_disk = path.relative_to(input_dir).as_posix()
        rel = shown_path(on_disk)  # what every message, page and report shows (and the sidecar keys match)
        result.files_seen += 1
        if on_disk in special:
            result.config_files.append(rel)
            continue
        reason = _skip_reason(path, root)
        if reason is not None:
            result.skipped.append(Skipped(rel, reason))
            continue
        page = saved_page_of(on_disk, input_dir)
        if page is not None:
            result.skipped.append(
                Skipped(rel, f"part of the saved page {shown_path(page)} (its images, styles, scripts); not an article")
            )
            result.page_parts.add(rel)
            continue
        for read in _read_file(path, rel, config, sidecar.fields, result):
            address = rel if read.part is None else f"{rel}#{read.part}"
            if isinstance(read, RecordSkip):
                result.skipped.append(Skipped(address, read.reason))
                continue
            if not read.text.strip():
                result.skipped.append(Skipped(address, "has metadata but no article text"))
                continue
            result.warnings.extend(f"{address}: {note}" for note in read.notes)
            entries = sidecar.overrides(rel, read.part)
            used_sidecar.update(key for key, _ in entries)
            result.warnings.extend(apply_sidecar(read, entries, sidecar, address, config))
            pending.append((address, read, _prepare(read, address, config, result)))
    for name in sorted(set(sidecar.entries) - used_sidecar):
        result.warnings.append(f"{config.metadata_file}: entry {name!r} matches no article; check the name")
    return pending


def _prepare(read: ReadResult, address: str, config: Config, result: IngestResult) -> PreparedText:
    """The text to analyse (`text.prepare_text`); a byline found at its start is the author when none is given."""
    prepared = prepare_text(read.text, read.meta.get("title"), config.max_article_chars)
    read.text = prepared.text
    if prepared.cleaned.byline and "author" not in read.meta:
        read.set("author", prepared.cleaned.byline, "inferred", "the byline at the start of its text")
    if prepared.cleaned.note:
        result.warnings.append(f"{address}: {prepared.cleaned.note}")
    if prepared.full_length is not None:
        result.warnings.append(
            f"{address}: the text is {prepared.full_length:,} characters long; only the first {len(read.text):,} "
            f"are kept and analysed (extra.report.max_article_chars is {config.max_article_chars:,}). "
            "Split the file into articles, or raise the option, to keep more"
        )
    return prepared


def _summarise(pending: list[tuple[str, ReadResult, PreparedText]], sidecar: Sidecar, result: IngestResult) -> None:
    """The build summary's lines about the whole input; a mapped field no record has stops the build."""
    records = [(address, read) for address, read, _ in pending if read.record_keys]
    keys: Counter[str] = Counter(key for _, read in records for key in read.record_keys)
    if sidecar.fields.names:
        result.warnings.extend(mapping_problems(records, sidecar, len(records), keys))
    result.notices.extend(text_field_notices(pending))
    result.warnings.extend(detokenised_warning(pending))
    result.notices.extend(cleaning_notice(pending))
    for name, names in sorted(result.outlet_joins.items()):
        listed = ", ".join(f"{given!r} ({count:,})" for given, count in sorted(names.items()))
        result.notices.append(f"{sidecar.file_name}: outlets: {name!r} joins {listed}")


def _article(address: str, read: ReadResult, prepared: PreparedText, slug: str) -> Article:
    choice = read.text_choice
    if choice is not None:
        read.provenance["text"] = "given"
        read.detail["text"] = f"the {choice.key!r} field" + (f" ({choice.why})" if choice.why else "")
    return Article(
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
        text_field=choice.key if choice else None,
        detokenised=prepared.detokenised,
        dateline=prepared.cleaned.dateline,
        removed=prepared.cleaned.removed,
        source_as_given=read.source_as_given,
    )


def read_corpus(input_dir: Path, config: Config) -> IngestResult:
    """Read every file below input_dir; each becomes articles or a Skipped with its reason."""
    result = IngestResult()
    if not input_dir.is_dir():
        raise FileNotFoundError(f"input folder {input_dir} does not exist or is not a folder")
    sidecar = load_sidecar(input_dir / config.metadata_file)
    pending = _read_files(input_dir, config, sidecar, result)
    reads = [(address, read) for address, read, _ in pending]
    name_outlets(reads, sidecar)
    result.outlet_joins = {name: dict(names) for name, names in join_outlet_names(reads, sidecar).items()}
    _summarise(pending, sidecar, result)
    slugs = SlugRegistry()
    for address, read, prepared in pending:
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
        if prepared.full_length is not None:
            result.cut[slug] = prepared.full_length
        result.articles.append(_article(address, read, prepared, slug))
    return result
