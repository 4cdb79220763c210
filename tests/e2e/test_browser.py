"""A person's view: Debian's chromium, driven by Playwright, uses the web UI."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.container import Services
from assistant.ui.app import serve
from tests.support.ui import USERS, launch

pytestmark = [pytest.mark.e2e, pytest.mark.integration]
CHROMIUM = shutil.which("chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]

if not CHROMIUM:
    if os.environ.get("TANDEM_REQUIRE_BROWSER") == "1":
        raise RuntimeError("browser tests need Debian's chromium: apt-get install chromium")
    pytest.skip("chromium is not installed (apt-get install chromium)", allow_module_level=True)


@pytest.fixture
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(bilingual_services: Services, port: int, browser: Any) -> Iterator[Any]:
    app = serve(bilingual_services, port=port, block=False)
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"http://127.0.0.1:{port}/", wait_until="domcontentloaded")
        page.locator("#message textarea").wait_for(timeout=30_000)
        yield page
    finally:
        app.close()


def send(page: Any, message: str) -> None:
    box = page.locator("#message textarea")
    box.fill(message)
    box.press("Enter")


def test_ask_in_the_browser_shows_answer_sources_and_banner(page: Any, tmp_path: Path) -> None:
    assert page.locator("#offline-banner").is_visible()
    send(page, "Wie schreibe ich einen guten Prompt für einen KI-Chatbot?")
    page.get_by_text("Quellen").first.wait_for(timeout=60_000)
    body = page.inner_text("body")
    assert "Gute Prompts für KI-Chatbots" in body and "[1]" in body
    shot = Path(os.environ.get("E2E_SCREENSHOT", tmp_path / "chat.png"))
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_a_planning_request_gets_a_timed_agenda(page: Any) -> None:
    send(page, "Please prepare our second session on video calls, 45 minutes")
    page.get_by_text("Agenda (45 min)").first.wait_for(timeout=60_000)
    body = page.inner_text("body")
    assert "Session 2 of 6" in body and "Check-in on the last session" in body


PLAN = "Plan our third session on LinkedIn, 60 minutes"
PHISHING = "How can I recognise a phishing email?"


def test_a_signed_in_user_finds_the_conversation_after_a_reload(
    bilingual_services: Services, port: int, browser: Any
) -> None:
    store = bilingual_services.conversations
    app = launch(bilingual_services, port, auth=USERS)
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"http://127.0.0.1:{port}/", wait_until="domcontentloaded")
        page.locator("input[type=text]").fill("user-a")
        page.locator("input[type=password]").fill("pw-a-12345")
        page.get_by_role("button", name="Login").click()
        page.locator("#message textarea").wait_for(timeout=30_000)
        send(page, PLAN)
        page.get_by_text("Agenda (60 min)").first.wait_for(timeout=60_000)
        send(page, PHISHING)
        listed = page.locator("#conversations")
        listed.get_by_text(f"{PLAN} · 2").wait_for(timeout=60_000)
        [conversation] = [c.id for c in store.summaries("user-a") if c.title == PLAN]

        page.reload(wait_until="domcontentloaded")  # a new session: the signed-in user's list, nothing open
        page.locator("#message textarea").wait_for(timeout=30_000)
        listed.get_by_text(f"{PLAN} · 2").click(timeout=30_000)
        chat = page.locator("#chatbot")
        chat.get_by_text("Agenda (60 min)").wait_for(timeout=30_000)
        assert PHISHING in chat.inner_text() and "Sources" in chat.inner_text()

        chat.get_by_role("button", name="Like").last.click()
        page.locator("#status").get_by_text(f"rated {conversation}/2").wait_for(timeout=30_000)
        send(page, "Wie erkenne ich eine Phishing-Mail?")  # the opened conversation continues
        listed.get_by_text(f"{PLAN} · 3").wait_for(timeout=60_000)
    finally:
        app.close()
    stored = store.get("user-a", conversation)
    assert [t.message for t in stored.history] == [PLAN, PHISHING, "Wie erkenne ich eine Phishing-Mail?"]
    assert stored.history[1].rating is not None and stored.history[1].rating.value == "up"
    assert stored.history[0].rating is None


REMARK = "Ist das okay: „<img src=x onerror=window.pwned=1> Sie sind immer so chaotisch in Meetings.“"


def test_rename_rate_download_and_delete_with_content_shown_as_text(
    page: Any, bilingual_services: Services
) -> None:
    store = bilingual_services.conversations
    send(page, REMARK)
    chat, listed, status = page.locator("#chatbot"), page.locator("#conversations"), page.locator("#status")
    chat.get_by_text("SBI").first.wait_for(timeout=60_000)
    listed.get_by_text("<img src=x onerror=window.pwned=1>", exact=False).wait_for(timeout=30_000)
    assert page.evaluate("window.pwned") is None and "<img src=x" in chat.inner_text()
    [conversation] = [c.id for c in store.summaries("local") if c.title.startswith("Ist das okay: „<img")]

    page.locator("#title").get_by_role("textbox").fill("Feedback-Übung")
    page.locator("#rename").click()
    listed.get_by_text("Feedback-Übung · 1").wait_for(timeout=30_000)

    page.locator("#comment").get_by_role("textbox").fill("zu lang")
    chat.get_by_role("button", name="Dislike").last.click()
    status.get_by_text(f"rated {conversation}/1 👎: zu lang").wait_for(timeout=30_000)
    page.locator("#comment").get_by_role("textbox").fill("zu lang, sonst gut")
    page.locator("#save").click()
    status.get_by_text("zu lang, sonst gut").wait_for(timeout=30_000)
    rating = store.get("local", conversation).history[0].rating
    assert rating is not None and (rating.value, rating.comment) == ("down", "zu lang, sonst gut")

    with page.expect_download(timeout=30_000) as download:
        page.locator("#download").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert download.value.suggested_filename == f"tandem-{conversation}.md"
    assert text.startswith("# Feedback-Übung\n") and "rated down: zu lang, sonst gut" in text

    page.locator("#delete").click()
    status.get_by_text("deleted: Feedback-Übung").wait_for(timeout=30_000)
    assert "Feedback-Übung" not in listed.inner_text() and "SBI" not in chat.inner_text()
    assert conversation not in {c.id for c in store.summaries("local")}
