"""The one module that imports MkDocs: build or serve the generated docs with our theme."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs import __version__ as MKDOCS_VERSION  # noqa: N812
from mkdocs.commands.build import build
from mkdocs.config import load_config

SECTION_NAV = [
    {"Home": "index.md"},
    {"Articles": "articles/index.md"},
    {"Topics": "topics/index.md"},
    {"Sources": "sources/index.md"},
    {"Entities": "entities/index.md"},
    {"Keywords": "keywords.md"},
    {"Graph": "graph.md"},
    {"Search": "search.md"},
    {"Build report": "build-report.md"},
]


class _CountWarnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(mkdocs_yml: Path | None, docs_dir: Path, site_dir: Path) -> list[str]:
    """Build docs_dir into site_dir; returns MkDocs' warnings (broken links and the like)."""
    overrides = {"docs_dir": str(docs_dir.resolve()), "site_dir": str(site_dir.resolve())}
    config = load_config(str(mkdocs_yml) if mkdocs_yml else None, **overrides)
    if not config.nav:
        # Never let MkDocs list every page: that makes the build quadratic.
        config.nav = SECTION_NAV
    handler = _CountWarnings()
    mkdocs_logger = logging.getLogger("mkdocs")
    mkdocs_logger.addHandler(handler)
    try:
        build(config)
    finally:
        mkdocs_logger.removeHandler(handler)
    return handler.messages


def serve_site(mkdocs_yml: Path | None, docs_dir: Path, address: str) -> None:
    from mkdocs.commands.serve import serve

    serve(
        str(mkdocs_yml) if mkdocs_yml else None,
        dev_addr=address,
        docs_dir=str(docs_dir.resolve()),
    )


__all__ = ["MKDOCS_VERSION", "build_site", "serve_site"]
