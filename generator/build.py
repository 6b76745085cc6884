"""The pipeline: one `build()` runs ingest → analyse → link → pages → MkDocs, with the time of each stage.

`python -m generator build` runs all five stages, `analyse` stops after link (for report.json),
`serve` after pages (MkDocs' live-reload server builds them) and `deploy` builds, then publishes.
Where a build reads and writes is resolved once (`Paths`).
"""

from __future__ import annotations

import gc
import os
import platform
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Literal

from generator import __version__
from generator.analyse import AnalysisStats, SchedulerError, analyse_articles
from generator.analyse.cache import to_json
from generator.analyse.nlp import model_signature
from generator.cache_keys import corpus_key
from generator.config import Config, read_mkdocs_yml
from generator.corpus_store import CORPUS_FILE, load_corpus, save_corpus
from generator.ingest import IngestResult, read_corpus
from generator.link import link_corpus
from generator.model import Corpus
from generator.pages import BuildInfo, PageChanges, write_pages
from generator.preflight import SetupError, check_folders, check_outputs
from generator.progress import QUIET, Reporter
from generator.project_lock import project_lock

Say = Callable[[str], Any]
Stage = Literal["link", "pages", "site"]  # the last stage a build runs


class BuildError(RuntimeError):
    """The build cannot go on; the message says what to do."""


def cpu_seconds() -> float:
    """CPU time (user + system) of this process and of its finished child processes (the forked
    analysis and MkDocs workers): on a shared machine, a stage's cost, where wall time is its wait."""
    used = os.times()
    return used.user + used.system + used.children_user + used.children_system


@dataclass
class Timer:
    timings: dict[str, float] = field(default_factory=dict)  # wall seconds per stage
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds per stage (`cpu_seconds`)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started, cpu_started = time.perf_counter(), cpu_seconds()
        try:
            yield
        finally:
            self.timings[name] = time.perf_counter() - started
            self.cpu[name] = cpu_seconds() - cpu_started


def versions(config: Config) -> dict[str, str]:
    """The versions that made the build; for keywords, the YAKE implementation that does the work."""
    found = {"generator": __version__, "python": platform.python_version()}
    for package in ("spacy", config.yake_engine, "mkdocs", "jinja2", "markdown-it-py", "scikit-learn"):
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


@dataclass(frozen=True)
class Paths:
    """Where a build reads and writes. Paths in mkdocs.yml are relative to the folder that holds it (the
    project root); paths given on the command line are taken as given (relative to the working folder)."""

    config_file: Path  # mkdocs.yml (it need not exist for `analyse`)
    root: Path
    input_dir: Path
    docs_dir: Path  # the generated Markdown and data files
    site_dir: Path
    cache_dir: Path | None  # the analysis cache; None: neither read nor written

    @classmethod
    def resolve(
        cls, config_file: Path, config: Config, input_dir: Path | None, site_dir: Path | None, use_cache: bool
    ) -> Paths:
        root = config_file.parent
        return cls(
            config_file=config_file,
            root=root,
            input_dir=input_dir if input_dir is not None else root / config.input,
            docs_dir=root / config.build_dir / "docs",
            site_dir=site_dir if site_dir is not None else root / config.site_dir,
            cache_dir=root / config.cache_dir if use_cache else None,
        )

    @property
    def build_dir(self) -> Path:
        """The generated docs' folder's parent: the build folder (`.build`), where the project lock is."""
        return self.docs_dir.parent

    @property
    def corpus_file(self) -> Path | None:
        """The linked corpus cache (`corpus_store`), beside the analysis cache."""
        return self.cache_dir.parent / CORPUS_FILE if self.cache_dir else None

    @property
    def templates_dir(self) -> Path:
        """The page templates: in the theme's custom_dir, under pages/."""
        theme = read_mkdocs_yml(self.config_file).get("theme") or {}
        custom = theme.get("custom_dir") if isinstance(theme, dict) else None
        if not custom:
            raise BuildError(f"{self.config_file}: theme.custom_dir must name the report theme (themes/report)")
        return (self.root / custom / "pages").resolve()

    @property
    def site_name(self) -> str:
        return str(read_mkdocs_yml(self.config_file).get("site_name") or "News coverage report")


@dataclass(frozen=True)
class BuildRequest:
    """What to build and how."""

    paths: Paths
    config: Config
    until: Stage = "site"
    scheduler: str | None = None  # a Dask scheduler's address for the analysis (else config.scheduler)
    clean: bool = False  # MkDocs builds every page (also with strict, so that every page's warnings show)
    strict: bool = False
    site_url: str | None = None  # overrides site_url in mkdocs.yml
    freeze: bool = False  # one build per process: keep the linked corpus out of the garbage collector's scans


@dataclass
class BuildResult:
    """What a build read, made and said."""

    ingest: IngestResult
    corpus: Corpus
    corpus_key: str  # what the corpus was linked from (`cache_keys.corpus_key`): equal keys, equal corpus
    stats: AnalysisStats
    warnings: list[str]  # ingest's, then analysis failures: "path: message"
    timings: dict[str, float]
    versions: dict[str, str]
    pages: int = 0
    changes: PageChanges = field(default_factory=PageChanges)
    mkdocs_warnings: list[str] = field(default_factory=list)  # MkDocs' config warnings, then its build's
    dirty: bool = False  # MkDocs built only the pages whose Markdown changed

    @property
    def problems(self) -> list[str]:
        """Every skip and warning that needs a look: what `--strict` fails on."""
        failures = self.warnings[len(self.ingest.warnings) :]
        return self.ingest.problems + failures + [f"mkdocs: {w}" for w in self.mkdocs_warnings]


def build(request: BuildRequest, say: Say = print, progress: Reporter = QUIET) -> BuildResult:
    """Run the stages up to `request.until`; raises BuildError when the build cannot go on, SetupError
    when it cannot start or write (checked before anything is read or written, where it can be)."""
    check_folders(request)
    if request.until == "link":  # `analyse` writes no pages: it may run beside a build
        return _build(request, say, progress)
    with project_lock(request.paths.build_dir):
        return _build(request, say, progress)


def _build(request: BuildRequest, say: Say, progress: Reporter) -> BuildResult:
    started = time.perf_counter()
    built, reproducible = build_time()
    timer = Timer()
    paths, config = request.paths, request.config
    config_warnings = check_outputs(request)
    for warning in config_warnings:
        say(f"  mkdocs warning: {warning}")
    with timer.stage("ingest"):
        ingest = _ingest(paths.input_dir, config, say)
    with timer.stage("analyse"):
        analyses, stats, warnings = _analyse(ingest, request, progress, say)
    with timer.stage("link"):
        corpus, key = _link(ingest, analyses, request, say)
    result = BuildResult(ingest, corpus, key, stats, warnings, timer.timings, versions(config))
    result.mkdocs_warnings = list(config_warnings)
    if request.until == "link":
        return result
    if request.freeze:  # the corpus lives to the end: the collector need not scan its millions of objects again
        gc.collect()
        gc.freeze()
    info = BuildInfo(
        input_dir=str(paths.input_dir),
        files_seen=ingest.files_seen,
        skipped=ingest.skipped,
        warnings=warnings,
        config_files=ingest.config_files,
        versions=result.versions,
        timings=timer.timings,  # the stages so far: the build report is written during "pages"
        analysed=stats.analysed,
        from_cache=stats.from_cache,
        workers=stats.workers,
        built=built.strftime("%Y-%m-%d %H:%M UTC"),
        reproducible=reproducible,
        cut=ingest.cut,
        notices=ingest.notices,
    )
    with timer.stage("pages"):
        result.pages = write_pages(
            corpus, config, paths.docs_dir, paths.templates_dir, info, paths.site_name, progress, result.changes, key
        )
    changes = result.changes
    say(
        f"pages: {result.pages} Markdown pages in {paths.docs_dir}: {changes.rewritten} files written, "
        f"{changes.unchanged} unchanged, {len(changes.removed)} removed"
    )
    if request.until == "pages":
        return result
    with timer.stage("mkdocs"):
        _mkdocs(result, request, say)
    stages = ", ".join(f"{stage} {seconds:.2f}s" for stage, seconds in timer.timings.items())
    say(f"done in {time.perf_counter() - started:.2f}s ({stages})")
    say(f"cpu: {sum(timer.cpu.values()):.2f}s (" + ", ".join(f"{k} {v:.2f}s" for k, v in timer.cpu.items()) + ")")
    return result


def _ingest(input_dir: Path, config: Config, say: Say) -> IngestResult:
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
    return ingest


def _analyse(
    ingest: IngestResult, request: BuildRequest, progress: Reporter, say: Say
) -> tuple[dict[str, Any], AnalysisStats, list[str]]:
    """Every article's analysis (cached); the warnings so far: ingest's, then the failed analyses."""
    config = request.config
    try:
        analyses, stats = analyse_articles(
            ingest.articles, config, request.paths.cache_dir, progress, request.scheduler
        )
    except SchedulerError as exc:
        raise BuildError(str(exc)) from exc
    address = request.scheduler or config.scheduler
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
    return analyses, stats, warnings


def _link(ingest: IngestResult, analyses: dict[str, Any], request: BuildRequest, say: Say) -> tuple[Corpus, str]:
    """The linked corpus: the last build's when it was linked from the same inputs (`corpus_store`)."""
    config, paths = request.config, request.paths
    alias_file = paths.input_dir / config.alias_file
    stored = [to_json(analyses[a.id]) for a in ingest.articles]
    key = corpus_key(ingest.articles, stored, repr(config), alias_file)
    store = paths.corpus_file
    corpus = load_corpus(store, key) if store else None
    if corpus is None:
        corpus = link_corpus(ingest.articles, analyses, config, alias_file)
        if store:
            save_corpus(store, key, corpus)
    else:
        say("link: articles, analyses, options and alias file unchanged: the linked corpus is the last build's")
    say(
        f"link: {len(corpus.entities)} entities ({len(corpus.paged_entities)} in {config.entity_min_articles}+ "
        f"articles), {len(corpus.stories)} stories ({len(corpus.no_story)} articles in no story), "
        f"{len(corpus.sources)} sources"
    )
    return corpus, key


def _mkdocs(result: BuildResult, request: BuildRequest, say: Say) -> None:
    from generator.mkdocs_adapter import build_site

    paths = request.paths
    outcome: dict[str, object] = {}
    built = build_site(
        paths.config_file,
        paths.docs_dir,
        paths.site_dir,
        request.site_url,
        incremental=not (request.clean or request.strict),
        outcome=outcome,
    )
    result.mkdocs_warnings += built  # after the config's warnings (`preflight.check_outputs`)
    result.dirty = bool(outcome.get("dirty"))
    for warning in built:
        say(f"  mkdocs warning: {warning}")
    how = "the changed pages only (dirty build)" if result.dirty else "every page (clean build)"
    say(f"mkdocs: site built in {paths.site_dir}, {how}")


def serve(make_request: Callable[[], BuildRequest], address: str, say: Say = print, progress: Reporter = QUIET) -> None:
    """Build the pages, then serve them with live reload; when an input file, a template or mkdocs.yml
    changes, the pages are built again (with the options as they are then) before MkDocs rebuilds."""
    from generator.config import ConfigError
    from generator.mkdocs_adapter import serve_site

    request = replace(make_request(), until="pages")
    paths = request.paths
    check_folders(request)
    with project_lock(paths.build_dir):  # held while serving: MkDocs reads the docs the whole time
        build(request, say, progress)

        def regenerate() -> None:
            say(f"serve: {paths.input_dir} or the page templates changed, generating the pages again")
            try:
                build(replace(make_request(), until="pages"), say, progress)
            except (BuildError, SetupError, ConfigError, OSError, ValueError) as exc:
                say(f"error: {exc} (the preview keeps the last good pages)")

        watched = (paths.input_dir.resolve(), paths.templates_dir)
        serve_site(paths.config_file, paths.docs_dir, address, watch=watched, regenerate=regenerate)


def deploy(paths: Paths, site_url: str | None, **options: Any) -> None:
    """Publish the built site to a branch of a remote (`mkdocs gh-deploy`); `options`: message,
    remote_name, remote_branch, force."""
    from generator.mkdocs_adapter import DeployError, deploy_site

    try:
        deploy_site(paths.config_file, paths.docs_dir, paths.site_dir, site_url=site_url, **options)
    except DeployError as exc:
        raise BuildError(str(exc)) from exc
