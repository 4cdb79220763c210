"""Sign-in over real HTTP: the Gradio server with a users file on 127.0.0.1, driven with httpx and gradio_client."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr  # at module level: Gradio finds the `gr.Request` parameter through the module's names
import httpx
import pytest
from argon2 import PasswordHasher
from langchain_core.embeddings import DeterministicFakeEmbedding

from assistant.auth import Accounts
from assistant.container import Services, build
from assistant.errors import ConfigError
from assistant.ui.app import serve
from assistant.ui.signin import AUTH_MESSAGE, launch_options
from assistant.ui.users import current_user
from tests.conftest import free_port, make_settings

pytestmark = pytest.mark.integration

PASSWORDS = {"user-a": "password of user-a", "user-b": "password of user-b"}
OLD_PARAMETERS = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
REMARK = "Sie hören mir nie zu."


@dataclass
class Running:
    url: str
    services: Services
    auth_file: Path


def services_for(tmp_path: Path, auth_file: Path | None) -> Services:
    """Offline services with quick fake embeddings (sign-in does not depend on the index)."""
    settings = make_settings(tmp_path, auth_file=auth_file)
    return build(settings, embeddings=DeterministicFakeEmbedding(size=32))


@pytest.fixture
def running(tmp_path: Path, port: int) -> Iterator[Running]:
    auth_file = tmp_path / "users.json"
    Accounts(auth_file, OLD_PARAMETERS).add("user-a", "junior", PASSWORDS["user-a"])  # renewed on sign-in
    Accounts(auth_file).add("user-b", "senior", PASSWORDS["user-b"])
    services = services_for(tmp_path, auth_file)
    app = serve(services, port=port, block=False)
    try:
        yield Running(f"http://127.0.0.1:{port}/", services, auth_file)
    finally:
        app.close()


def client(url: str, user: str | None = None, password: str | None = None) -> Any:
    from gradio_client import Client

    if user is None:
        return Client(url, verbose=False)
    return Client(url, verbose=False, auth=(user, PASSWORDS[user] if password is None else password))


def chat(signed_in: Any, message: str, mode: str, conversation: str = "") -> tuple[str, str, str]:
    """/chat: the answer's text, the conversation it is stored in, and the turn (ID/N)."""
    text, stored_in, turn = signed_in.predict(message, mode, conversation, api_name="/chat")
    return str(text), str(stored_in), str(turn)


def test_without_credentials_the_api_refuses(running: Running) -> None:
    from gradio_client.exceptions import AuthenticationError

    with pytest.raises(AuthenticationError, match="credentials were not provided"):
        client(running.url)
    config = httpx.get(running.url + "config", timeout=30)
    assert config.status_code == 401 and config.json()["detail"]["auth_message"] == AUTH_MESSAGE
    assert "Bitte melden Sie sich" in AUTH_MESSAGE and "Please sign in" in AUTH_MESSAGE
    for path in ("gradio_api/call/chat", "gradio_api/queue/join"):
        call = httpx.post(running.url + path, json={"data": [REMARK, "feedback"], "fn_index": 0}, timeout=30)
        assert call.status_code == 401, path
    for user, password in [
        ("user-a", "wrong password"),
        ("user-a", PASSWORDS["user-b"]),
        ("user-c", PASSWORDS["user-a"]),
        ("", PASSWORDS["user-a"]),
    ]:
        login = httpx.post(running.url + "login", data={"username": user, "password": password}, timeout=30)
        assert login.status_code in {400, 422} and "access-token" not in str(login.cookies), user
        with pytest.raises(ValueError, match="Could not login"):
            client(running.url, user, password)


def test_a_signed_in_user_chats_and_an_old_hash_is_renewed(running: Running) -> None:
    old = json.loads(running.auth_file.read_text(encoding="utf-8"))["users"][0]["hash"]
    answer, _, _ = chat(client(running.url, "user-a"), REMARK, "feedback")
    assert REMARK in answer and "nie" in answer
    renewed = json.loads(running.auth_file.read_text(encoding="utf-8"))["users"][0]["hash"]
    assert renewed != old and not PasswordHasher().check_needs_rehash(renewed)
    assert REMARK in chat(client(running.url, "user-a"), REMARK, "feedback")[0]  # the renewed hash works too

    running.auth_file.write_text("{damaged", encoding="utf-8")  # nobody gets in; the server keeps running
    with pytest.raises(ValueError, match="Could not login"):
        client(running.url, "user-b")
    assert running.auth_file.read_text(encoding="utf-8") == "{damaged"


def test_each_user_sees_only_their_own_turns(running: Running) -> None:
    from gradio_client.exceptions import AppError

    store = running.services.conversations
    user_a, user_b = client(running.url, "user-a"), client(running.url, "user-b")
    _, conversation, turn = chat(user_a, REMARK, "feedback")
    assert turn == f"{conversation}/1"
    mine = store.summaries("user-a")
    assert [(c.id, c.title, c.turns) for c in mine] == [(conversation, REMARK, 1)]
    assert store.summaries("user-b") == [] and store.summaries("local") == []

    messages = []  # user-b continuing user-a's conversation, then one that does not exist
    for target in (conversation, "0" * len(conversation)):
        with pytest.raises(AppError) as refused:
            chat(user_b, "Sie unterbrechen mich ständig.", "feedback", target)
        messages.append(str(refused.value).replace(target, "ID"))
    assert "No conversation 'ID' in user-b's history" in messages[0] and messages[0] == messages[1]
    assert REMARK not in messages[0] and store.get("user-a", conversation).turns == 1

    _, theirs, _ = chat(user_b, "Sie unterbrechen mich ständig.", "feedback")
    assert [c.id for c in store.summaries("user-b")] == [theirs] and theirs != conversation
    assert [c.id for c in store.summaries("user-a")] == [conversation]


def whoami_app(services: Services, port: int) -> Any:
    """A one-endpoint app launched like `serve()` launches the real one: it answers who the request acts for."""

    def whoami(request: gr.Request) -> str:
        return current_user(request)

    with gr.Blocks() as app:
        gr.Button("who am I").click(whoami, inputs=None, outputs=gr.Textbox(), api_name="whoami")
    app.launch(
        server_name="127.0.0.1",
        server_port=port,
        prevent_thread_lock=True,
        quiet=True,
        **launch_options(services),
    )
    return app


def test_requests_act_for_the_signed_in_user_or_the_local_one(tmp_path: Path, port: int) -> None:
    auth_file = tmp_path / "users.json"
    for user, password in PASSWORDS.items():
        Accounts(auth_file, OLD_PARAMETERS).add(user, "junior", password)
    signed = whoami_app(services_for(tmp_path, auth_file), port)
    other = free_port()
    open_app = whoami_app(services_for(tmp_path / "open", None), other)
    try:
        url = f"http://127.0.0.1:{port}/"
        assert client(url, "user-a").predict(api_name="/whoami") == "user-a"
        assert client(url, "user-b").predict(api_name="/whoami") == "user-b"
        assert client(f"http://127.0.0.1:{other}/").predict(api_name="/whoami") == "local"
    finally:
        signed.close()
        open_app.close()


def test_an_auth_file_without_users_is_refused_before_the_server_starts(tmp_path: Path, port: int) -> None:
    auth_file = tmp_path / "users.json"
    with pytest.raises(ConfigError, match=r"has no users yet.*tandem users add NAME --role admin"):
        serve(services_for(tmp_path, auth_file), port=port, block=False)
    Accounts(auth_file, OLD_PARAMETERS).add("user-a", "admin", PASSWORDS["user-a"])
    Accounts(auth_file, OLD_PARAMETERS).remove("user-a")
    with pytest.raises(ConfigError, match="has no users yet"):
        serve(services_for(tmp_path, auth_file), port=port, block=False)
    auth_file.write_text("[1, 2", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid JSON"):
        serve(services_for(tmp_path, auth_file), port=port, block=False)
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0  # nothing listens
