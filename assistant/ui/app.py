"""The web UI's entry points: `build_app` (the Blocks app) and `serve` (launch it)."""

from __future__ import annotations

import os
from typing import Any

from assistant.container import Services

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")


def build_app(services: Services) -> Any:
    """The Blocks app: the conversation list beside the chat, ratings, and the named API endpoints
    (`ui/api.py`: /chat, /conversations, /open, /rename, /delete, /download, /rate)."""
    from assistant.ui.page import build_page

    return build_page(services)


def serve(services: Services, host: str = "127.0.0.1", port: int = 7860, block: bool = True) -> Any:
    """Launch on host:port; with block=False return the running app (for tests)."""
    from assistant.ui.signin import launch_options

    sign_in = launch_options(services)  # a login when TANDEM_AUTH_FILE is set; an empty users file is refused
    app = build_app(services)
    app.queue(default_concurrency_limit=4)
    app.launch(
        server_name=host,
        server_port=port,
        share=False,
        prevent_thread_lock=not block,
        show_error=True,
        quiet=not block,
        **sign_in,
    )
    return app
