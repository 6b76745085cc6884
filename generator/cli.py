"""Command line: `python -m generator build|analyse|serve|deploy`."""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from generator.build import BuildError, analyse_folder, build_time, site_name, theme_pages_dir, versions
from generator.config import Config, ConfigError, describe_options, load_config
from generator.pages import BuildInfo, PageChanges, write_pages
from generator.pages.export import report_document
from generator.progress import QUIET, Reporter


def _options_epilog() -> str:
    lines = ["options in mkdocs.yml (extra.report):"]
    for name, default, doc in describe_options():
        shown = list(default) if isinstance(default, tuple) else default
        lines.append(f"  {name} (default {shown!r}): {doc}")
    return "\n".join(lines)


STRICT_EXIT = 3
STRICT_HELP = (
    f"for CI: exit with status {STRICT_EXIT} after listing them if any file was skipped or anything warned "
    "(bad encoding, a cut article, a failed analysis, a page-name clash, a MkDocs warning); the output is still "
    "written"
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Turn a folder of news articles into a cross-linked static report site.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser(
        "build",
        help="analyse the input folder and build the site (what `make site` runs)",
        description="Read the articles, analyse them (cached), link entities and topics, write the pages "
        "and build the site with MkDocs.",
        epilog=_options_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    build.add_argument("--input", type=Path, help="folder of articles (default: extra.report.input, 'seeds')")
    build.add_argument("--site-dir", type=Path, help="where the site goes (default: 'site')")
    build.add_argument(
        "--config", type=Path, default=Path("mkdocs.yml"), help="the MkDocs config (default: mkdocs.yml)"
    )
    build.add_argument("--no-cache", action="store_true", help="analyse every article again, ignoring the cache")
    build.add_argument("--strict", action="store_true", help=STRICT_HELP)
    build.add_argument(
        "--clean",
        action="store_true",
        help="build every HTML page again; by default, when only some pages changed since the last build of "
        "the same site (same theme, mkdocs.yml and versions), MkDocs builds those pages only (always clean "
        "with --strict, so that every page's warnings are listed)",
    )
    _speed_options(build)
    build.add_argument(
        "--site-url",
        metavar="URL",
        help="where the site will be published, e.g. https://USER.github.io/REPO/ (default: site_url in "
        "mkdocs.yml); used for the sitemap and the 404 page",
    )

    analyse = sub.add_parser(
        "analyse",
        help="analyse a folder and write report.json, without building a site",
        description="Analyse every article in DIR (.txt, .md, .html, .json, .jsonl; README.md, 'Input') and write "
        "the report.json document "
        "(schema: docs/REPORT_JSON.md).",
        epilog=_options_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    analyse.add_argument("input", type=Path, metavar="DIR", help="folder of articles, read recursively")
    analyse.add_argument(
        "--json", type=Path, required=True, metavar="FILE", help="where to write the JSON ('-' for stdout)"
    )
    analyse.add_argument(
        "--config", type=Path, default=Path("mkdocs.yml"), help="options from this MkDocs config, if it exists"
    )
    analyse.add_argument("--no-cache", action="store_true", help="do not read or write the analysis cache")
    analyse.add_argument("--strict", action="store_true", help=STRICT_HELP)
    _speed_options(analyse)

    serve = sub.add_parser(
        "serve",
        help="build, then preview the site at http://127.0.0.1:8000, rebuilding when an input file changes",
        description="Build the pages, then serve them with live reload. When a file in the input folder, a "
        "page template or mkdocs.yml changes, the generator runs again (analysis is cached) and the preview "
        "reloads.",
    )
    serve.add_argument("--input", type=Path, help="folder of articles")
    serve.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    serve.add_argument("--address", default="127.0.0.1:8000", help="host:port to serve on")

    deploy = sub.add_parser(
        "deploy",
        help="build, then publish the site to the gh-pages branch (what `make deploy` runs)",
        description="Build the site, then commit it to the gh-pages branch and push it to the remote "
        "(mkdocs gh-deploy), from the git repository of the current folder. GitHub Pages then serves it; "
        "set --site-url (or site_url in mkdocs.yml) to the address it will have.",
    )
    deploy.add_argument("--input", type=Path, help="folder of articles (default: extra.report.input, 'seeds')")
    deploy.add_argument("--site-dir", type=Path, help="where the site is built (default: 'site')")
    deploy.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the MkDocs config")
    deploy.add_argument("--site-url", metavar="URL", help="the published address (default: site_url in mkdocs.yml)")
    deploy.add_argument("--remote-name", help="git remote to push to (default: remote_name in mkdocs.yml, 'origin')")
    deploy.add_argument("--remote-branch", help="branch to publish to (default: remote_branch, 'gh-pages')")
    deploy.add_argument("--message", help="commit message (default: MkDocs' 'Deployed {sha} with MkDocs version')")
    deploy.add_argument("--force", action="store_true", help="force-push the branch")
    return parser


def _speed_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="analyse the articles on the workers of this Dask scheduler (tcp://host:8786; needs the 'cluster' "
        "extra here and on the workers); the other stages run here (default: extra.report.scheduler, else "
        "this machine's cores)",
    )
    parser.add_argument(
        "--quiet",
        action="store_true",
        help="no progress bars or per-stage lines; warnings, skipped files and errors are still printed",
    )


_PROBLEM_LINES = ("  warning", "  skipped", "  mkdocs warning")


def _say(message: str) -> None:
    print(message, flush=True)


def _output(args: argparse.Namespace, stream: TextIO | None = None) -> tuple[Callable[[str], None], Reporter]:
    """How the run talks (to stdout, or `stream`): per-stage lines and progress bars, or, with
    `--quiet`, only the lines that need a look (warnings, skipped files)."""
    out = stream or sys.stdout
    quiet = getattr(args, "quiet", False)

    def say(message: str) -> None:
        if not quiet or message.startswith(_PROBLEM_LINES):
            print(message, file=out, flush=True)

    return say, (QUIET if quiet else Reporter(stream=out))


def _strict_exit(problems: list[str]) -> int:
    """`--strict`: list every warning and fail when there is one."""
    if not problems:
        return 0
    print(f"strict: {len(problems)} warning(s), failing:", file=sys.stderr)
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)
    return STRICT_EXIT


def _build(args: argparse.Namespace) -> int:
    if not args.config.exists():
        raise BuildError(f"{args.config} not found: run from the project folder or pass --config")
    config = load_config(args.config).with_overrides(
        input=str(args.input) if args.input else None,
        site_dir=str(args.site_dir) if getattr(args, "site_dir", None) else None,
    )
    root = args.config.parent
    input_dir = Path(config.input) if Path(config.input).is_absolute() or args.input else root / config.input
    docs_dir = root / config.build_dir / "docs"
    site_dir = Path(config.site_dir) if getattr(args, "site_dir", None) else root / config.site_dir
    cache_dir = None if getattr(args, "no_cache", False) else root / config.cache_dir
    started = time.perf_counter()
    built, reproducible = build_time()
    say, progress = _output(args)
    result = analyse_folder(input_dir, config, cache_dir, say, progress, getattr(args, "scheduler", None))
    if args.command in ("build", "deploy"):  # one run per process: the corpus lives to the end, so the
        gc.collect()  # garbage collector need not scan its millions of objects again on every collection
        gc.freeze()
    info = BuildInfo(
        input_dir=str(input_dir),
        files_seen=result.ingest.files_seen,
        skipped=result.ingest.skipped,
        warnings=result.warnings,
        config_files=result.ingest.config_files,
        versions=versions(config),
        timings=result.timer.timings,
        analysed=result.analysed,
        from_cache=result.from_cache,
        workers=result.workers,
        built=built.strftime("%Y-%m-%d %H:%M UTC"),
        reproducible=reproducible,
        cut=result.ingest.cut,
        notices=result.ingest.notices,
    )
    changes = PageChanges()
    with result.timer.stage("pages"):
        pages = write_pages(
            result.corpus,
            config,
            docs_dir,
            theme_pages_dir(args.config),
            info,
            site_name(args.config),
            progress,
            changes,
            result.corpus_key,
        )
    say(
        f"pages: {pages} Markdown pages in {docs_dir}: {changes.rewritten} files written, "
        f"{changes.unchanged} unchanged, {len(changes.removed)} removed"
    )
    if args.command == "generate":  # serve's rebuild: the pages only, MkDocs builds them
        return 0
    if args.command == "serve":
        return _serve(args, input_dir, docs_dir)
    from generator.mkdocs_adapter import build_site

    incremental = not (getattr(args, "clean", False) or getattr(args, "strict", False))
    outcome: dict[str, object] = {}
    with result.timer.stage("mkdocs"):
        warnings = build_site(
            args.config, docs_dir, site_dir, getattr(args, "site_url", None), incremental=incremental, outcome=outcome
        )
    for warning in warnings:
        say(f"  mkdocs warning: {warning}")
    timings = ", ".join(f"{stage} {seconds:.2f}s" for stage, seconds in result.timer.timings.items())
    how = "the changed pages only (dirty build)" if outcome.get("dirty") else "every page (clean build)"
    say(f"mkdocs: site built in {site_dir}, {how}")
    say(f"done in {time.perf_counter() - started:.2f}s ({timings})")
    if getattr(args, "strict", False):
        failed = _strict_exit(result.problems + [f"mkdocs: {warning}" for warning in warnings])
        if failed:
            return failed
    if args.command == "deploy":
        from generator.mkdocs_adapter import DeployError, deploy_site

        try:
            deploy_site(
                args.config,
                docs_dir,
                site_dir,
                message=args.message,
                remote_name=args.remote_name,
                remote_branch=args.remote_branch,
                force=args.force,
                site_url=args.site_url,
            )
        except DeployError as exc:
            raise BuildError(str(exc)) from exc
        say(f"deploy: {site_dir} published to the {args.remote_branch or 'gh-pages'} branch")
    return 0


def _serve(args: argparse.Namespace, input_dir: Path, docs_dir: Path) -> int:
    from generator.mkdocs_adapter import serve_site

    def regenerate() -> None:
        _say(f"serve: {input_dir} or the page templates changed, generating the pages again")
        again = argparse.Namespace(**{**vars(args), "command": "generate"})
        try:
            _build(again)
        except (BuildError, ConfigError, FileNotFoundError, ValueError) as exc:
            _say(f"error: {exc} (the preview keeps the last good pages)")

    watched = (input_dir.resolve(), theme_pages_dir(args.config))
    serve_site(args.config, docs_dir, args.address, watch=watched, regenerate=regenerate)
    return 0


def _analyse(args: argparse.Namespace) -> int:
    config = load_config(args.config if args.config.exists() else None)
    say, progress = _output(args, sys.stderr if str(args.json) == "-" else None)
    cache_dir = None if args.no_cache else Path(config.cache_dir)
    result = analyse_folder(args.input, config, cache_dir, say, progress, args.scheduler)
    paged = frozenset(e.id for e in result.corpus.entities if len(e.articles) >= config.entity_min_articles)
    skipped = [{"path": s.path, "reason": s.reason} for s in result.ingest.skipped]
    build = {"versions": versions(config), "skipped": skipped, "warnings": result.warnings}
    document = report_document(result.corpus, paged, build)
    text = json.dumps(document, ensure_ascii=False, indent=1)
    if str(args.json) == "-":
        sys.stdout.write(text + "\n")
    else:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text, encoding="utf-8")
        say(f"wrote {args.json} ({len(result.corpus.articles)} articles)")
    return _strict_exit(result.problems) if args.strict else 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "analyse":
            return _analyse(args)
        return _build(args)
    except (BuildError, ConfigError, FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


__all__ = ["main", "Config"]
