"""The pipeline, stage by stage, with timings: what `make site` and `analyse` run."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import platform
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from generator import __version__
from generator.analyse import SchedulerError, analyse_articles
from generator.analyse.cache import to_json
from generator.analyse.nlp import model_signature
from generator.config import Config, read_mkdocs_yml
from generator.ingest import IngestResult, read_corpus
from generator.link import link_corpus
from generator.model import Article, ArticleAnalysis, Corpus
from generator.progress import Reporter


class BuildError(RuntimeError):
    """The build cannot go on; the message says what to do."""


@dataclass
class Timer:
    timings: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str):  # noqa: ANN201 - context manager
        started = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] = time.perf_counter() - started


def versions(config: Config) -> dict[str, str]:
    found = {"generator": __version__, "python": platform.python_version()}
    for package in ("spacy", "yake", "mkdocs", "jinja2", "markdown-it-py", "scikit-learn"):
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            found[package] = "not installed"
    found["spaCy model"] = model_signature(config.spacy_model)
    return found


def build_time() -> tuple[datetime, bool]:
    """The build's date and time (UTC), and whether it is fixed by SOURCE_DATE_EPOCH (a reproducible build).

    SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/) is what MkDocs reads
    for its sitemap too; `git log -1 --format=%ct` gives the last commit's.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None or epoch == "":
        return datetime.now(UTC).replace(microsecond=0), False
    try:
        return datetime.fromtimestamp(int(epoch), UTC), True
    except (ValueError, OverflowError, OSError) as exc:
        raise BuildError(
            f"SOURCE_DATE_EPOCH={epoch!r} is not a time: set it to whole seconds since 1970 "
            "(e.g. `git log -1 --format=%ct`) or unset it"
        ) from exc


@dataclass
class Analysed:
    """Ingest, analysis and linking of one input folder."""

    ingest: IngestResult
    corpus: Corpus
    timer: Timer
    analysed: int
    from_cache: int
    workers: int
    warnings: list[str] = field(default_factory=list)  # ingest's, then analysis failures: "path: message"
    corpus_key: str = ""  # what the corpus was linked from (`corpus_key`): equal keys, equal corpus

    @property
    def problems(self) -> list[str]:
        """Every skip and warning that needs a look: what `--strict` fails on."""
        return self.ingest.problems + self.warnings[len(self.ingest.warnings) :]


def analyse_folder(
    input_dir: Path,
    config: Config,
    cache_dir: Path | None,
    say: Callable[[str], Any],
    progress: Reporter | None = None,
    scheduler: str | None = None,
) -> Analysed:
    """Ingest, analyse (`scheduler`: a Dask scheduler's address, else config.scheduler, else here) and link."""
    timer = Timer()
    with timer.stage("ingest"):
        ingest = read_corpus(input_dir, config)
    say(f"ingest: {ingest.files_seen} files, {len(ingest.articles)} articles read, {len(ingest.skipped)} skipped")
    for skipped in ingest.skipped:
        say(f"  skipped {skipped.path}: {skipped.reason}")
    for warning in ingest.warnings:
        say(f"  warning {warning}")
    for notice in ingest.notices:
        say(f"  note {notice}")
    if not ingest.articles:
        raise BuildError(
            f"no articles found in {input_dir}: add .txt, .md, .html, .json or .jsonl files (see README.md, 'Input')"
        )
    with timer.stage("analyse"):
        try:
            analyses, stats = analyse_articles(ingest.articles, config, cache_dir, progress, scheduler)
        except SchedulerError as exc:
            raise BuildError(str(exc)) from exc
    address = scheduler or config.scheduler
    used = f"on the Dask cluster at {address} ({stats.workers} worker threads)" if address else ""
    if stats.analysed or stats.failed:
        used = used or f"with {stats.workers} process(es)"
        say(f"analyse: {stats.analysed} analysed {used}, {stats.from_cache} from cache")
    else:
        say(f"analyse: nothing to analyse, all {stats.from_cache} articles unchanged (from cache)")
    warnings = list(ingest.warnings)
    for path, error in stats.failed:
        warnings.append(
            f"{path}: its analysis failed ({error}); its page shows its text only. This is a bug in the "
            "generator: please report it with the file"
        )
        say(f"  warning {warnings[-1]}")
    with timer.stage("link"):
        alias_file = input_dir / config.alias_file
        key = corpus_key(ingest.articles, analyses, config, alias_file)
        store = cache_dir.parent / CORPUS_FILE if cache_dir else None
        corpus = load_corpus(store, key) if store else None
        if corpus is None:
            corpus = link_corpus(ingest.articles, analyses, config, alias_file)
            if store:
                save_corpus(store, key, corpus)
        else:
            say("link: articles, analyses, options and alias file unchanged: the linked corpus is the last build's")
    paged = sum(1 for e in corpus.entities if len(e.articles) >= config.entity_min_articles)
    say(
        f"link: {len(corpus.entities)} entities ({paged} in {config.entity_min_articles}+ articles), "
        f"{len(corpus.topics)} topics, {len(corpus.sources)} sources"
    )
    return Analysed(ingest, corpus, timer, stats.analysed, stats.from_cache, stats.workers, warnings, key)


CORPUS_FILE = "corpus.pickle"  # beside the analysis cache: the last build's linked corpus and its key


def _code_fingerprint() -> bytes:
    """The generator's source: a change to any stage's code makes the stored corpus stale."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.digest()


CODE_FINGERPRINT = _code_fingerprint()


def corpus_key(articles: list[Article], analyses: dict[str, ArticleAnalysis], config: Config, alias_file: Path) -> str:
    """What the linked corpus is a function of: articles, their analyses, options, alias file and code."""
    digest = hashlib.sha256(CODE_FINGERPRINT)
    digest.update(repr(config).encode())
    digest.update(alias_file.read_bytes() if alias_file.is_file() else b"\0no alias file")
    digest.update(repr(articles).encode())
    # The analyses as the cache stores them: the same whether just computed or read from the cache.
    digest.update(json.dumps([to_json(analyses[a.id]) for a in articles], sort_keys=True).encode())
    return digest.hexdigest()


def load_corpus(path: Path, key: str) -> Corpus | None:
    """The stored corpus if it was linked from exactly these inputs, else None.

    The file is our own output in the project's cache folder (like the analysis cache, it is as
    trusted as the project folder); a damaged or foreign file is ignored and linked again.
    """
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


def theme_pages_dir(mkdocs_yml: Path) -> Path:
    """The page templates live in the theme's custom_dir, under pages/."""
    data = read_mkdocs_yml(mkdocs_yml)
    theme = data.get("theme") or {}
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    if not custom:
        raise BuildError(f"{mkdocs_yml}: theme.custom_dir must name the report theme (themes/report)")
    return (mkdocs_yml.parent / custom / "pages").resolve()


def site_name(mkdocs_yml: Path) -> str:
    return str(read_mkdocs_yml(mkdocs_yml).get("site_name") or "News coverage report")
