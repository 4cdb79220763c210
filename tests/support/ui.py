"""The web UI on 127.0.0.1 for tests: launched like `serve`, optionally with Gradio sign-in, and a client."""

from __future__ import annotations

from typing import Any

from assistant.container import Services
from assistant.ui.app import build_app

USERS = [("user-a", "pw-a-12345"), ("user-b", "pw-b-12345")]


def launch(services: Services, port: int, auth: list[tuple[str, str]] | None = None) -> Any:
    """The app running in the background, as `serve(..., block=False)` runs it, with `auth` when given."""
    app = build_app(services)
    app.queue(default_concurrency_limit=4)
    app.launch(
        server_name="127.0.0.1",
        server_port=port,
        share=False,
        prevent_thread_lock=True,
        show_error=True,
        quiet=True,
        auth=auth,
    )
    return app


def client(port: int, user: tuple[str, str] | None = None) -> Any:
    """A gradio_client Client for the app on `port`, signed in as `user` when given."""
    from gradio_client import Client

    return Client(f"http://127.0.0.1:{port}/", auth=user, verbose=False)
