"""Who is asking, in the UI: the signed-in user when sign-in is on, the one local user otherwise.

Every UI handler that reads or writes stored data takes a `gr.Request` and asks this module, so the server, not
the page, decides whose conversations a request may see.
"""

from __future__ import annotations

from typing import Any

from assistant.store import DEFAULT_USER
from assistant.store.conversations import require_user


def current_user(request: Any | None) -> str:
    """The name Gradio signed the request in with, or the local user when the app runs without sign-in.

    A handler that was not handed its request is a bug; it must not act for the local user by mistake:

    >>> current_user(None)
    Traceback (most recent call last):
    ...
    RuntimeError: a UI handler ran without its gr.Request, so it cannot tell whom it acts for
    """
    if request is None:
        raise RuntimeError("a UI handler ran without its gr.Request, so it cannot tell whom it acts for")
    name = getattr(request, "username", None)
    return require_user(name) if name else DEFAULT_USER
