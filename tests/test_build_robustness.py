"""The build as an adversarial user meets it (issue 19): folders, locks, caches, config and the console.

An output folder that is or holds the input is refused before anything is written; page names the
site uses itself are never an item's; one build at a time per project, and a failed or killed build
leaves the previous site whole; the corpus cache is data, never code; mkdocs.yml's errors come
before the analysis; control characters never reach the console or the HTML raw; config errors,
a full disk, folders that cannot be written, a cache entry that is a folder and a path longer than
PATH_MAX end in one line and exit status 2.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import pickle
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, project_config, write_files
from hypothesis import given
from hypothesis import strategies as st

from generator.cli import SETUP_EXIT, STRICT_EXIT, main
from generator.corpus_store import CORPUS_FILE, load_corpus, save_corpus
from generator.ingest.slug import SITE_PAGE, SlugRegistry
from generator.project_lock import LOCK_FILE

STORY = (
    "The harbour authority of Portsmouth opened a new ferry terminal on Friday, officials said. "
    "Mayor Anna Berg said the terminal would bring jobs to the city. "
)
ARTICLES = {
    "index.txt": "Ferry index\n\n" + STORY + "An article whose file is called index.",
    "wire.md": "---\ntitle: Wire story\nsource: Index\n---\n" + STORY + "From an outlet called Index.",
    "other.md": "---\ntitle: Other story\nsource: Harbour News\n---\n" + STORY + "Berg spoke again.",
}


def run(args: list[str]) -> tuple[int, str]:
    """`main(args)`, with what it printed (stdout and stderr together)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        status = main(args)
    return status, out.getvalue()


def build_args(config: Path, folder: Path, site: Path, *more: str) -> list[str]:
    return ["build", "--config", str(config), "--input", str(folder), "--site-dir", str(site), *more]


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path, Path]:
    """(mkdocs.yml, input folder, site folder) of a small project in tmp_path; nothing built yet."""
    config = project_config(tmp_path, cache_dir=str(tmp_path / ".cache" / "analysis"))
    return config, write_files(tmp_path / "in", ARTICLES), tmp_path / "site"


@pytest.fixture
def no_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    """The analysis must not start: the error has to come before it."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the analysis started")

    monkeypatch.setattr("generator.build.analyse_articles", refuse)


def _listing(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# Output folders that are or hold the input, or lie inside it: refused before anything is written.


@pytest.mark.parametrize("where", ["site is input", "site holds input", "site inside input", "cache inside input"])
def test_an_output_folder_on_the_input_is_refused_before_anything_is_written(
    tmp_path: Path, where: str, no_analysis: None
) -> None:
    folder = write_files(tmp_path / "project" / "in", ARTICLES)
    site = {"site is input": folder, "site holds input": folder.parent, "site inside input": folder / "site"}.get(
        where, tmp_path / "site"
    )
    cache = folder / ".cache" / "analysis" if where == "cache inside input" else tmp_path / ".cache" / "analysis"
    config = project_config(tmp_path, cache_dir=str(cache))
    before = _listing(tmp_path / "project")
    status, output = run(build_args(config, folder, site))
    assert status == SETUP_EXIT, output
    line = output.strip()
    assert "\n" not in line and str(folder) in line
    assert (str(cache) if where == "cache inside input" else str(site)) in line
    assert _listing(tmp_path / "project") == before  # the articles are all there, nothing added


# Reserved page names: every folder's list page is its index.html.


def test_a_build_prints_the_cpu_time_of_each_stage_after_its_wall_times(project) -> None:
    config, folder, site = project
    status, output = run(build_args(config, folder, site))
    assert status == 0, output
    lines = output.strip().splitlines()
    assert lines[-2].startswith("done in ")
    assert re.fullmatch(
        r"cpu: [\d.]+s \(ingest [\d.]+s, analyse [\d.]+s, link [\d.]+s, pages [\d.]+s, mkdocs [\d.]+s\)", lines[-1]
    ), lines[-1]


def test_an_article_or_source_called_index_never_takes_the_list_page(project) -> None:
    config, folder, site = project
    status, output = run(build_args(config, folder, site))
    assert status == 0, output
    articles = BeautifulSoup((site / "articles" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(articles.select("main table tbody tr")) == 3  # the list of the three articles, not one article
    sources = BeautifulSoup((site / "sources" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert sources.select("main table tbody tr")  # the list of sources
    pages = [p.name for p in (site / "articles").glob("index-*.html")]
    assert len(pages) == 1 and "Ferry index" in (site / "articles" / pages[0]).read_text(encoding="utf-8")
    assert any("Index" in p.read_text(encoding="utf-8") for p in (site / "sources").glob("index-*.html"))
    assert "index.txt: its page name index.html is taken by the site's own page" in output


def test_a_topic_never_takes_another_topics_comparison_page() -> None:
    slugs = SlugRegistry(companions=("-sources",))
    assert slugs.claim("brexit", "a") == "brexit"
    taken = slugs.claim("brexit-sources", "b")  # the comparison page of "brexit" is brexit-sources
    assert taken != "brexit-sources" and taken.startswith("brexit-sources-")
    assert slugs.claim("index", "c") != "index" and slugs.owner("index") == SITE_PAGE


# One build at a time; a failed or killed build leaves the previous site whole.

_HOLD = """
import sys, time
from pathlib import Path
from generator.project_lock import project_lock
with project_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(60)
"""


def test_a_second_build_of_the_project_is_refused_naming_the_first(project, no_analysis: None) -> None:
    config, folder, site = project
    build_dir = config.parent / ".build"
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(build_dir)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        status, output = run(build_args(config, folder, site))
    finally:
        holder.kill()
        holder.wait()
    assert status == SETUP_EXIT, output
    assert f"another build of this project is running: process {holder.pid}" in output
    assert str(build_dir / LOCK_FILE) in output and not site.exists()


def _site_files(site: Path) -> dict[str, bytes]:
    return {name: (site / name).read_bytes() for name in ("index.html", "search-index.js", "report.json")}


def test_a_build_that_fails_in_mkdocs_leaves_the_previous_site_whole(project, monkeypatch) -> None:
    config, folder, site = project
    assert run(build_args(config, folder, site))[0] == 0
    before, listing = _site_files(site), _listing(site)
    (folder / "new.txt").write_text("A new ferry\n\n" + STORY + "A new article changes every list.", encoding="utf-8")
    import mkdocs.commands.build as mkdocs_build

    real_build = mkdocs_build.build

    def half_build(config, **kwargs):  # noqa: ANN001, ANN202 - MkDocs' signature
        real_build(config, **kwargs)  # every page written, then killed before the end
        raise KeyboardInterrupt

    monkeypatch.setattr("generator.mkdocs_adapter.build", half_build)
    with pytest.raises(KeyboardInterrupt):
        main(build_args(config, folder, site, "--clean"))
    assert _site_files(site) == before and _listing(site) == listing
    assert not list(site.parent.glob(".site.*"))  # the half-built copy is gone


def test_a_swap_killed_half_way_is_put_back_by_the_next_build(tmp_path: Path) -> None:
    from generator.site_swap import staged_site

    site = write_files(tmp_path / "site", {"index.html": "old"})
    site.rename(tmp_path / ".site.previous")  # killed between the two renames
    write_files(tmp_path, {".site.building-99/index.html": "half"})
    with staged_site(site, start_from_previous=True) as building:
        assert (building / "index.html").read_text() == "old"
        (building / "index.html").write_text("new")
    assert (site / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


# The linked corpus cache is data: a planted file never runs code.


class _Plant:
    def __reduce__(self):  # noqa: ANN204
        return (Path.touch, (Path(os.environ["PLANTED"]),))


def test_a_planted_corpus_file_never_runs_code(project, monkeypatch) -> None:
    config, folder, site = project
    assert run(build_args(config, folder, site))[0] == 0
    store = config.parent / ".cache" / CORPUS_FILE
    key = store.read_bytes().split(b"\n")[1].decode()
    stored = load_corpus(store, key)
    assert stored is not None and len(stored.articles) == 3  # the real file loads
    marker = config.parent / "ran"
    monkeypatch.setenv("PLANTED", str(marker))
    for planted in (store, config.parent / ".cache" / "corpus.pickle"):
        planted.write_bytes((key + "\n").encode() + pickle.dumps(_Plant()))
    assert load_corpus(store, key) is None
    assert run(build_args(config, folder, site))[0] == 0
    assert not marker.exists()


def test_the_corpus_cache_gives_back_the_same_corpus(project) -> None:
    from generator.build import BuildRequest, Paths, build
    from generator.config import load_config
    from generator.pages.export import build_block, report_document

    config, folder, _ = project
    options = load_config(config)
    request = BuildRequest(Paths.resolve(config, options, folder, None, True), options, until="link")
    first = build(request, say=lambda _: None).corpus
    store = config.parent / ".cache" / "again" / CORPUS_FILE
    save_corpus(store, "k", first)
    again = load_corpus(store, "k")
    assert again is not None
    block = build_block({}, [], [])
    assert report_document(again, block) == report_document(first, block)
    assert again.index.articles == first.index.articles and again.paged_entities == first.paged_entities


# mkdocs.yml: read safely, its errors before the analysis, its warnings counted by --strict.


def _edit_mkdocs(config: Path, **changes: object) -> None:
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data.update(changes)
    config.write_text(yaml.safe_dump(data), encoding="utf-8")


def test_a_binary_mkdocs_yml_is_one_line_before_the_analysis(project, no_analysis: None) -> None:
    config, folder, site = project
    config.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe" * 10)
    status, output = run(build_args(config, folder, site))
    assert status == SETUP_EXIT and output.count("\n") == 1, output
    assert str(config) in output and "not a text file" in output


def test_a_missing_theme_folder_is_reported_before_the_analysis(project, no_analysis: None) -> None:
    config, folder, site = project
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["theme"]["custom_dir"] = str(config.parent / "no-such-theme")
    config.write_text(yaml.safe_dump(data), encoding="utf-8")
    status, output = run(build_args(config, folder, site))
    assert status == SETUP_EXIT and output.count("\n") == 1, output
    assert "no-such-theme" in output and "does not exist" in output


def test_strict_counts_mkdocs_config_warnings(project) -> None:
    config, folder, site = project
    _edit_mkdocs(config, unknown_mkdocs_key=1)
    status, output = run(build_args(config, folder, site, "--strict"))
    assert status == STRICT_EXIT, output
    assert "mkdocs: Config value 'unknown_mkdocs_key': Unrecognised configuration name" in output
    assert output.index("mkdocs warning: Config value") < output.index("analyse:")  # said before the analysis


# Control characters: escaped on the console, never raw in the HTML.

ESCAPES = {"\x00": "NUL", "\x1b": "ESC", "\u202e": "RLO", "\r": "CR", "\x07": "BEL"}


def test_control_characters_in_file_names_and_values_are_escaped_on_the_console(project) -> None:
    config, folder, site = project
    write_files(
        folder,
        {
            "\x1b[2K\x1b]0;owned\x07\u202eevil.txt": "Evil\n\n" + STORY,
            "bad\x1b[1A.md": "---\ntitle: [unclosed\n---\n" + STORY,  # a skip warning the name tried to hide
        },
    )
    status, output = run(build_args(config, folder, site))
    assert status == 0, output
    assert not any(char in output for char in ESCAPES if char != "\r")
    assert "skipped bad\\x1b[1A.md: line 2" in output


def test_control_characters_in_labels_never_reach_the_html_raw(project) -> None:
    config, folder, site = project
    write_files(
        folder,
        {
            "labels.md": '---\ntitle: "Ferry \\u202edlrow\\x1b[31m"\nsource: "Harbour\\0 News\\u202e"\n'
            'author: "Anna\\x1b]0;x\\x07 Berg"\n---\n' + STORY,
            "aliases.yml": yaml.safe_dump(
                [{"name": "Anna\u202e Berg", "aliases": ["Mayor\u202e Berg", "A\x1bBerg", "Berg"]}], allow_unicode=True
            ),
        },
    )
    status, output = run(build_args(config, folder, site))
    assert status == 0, output
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        found = [name for char, name in ESCAPES.items() if char in html and char != "\r"]
        assert not found, f"{page.relative_to(site)}: raw {found}"


# Config errors, the disk and the folders: one line, exit status 2, before the analysis where it can be.


@pytest.mark.parametrize(
    "changes, words",
    [
        pytest.param({"entity_types": 5}, "entity_types must be a list", id="entity_types: 5"),
        pytest.param("extra: 5", "extra must be a mapping", id="extra: 5"),
    ],
)
def test_config_errors_are_one_line_and_status_2(project, changes, words: str, no_analysis: None) -> None:
    config, folder, site = project
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    if changes == "extra: 5":
        data["extra"] = 5
    else:
        data["extra"]["report"].update(changes)
    config.write_text(yaml.safe_dump(data), encoding="utf-8")
    status, output = run(build_args(config, folder, site))
    assert status == SETUP_EXIT and output.count("\n") == 1, output
    assert words in output and str(config) in output


def _refuse_writes(monkeypatch: pytest.MonkeyPatch, folder: Path, code: int) -> None:
    """Every write under `folder` fails with OSError(code), as on a read-only folder (the tests run as root,
    which chmod cannot stop) or a full disk."""
    root = os.path.realpath(folder)

    def under(path: object) -> bool:
        return isinstance(path, str | Path) and os.path.realpath(os.path.abspath(path)).startswith(root)

    def fail(path: object) -> None:
        raise OSError(code, os.strerror(code), str(path))

    real_open, real_mkdir, real_os_open = open, os.mkdir, os.open

    def guarded_open(file, mode="r", *args, **kwargs):  # noqa: ANN001, ANN202
        if under(file) and any(m in mode for m in "wax+"):
            fail(file)
        return real_open(file, mode, *args, **kwargs)

    def guarded_os_open(path, flags, *args, **kwargs):  # noqa: ANN001, ANN202
        if under(path) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            fail(path)
        return real_os_open(path, flags, *args, **kwargs)

    def guarded_mkdir(path, *args, **kwargs):  # noqa: ANN001, ANN202
        if under(path):
            fail(path)
        return real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)
    monkeypatch.setattr(os, "mkdir", guarded_mkdir)


@pytest.mark.parametrize("which", ["site", ".build", ".cache"])
def test_a_read_only_output_folder_is_one_line_before_the_analysis(project, monkeypatch, which: str) -> None:
    config, folder, site = project
    target = {"site": site, ".build": config.parent / ".build", ".cache": config.parent / ".cache"}[which]
    target.mkdir(parents=True, exist_ok=True)
    _refuse_writes(monkeypatch, target, errno.EROFS if which == ".cache" else errno.EACCES)
    monkeypatch.setattr("generator.build.analyse_articles", lambda *a, **k: pytest.fail("the analysis started"))
    status, output = run(build_args(config, folder, site))
    assert status == SETUP_EXIT and output.count("\n") == 1, output
    assert f"cannot write to the {'cache' if which == '.cache' else which.strip('.')} folder" in output
    assert "--no-cache" in output if which == ".cache" else "make it writable" in output


def test_a_full_disk_is_one_line_and_the_previous_site_stays(project, monkeypatch) -> None:
    config, folder, site = project
    assert run(build_args(config, folder, site))[0] == 0
    before = _site_files(site)
    import mkdocs.commands.build as mkdocs_build

    real_build = mkdocs_build.build

    def full_disk_build(mkdocs_config, **kwargs):  # noqa: ANN001, ANN202
        _refuse_writes(monkeypatch, Path(mkdocs_config.site_dir), errno.ENOSPC)
        real_build(mkdocs_config, **kwargs)

    monkeypatch.setattr("generator.mkdocs_adapter.build", full_disk_build)
    status, output = run(build_args(config, folder, site, "--clean"))
    assert status == SETUP_EXIT, output
    last = output.strip().splitlines()[-1]
    assert last.startswith("error: cannot go on:") and "No space left on device" in last and "free some space" in last
    assert _site_files(site) == before


def test_a_cache_entry_replaced_by_a_folder_is_one_line(project) -> None:
    config, folder, site = project
    assert run(build_args(config, folder, site))[0] == 0
    entry = sorted((config.parent / ".cache" / "analysis").rglob("*.json"))[0]
    entry.unlink()
    entry.mkdir()
    (entry / "inside").write_text("x")
    status, output = run(build_args(config, folder, site))
    assert status == SETUP_EXIT, output
    last = output.strip().splitlines()[-1]
    assert str(entry) in last and "a folder is where a file should be: remove the folder" in last


def test_an_unwritable_cache_entry_folder_is_one_line(project, monkeypatch) -> None:
    config, folder, site = project
    cache = config.parent / ".cache" / "analysis"
    cache.mkdir(parents=True)
    _refuse_writes(monkeypatch, cache, errno.EACCES)
    status, output = run(build_args(config, folder, site))
    assert status == SETUP_EXIT and output.count("\n") == 1, output
    assert f"cannot write to the cache folder {cache}" in output


def test_a_path_longer_than_path_max_is_one_line(project, monkeypatch, no_analysis: None) -> None:
    config, folder, site = project
    monkeypatch.chdir(folder)
    for _ in range(20):  # 20 x 251 bytes: past PATH_MAX (4096), made one folder at a time
        os.mkdir("d" * 250)
        os.chdir("d" * 250)
    Path("deep.txt").write_text(STORY, encoding="utf-8")
    deep = folder / "/".join(["d" * 250] * 20)
    status, output = run(build_args(config, deep, site))
    assert status == SETUP_EXIT and output.count("\n") == 1, output
    assert "more than this system allows" in output and "shorter path" in output


def test_a_site_folder_that_is_a_link_stays_a_link(tmp_path: Path) -> None:
    from generator.site_swap import staged_site

    real = write_files(tmp_path / "www" / "site", {"index.html": "old"})
    (tmp_path / "site").symlink_to(real)
    with staged_site(tmp_path / "site", start_from_previous=False) as building:
        (building / "index.html").write_text("new")
    assert (tmp_path / "site").is_symlink() and (real / "index.html").read_text() == "new"


@given(st.text())
def test_console_lines_never_carry_a_control_character(text: str) -> None:
    from generator.console import safe

    shown = safe(text)
    assert not any(unicodedata.category(c) in ("Cc", "Cs") and c != "\t" for c in shown)
    assert not any(c in shown for c in "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    shown.encode("utf-8")  # printable on any UTF-8 console


def test_an_os_error_names_the_target_of_a_rename() -> None:
    from generator.preflight import os_error_line

    line = os_error_line(IsADirectoryError(errno.EISDIR, "Is a directory", "/c/.tmp-1", None, "/c/entry.json"))
    assert line.startswith("cannot go on: /c/entry.json: Is a directory; a folder is where a file should be")
