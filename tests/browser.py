"""Headless Chromium for the browser tests: Debian's `chromium` driven by Playwright.

`playwright install` is never run: the browser is the system package (.ci/run installs it).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def chromium_path() -> str:
    path = shutil.which("chromium")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: .ci/run must install Debian's chromium package")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return path


@contextmanager
def chromium() -> Iterator[Any]:
    """A launched headless browser (Playwright's Browser)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Watched:
    """What a page did: every request, the failed ones, console errors and uncaught exceptions."""

    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def outside(self, allowed_prefix: str = "file://") -> list[str]:
        return [url for url in self.requests if not url.startswith(allowed_prefix)]


def _record_failure(seen: Watched, request: Any) -> None:
    """A file that is missing fails as net::ERR_FILE_NOT_FOUND; net::ERR_ABORTED is a load the page itself
    cancelled by moving on (the header box's search shard when Enter opens the search page): not a fault."""
    if request.failure != "net::ERR_ABORTED":
        seen.failed.append(f"{request.url} {request.failure}")


def watch(page: Any) -> Watched:
    seen = Watched()
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on("requestfailed", lambda request: _record_failure(seen, request))
    page.on("console", lambda message: message.type == "error" and seen.errors.append(message.text))
    page.on("pageerror", lambda error: seen.errors.append(str(error)))
    return seen


def decoded_first_index(browser: Any, site: Any) -> list[dict[str, Any]]:
    """The first search index's documents as search.js reads them back (its `decode`), in Chromium from
    file:// (`site` a Path); the page's errors fail the caller's test."""
    context = browser.new_context()
    try:
        page = context.new_page()
        seen = watch(page)
        page.goto((site / "search.html").as_uri())
        page.locator("html[data-search-index=complete]").wait_for(state="attached")
        documents = page.evaluate("() => window.REPORT_SEARCH_DECODE(window.REPORT_SEARCH_INDEX)")
        assert seen.errors == [] and seen.failed == []
        return documents
    finally:
        context.close()
