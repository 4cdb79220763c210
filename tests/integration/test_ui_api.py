"""The UI's named endpoints over real HTTP with gradio_client: one test per endpoint, real SQLite behind them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.container import Services
from assistant.ui.api import ENDPOINTS
from tests.conftest import free_port
from tests.support.ui import client, launch

pytestmark = [pytest.mark.integration, pytest.mark.slow]

PLAN = "Please prepare our second session on video calls, 45 minutes"
PHISHING = "Wie erkenne ich eine Phishing-Mail?"


@pytest.fixture(scope="module")
def app(bilingual_services: Services) -> Iterator[Any]:
    """The app for the local user (no sign-in), with a client; one server for the module."""
    port = free_port()
    running = launch(bilingual_services, port)
    yield client(port)
    running.close()


def chat(api: Any, message: str, mode: str = "auto", conversation: str = "") -> tuple[str, str, str]:
    answer, conversation, turn = api.predict(message, mode, conversation, api_name="/chat")
    return str(answer), str(conversation), str(turn)


def test_every_endpoint_is_named(app: Any) -> None:
    named = set(app.view_api(print_info=False, return_format="dict")["named_endpoints"])
    assert {f"/{name}" for name in ENDPOINTS} <= named
    assert not {name for name in named if name.startswith("/page_")}  # the page's own events are private


def test_chat_stores_the_turn_and_continues_the_conversation(app: Any, bilingual_services: Services) -> None:
    answer, conversation, turn = chat(app, PLAN, "prepare")
    assert turn == f"{conversation}/1" and "Agenda (45 min)" in answer
    again, same, second = chat(app, PHISHING, "ask", conversation)
    assert (same, second) == (conversation, f"{conversation}/2") and "<b>Quellen</b>" in again
    stored = bilingual_services.conversations.get("local", conversation)
    assert [t.message for t in stored.history] == [PLAN, PHISHING]
    assert [t.mode for t in stored.history] == ["prepare", "ask"]


def test_conversations_lists_the_new_conversation_first_with_its_title(app: Any) -> None:
    _, conversation, _ = chat(app, "Wie gebe ich meiner Führungskraft konstruktives Feedback?")
    listed = app.predict(api_name="/conversations")
    assert listed[0]["id"] == conversation
    assert listed[0]["title"] == "Wie gebe ich meiner Führungskraft konstruktives Feedback?"
    assert listed[0]["turns"] == 1 and listed[0]["mode"] in {"ask", "feedback"}


def test_open_returns_the_turns_with_their_answers_as_text(app: Any) -> None:
    remark = "Ist das okay: „<b>Sie</b> sind immer so chaotisch in Meetings.“"
    answer, conversation, turn = chat(app, remark, "feedback")
    opened = app.predict(conversation, api_name="/open")
    assert opened["id"] == conversation and [t["ref"] for t in opened["turns"]] == [turn]
    first = opened["turns"][0]
    assert first["message"] == remark and first["mode"] == "feedback" and first["rating"] is None
    assert first["answer"] == answer  # what the chat showed, read back from the store
    assert "&lt;b>Sie&lt;/b>" in answer and "<b>Sie" not in answer  # content is text, never HTML


def test_rename_changes_the_title_and_refuses_an_empty_one(app: Any) -> None:
    from gradio_client.exceptions import AppError

    _, conversation, _ = chat(app, PLAN, "prepare")
    renamed = app.predict(conversation, "Videokonferenzen, Sitzung 2", api_name="/rename")
    assert renamed["id"] == conversation and renamed["title"] == "Videokonferenzen, Sitzung 2"
    listed = {c["id"]: c["title"] for c in app.predict(api_name="/conversations")}
    assert listed[conversation] == "Videokonferenzen, Sitzung 2"
    with pytest.raises(AppError, match="A title is one line of 1 to 120 characters"):
        app.predict(conversation, "   ", api_name="/rename")


def test_delete_removes_the_conversation_with_its_turns(app: Any, bilingual_services: Services) -> None:
    from gradio_client.exceptions import AppError

    _, conversation, _ = chat(app, PHISHING, "ask")
    remaining = app.predict(conversation, api_name="/delete")
    assert conversation not in {c["id"] for c in remaining}
    assert conversation not in {c.id for c in bilingual_services.conversations.summaries("local")}
    with pytest.raises(AppError, match=f"No conversation '{conversation}'"):
        app.predict(conversation, api_name="/open")


def test_download_is_the_conversation_as_markdown(app: Any) -> None:
    _, conversation, _ = chat(app, PLAN, "prepare")
    chat(app, PHISHING, "ask", conversation)
    path = Path(app.predict(conversation, api_name="/download"))
    text = path.read_text(encoding="utf-8")
    assert path.name == f"tandem-{conversation}.md"
    assert text.startswith(f"# {PLAN}\n") and f"_{conversation} · 2 turns" in text
    assert f"> {PLAN}" in text and f"> {PHISHING}" in text and "## 2. ask" in text


def test_rate_stores_the_thumb_with_what_produced_the_answer(app: Any, bilingual_services: Services) -> None:
    from gradio_client.exceptions import AppError

    _, conversation, turn = chat(app, PLAN, "prepare")
    rating = app.predict(turn, "up", "agenda fits 45 minutes", api_name="/rate")
    assert (
        rating["turn"] == turn and rating["value"] == "up" and rating["comment"] == "agenda fits 45 minutes"
    )
    assert rating["prompt_version"].startswith("prepare@") and rating["backend"] == "offline"
    app.predict(turn, "down", "", api_name="/rate")  # rating again replaces the rating
    [stored] = bilingual_services.conversations.get("local", conversation).history
    assert stored.rating is not None and (stored.rating.value, stored.rating.comment) == ("down", "")
    assert app.predict(conversation, api_name="/open")["turns"][0]["rating"] == "down"
    with pytest.raises(AppError, match="A rating is up or down, not 'meh'"):
        app.predict(turn, "meh", "", api_name="/rate")
    with pytest.raises(AppError, match="has no turn 7"):
        app.predict(f"{conversation}/7", "up", "", api_name="/rate")


def test_tandems_lists_the_profiles_and_chat_links_a_conversation_to_one(
    app: Any, bilingual_services: Services
) -> None:
    from assistant.store import TandemProfile

    store = bilingual_services.store
    store.add_tandem(TandemProfile(name="tandem-ui", senior="Head of Sales", sessions_planned=4, lang="en"))
    store.log_session("tandem-ui", "Getting started", "agreed on goals and a learning agreement")
    assert "tandem-ui" in app.predict(api_name="/tandems")

    answer, conversation, _ = app.predict(
        "Plan our next session on Teams channels", "auto", "", "tandem-ui", api_name="/chat"
    )
    assert "Session 2 of 4" in answer  # the profile's next session and its planned number
    assert bilingual_services.conversations.get("local", conversation).tandem == "tandem-ui"

    logged, same, _ = chat(app, "log this session: we set up two channels", conversation=conversation)
    assert (
        same == conversation and "session 2 of 4" in logged.lower()
    )  # the link holds without naming it again
    assert [s.topic for s in store.tandem("tandem-ui").sessions][-1] == "Teams channels"

    with pytest.raises(Exception, match="No tandem profile named 'tandem-none'"):
        app.predict("Plan our next session", "auto", "", "tandem-none", api_name="/chat")
