"""A real browser (Debian's Chromium, driven by Playwright) reads the seeds site from file://."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def _chromium() -> str:
    path = shutil.which("chromium")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: .ci/run must install Debian's chromium package")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return path


@pytest.fixture(scope="module")
def browser_page():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_chromium(), headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page()
        seen: dict[str, list[str]] = {"requests": [], "failed": [], "console": []}
        page.on("request", lambda request: seen["requests"].append(request.url))
        page.on("requestfailed", lambda request: seen["failed"].append(request.url))
        page.on("console", lambda message: message.type == "error" and seen["console"].append(message.text))
        page.on("pageerror", lambda error: seen["console"].append(str(error)))
        yield page, seen
        browser.close()


def test_browse_the_site_from_disk(seeds_site: Path, browser_page) -> None:
    page, seen = browser_page
    page.goto((seeds_site / "index.html").as_uri())
    assert page.locator("main h1").inner_text() == "News coverage report"

    page.get_by_role("navigation").get_by_role("link", name="Articles").click()
    assert page.url.endswith("articles/index.html")
    rows = page.locator("main table tbody tr")
    assert rows.count() == 5
    page.locator("input.table-filter").fill("TRT")
    assert page.locator("main table tbody tr:not([hidden])").count() == 1
    page.locator("main table tbody tr:not([hidden]) td a").first.click()
    assert "/articles/" in page.url and page.locator("main h2", has_text="Full text").count() == 1

    page.locator("main a[href*='entities/geng-shuang']").first.click()
    assert page.locator("main h1").inner_text() == "Geng Shuang"

    page.locator("main h3 a").first.click()
    page.locator("main dl a[href*='topics/']").first.click()
    assert "/topics/" in page.url and page.locator("main h2", has_text="Articles").count() == 1

    page.locator("main table a[href*='sources/']").first.click()
    assert "/sources/" in page.url and page.locator("main h1").count() == 1

    outside = [url for url in seen["requests"] if not url.startswith("file://")]
    assert outside == []
    assert seen["failed"] == []
    assert seen["console"] == []
