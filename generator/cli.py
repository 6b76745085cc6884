"""Command line: `python -m generator build|analyse|serve|deploy`. It parses the arguments and calls
`generator.build` (the pipeline); every command runs the same `build()`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from generator.build import BuildError, BuildRequest, Paths, Stage, build, deploy, serve
from generator.config import Config, ConfigError, describe_options, load_config
from generator.console import safe
from generator.pages.export import build_block, details_lines, details_name, report_document, report_json
from generator.preflight import SetupError, os_error_line
from generator.progress import QUIET, Reporter

EXIT_STATUSES = """exit status: 0 built; 1 the build failed (no articles, an unreachable scheduler, a failed deploy);
2 it cannot start or cannot write (a bad option or mkdocs.yml, an output folder that is or holds the input,
a folder it cannot write, a full disk, a path too long, another build of the project running); 3 --strict
found warnings"""


def _options_epilog() -> str:
    lines = [EXIT_STATUSES, "", "options in mkdocs.yml (extra.report):"]
    for name, default, doc in describe_options():
        shown = list(default) if isinstance(default, tuple) else default
        lines.append(f"  {name} (default {shown!r}): {doc}")
    return "\n".join(lines)


STRICT_EXIT = 3
SETUP_EXIT = 2  # the build cannot start or cannot write: a config error, a folder, the disk
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
    _build_command(sub)
    _analyse_command(sub)
    _serve_command(sub)
    _deploy_command(sub)
    return parser


def _build_command(sub: argparse._SubParsersAction) -> None:
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
    _export_options(build)
    build.add_argument(
        "--site-url",
        metavar="URL",
        help="where the site will be published, e.g. https://USER.github.io/REPO/ (default: site_url in "
        "mkdocs.yml); used for the sitemap and the 404 page",
    )


def _analyse_command(sub: argparse._SubParsersAction) -> None:
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
        "--config",
        type=Path,
        default=Path("mkdocs.yml"),
        help="options from this MkDocs config, if it exists (default: mkdocs.yml); its folder is the project "
        "folder, where cache_dir is",
    )
    analyse.add_argument("--no-cache", action="store_true", help="do not read or write the analysis cache")
    analyse.add_argument("--strict", action="store_true", help=STRICT_HELP)
    _speed_options(analyse)
    _export_options(analyse)


def _serve_command(sub: argparse._SubParsersAction) -> None:
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


def _deploy_command(sub: argparse._SubParsersAction) -> None:
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


def _export_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-text",
        action="store_true",
        help="leave the article texts out of the export (report.json's companion file, report-articles.jsonl.gz "
        "in a site, keeps the mentions and extra fields); sets extra.report.export_text to false",
    )


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


def _output(args: argparse.Namespace, stream: TextIO | None = None) -> tuple[Callable[[str], None], Reporter]:
    """How the run talks (to stdout, or `stream`): per-stage lines and progress bars, or, with
    `--quiet`, only the lines that need a look (warnings, skipped files)."""
    out = stream or sys.stdout
    quiet = getattr(args, "quiet", False)

    def say(message: str) -> None:
        if not quiet or message.startswith(_PROBLEM_LINES):
            print(safe(message), file=out, flush=True)

    return say, (QUIET if quiet else Reporter(stream=out))


def _strict_exit(problems: list[str]) -> int:
    """`--strict`: list every warning and fail when there is one."""
    if not problems:
        return 0
    print(f"strict: {len(problems)} warning(s), failing:", file=sys.stderr)
    for problem in problems:
        print(f"  {safe(problem)}", file=sys.stderr)
    return STRICT_EXIT


def _request(args: argparse.Namespace, until: Stage = "site") -> BuildRequest:
    """The build the arguments ask for; options from mkdocs.yml (read now), overridden by the arguments."""
    if args.command != "analyse" and not args.config.exists():
        raise BuildError(f"{args.config} not found: run from the project folder or pass --config")
    site_dir = getattr(args, "site_dir", None)
    config = load_config(args.config).with_overrides(
        input=str(args.input) if args.input else None,
        site_dir=str(site_dir) if site_dir else None,
        export_text=False if getattr(args, "no_text", False) else None,
    )
    paths = Paths.resolve(args.config, config, args.input, site_dir, use_cache=not getattr(args, "no_cache", False))
    return BuildRequest(
        paths=paths,
        config=config,
        until=until,
        scheduler=getattr(args, "scheduler", None),
        clean=getattr(args, "clean", False),
        strict=getattr(args, "strict", False),
        site_url=getattr(args, "site_url", None),
        freeze=args.command in ("build", "deploy"),
    )


def _build(args: argparse.Namespace) -> int:
    """`build` and `deploy`: the whole pipeline; `deploy` then publishes."""
    say, progress = _output(args)
    request = _request(args)
    result = build(request, say, progress)
    if request.strict and (failed := _strict_exit(result.problems)):
        return failed
    if args.command == "deploy":
        deploy(
            request.paths,
            args.site_url,
            message=args.message,
            remote_name=args.remote_name,
            remote_branch=args.remote_branch,
            force=args.force,
        )
        say(f"deploy: {request.paths.site_dir} published to the {args.remote_branch or 'gh-pages'} branch")
    return 0


def _analyse(args: argparse.Namespace) -> int:
    """`analyse`: ingest, analyse and link, then report.json instead of a site."""
    say, progress = _output(args, sys.stderr if str(args.json) == "-" else None)
    request = _request(args, until="link")
    result = build(request, say, progress)
    block = build_block(result.versions, result.ingest.skipped, result.warnings)
    corpus, with_text = result.corpus, request.config.export_text
    if str(args.json) == "-":  # one stream: text, mentions and extra stay in the articles
        sys.stdout.write(json.dumps(report_document(corpus, block, None, with_text), ensure_ascii=False, indent=1))
        sys.stdout.write("\n")
    else:
        details = details_name(args.json.name)
        args.json.parent.mkdir(parents=True, exist_ok=True)
        document = report_document(corpus, block, details, with_text)
        args.json.write_text(report_json(document), encoding="utf-8")
        (args.json.parent / details).write_text(details_lines(corpus, with_text), encoding="utf-8")
        say(f"wrote {args.json} and {args.json.parent / details} ({len(corpus.articles)} articles)")
    return _strict_exit(result.problems) if args.strict else 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "analyse":
            return _analyse(args)
        if args.command == "serve":
            say, progress = _output(args)
            serve(lambda: _request(args, until="pages"), args.address, say, progress)
            return 0
        return _build(args)
    except (SetupError, ConfigError) as exc:
        print(f"error: {safe(str(exc))}", file=sys.stderr)
        return SETUP_EXIT
    except OSError as exc:  # a full disk, a folder made read-only or a file replaced mid-build
        if exc.errno is None:  # raised with our own message (a missing input folder)
            print(f"error: {safe(str(exc))}", file=sys.stderr)
            return 1
        print(f"error: {os_error_line(exc)}", file=sys.stderr)
        return SETUP_EXIT
    except (BuildError, ValueError) as exc:
        print(f"error: {safe(str(exc))}", file=sys.stderr)
        return 1


__all__ = ["main", "Config"]
