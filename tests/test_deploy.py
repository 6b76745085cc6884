"""Publishing: `deploy` pushes the built site to the gh-pages branch of a (here local, bare) repository,
and the published site works under a project sub-path, as on GitHub Pages."""

from __future__ import annotations

import functools
import http.server
import io
import shutil
import socket
import subprocess
import tarfile
import threading
from pathlib import Path

import yaml
from browser import chromium, watch
from conftest import ROOT, SEEDS, project_config

from generator.cli import main


def _git(*args: str, cwd: Path | None = None) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder as GitHub Pages does: a missing file gets the site's 404.html with status 404."""

    def log_message(self, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "project" / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _repository(tmp_path: Path) -> tuple[Path, Path]:
    remote = tmp_path / "remote.git"
    _git("init", "--quiet", "--bare", str(remote))
    work = tmp_path / "work"
    work.mkdir()
    _git("init", "--quiet", cwd=work)
    _git("config", "user.name", "Report Test", cwd=work)
    _git("config", "user.email", "report-test@example.invalid", cwd=work)
    _git("remote", "add", "origin", str(remote), cwd=work)
    return remote, work


def test_deploy_publishes_the_site_to_gh_pages_and_it_works_under_a_sub_path(
    tmp_path: Path, seeds_site: Path, monkeypatch
) -> None:
    remote, work = _repository(tmp_path)
    shutil.copytree(SEEDS, work / "seeds")
    cache = seeds_site.parent / ".cache" / "analysis"  # the seeds build's analysis, to save time
    config = project_config(work, cache_dir=str(cache))
    port = _free_port()
    site_url = f"http://127.0.0.1:{port}/project/"
    monkeypatch.chdir(work)
    argv = ["deploy", "--config", str(config), "--input", str(work / "seeds"), "--site-dir", str(work / "site")]
    assert main([*argv, "--site-url", site_url, "--message", "Publish the report"]) == 0

    files = set(_git("--git-dir", str(remote), "ls-tree", "-r", "--name-only", "gh-pages").split())
    built = {p.relative_to(work / "site").as_posix() for p in (work / "site").rglob("*") if p.is_file()}
    assert files == built
    assert {
        ".nojekyll",
        "index.html",
        "404.html",
        "sitemap.xml",
        "search.html",
        "search-index.js",
        "graph.html",
        "report.json",
        "assets/vendor/minisearch/index.js",
        "assets/vendor/minisearch/LICENSE.txt",
        "entities/geng-shuang.html",
    } <= files
    assert not any(name.endswith(".md") for name in files)
    assert _git("--git-dir", str(remote), "log", "-1", "--format=%s", "gh-pages").strip() == "Publish the report"
    sitemap = _git("--git-dir", str(remote), "show", "gh-pages:sitemap.xml")
    assert f"<loc>{site_url}entities/geng-shuang.html</loc>" in sitemap

    # A second deploy adds a commit on top: the branch keeps its history.
    assert main([*argv, "--site-url", site_url]) == 0
    assert _git("--git-dir", str(remote), "rev-list", "--count", "gh-pages").strip() == "2"

    # Serve what landed on gh-pages under /project/, as GitHub Pages serves a project site.
    served = tmp_path / "served"
    (served / "project").mkdir(parents=True)
    archive = subprocess.run(
        ["git", "--git-dir", str(remote), "archive", "gh-pages"], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(served / "project", filter="data")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(_PagesHandler, directory=str(served))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with chromium() as browser:
            page = browser.new_page()
            seen = watch(page)
            page.goto(site_url)
            assert page.locator("main h1").inner_text() == "News coverage report"
            page.get_by_role("navigation").get_by_role("link", name="Entities").click()
            assert page.url == f"{site_url}entities/index.html"
            page.locator("main a[href='geng-shuang.html']").first.click()
            assert page.locator("main h1").inner_text() == "Geng Shuang"
            page.locator("#site-search-q").fill("daesh")
            page.locator("#site-search-results a[href$='entities/islamic-state.html']").wait_for()
            page.locator("#site-search-results[data-search-state=complete]").wait_for()  # its shards loaded too

            response = page.goto(f"{site_url}no/such/page.html")
            assert response.status == 404
            assert page.locator("main h1").inner_text() == "Page not found"
            assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).display") == "flex"
            page.locator("main a", has_text="home page").click()
            assert page.url == f"{site_url}index.html"
            page.get_by_role("navigation").get_by_role("link", name="Graph").click()
            assert page.url == f"{site_url}graph.html"

            assert seen.outside(f"http://127.0.0.1:{port}/project/") == []
            assert [url for url in seen.failed if "no/such/page" not in url] == []
            assert [e for e in seen.errors if "404" not in e] == []
    finally:
        server.shutdown()


def test_deploy_outside_a_git_repository_says_so(tmp_path: Path, seeds_site: Path, monkeypatch, capsys) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    config = project_config(tmp_path, cache_dir=str(seeds_site.parent / ".cache" / "analysis"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    code = main(
        ["deploy", "--config", str(config), "--input", str(tmp_path / "seeds"), "--site-dir", str(tmp_path / "s")]
    )
    assert code == 1
    assert "is not a git repository" in capsys.readouterr().err


def test_pages_workflow_builds_with_make_site_and_deploys() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    runs = " ".join(step.get("run", "") for step in steps)
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    assert "make site" in runs and "SITE_URL=" in runs
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"
    assert workflow["permissions"]["pages"] == "write"
