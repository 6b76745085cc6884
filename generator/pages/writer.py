"""The writer: renders a page kind's template with its context, and writes the files that changed.

The jinja2 environment escapes every value for Markdown unless it is `MD` (`markdown.py`),
so templates format values without marking each one; they get their page's context
dataclass (its fields are the template's variables, `page` among them) and a few
formatting helpers: the `link`, `href` and `md` filters, `external_link` and `MD`.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from generator.pages.markdown import MD, escape, external_link, finalize
from generator.pages.refs import href_filter, html_text, link_filter, url_filter
from generator.progress import Progress


@lru_cache(maxsize=1 << 17)
def _escaped(value: str) -> MD:
    return escape(value)


def _finalize(value: object) -> object:
    """`finalize`, remembering escaped strings: the same names and titles recur on thousands of pages."""
    if type(value) is str:
        return _escaped(value)
    return finalize(value)


def make_environment(templates_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=False,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(md=escape, link=link_filter, href=href_filter, url=url_filter, html=html_text)
    env.globals.update(external_link=external_link, MD=MD)
    return env


def context_variables(context: object) -> dict[str, Any]:
    """A context dataclass as the template's variables (its fields, not copied)."""
    return {f.name: getattr(context, f.name) for f in fields(context)}  # type: ignore[arg-type]


@dataclass
class PageChanges:
    """What a `write_pages` run changed in docs_dir: a rebuild with nothing new changes nothing."""

    rewritten: int = 0  # files (pages and data) whose content changed or that are new
    unchanged: int = 0  # files left as they were, with their modification time
    removed: list[str] = field(default_factory=list)  # files of the previous run that no page writes now


# A queued page: its template, and how to build its context (run where the page is rendered).
PageJob = tuple[str, Callable[..., Any], tuple[Any, ...]]


class PageWriter:
    """Writes files into docs_dir only when their content changed.

    An unchanged file keeps its modification time, so MkDocs' dirty build (which rebuilds a
    page only when its source is newer than its output) skips it; `remove_stale` deletes what
    the previous run wrote and this one did not.
    """

    def __init__(self, env: jinja2.Environment, docs_dir: Path, bar: Progress | None = None) -> None:
        self.env = env
        self.docs_dir = docs_dir
        self.root = docs_dir.resolve()
        self.count = 0
        self.changes = PageChanges()
        self.bar = bar or Progress.off()
        self.written: set[Path] = set()
        self.jobs: list[PageJob] = []  # pages queued for `run`

    def write(self, template: str, context: Any) -> None:
        """Render one page (its path is the context's `page`) and write it."""
        target = (self.docs_dir / context.page).resolve()
        if not target.is_relative_to(self.root):
            raise ValueError(f"refusing to write page {context.page!r} outside {self.docs_dir}")
        text = self.env.get_template(template).render(context_variables(context))
        self.put(target, text)
        self.count += 1
        self.bar.update()

    def queue(self, template: str, build: Callable[..., Any], *args: Any) -> None:
        """A page for `run`: its context is `build(*args)`, built where the page is rendered."""
        self.jobs.append((template, build, args))

    def run(self, workers: int) -> None:
        """Build and render the queued pages: over `workers` forked processes when there are many (pages
        are independent given the corpus, which the forked processes share), else here."""
        jobs, self.jobs = self.jobs, []
        chunks = [(start, min(start + _PAGE_CHUNK, len(jobs))) for start in range(0, len(jobs), _PAGE_CHUNK)]
        if workers < 2 or len(chunks) < 4 or "fork" not in multiprocessing.get_all_start_methods():
            for template, build, args in jobs:
                self.write(template, build(*args))
            return
        global _FORKED
        _FORKED = (self, jobs)
        try:
            with multiprocessing.get_context("fork").Pool(min(workers, len(chunks))) as pool:
                for written, rewritten, unchanged in pool.imap_unordered(_render_chunk, chunks):
                    self.written.update(written)
                    self.changes.rewritten += rewritten
                    self.changes.unchanged += unchanged
                    self.count += len(written)
                    self.bar.update(len(written))
        finally:
            _FORKED = None

    def put(self, target: Path, text: str) -> None:
        """Write text to target unless it already holds exactly that."""
        self.put_bytes(target, text.encode("utf-8"))

    def put_bytes(self, target: Path, data: bytes) -> None:
        """Write the bytes to target unless it already holds exactly them."""
        self.written.add(target)
        try:
            same = target.stat().st_size == len(data) and target.read_bytes() == data
        except OSError:
            same = False
        if same:
            self.changes.unchanged += 1
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self.changes.rewritten += 1

    def remove_stale(self) -> None:
        """Delete the files (and then empty folders) under docs_dir that this run did not write."""
        for path in sorted(self.root.rglob("*"), reverse=True):
            if path.is_dir() and not path.is_symlink():
                if not any(path.iterdir()):
                    path.rmdir()
            elif path not in self.written:
                path.unlink()
                self.changes.removed.append(path.relative_to(self.root).as_posix())


_PAGE_CHUNK = 64  # pages per task of a forked worker
_FORKED: tuple[PageWriter, list[PageJob]] | None = None  # what forked workers render


def _render_chunk(bounds: tuple[int, int]) -> tuple[list[Path], int, int]:
    """In a forked worker: build and render pages start..stop of the queue; the files written and the counts."""
    assert _FORKED is not None
    writer, jobs = _FORKED
    writer.bar = Progress.off()
    writer.written = set()
    writer.changes = PageChanges()
    for template, build, args in jobs[bounds[0] : bounds[1]]:
        writer.write(template, build(*args))
    return sorted(writer.written), writer.changes.rewritten, writer.changes.unchanged
