"""The verification page in headless Chromium (Debian's `chromium`, driven by Playwright): it
loads without console errors, a pasted article comes back with its quotes marked, the filters
and the download work, and `quoteattr view` writes a page that does the same offline."""

from __future__ import annotations

import json
import math
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Route, sync_playwright

from quoteattr_client.cli import main as quoteattr
from quoteattr_client.viewer import render_page

pytestmark = pytest.mark.slow

CHROMIUM = os.environ.get("QUOTEATTR_CHROMIUM", "/usr/bin/chromium")
ARTICLE = (
    "Harbour Works Stall Again\n\n"
    '"The bridge will close in May," said Mayor Ana Kovac, who chairs the transport board.\n\n'
    "Kovac said the repairs would cost less than expected. "
    '"We will appeal the ruling," Tomas Brandt, a lawyer for the residents, told reporters.\n\n'
    "Brandt thinks that the council acted too fast."
)


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


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


def _record_errors(page: Page) -> list[str]:
    errors: list[str] = []

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    page.on("console", console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def _marks(page: Page) -> list[tuple[str, str, str]]:
    found: list[list[str]] = page.eval_on_selector_all(
        "mark.quote",
        "marks => marks.map(m => [m.dataset.speaker, m.dataset.kind, m.textContent])",
    )
    return [(speaker, kind, text) for speaker, kind, text in found]


def test_a_pasted_article_comes_back_highlighted(page: Page, http_url: str, tmp_path: Path) -> None:
    errors = _record_errors(page)
    page.goto(http_url)
    page.fill("#article", ARTICLE)
    page.fill("#document-id", "harbour")
    page.click("#attribute")
    page.wait_for_selector("#article-view mark.quote")

    marks = _marks(page)
    assert ("Ana Kovac", "direct", '"The bridge will close in May,"') in marks
    assert ("Tomas Brandt", "direct", '"We will appeal the ruling,"') in marks
    assert ("Ana Kovac", "reported", "the repairs would cost less than expected") in marks
    # The article reads as it was pasted, marks and all.
    assert page.inner_text("#article-view") == ARTICLE
    speakers = page.eval_on_selector_all("#speakers li", "items => items.map(i => i.innerText)")
    assert any("Ana Kovac" in item and "Mayor" in item for item in speakers)
    hover = page.get_attribute("mark.quote[data-kind=direct]", "title") or ""
    assert "cue: said" in hover
    assert "confidence" in hover
    page.screenshot(path=str(tmp_path / "page.png"), full_page=True)

    with page.expect_download() as download:
        page.click("#download")
    saved = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert saved["document_id"] == "harbour"
    assert len(saved["quotes"]) == len(marks)
    assert errors == []


def _result_of(page: Page, http_url: str) -> dict[str, Any]:
    """Attribute ARTICLE on the live page; the result the page downloads."""
    page.goto(http_url)
    page.fill("#article", ARTICLE)
    page.click("#attribute")
    page.wait_for_selector("#article-view mark.quote")
    with page.expect_download() as download:
        page.click("#download")
    result: dict[str, Any] = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    return result


def test_minimum_confidence_hides_the_less_confident_quotes(page: Page, http_url: str) -> None:
    result = _result_of(page, http_url)
    confidences = sorted(quote["confidence"] for quote in result["quotes"])
    threshold = math.ceil((confidences[0] + 0.001) * 20) / 20  # the slider's step is 0.05

    page.fill("#min-confidence", str(threshold))

    assert len(_marks(page)) == sum(c >= threshold for c in confidences) < len(confidences)
    assert page.inner_text("#min-confidence-value") == f"{threshold:.2f}"
    assert page.inner_text("#article-view") == ARTICLE


def test_speech_only_hides_beliefs_and_other_attributions(
    page: Page, http_url: str, tmp_path: Path
) -> None:
    result = _result_of(page, http_url)
    # "Brandt thinks that ..." is a belief, as the service types it; the rest is speech.
    beliefs = [
        q["text"] for q in result["quotes"] if q["attribution_type"] != "ATTRIBUTION_TYPE_SPEECH"
    ]
    assert beliefs == ["the council acted too fast"]
    offline = tmp_path / "page.html"
    offline.write_text(render_page(text=ARTICLE, result=result), encoding="utf-8")
    page.goto(offline.as_uri())
    page.wait_for_selector("#article-view mark.quote")
    every = _marks(page)

    page.check("#speech-only")

    hidden = set(every) - set(_marks(page))
    assert [text for _, _, text in hidden] == beliefs
    page.uncheck("#speech-only")
    belief = page.locator("mark.quote", has_text=beliefs[0]).first
    assert "belief" in (belief.get_attribute("title") or "")


def test_a_quote_said_together_names_everyone_who_said_it(page: Page, http_url: str) -> None:
    page.goto(http_url)
    page.fill("#article", "Mayor Ana Kovac and Mr. Tomas Ruiz said the port would close in May.")
    page.click("#attribute")
    page.wait_for_selector("#article-view mark.quote")
    hover = page.get_attribute("mark.quote", "title") or ""
    who = hover.splitlines()[0]
    assert sorted(who.split(" and ")) == ["Ana Kovac", "Tomas Ruiz"]


def test_an_error_is_shown_not_thrown(page: Page, start_http: object) -> None:
    assert callable(start_http)
    url = start_http(max_text_chars=50)
    page.on("pageerror", lambda error: pytest.fail(f"page error: {error}"))
    page.goto(url)
    page.fill("#article", ARTICLE)
    page.click("#attribute")
    page.wait_for_selector("#error:not([hidden])")

    assert "the limit is 50" in page.inner_text("#error")
    assert page.locator("mark.quote").count() == 0


def test_quoteattr_view_writes_a_page_that_works_offline(
    page: Page, server_address: str, tmp_path: Path
) -> None:
    article = tmp_path / "harbour.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "harbour.html"

    assert quoteattr(["view", str(article), "--target", server_address, "--out", str(out)]) == 0

    errors = _record_errors(page)
    requests: list[str] = []

    def offline(route: Route) -> None:
        requests.append(route.request.url)
        route.abort()

    page.route("http*://**", offline)
    page.goto(out.as_uri())
    page.wait_for_selector("#article-view mark.quote")

    assert ("Ana Kovac", "direct", '"The bridge will close in May,"') in _marks(page)
    assert page.is_hidden("#input")
    assert "harbour.txt" in page.inner_text("#model")
    assert page.inner_text("#article-view") == ARTICLE
    assert requests == []
    assert errors == []
