"""The `quoteattr report --out report.html` page in headless Chromium (Debian's `chromium`,
driven by Playwright; `make browser` installs it): it opens offline without console errors and
shows its charts."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Request, sync_playwright

from quoteattr_client.cli import main as quoteattr
from quoteattr_server.tools.report_bench import write_synthetic

pytestmark = pytest.mark.slow

CHROMIUM = os.environ.get("QUOTEATTR_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if shutil.which(CHROMIUM) is None:
        pytest.fail(f"no Chromium at {CHROMIUM}: `make browser` installs Debian's package")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


def test_report_page_opens_offline_and_shows_its_charts(browser: Browser, tmp_path: Path) -> None:
    results = tmp_path / "results.jsonl"
    write_synthetic(results, 200)
    page_path = tmp_path / "report.html"
    assert quoteattr(["report", str(results), "--by", "outlet", "--out", str(page_path)]) == 0

    context = browser.new_context(viewport={"width": 1280, "height": 900}, offline=True)
    page = context.new_page()
    errors: list[str] = []
    fetched: list[str] = []

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    def request(item: Request) -> None:
        if not item.url.startswith("file:"):
            fetched.append(item.url)

    page.on("console", console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", request)
    page.goto(page_path.as_uri())

    assert errors == []
    assert fetched == []  # nothing but the file itself
    assert page.title() == "quoteattr report"
    charts = page.locator("svg.chart")
    assert charts.count() >= 8  # speakers, gender, category, unnamed, one per outlet
    for index in range(charts.count()):
        box = charts.nth(index).bounding_box()
        assert box is not None
        assert box["width"] > 100
        assert box["height"] > 10
    gender = page.get_by_role("img", name="Gender of quoted persons", exact=False).first
    assert gender.locator("rect").count() >= 3  # female, male, unknown at least
    assert page.locator("h2", has_text="Quotes that recur across documents").is_visible()
    assert page.locator("table").first.locator("tbody tr").count() > 5
    page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
    if os.environ.get("QUOTEATTR_SCREENSHOTS"):
        shutil.copy(tmp_path / "report.png", os.environ["QUOTEATTR_SCREENSHOTS"])
    context.close()
