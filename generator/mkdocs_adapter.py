"""The one module that imports MkDocs: build, serve or deploy the generated docs with our theme."""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs import __version__ as MKDOCS_VERSION  # noqa: N812
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

from generator.cache_keys import site_key
from generator.pages.paths import NAV
from generator.site_swap import staged_site

SERVE_HOOK = Path(__file__).with_name("serve_hook.py")


class _CountWarnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class DeployError(RuntimeError):
    """Publishing failed; the message says why."""


class MkDocsConfigError(ValueError):
    """MkDocs cannot load mkdocs.yml (a missing theme folder, a value of the wrong type); the message
    lists its errors."""


class _Collect(logging.Handler):
    """MkDocs' log records, by level (it logs its config errors and warnings, then raises Abort)."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        (self.errors if record.levelno >= logging.ERROR else self.warnings).append(record.getMessage())


def check_config(mkdocs_yml: Path, docs_dir: Path, site_dir: Path, site_url: str | None) -> list[str]:
    """Load mkdocs.yml as the build will (before the analysis, so that its errors come first): its
    warnings (an unknown key), or MkDocsConfigError with its errors."""
    handler = _Collect()
    mkdocs_logger = logging.getLogger("mkdocs")
    mkdocs_logger.addHandler(handler)
    try:
        _config(mkdocs_yml, docs_dir, site_dir, site_url)
    except (Abort, ConfigurationError) as exc:
        errors = "; ".join(handler.errors) or str(exc)
        raise MkDocsConfigError(f"{mkdocs_yml}: MkDocs cannot use it: {errors}") from exc
    finally:
        mkdocs_logger.removeHandler(handler)
    return handler.warnings


def _config(mkdocs_yml: Path | None, docs_dir: Path, site_dir: Path | None, site_url: str | None, **more: object):
    """MkDocs' config from mkdocs.yml, with our folders and site_url, and our nav unless it sets one."""
    overrides: dict[str, Any] = {"docs_dir": str(docs_dir.resolve()), **more}
    if site_dir is not None:
        overrides["site_dir"] = str(site_dir.resolve())
    if site_url:
        overrides["site_url"] = site_url
    config = load_config(str(mkdocs_yml) if mkdocs_yml else None, **overrides)
    if "md_in_html" not in config.markdown_extensions:  # the pages' cards and collapsible blocks need it
        config.markdown_extensions.append("md_in_html")
    if any((Path(folder) / REPORT_JS).is_file() for folder in config.theme.dirs):
        config.theme.static_templates.add(REPORT_JS)  # it holds the nav: the section links it writes on the pages
    if not config.nav:
        # The generator's section pages, unless mkdocs.yml sets a nav. Never every page: that makes
        # the build quadratic.
        config.nav = [{title: page} for title, page in NAV]
    return config


REPORT_JS = "assets/js/report.js"  # the theme's shared script, a template that MkDocs renders with the nav

# Blocks whose whitespace is content (or code): `compact_html` leaves them as they are.
_KEPT_BLOCKS = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.IGNORECASE | re.DOTALL)
_LINE_INDENT = re.compile(r"\n[ \t]*(?:\n[ \t]*)*")
# A line break before a block-level (or table, list, document) tag: white space a browser does not lay out.
_BLOCK_BREAK = re.compile(
    r"\n(?=</?(?:html|head|body|meta|link|title|header|footer|main|nav|section|article|aside|div|p|h[1-6]|ul|ol|li"
    r"|dl|dt|dd|table|caption|thead|tbody|tfoot|tr|th|td|blockquote|figure|figcaption|details|summary|form|hr)[\s>/])",
    re.IGNORECASE,
)


def compact_html(html: str) -> str:
    """The page without its indentation and blank lines: a newline and the spaces and blank lines
    after it become one newline. A browser collapses that white space to one space either way, so
    the page reads and lays out the same; `<pre>`, `<textarea>`, `<script>` and `<style>` are kept
    as they are. (About 1.5 % of allsides' HTML; the theme's header alone is 0.3 KB a page.) A line break
    before a block-level tag (`<p>`, `</li>`, `<td>`, `<dd>`, …) goes too: white space beside a block box is
    not laid out (another 1.8 %); before an inline tag (`<a>`, `<strong>`) it is a space between words, kept."""
    parts = _KEPT_BLOCKS.split(html)
    out = []
    for index in range(0, len(parts), 3):
        out.append(_BLOCK_BREAK.sub("", _LINE_INDENT.sub("\n", parts[index])))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)


class _CompactHtml(BasePlugin):
    """Writes every page through `compact_html` (MkDocs' `on_post_page`)."""

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:  # noqa: ARG002 - MkDocs' event
        return compact_html(output)


class _ParallelMarkdown(BasePlugin):
    """Converts every page's Markdown over forked processes before MkDocs reads the pages one by one.

    Python-Markdown is most of MkDocs' time on our pages (bench/mkdocs_profile.py) and MkDocs
    converts one page at a time. Once MkDocs has its files and nav (`on_nav`), each worker runs
    MkDocs' own `Page.read_source` and `Page.render` on a share of the pages (the same code, so the
    same HTML, links checked the same way); the results (HTML, table of contents, title, anchors)
    are set on the pages, whose `render` then has nothing left to do. Warnings the workers logged
    are logged again here, so they count as MkDocs' warnings.
    """

    def __init__(self, workers: int, dirty: bool) -> None:
        self.workers = workers
        self.dirty = dirty

    def on_nav(self, nav, *, config, files):  # noqa: ANN001, ANN201 - MkDocs' plugin event
        pages = []
        for file in files.documentation_pages():
            if file.page is None and file.inclusion.is_not_in_nav():
                Page(None, file, config)  # as MkDocs' build does for pages outside the nav
            if file.page is not None and not (self.dirty and not file.page.file.is_modified()):
                pages.append(file.page)
        if self.workers < 2 or len(pages) < _MIN_PARALLEL or "fork" not in multiprocessing.get_all_start_methods():
            return nav
        global _FORKED
        _FORKED = (pages, config, files)
        chunks = [(start, min(start + _CHUNK, len(pages))) for start in range(0, len(pages), _CHUNK)]
        try:
            with multiprocessing.get_context("fork").Pool(min(self.workers, len(chunks))) as pool:
                for rendered, records in pool.imap(_render_pages, chunks):
                    for index, content, toc, title, anchors, links in rendered:
                        _set_rendered(pages[index], files, content, toc, title, anchors, links)
                    for name, level, message in records:
                        logging.getLogger(name).log(level, message)
        finally:
            _FORKED = None
        return nav


_MIN_PARALLEL = 200  # fewer pages than this: converting them here costs less than forking
_CHUNK = 64
_FORKED: tuple[list[Any], Any, Any] | None = None  # the pages, config and files forked workers convert


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _render_pages(bounds: tuple[int, int]) -> tuple[list[tuple[Any, ...]], list[tuple[str, int, str]]]:
    """In a forked worker: MkDocs' conversion of pages start..stop; what it made and logged."""
    assert _FORKED is not None
    pages, config, files = _FORKED
    handler = _Records()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    rendered = []
    try:
        for index in range(*bounds):
            page = pages[index]
            config._current_page = page
            page.read_source(config)
            page.render(config, files)
            links = {target.src_uri: anchors for target, anchors in (page.links_to_anchors or {}).items()}
            rendered.append((index, page.content, page.toc, page._title_from_render, page.present_anchor_ids, links))
    finally:
        config._current_page = None
        logger.removeHandler(handler)
    return rendered, handler.records


def _set_rendered(page, files, content, toc, title, anchors, links) -> None:  # noqa: ANN001 - MkDocs objects
    """Give a page what `Page.render` would have given it; its `render` is then a no-op."""

    def render(config, files) -> None:  # noqa: ANN001, ARG001 - Page.render's signature
        page.content, page.toc, page._title_from_render, page.present_anchor_ids = content, toc, title, anchors
        if links is not None:
            page.links_to_anchors = {files.get_file_from_path(uri): anchors for uri, anchors in links.items()}

    page.render = render


STATE_FILE = "site-state.json"  # beside docs_dir: what the last finished build of which site was made with
_DIRTY_WARNING = "A 'dirty' build is being performed"


def _fingerprint(config, mkdocs_yml: Path | None) -> str:  # noqa: ANN001 - MkDocsConfig
    """The site's cache key (`cache_keys.site_key`): when it is unchanged, only the pages whose Markdown
    changed need building."""
    settings = [config.site_url, config.site_dir, config.docs_dir, repr(config.nav), repr(config.theme.dirs)]
    return site_key(mkdocs_yml, settings, config.theme.dirs)


def _remove_stale_output(config) -> list[str]:  # noqa: ANN001 - MkDocsConfig
    """After a dirty build: delete the files in site_dir that no source produces any more (the page
    of a removed article), as a clean build would not have them. Returns them, relative to site_dir."""
    from mkdocs.structure.files import get_files

    files = get_files(config)
    files.add_files_from_theme(config.theme.get_env(), config)
    site = Path(config.site_dir)
    expected = {Path(f.abs_dest_path).resolve() for f in files}
    for template in config.theme.static_templates:
        expected.add((site / template).resolve())
    expected |= {(site / "sitemap.xml.gz").resolve(), (site / ".nojekyll").resolve()}
    removed = []
    for path in sorted(site.rglob("*"), reverse=True):
        if path.is_dir() and not path.is_symlink():
            if not any(path.iterdir()):
                path.rmdir()
        elif path.resolve() not in expected:
            path.unlink()
            removed.append(path.relative_to(site).as_posix())
    return removed


def build_site(
    mkdocs_yml: Path | None,
    docs_dir: Path,
    site_dir: Path,
    site_url: str | None = None,
    incremental: bool = True,
    outcome: dict[str, object] | None = None,
    workers: int | None = None,
) -> list[str]:
    """Build docs_dir into site_dir; returns MkDocs' warnings (broken links and the like).

    `site_url` (the address the site will be published at, e.g. a GitHub Pages project
    sub-path) overrides the one in mkdocs.yml; it gives the sitemap and the 404 page their
    absolute addresses. Pages link to each other relatively either way, so the site also
    works from disk. The site gets a `.nojekyll` file so that GitHub Pages serves it as is.

    Incremental (the default): when site_dir holds the finished build of this docs_dir made with
    the same MkDocs settings, theme files and versions (`_fingerprint`), MkDocs builds dirty: it
    renders only the pages whose Markdown is newer than their HTML (the pages stage rewrites a
    file only when its content changed), and the output of removed pages is deleted. Otherwise,
    or with `incremental=False`, the site is built clean. `outcome` (if given) gets "dirty" and
    "removed" (output files deleted after a dirty build). The pages' Markdown is converted over
    `workers` forked processes (default: one per core; `_ParallelMarkdown`).
    """
    config = _config(mkdocs_yml, docs_dir, site_dir, site_url)
    state_path = docs_dir.parent / STATE_FILE
    fingerprint = {"site_dir": str(site_dir.resolve()), "fingerprint": _fingerprint(config, mkdocs_yml)}
    try:
        previous = json.loads(state_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        previous = None
    dirty = incremental and site_dir.is_dir() and previous == fingerprint
    state_path.unlink(missing_ok=True)  # a build that fails or is killed leaves no state: the next one is clean
    handler = _CountWarnings()
    mkdocs_logger = logging.getLogger("mkdocs")
    mkdocs_logger.addHandler(handler)
    config.plugins["report-parallel-markdown"] = _ParallelMarkdown(workers or os.cpu_count() or 1, dirty)
    config.plugins["report-compact-html"] = _CompactHtml()
    try:
        with staged_site(site_dir, start_from_previous=dirty) as building:
            config.site_dir = str(building)  # built beside the site, swapped in when whole (`site_swap`)
            build(config, dirty=dirty)
            removed = _remove_stale_output(config) if dirty else []
            (building / ".nojekyll").touch()
    finally:
        mkdocs_logger.removeHandler(handler)
    state_path.parent.mkdir(parents=True, exist_ok=True)
    state_path.write_text(json.dumps(fingerprint), encoding="utf-8")
    if outcome is not None:
        outcome.update(dirty=dirty, removed=removed)
    return [message for message in handler.messages if not message.startswith(_DIRTY_WARNING)]


def deploy_site(
    mkdocs_yml: Path | None,
    docs_dir: Path,
    site_dir: Path,
    *,
    message: str | None = None,
    remote_name: str | None = None,
    remote_branch: str | None = None,
    force: bool = False,
    site_url: str | None = None,
) -> None:
    """Publish the built site_dir to a branch (gh-pages) of a remote, as `mkdocs gh-deploy` does.

    Runs in the git repository of the current folder; the branch gets the site's files
    and `.nojekyll`, in one new commit on top of the branch's history.
    """
    from mkdocs.commands.gh_deploy import gh_deploy

    inside = subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], capture_output=True, check=False)
    if inside.returncode != 0:
        raise DeployError(f"{os.getcwd()} is not a git repository: run the deploy from the project's git clone")
    more: dict[str, object] = {}
    if remote_name:
        more["remote_name"] = remote_name
    if remote_branch:
        more["remote_branch"] = remote_branch
    config = _config(mkdocs_yml, docs_dir, site_dir, site_url, **more)
    try:
        gh_deploy(config, message=message, force=force)
    except Abort as exc:
        raise DeployError(f"deploy to {config.remote_name}/{config.remote_branch} failed: {exc}") from exc


# `serve`: MkDocs rebuilds when a watched file changes; before each build, a hook
# (serve_hook.py) re-runs the generator if the input folder or the page templates changed.
_serve_state: dict[str, object] = {"regenerate": None, "watched": (), "signature": None}


def _signature(paths: tuple[Path, ...]) -> tuple[tuple[str, int, int], ...]:
    found = []
    for root in paths:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in files:
            stat = path.stat()
            found.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


def regenerate_if_changed() -> bool:
    """Called by the serve hook before each build: re-run the generator if its inputs changed."""
    regenerate = _serve_state["regenerate"]
    if regenerate is None:
        return False
    watched: tuple[Path, ...] = _serve_state["watched"]  # type: ignore[assignment]
    signature = _signature(watched)
    if signature == _serve_state["signature"]:
        return False
    _serve_state["signature"] = signature
    regenerate()  # type: ignore[operator]
    return True


def serve_site(
    mkdocs_yml: Path | None,
    docs_dir: Path,
    address: str,
    watch: tuple[Path, ...] = (),
    regenerate: Callable[[], None] | None = None,
) -> None:
    """Serve with live reload; when a file under `watch` changes, `regenerate` runs before MkDocs rebuilds."""
    from mkdocs.commands.serve import serve

    _serve_state.update(regenerate=regenerate, watched=tuple(watch), signature=_signature(tuple(watch)))
    serve(
        str(mkdocs_yml) if mkdocs_yml else None,
        dev_addr=address,
        docs_dir=str(docs_dir.resolve()),
        watch=[str(p) for p in watch],
        watch_theme=True,
        hooks=[str(SERVE_HOOK)],
    )


__all__ = ["MKDOCS_VERSION", "DeployError", "build_site", "deploy_site", "serve_site"]
