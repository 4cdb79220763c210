"""A person's view: Debian's chromium, driven by Playwright, asks a question in the web UI."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.ui.app import serve

pytestmark = [pytest.mark.e2e, pytest.mark.integration]
CHROMIUM = shutil.which("chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]

if not CHROMIUM:
    if os.environ.get("TANDEM_REQUIRE_BROWSER") == "1":
        raise RuntimeError("browser tests need Debian's chromium: apt-get install chromium")
    pytest.skip("chromium is not installed (apt-get install chromium)", allow_module_level=True)


@pytest.fixture
def page(bilingual_services: Any, port: int) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    app = serve(bilingual_services, port=port, block=False)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/", wait_until="domcontentloaded")
            page.get_by_role("textbox").first.wait_for(timeout=30_000)
            yield page
            browser.close()
    finally:
        app.close()


def test_ask_in_the_browser_shows_answer_sources_and_banner(page: Any, tmp_path: Path) -> None:
    assert page.locator("#offline-banner").is_visible()
    box = page.get_by_role("textbox").first
    box.fill("Wie schreibe ich einen guten Prompt für einen KI-Chatbot?")
    box.press("Enter")
    page.get_by_text("Quellen").first.wait_for(timeout=60_000)
    body = page.inner_text("body")
    assert "Gute Prompts für KI-Chatbots" in body and "[1]" in body
    shot = Path(os.environ.get("E2E_SCREENSHOT", tmp_path / "chat.png"))
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_a_planning_request_gets_a_timed_agenda(page: Any) -> None:
    box = page.get_by_role("textbox").first
    box.fill("Please prepare our second session on video calls, 45 minutes")
    box.press("Enter")
    page.get_by_text("Agenda (45 min)").first.wait_for(timeout=60_000)
    body = page.inner_text("body")
    assert "Session 2 of 6" in body and "Check-in on the last session" in body
