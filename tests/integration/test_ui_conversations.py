"""Conversations through the UI's API as people run them: two turns in German and in English, a restart of the
server on the same data dir, and two signed-in users who cannot reach each other's conversations."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.container import Services, build
from tests.conftest import free_port
from tests.support.ui import USERS, client, launch

pytestmark = [pytest.mark.integration, pytest.mark.slow]

CONVERSATIONS = {
    "de": [
        "Plane unsere zweite Sitzung zu Videokonferenzen, 45 Minuten",
        "Wie erkenne ich eine Phishing-Mail?",
    ],
    "en": [
        "Please prepare our second session on video calls, 45 minutes",
        "How can I recognise a phishing email?",
    ],
}


def chat(api: Any, message: str, conversation: str = "", mode: str = "auto") -> tuple[str, str, str]:
    answer, conversation, turn = api.predict(message, mode, conversation, api_name="/chat")
    return str(answer), str(conversation), str(turn)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_two_turns_in_one_conversation(lang: str, bilingual_services: Services, port: int) -> None:
    first, second = CONVERSATIONS[lang]
    app = launch(bilingual_services, port)
    try:
        api = client(port)
        plan, conversation, turn = chat(api, first)
        answer, again, next_turn = chat(api, second, conversation)
        opened = api.predict(conversation, api_name="/open")
    finally:
        app.close()
    assert (again, turn, next_turn) == (conversation, f"{conversation}/1", f"{conversation}/2")
    assert ("Sitzung 2 von 6: Videokonferenzen" if lang == "de" else "Session 2 of 6") in plan
    assert ("Ablauf (45 min)" if lang == "de" else "Agenda (45 min)") in plan
    assert ("<b>Quellen</b>" if lang == "de" else "<b>Sources</b>") in answer
    assert [(t["message"], t["answer"]) for t in opened["turns"]] == [(first, plan), (second, answer)]
    stored = bilingual_services.conversations.get("local", conversation)
    assert [t.mode for t in stored.history] == ["prepare", "ask"]
    assert [t.result["language"] for t in stored.history] == [lang, lang]
    assert stored.state["turn"] == 2 and stored.title == first


EDITS = {
    "de": ("Bitte nur 60 Minuten", "Sitzung 2 von 6: Videokonferenzen", "Ablauf (60 min)"),
    "en": ("Make it 60 minutes", "Session 2 of 6: video calls", "Agenda (60 min)"),
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_second_turn_edits_the_plan_of_the_first(
    lang: str, bilingual_services: Services, port: int
) -> None:
    edit, title, agenda = EDITS[lang]
    app = launch(bilingual_services, port)
    try:
        api = client(port)
        _, conversation, _ = chat(api, CONVERSATIONS[lang][0])
        edited, again, turn = chat(api, edit, conversation)
    finally:
        app.close()
    assert (again, turn) == (conversation, f"{conversation}/2")
    assert title in edited and agenda in edited and "(45 min)" not in edited
    first, second = bilingual_services.conversations.get("local", conversation).history
    assert (second.message, second.mode) == (edit, "prepare") and second.result["language"] == lang
    assert (first.parameters["minutes"], second.parameters["minutes"]) == (45, 60)
    assert second.parameters["topic"] == first.parameters["topic"]


def test_a_restarted_server_opens_and_continues_the_conversation(bilingual_services: Services) -> None:
    settings, embeddings = bilingual_services.settings, bilingual_services.embeddings
    port = free_port()
    app = launch(build(settings, embeddings=embeddings), port)
    try:
        plan, conversation, _ = chat(client(port), CONVERSATIONS["en"][0])
    finally:
        app.close()
    port = free_port()  # a new process would bind anew; a new Services opens the database anew
    app = launch(build(settings, embeddings=embeddings), port)
    try:
        api = client(port)
        opened = api.predict(conversation, api_name="/open")
        _, again, turn = chat(api, CONVERSATIONS["en"][1], conversation)
        reopened = api.predict(conversation, api_name="/open")
    finally:
        app.close()
    assert [(t["message"], t["answer"]) for t in opened["turns"]] == [(CONVERSATIONS["en"][0], plan)]
    assert (again, turn) == (conversation, f"{conversation}/2") and len(reopened["turns"]) == 2


def test_another_user_can_neither_see_nor_change_a_conversation(
    bilingual_services: Services, port: int
) -> None:
    from gradio_client.exceptions import AppError

    store = bilingual_services.conversations
    app = launch(bilingual_services, port, auth=USERS)
    try:
        user_a, user_b = client(port, USERS[0]), client(port, USERS[1])
        _, conversation, turn = chat(user_a, CONVERSATIONS["de"][0])
        user_a.predict(turn, "up", "passt", api_name="/rate")
        before = store.get("user-a", conversation)
        assert conversation in {c["id"] for c in user_a.predict(api_name="/conversations")}
        assert conversation not in {c["id"] for c in user_b.predict(api_name="/conversations")}
        calls = {
            "/open": (conversation,),
            "/rename": (conversation, "Meins"),
            "/delete": (conversation,),
            "/download": (conversation,),
            "/rate": (turn, "down", "nein"),
            "/chat": (CONVERSATIONS["de"][1], "auto", conversation),
        }
        refused = {}
        for endpoint, args in calls.items():
            with pytest.raises(AppError) as error:
                user_b.predict(*args, api_name=endpoint)
            refused[endpoint] = str(error.value)
        with pytest.raises(AppError) as missing:
            user_b.predict("0000beef", api_name="/open")
    finally:
        app.close()
    for endpoint, message in refused.items():  # "not found", exactly like a conversation nobody has
        assert message == str(missing.value).replace("0000beef", conversation), endpoint
    assert store.get("user-a", conversation) == before
    assert before.title == CONVERSATIONS["de"][0] and before.history[0].rating is not None
    assert [c.id for c in store.summaries("user-b")] == []


def test_without_signing_in_the_api_is_closed(bilingual_services: Services, port: int) -> None:
    from gradio_client.exceptions import AuthenticationError

    app = launch(bilingual_services, port, auth=USERS)
    try:
        with pytest.raises(AuthenticationError, match="credentials were not provided"):
            client(port).predict(api_name="/conversations")
        with pytest.raises(ValueError, match="Could not login"):
            client(port, ("user-a", "wrong-password"))
    finally:
        app.close()


FOLLOW_UPS = {
    "en": ("What is active listening?", "And how would I practise that with my mentee?", "active listening"),
    "de": ("Was ist aktives Zuhören?", "Und wie übe ich das mit meiner Führungskraft?", "aktives Zuhören"),
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_follow_up_question_is_answered_from_the_earlier_subject(
    lang: str, bilingual_services: Services, port: int
) -> None:
    question, follow_up, subject = FOLLOW_UPS[lang]
    app = launch(bilingual_services, port)
    try:
        api = client(port)
        _, conversation, _ = chat(api, question)
        _, again, turn = chat(api, follow_up, conversation)
    finally:
        app.close()
    assert (again, turn) == (conversation, f"{conversation}/2")
    first, second = bilingual_services.conversations.get("local", conversation).history
    assert (first.mode, second.mode) == ("ask", "ask")
    assert subject.lower() in second.parameters["standalone"].lower()  # retrieved for what was discussed
    assert "listening.de" in [s["doc_id"] for s in second.sources]
