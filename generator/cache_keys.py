"""What every cache depends on: the one place that says when a stored result may be reused.

A build reuses four stored things, each under a key made of everything it is a function of;
another key means the stored thing is not used, and is made again:

- One article's analysis, `<cache_dir>/<key>.json` (`.cache/analysis`; `analyse/cache.py`):
  `analysis_key` of the analysed text, the analysis options (`Config.analysis_key`), the
  spaCy model's name and version, the analysers' source (`generator/analyse/*.py`) and
  `ANALYSIS_VERSION`.
- The linked corpus, `corpus.msgpack` beside the analysis cache (`build.py`): `corpus_key`
  of every `Article`, their analyses as the analysis cache stores them, every option, the
  alias file and the generator's source (`generator/**/*.py`).
- The pages, `pages-state.json` beside the generated docs (`pages/__init__.py`): `pages_key`
  of the corpus key, every option, the site name, the build details but the run's own
  figures, and every page template. While it holds, a rebuild renders the build report only.
- The site, `site-state.json` beside the generated docs (`mkdocs_adapter.py`): `site_key`
  of the MkDocs, Markdown, jinja2 and generator versions, mkdocs.yml, the effective MkDocs
  settings (site_url, folders, nav, theme folders) and every theme file. While it holds,
  MkDocs builds only the pages whose Markdown changed (a dirty build).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from importlib.metadata import version
from pathlib import Path
from typing import Any

from generator import __version__

ANALYSIS_VERSION = "1"  # raise to invalidate every stored analysis without changing the analysers' code
_PACKAGE = Path(__file__).parent


def _files_digest(digest: Any, files: Iterable[Path], name: Callable[[Path], str] = Path.as_posix) -> None:
    """Each file's name and bytes into `digest` (a hashlib object)."""
    for path in files:
        digest.update(name(path).encode() + b"\0" + path.read_bytes())


def _analysers_fingerprint() -> str:
    """The analysers' source: changing how articles are analysed invalidates every stored analysis."""
    digest = hashlib.sha256(ANALYSIS_VERSION.encode())
    _files_digest(digest, sorted((_PACKAGE / "analyse").glob("*.py")), lambda p: p.name)
    return digest.hexdigest()[:16]


def _code_fingerprint() -> bytes:
    """The generator's source: a change to any stage's code makes the stored corpus stale."""
    digest = hashlib.sha256()
    _files_digest(digest, sorted(_PACKAGE.rglob("*.py")))
    return digest.digest()


ANALYSERS_FINGERPRINT = _analysers_fingerprint()
CODE_FINGERPRINT = _code_fingerprint()


def analysis_key(text: str, options: dict[str, Any], model: str) -> str:
    """One article's analysis: its analysed text, the analysis options, the model and the analysers."""
    payload = json.dumps({"v": ANALYSERS_FINGERPRINT, "config": options, "model": model}, sort_keys=True)
    return hashlib.sha256((payload + "\0" + text).encode("utf-8")).hexdigest()


def corpus_key(
    articles: Sequence[object], stored_analyses: list[dict[str, Any]], options: str, alias_file: Path
) -> str:
    """The linked corpus: the articles, their analyses (as the cache stores them, so the same whether just
    computed or read back), the options (`repr(config)`), the alias file and the generator's code."""
    digest = hashlib.sha256(CODE_FINGERPRINT)
    digest.update(options.encode())
    digest.update(alias_file.read_bytes() if alias_file.is_file() else b"\0no alias file")
    digest.update(repr(list(articles)).encode())
    digest.update(json.dumps(stored_analyses, sort_keys=True).encode())
    return digest.hexdigest()


def pages_key(corpus: str, options: str, site_name: str, stable_info: str, templates_dir: Path) -> str:
    """The pages besides the build report: the corpus key (which covers the code), the options, the site
    name, the build details without the run's figures (`stable_info`) and every template."""
    digest = hashlib.sha256("\0".join([corpus, options, site_name, stable_info]).encode())
    _files_digest(digest, (p for p in sorted(templates_dir.rglob("*")) if p.is_file()))
    return digest.hexdigest()


def site_key(mkdocs_yml: Path | None, settings: list[str], theme_dirs: Iterable[str]) -> str:
    """Everything besides the pages that shapes every page of the site: MkDocs, Markdown, jinja2 and the
    generator's versions, mkdocs.yml, the effective settings and every theme file."""
    digest = hashlib.sha256()
    for part in (version("mkdocs"), version("markdown"), version("jinja2"), __version__):
        digest.update(part.encode() + b"\0")
    digest.update(mkdocs_yml.read_bytes() if mkdocs_yml and mkdocs_yml.exists() else b"")
    digest.update(json.dumps(settings).encode())
    for folder in theme_dirs:
        _files_digest(digest, (p for p in sorted(Path(folder).rglob("*")) if p.is_file()), str)
    return digest.hexdigest()
